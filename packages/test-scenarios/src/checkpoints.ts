/** Builders of normalized checkpoints for tests (test tooling). */
import { normalizeSuiAddress } from "@mysten/sui/utils";
import type { Checkpoint, CheckpointEvent } from "@verity/checkpoints";

/** An event of `packageId::module::struct` with these BCS contents. */
export function event(
  packageId: string,
  module: string,
  struct: string,
  contents: Uint8Array,
  sender = "0x5e",
): CheckpointEvent {
  const pkg = normalizeSuiAddress(packageId);
  return {
    packageId: pkg,
    module,
    struct,
    type: `${pkg}::${module}::${struct}`,
    sender: normalizeSuiAddress(sender),
    contents,
  };
}

/** A checkpoint holding one transaction per event list. */
export function checkpoint(
  sequenceNumber: number,
  transactions: CheckpointEvent[][],
  timestampMs = 1_700_000_000_000 + sequenceNumber,
): Checkpoint {
  return {
    sequenceNumber: BigInt(sequenceNumber),
    digest: `checkpoint-${sequenceNumber}`,
    epoch: 1n,
    timestampMs: BigInt(timestampMs),
    transactions: transactions.map((events, i) => ({
      digest: `tx-${sequenceNumber}-${i}`,
      events,
    })),
  };
}
