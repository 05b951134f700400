/**
 * PTB builders for `verity::dataset` entry points. Each appends one Move call to `tx` and
 * returns its result; the caller signs and executes. `packageId` is the published `verity`
 * package (from the deploy config).
 */
import type { Transaction, TransactionArgument, TransactionResult } from "@mysten/sui/transactions";

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
  /** Seal policy object id (allowlist, timelock or subscription service), or null */
  policy?: string | null;
}

const fields = (tx: Transaction, d: DatasetFields) => [
  tx.pure.string(d.name),
  tx.pure.u256(d.blobId),
  tx.pure.vector("u8", d.sha256),
  tx.pure.u64(d.size),
  tx.pure.string(d.mediaType),
  tx.pure.string(d.license),
  tx.pure.option("id", d.policy ?? null),
  tx.object.clock(),
];

/** `dataset::register`: registers and shares a dataset; the result is its `ID`. */
export function register(
  tx: Transaction,
  packageId: string,
  dataset: DatasetFields,
): TransactionResult {
  return tx.moveCall({ target: `${packageId}::dataset::register`, arguments: fields(tx, dataset) });
}

/**
 * Registers a dataset derived from `parents` by the transform attestation `transform` (an
 * object id, or a `record` result in the same PTB): `begin_derived` + one `add_parent` per
 * parent + `finish_derived`. The result is the new dataset's `ID`.
 */
export function registerDerived(
  tx: Transaction,
  packageId: string,
  transform: string | TransactionArgument,
  parents: string[],
  dataset: DatasetFields,
): TransactionResult {
  const [builder] = tx.moveCall({
    target: `${packageId}::dataset::begin_derived`,
    arguments: [typeof transform === "string" ? tx.object(transform) : transform],
  });
  for (const parent of parents) {
    tx.moveCall({
      target: `${packageId}::dataset::add_parent`,
      arguments: [builder!, tx.object(parent)],
    });
  }
  return tx.moveCall({
    target: `${packageId}::dataset::finish_derived`,
    arguments: [builder!, ...fields(tx, dataset)],
  });
}

/** `dataset::publish_version`: a new version of `previous` with new content (creator only). */
export function publishVersion(
  tx: Transaction,
  packageId: string,
  previous: string,
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

/** `dataset::retract`: retracts a dataset with a reason (creator only). */
export function retract(
  tx: Transaction,
  packageId: string,
  dataset: string,
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
  dataset: string,
  policy: string | null,
): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::dataset::set_policy`,
    arguments: [tx.object(dataset), tx.pure.option("id", policy), tx.object.clock()],
  });
}
