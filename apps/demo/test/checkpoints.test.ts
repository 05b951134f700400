/**
 * The demo's checkpoint files are well formed as Sui's: they decode with the indexer's decoder
 * with every digest verified, chain together, are certified by the demo committee (real BLS),
 * carry transactions signed by their senders, and events that decode with the sdk's layouts;
 * and every run makes the same bytes.
 */
import { TransactionDataBuilder } from "@mysten/sui/transactions";
import { toBase64 } from "@mysten/sui/utils";
import { verifyTransactionSignature } from "@mysten/sui/verify";
import {
  checkpointFromData,
  committeeFromBcs,
  decodeCertifiedSummary,
  decodeCheckpointData,
  verifyCheckpointCertificate,
} from "@verity/checkpoints";
import { isVerityEventName, verityEvents } from "@verity/sdk";
import { beforeAll, describe, expect, it } from "vitest";
import { demoCommitteeBcs } from "../src/committee.ts";
import { DEMO_PACKAGE_ID, makeDemo } from "../src/index.ts";

/** The sdk's layout of a `verity` event; throws for a type the sdk does not know. */
const layoutOf = ({ module, struct }: { module: string; struct: string }) => {
  const type = `${module}::${struct}`;
  if (!isVerityEventName(type)) throw new Error(`not a verity event: ${type}`);
  return verityEvents[type];
};

let demo: Awaited<ReturnType<typeof makeDemo>>;
beforeAll(async () => {
  demo = await makeDemo();
}, 120_000);

describe("the demo's checkpoints", () => {
  it("decode with every digest verified, and chain from one to the next", () => {
    let previous: string | null = null;
    demo.checkpoints.forEach((file, i) => {
      const data = decodeCheckpointData(file.bytes, `${file.sequenceNumber}.chk`);
      const checkpoint = checkpointFromData(data); // checks the content, tx, effects, events digests
      expect(checkpoint.sequenceNumber).toBe(BigInt(i));
      expect(checkpoint.digest).toBe(file.digest);
      expect(data.checkpointSummary.data.value.previousDigest).toBe(previous);
      expect(checkpoint.transactions.map((tx) => tx.digest)).toEqual([
        demo.story.chain.executed[i]!.digest,
      ]);
      previous = checkpoint.digest;
    });
  });

  it("are certified by a quorum of the demo committee, and a changed summary is refused", () => {
    const committee = committeeFromBcs(demoCommitteeBcs());
    expect(committee.members.map((m) => [m.publicKey.length, m.votingPower])).toEqual(
      Array(4).fill([96, 2500n]),
    );
    const signers = new Set<number>();
    for (const file of demo.checkpoints) {
      const certified = verifyCheckpointCertificate(decodeCertifiedSummary(file.bytes), committee);
      expect(certified).toMatchObject({
        sequenceNumber: BigInt(file.sequenceNumber),
        epoch: 1n,
        validators: 4,
        votingPower: 7500n,
      });
      for (const signer of certified.signers) signers.add(signer);
    }
    expect([...signers].sort()).toEqual([0, 1, 2, 3]);

    const changed = Uint8Array.from(demo.checkpoints[0]!.bytes);
    const at = 1 + 8 + 8 + 8 + 1 + 5; // tag, epoch, sequence number, transactions: a content digest byte
    changed[at] = (changed[at] as number) ^ 0x01;
    expect(() => verifyCheckpointCertificate(decodeCertifiedSummary(changed), committee)).toThrow(
      "the aggregate signature of 3 signers does not verify over checkpoint 0's summary",
    );
  });

  it("hold transactions whose digests and sender signatures are Sui's", async () => {
    for (const file of demo.checkpoints) {
      const data = decodeCheckpointData(file.bytes);
      for (const tx of data.transactions) {
        const signed = tx.transaction.data[0]!;
        const bytes = signed.intentMessage.value.bcs;
        const effects = tx.effects.value;
        expect(TransactionDataBuilder.getDigestFromBytes(bytes)).toBe(
          effects.$kind === "V2" ? effects.V2.transactionDigest : undefined,
        );
        const signer = await verifyTransactionSignature(bytes, toBase64(signed.txSignatures[0]!));
        expect(signer.toSuiAddress()).toBe(signed.intentMessage.value.value.V1.sender);
        expect(effects.$kind === "V2" && effects.V2.status.$kind).toBe("Success");
      }
    }
  });

  it("carry the story's events, each decoding with the sdk's layout to its last byte", () => {
    const events = demo.checkpoints.flatMap(
      (file) => checkpointFromData(decodeCheckpointData(file.bytes)).transactions[0]!.events,
    );
    const inferred = ["attestation::AttestationRecorded", "inference::InferenceRecorded"];
    expect(events.map((e) => `${e.module}::${e.struct}`)).toEqual([
      "attester::AttesterRegistered",
      "allowlist::AllowlistCreated",
      "allowlist::AllowlistMemberAdded",
      "allowlist::AllowlistMemberAdded",
      "dataset::DatasetRegistered",
      "attestation::AttestationRecorded",
      "dataset::DatasetRegistered",
      "attestation::AttestationRecorded",
      "model::ModelRegistered",
      "attestation::AttestationRecorded",
      "dataset::DatasetRegistered",
      "attestation::AttestationRecorded",
      "dataset::DatasetTermsSet",
      ...inferred,
      "enclave::EnclaveConfigCreated",
      "attester::AttesterRegistered",
      ...demo.story.inferences.slice(1).flatMap(() => inferred),
      "dataset::DatasetRetracted",
    ]);
    for (const event of events) {
      expect(event.packageId).toBe(DEMO_PACKAGE_ID);
      const layout = layoutOf(event);
      const value = layout.parse(event.contents);
      expect(layout.serialize(value as never).toBytes()).toEqual(event.contents);
    }
  });

  it("create, in each transaction's effects, every object its events name as new", () => {
    /** The field of each event that names the object its transaction created. */
    const NEW: Record<string, string[]> = {
      "attester::AttesterRegistered": ["attester_id"],
      "allowlist::AllowlistCreated": ["allowlist_id", "cap_id"],
      "dataset::DatasetRegistered": ["dataset_id"],
      "attestation::AttestationRecorded": ["attestation_id"],
      "model::ModelRegistered": ["model_id"],
      "inference::InferenceRecorded": ["inference_id"],
      "enclave::EnclaveConfigCreated": ["config_id"],
    };
    let named = 0;
    for (const file of demo.checkpoints) {
      const data = decodeCheckpointData(file.bytes);
      const effects = data.transactions[0]!.effects.value;
      const created = new Set(
        effects.$kind === "V2"
          ? effects.V2.changedObjects.flatMap(([id, change]) =>
              change.idOperation.$kind === "Created" ? [id] : [],
            )
          : [],
      );
      for (const event of checkpointFromData(data).transactions[0]!.events) {
        const value = layoutOf(event).parse(event.contents) as Record<string, string>;
        for (const field of NEW[`${event.module}::${event.struct}`] ?? []) {
          expect(created.has(value[field]!), `${event.struct}.${field} is created`).toBe(true);
          named += 1;
        }
      }
    }
    expect(named).toBeGreaterThan(15);
  });

  it("are the same bytes on every run", async () => {
    const again = await makeDemo();
    expect(again.checkpoints.map((c) => toBase64(c.bytes))).toEqual(
      demo.checkpoints.map((c) => toBase64(c.bytes)),
    );
  });
});
