/** Attestations and inferences (PROV activities), one by id or a page at a time. */
import type { AttestationKindName } from "@verity/sdk";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { preparedPer } from "../once-per.ts";
import { attestations, inferences } from "../schema/provenance.ts";
import { type EntityEvent, eventIdOf, inRange, type TimeRange } from "./event-id.ts";
import { eqIf, type Page, type PageOptions, pageRows, toPage } from "./page.ts";

/** A recorded attestation. */
export interface Attestation {
  id: string;
  network: string;
  /**
   * a name of the sdk's `ATTESTATION_KIND_NAMES` (`transform` ... `generative_fine_tune`), or
   * `kind_<n>` for a kind the indexer does not know
   */
  kind: string;
  attesterId: string | null;
  signed: boolean;
  /** signed by an enclave attester (its key proven by a Nitro attestation document) */
  enclave: boolean;
  /** hex, empty when unsigned */
  publicKey: string;
  signature: string;
  submitter: string;
  inputs: string[];
  /** Walrus blob ids */
  inputBlobs: string[];
  /** SHA-256 (hex) of each input blob's content as signed, aligned with `inputBlobs` */
  inputSha256s: string[];
  outputs: string[];
  outputBlobs: string[];
  /** SHA-256 (hex) of each output blob's content, aligned with `outputBlobs` */
  outputSha256s: string[];
  /** hex */
  payloadDigest: string;
  /** signed time of the activity, ms */
  timestampMs: number;
  /** chain time when recorded, ms */
  recordedMs: number;
  event: EntityEvent;
}

/** Filters of `listAttestations`. */
export interface AttestationFilter extends TimeRange {
  kind?: AttestationKindName;
  attester?: string;
  signed?: boolean;
  enclave?: boolean;
  submitter?: string;
}

const attestationColumns = {
  id: attestations.attestationId,
  network: attestations.network,
  kind: attestations.kind,
  attesterId: attestations.attesterId,
  signed: attestations.signed,
  enclave: attestations.enclave,
  publicKey: attestations.publicKey,
  signature: attestations.signature,
  submitter: attestations.submitter,
  inputs: attestations.inputs,
  inputBlobs: attestations.inputBlobs,
  inputSha256s: attestations.inputSha256s,
  outputs: attestations.outputs,
  outputBlobs: attestations.outputBlobs,
  outputSha256s: attestations.outputSha256s,
  payloadDigest: attestations.payloadDigest,
  timestampMs: attestations.timestampMs,
  recordedMs: attestations.recordedMs,
  event: eventIdOf(attestations, attestations.attestationId),
};

const attestationById = preparedPer((db) =>
  db
    .select(attestationColumns)
    .from(attestations)
    .where(eq(attestations.attestationId, sql.placeholder("id")))
    .prepare("attestation_by_id"),
);

/** The attestation `id`, or undefined when none was recorded under it. */
export async function getAttestation(db: Db, id: string): Promise<Attestation | undefined> {
  const [row] = await attestationById(db).execute({ id });
  return row;
}

/**
 * Attestations matching `filter`, newest first (by signed time, then id).
 *
 * @throws RangeError for a limit outside 1..MAX_PAGE_LIMIT
 */
export async function listAttestations(
  db: Db,
  filter: AttestationFilter,
  options: PageOptions,
): Promise<Page<Attestation>> {
  const rows = await pageRows(
    db.select(attestationColumns).from(attestations).$dynamic(),
    { time: attestations.timestampMs, id: attestations.attestationId },
    [
      eqIf(attestations.kind, filter.kind),
      eqIf(attestations.attesterId, filter.attester),
      eqIf(attestations.signed, filter.signed),
      eqIf(attestations.enclave, filter.enclave),
      eqIf(attestations.submitter, filter.submitter),
      ...inRange(attestations.timestampMs, filter),
    ],
    options,
  );
  return toPage(rows, options.limit);
}

/** A recorded inference. */
export interface Inference {
  id: string;
  network: string;
  attestationId: string;
  modelId: string;
  attesterId: string;
  /** signed by an enclave attester */
  enclave: boolean;
  /** Walrus blob ids, URL-safe base64; digests hex */
  inputBlobId: string;
  inputSha256: string;
  outputBlobId: string;
  outputSha256: string;
  submitter: string;
  /** ms */
  timestampMs: number;
  event: EntityEvent;
}

/** Filters of `listInferences`. */
export interface InferenceFilter extends TimeRange {
  model?: string;
  submitter?: string;
}

const inferenceColumns = {
  id: inferences.inferenceId,
  network: inferences.network,
  attestationId: inferences.attestationId,
  modelId: inferences.modelId,
  attesterId: inferences.attesterId,
  enclave: inferences.enclave,
  inputBlobId: inferences.inputBlobId,
  inputSha256: inferences.inputSha256,
  outputBlobId: inferences.outputBlobId,
  outputSha256: inferences.outputSha256,
  submitter: inferences.submitter,
  timestampMs: inferences.timestampMs,
  event: eventIdOf(inferences, inferences.inferenceId),
};

const inferenceById = preparedPer((db) =>
  db
    .select(inferenceColumns)
    .from(inferences)
    .where(eq(inferences.inferenceId, sql.placeholder("id")))
    .prepare("inference_by_id"),
);

/** The inference `id`, or undefined when none was recorded under it. */
export async function getInference(db: Db, id: string): Promise<Inference | undefined> {
  const [row] = await inferenceById(db).execute({ id });
  return row;
}

/**
 * Inferences matching `filter`, newest first.
 *
 * @throws RangeError for a limit outside 1..MAX_PAGE_LIMIT
 */
export async function listInferences(
  db: Db,
  filter: InferenceFilter,
  options: PageOptions,
): Promise<Page<Inference>> {
  const rows = await pageRows(
    db.select(inferenceColumns).from(inferences).$dynamic(),
    { time: inferences.timestampMs, id: inferences.inferenceId },
    [
      eqIf(inferences.modelId, filter.model),
      eqIf(inferences.submitter, filter.submitter),
      ...inRange(inferences.timestampMs, filter),
    ],
    options,
  );
  return toPage(rows, options.limit);
}
