/**
 * Proof bundles: everything a client needs to check, without trusting Verity, that one Move
 * event was emitted on Sui. A bundle holds the certified checkpoint summary, the checkpoint's
 * contents, and the transaction's effects and events, each as the BCS bytes Sui hashes, plus
 * where the event sits (transaction digest, event index). `verifyProofBundle` checks it against
 * a committee the client trusts.
 */
import { fromBase64, toBase64 } from "@mysten/bcs";
import * as z from "zod";
import type { Checkpoint, CheckpointTransaction } from "../checkpoint.ts";

/** Version of the bundle format below; a verifier refuses others. */
export const PROOF_BUNDLE_VERSION = 1;

/** A proof bundle, parsed: the BCS parts as bytes. */
export interface ProofBundle {
  /** the event's transaction digest, base58 */
  txDigest: string;
  /** the event's position among its transaction's events (Sui's `event_seq`) */
  eventIndex: number;
  /**
   * BCS `Envelope<CheckpointSummary, AuthorityQuorumSignInfo>`: the summary of the checkpoint
   * holding the transaction and its validators' certificate (as Sui's light client stores them)
   */
  certifiedSummary: Uint8Array;
  /** BCS `CheckpointContents`, whose digest the summary names (`content_digest`) */
  contents: Uint8Array;
  /** BCS `TransactionEffects` of the transaction, whose digest the contents list */
  effects: Uint8Array;
  /** BCS `TransactionEvents` of the transaction, whose digest the effects name */
  events: Uint8Array;
}

const base64 = z.base64().transform((text) => fromBase64(text));

/**
 * A proof bundle as JSON (what `GET /v1/proofs/{txDigest}/{eventIndex}` serves and
 * `verity verify proof` reads): `version` (1), `checkpoint` and `epoch` (decimal strings: hints
 * for finding the committee, the certified summary decides), `txDigest`, `eventIndex`, and the
 * BCS parts in base64 (`certifiedSummary`, `contents`, `effects`, `events`).
 */
export const ProofBundleJson = z.object({
  version: z.literal(PROOF_BUNDLE_VERSION).describe("Bundle format version"),
  checkpoint: z
    .string()
    .regex(/^\d+$/)
    .describe("Checkpoint sequence number, decimal (a hint: the certified summary decides)"),
  epoch: z
    .string()
    .regex(/^\d+$/)
    .describe("Epoch whose committee certified the checkpoint, decimal (a hint, likewise)"),
  txDigest: z.string().min(1).describe("The event's transaction digest, base58"),
  eventIndex: z.number().int().nonnegative().describe("The event's index in its transaction"),
  certifiedSummary: z
    .base64()
    .describe("BCS Envelope<CheckpointSummary, AuthorityQuorumSignInfo>, base64"),
  contents: z.base64().describe("BCS CheckpointContents, base64"),
  effects: z.base64().describe("BCS TransactionEffects of the transaction, base64"),
  events: z.base64().describe("BCS TransactionEvents of the transaction, base64"),
});

/** A proof bundle's JSON form (see {@link ProofBundleJson}). */
export type ProofBundleJson = z.infer<typeof ProofBundleJson>;

const ProofBundleParts = ProofBundleJson.extend({
  certifiedSummary: base64,
  contents: base64,
  effects: base64,
  events: base64,
});

/** Why a proof bundle could not be read. */
export class ProofBundleFormatError extends Error {
  override name = "ProofBundleFormatError";
}

/**
 * Reads a bundle's JSON form (parsed JSON, or its text).
 *
 * @throws ProofBundleFormatError naming each field that is missing or malformed, or an
 *   unknown `version`
 */
export function proofBundleFromJson(json: unknown): ProofBundle {
  let value = json;
  if (typeof json === "string") {
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw new ProofBundleFormatError(`not JSON: ${(error as Error).message}`);
    }
  }
  const parsed = ProofBundleParts.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "bundle"}: ${i.message}`);
    throw new ProofBundleFormatError(`not a proof bundle: ${issues.join("; ")}`);
  }
  const { txDigest, eventIndex, certifiedSummary, contents, effects, events } = parsed.data;
  return { txDigest, eventIndex, certifiedSummary, contents, effects, events };
}

/**
 * The JSON form of `bundle`, whose checkpoint is `where.checkpoint` (sequence number) of epoch
 * `where.epoch`.
 */
export function proofBundleToJson(
  bundle: ProofBundle,
  where: { checkpoint: bigint | number; epoch: bigint | number },
): ProofBundleJson {
  return {
    version: PROOF_BUNDLE_VERSION,
    checkpoint: where.checkpoint.toString(),
    epoch: where.epoch.toString(),
    txDigest: bundle.txDigest,
    eventIndex: bundle.eventIndex,
    certifiedSummary: toBase64(bundle.certifiedSummary),
    contents: toBase64(bundle.contents),
    effects: toBase64(bundle.effects),
    events: toBase64(bundle.events),
  };
}

/**
 * The bundle of event `eventIndex` of `transaction` in `checkpoint`, from the proof parts the
 * source gave (copied, so the bundle does not pin the source's bytes).
 *
 * @throws Error when the source gave no proof parts, or the transaction emitted no events
 */
export function proofBundleOf(
  checkpoint: Checkpoint,
  transaction: CheckpointTransaction,
  eventIndex: number,
): ProofBundle {
  const parts = checkpoint.proofParts;
  const tx = transaction.proofParts;
  if (!parts || !tx)
    throw new Error(`checkpoint ${checkpoint.sequenceNumber} came without its proof parts`);
  if (!tx.events) throw new Error(`transaction ${transaction.digest} emitted no events`);
  return {
    txDigest: transaction.digest,
    eventIndex,
    certifiedSummary: parts.certifiedSummary.slice(),
    contents: parts.contents.slice(),
    effects: tx.effects.slice(),
    events: tx.events.slice(),
  };
}
