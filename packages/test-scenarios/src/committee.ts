/**
 * Test committees (test tooling): BLS12-381 validators in Sui's min-sig form whose quorum
 * certifies checkpoint summaries as a real committee does, so a test or a benchmark can give a
 * real checkpoint any epoch, sequence number or end-of-epoch data and a certificate that
 * `verifyCheckpointCertificate` accepts. Anyone can derive the keys from their label: they must
 * never certify anything outside tests.
 */
import { createHash } from "node:crypto";
import { BcsReader, toBase58 } from "@mysten/bcs";
import { bls12_381 } from "@noble/curves/bls12-381.js";
import {
  CertifiedCheckpointSummary,
  CheckpointSummary,
  type Committee,
  certifiedSummaryBcs,
  checkpointSigningMessage,
  committeeToBcs,
  QUORUM_VOTING_POWER,
  readerOffset,
  suiDigest,
} from "@verity/checkpoints";
import { RoaringBitmap32 } from "roaring-wasm";

const bls = bls12_381.shortSignatures;
const Fr = bls12_381.fields.Fr;

/** Sui's total voting power, which a committee's members share. */
const TOTAL_VOTING_POWER = 10_000;

/** A checkpoint summary's fields, as `CheckpointSummary` decodes them. */
type Summary = ReturnType<typeof CheckpointSummary.parse>;

/** A committee that signs: its `Committee`, its committee file, and its certificates. */
export interface TestCommittee {
  readonly committee: Committee;
  /** the committee file (`CommitteeBcs`), as `--committee` reads it */
  readonly bcs: Uint8Array;
  /** how many validators sign each certificate: the first ones, until they hold a quorum */
  readonly signers: number;
  /** the certificate (`AuthorityQuorumSignInfo`) of the summary whose BCS is `summaryBcs` */
  certify(summaryBcs: Uint8Array): { epoch: bigint; signature: Uint8Array; signersMap: Uint8Array };
}

/**
 * The committee of `epoch` with `validators` members (default 4) sharing the 10,000 voting
 * power equally (the first takes the remainder). Member `i`'s secret key comes from the SHA-384
 * of `${label} ${i}` (so the same label gives the same committee, whatever its epoch). A
 * certificate is signed by the fewest first members that hold a quorum; as their aggregate
 * signature over one message is the signature of the sum of their secret keys, it costs one
 * signature whatever their number, while verifying it aggregates their public keys as a real
 * certificate does.
 */
export function testCommittee(
  epoch: bigint,
  { validators = 4, label = "verity test validator" }: { validators?: number; label?: string } = {},
): TestCommittee {
  const share = Math.floor(TOTAL_VOTING_POWER / validators);
  const secretKeys = Array.from({ length: validators }, (_, i) =>
    bls12_381.utils.randomSecretKey(sha384(`${label} ${i}`)),
  );
  const committee: Committee = {
    epoch,
    members: secretKeys.map((secretKey, i) => ({
      publicKey: bls.getPublicKey(secretKey).toBytes(),
      votingPower: BigInt(share + (i === 0 ? TOTAL_VOTING_POWER - share * validators : 0)),
    })),
  };
  let signers = 0;
  for (let power = 0n; power < QUORUM_VOTING_POWER; signers++)
    power += (committee.members[signers] as Committee["members"][number]).votingPower;
  const signingKey = Fr.toBytes(
    secretKeys.slice(0, signers).reduce((sum, key) => Fr.add(sum, Fr.fromBytes(key)), Fr.ZERO),
  );
  const bitmap = new RoaringBitmap32(Array.from({ length: signers }, (_, i) => i));
  const signersMap = bitmap.serialize("portable");
  bitmap.dispose();
  return {
    committee,
    bcs: committeeToBcs(committee),
    signers,
    certify: (summaryBcs) => ({
      epoch,
      signature: bls.Signature.toBytes(
        bls.sign(bls.hash(checkpointSigningMessage(summaryBcs, epoch)), signingKey),
      ),
      signersMap,
    }),
  };
}

/** What `certifiedBy` changes in a summary besides its epoch. */
export interface SummaryChange {
  sequenceNumber?: bigint;
  /** the committee its end-of-epoch data names (making it the last of its epoch); null: none */
  nextCommittee?: Committee | null;
}

/**
 * The certified summary (BCS `Envelope<CheckpointSummary, AuthorityQuorumSignInfo>`) `envelope`
 * becomes when `by` certifies it in `by`'s epoch with `change` applied, and its checkpoint
 * digest. Its end-of-epoch data is kept unless `change.nextCommittee` says otherwise.
 */
export function certifiedBy(
  envelope: Uint8Array,
  by: TestCommittee,
  change: SummaryChange = {},
): { certifiedSummary: Uint8Array; digest: string } {
  const summary: Summary = readEnvelope(envelope).summary;
  const next = change.nextCommittee;
  const changed: Summary = {
    ...summary,
    epoch: by.committee.epoch.toString(),
    sequenceNumber: (change.sequenceNumber ?? BigInt(summary.sequenceNumber)).toString(),
    endOfEpochData:
      next === undefined
        ? summary.endOfEpochData
        : next && {
            nextEpochCommittee: next.members.map((m) => [m.publicKey, m.votingPower.toString()]),
            nextEpochProtocolVersion: "1",
            epochCommitments: [],
          },
  };
  const summaryBcs = CheckpointSummary.serialize(changed).toBytes();
  return {
    certifiedSummary: certifiedSummaryBcs(summaryBcs, by.certify(summaryBcs)),
    digest: toBase58(suiDigest("CheckpointSummary", summaryBcs)),
  };
}

/**
 * The checkpoint file (`.chk`) `file` becomes when its summary is certified by `by` with
 * `change` applied (see `certifiedBy`); its contents and transactions are kept byte for byte,
 * so their digests still tie to the summary.
 */
export function certifiedFile(
  file: Uint8Array,
  by: TestCommittee,
  change: SummaryChange = {},
): Uint8Array {
  const { length } = readEnvelope(file.subarray(1));
  const { certifiedSummary } = certifiedBy(file.subarray(1, 1 + length), by, change);
  const rest = file.subarray(1 + length);
  const out = new Uint8Array(1 + certifiedSummary.length + rest.length);
  out[0] = file[0] as number;
  out.set(certifiedSummary, 1);
  out.set(rest, 1 + certifiedSummary.length);
  return out;
}

/** The summary at the start of `bytes` (a certified summary's BCS) and the envelope's length. */
function readEnvelope(bytes: Uint8Array): { summary: Summary; length: number } {
  const reader = new BcsReader(bytes);
  const certified = CertifiedCheckpointSummary.read(reader);
  return { summary: certified.data.value, length: readerOffset(reader) };
}

/** SHA-384 of `text`. */
function sha384(text: string): Uint8Array {
  return new Uint8Array(createHash("sha384").update(text).digest());
}
