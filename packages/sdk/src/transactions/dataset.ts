/**
 * PTB builders for `verity::dataset`. Each appends its Move calls to `tx` and returns the last
 * one's result; the caller signs and executes. `packageId` is the published `verity` package
 * (from the deploy config). A derived dataset is registered in the PTB that records its
 * transform attestation (`attestation.record` / `recordSelf`), before `attestation.finalize`.
 */
import type {
  Transaction,
  TransactionArgument,
  TransactionObjectInput,
  TransactionResult,
} from "@mysten/sui/transactions";
import type { AiTermsInput } from "../contracts/verity/terms-json.ts";
import { aiTerms } from "./terms.ts";

/** Content of a dataset version: a Walrus blob and what it holds. */
export interface DatasetContent {
  /** Walrus blob id as a u256 (decimal string or bigint) */
  blobId: bigint | string;
  /** SHA-256 of the content, 32 bytes */
  sha256: Uint8Array;
  /** content size in bytes */
  size: bigint | number;
  /** IANA media type, e.g. `text/csv` */
  mediaType: string;
}

/** A dataset's descriptive fields, as registered. */
export interface DatasetFields extends DatasetContent {
  name: string;
  /** SPDX id where one exists, e.g. `CC-BY-4.0` */
  license: string;
  /**
   * Terms for AI use (C2PA / CAWG), as JSON: `{ ai_training: { use: "constrained",
   * constraints: ["non-commercial"] }, ai_generative_training: { use: "notAllowed" }, ... }`
   */
  terms: AiTermsInput;
  /** Seal policy object id (allowlist, timelock or subscription service), or null */
  policy?: string | null;
}

/**
 * `dataset::register`: registers and shares a dataset with no lineage; the result is its
 * `ID`. Appends the `terms` calls first (see `terms.aiTerms`). Aborts on chain with
 * `EInvalidSha256` or `EEmptyName`.
 *
 * @throws Error, leaving `tx` untouched, when `dataset.terms` is malformed
 */
export function register(
  tx: Transaction,
  packageId: string,
  dataset: DatasetFields,
): TransactionResult {
  const terms = aiTerms(tx, packageId, dataset.terms);
  return tx.moveCall({
    target: `${packageId}::dataset::register`,
    arguments: [
      tx.pure.string(dataset.name),
      tx.pure.u256(dataset.blobId),
      tx.pure.vector("u8", dataset.sha256),
      tx.pure.u64(dataset.size),
      tx.pure.string(dataset.mediaType),
      tx.pure.string(dataset.license),
      terms,
      tx.pure.option("id", dataset.policy ?? null),
      tx.object.clock(),
    ],
  });
}

/**
 * `dataset::begin_derived` on the output blob `content` of `transform`, then one
 * `dataset::add_parent` per parent; the result is the `DerivedDataset` builder.
 */
function beginDerived(
  tx: Transaction,
  packageId: string,
  transform: TransactionArgument,
  parents: readonly TransactionObjectInput[],
  content: DatasetContent,
): TransactionResult {
  const builder = tx.moveCall({
    target: `${packageId}::dataset::begin_derived`,
    arguments: [transform, tx.pure.u256(content.blobId), tx.pure.vector("u8", content.sha256)],
  });
  for (const parent of parents) {
    tx.moveCall({
      target: `${packageId}::dataset::add_parent`,
      arguments: [builder, tx.object(parent)],
    });
  }
  return builder;
}

/**
 * Registers the dataset the transform attestation `transform` (a `record` / `recordSelf`
 * result in this PTB, not yet finalized) wrote as its output blob `dataset.blobId` with
 * content SHA-256 `dataset.sha256`, derived from `parents` (every input dataset of the
 * transform): the `terms` calls (see `terms.aiTerms`), `begin_derived`, one `add_parent` per
 * parent, `finish_derived`. The result is the new dataset's `ID`. Aborts on chain unless every
 * input of the transform is a parent (`EInputsNotProven`), each parent's blob and SHA-256 are
 * among its input blobs,
 * `terms` are at least as strict as every parent's (`ETermsLooserThanParent`), and, for an
 * unsigned transform, every parent is the sender's.
 *
 * @throws Error, leaving `tx` untouched, when `dataset.terms` is malformed
 */
