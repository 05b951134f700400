/**
 * BCS layouts of `verity::dataset` (move/verity/sources/dataset.move): the `Dataset` object
 * and its events. Field order is the Move declaration order; golden vectors captured from the
 * Move VM keep the two in step.
 */
import { bcs } from "@mysten/sui/bcs";
import { Address, BlobId, Bytes, ID, MoveString } from "./common.ts";
import { AiTerms } from "./terms.ts";

/** Fields shared by the `Dataset` object and its `DatasetRegistered` event, in Move order. */
const datasetFields = {
  creator: Address,
  name: MoveString,
  /** Walrus blob id of the content */
  blob_id: BlobId,
  /** SHA-256 of the content, 32 bytes */
  sha256: Bytes,
  /** bytes */
  size: bcs.u64(),
  media_type: MoveString,
  license: MoveString,
  /** terms for AI use (C2PA / CAWG training-and-data-mining) */
  terms: AiTerms,
  /** Seal policy (allowlist, timelock or subscription service) */
  policy: bcs.option(ID),
  parents: bcs.vector(ID),
  /** the transform attestation that produced it */
  transform: bcs.option(ID),
  /** whether the transform was signed by an attester (false when self-recorded or none) */
  lineage_signed: bcs.bool(),
  /** the version it replaces */
  previous: bcs.option(ID),
};

/** `verity::dataset::Dataset`: a registered dataset (shared object). */
export const Dataset = bcs.struct("Dataset", {
  id: ID,
  /** the package version it was made or migrated by (`verity::version`) */
  version: bcs.u64(),
  ...datasetFields,
  next: bcs.option(ID),
  revision: bcs.u64(),
  retracted: bcs.bool(),
});

/** `verity::dataset::DatasetRegistered`: a first registration, a derived dataset or a new version. */
export const DatasetRegistered = bcs.struct("DatasetRegistered", {
  dataset_id: ID,
  ...datasetFields,
  revision: bcs.u64(),
  /** ms since the Unix epoch, from `0x6::clock::Clock` */
  timestamp_ms: bcs.u64(),
});

/** `verity::dataset::DatasetRetracted`: the creator retracted a dataset. */
export const DatasetRetracted = bcs.struct("DatasetRetracted", {
  dataset_id: ID,
  creator: Address,
  reason: MoveString,
  timestamp_ms: bcs.u64(),
});

/** `verity::dataset::DatasetPolicySet`: the creator set or cleared the Seal policy. */
export const DatasetPolicySet = bcs.struct("DatasetPolicySet", {
  dataset_id: ID,
  policy: bcs.option(ID),
  creator: Address,
  timestamp_ms: bcs.u64(),
});

/** `verity::dataset::DatasetTermsSet`: the creator tightened the terms for AI use. */
export const DatasetTermsSet = bcs.struct("DatasetTermsSet", {
  dataset_id: ID,
  terms: AiTerms,
  creator: Address,
  timestamp_ms: bcs.u64(),
});