export function registerDerived(
  tx: Transaction,
  packageId: string,
  transform: TransactionArgument,
  parents: readonly TransactionObjectInput[],
  dataset: DatasetFields,
): TransactionResult {
  const terms = aiTerms(tx, packageId, dataset.terms);
  const builder = beginDerived(tx, packageId, transform, parents, dataset);
  return tx.moveCall({
    target: `${packageId}::dataset::finish_derived`,
    arguments: [
      builder,
      tx.pure.string(dataset.name),
      tx.pure.u64(dataset.size),
      tx.pure.string(dataset.mediaType),
      tx.pure.string(dataset.license),
      terms,
      tx.pure.option("id", dataset.policy ?? null),
      tx.object.clock(),
    ],
  });
}

/**
 * Registers, as the next version of `previous` (creator only), the dataset `transform` wrote
 * from `parents`: `begin_derived` + one `add_parent` per parent +
 * `finish_derived_version`. Name, license, terms and Seal policy are carried over from
 * `previous` (whose terms must be at least as strict as every parent's). The result is the
 * new version's `ID`. Aborts on chain as `registerDerived` does, and with `ENotCreator`,
 * `ERetracted` or `EAlreadySuperseded`.
 */
export function registerDerivedVersion(
  tx: Transaction,
  packageId: string,
  transform: TransactionArgument,
  parents: readonly TransactionObjectInput[],
  previous: TransactionObjectInput,
  content: DatasetContent,
): TransactionResult {
  const builder = beginDerived(tx, packageId, transform, parents, content);
  return tx.moveCall({
    target: `${packageId}::dataset::finish_derived_version`,
    arguments: [
      builder,
      tx.object(previous),
      tx.pure.u64(content.size),
      tx.pure.string(content.mediaType),
      tx.object.clock(),
    ],
  });
}

/**
 * `dataset::publish_version`: a new version of `previous` with new content and no lineage
 * (creator only; name, license, terms and policy carried over). The result is its `ID`.
 */
export function publishVersion(
  tx: Transaction,
  packageId: string,
  previous: TransactionObjectInput,
  content: DatasetContent,
): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::dataset::publish_version`,
    arguments: [
      tx.object(previous),
      tx.pure.u256(content.blobId),
      tx.pure.vector("u8", content.sha256),
      tx.pure.u64(content.size),
      tx.pure.string(content.mediaType),
      tx.object.clock(),
    ],
  });
}

/**
 * `dataset::set_terms`: replaces the dataset's terms (creator only) with `terms`, which must be
 * at least as strict in every use (`ETermsLoosened` on chain otherwise).
 *
 * @throws Error, leaving `tx` untouched, when `terms` is malformed
 */
export function setTerms(
  tx: Transaction,
  packageId: string,
  dataset: TransactionObjectInput,
  terms: AiTermsInput,
): TransactionResult {
  const value = aiTerms(tx, packageId, terms);
  return tx.moveCall({
    target: `${packageId}::dataset::set_terms`,
    arguments: [tx.object(dataset), value, tx.object.clock()],
  });
}

/** `dataset::retract`: retracts a dataset with a non-empty reason (creator only). */
export function retract(
  tx: Transaction,
  packageId: string,
  dataset: TransactionObjectInput,
  reason: string,
): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::dataset::retract`,
    arguments: [tx.object(dataset), tx.pure.string(reason), tx.object.clock()],
  });
}

/** `dataset::set_policy`: sets, or with null clears, the dataset's Seal policy (creator only). */
export function setPolicy(
  tx: Transaction,
  packageId: string,
  dataset: TransactionObjectInput,
  policy: string | null,
): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::dataset::set_policy`,
    arguments: [tx.object(dataset), tx.pure.option("id", policy), tx.object.clock()],
  });
}

/**
 * `dataset::migrate`: moves the dataset to the package's current version after an upgrade
 * that bumped it, with the package's `AdminCap` (`version::ENotOlder` when it is there
 * already). Call it on the new package.
 */
export function migrate(
  tx: Transaction,
  packageId: string,
  adminCap: TransactionObjectInput,
  dataset: TransactionObjectInput,
): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::dataset::migrate`,
    arguments: [tx.object(adminCap), tx.object(dataset)],
  });
}
