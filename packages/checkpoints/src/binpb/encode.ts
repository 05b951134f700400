import { constants, zstdCompressSync } from "node:zlib";
import { GrpcTypes } from "@mysten/sui/grpc";
import { type CheckpointData, SuiObject } from "../chk/layouts/checkpoint.ts";

/**
 * The bytes of a `<seq>.binpb.zst` file holding the checkpoint of a decoded `.chk` file
 * (`decodeCheckpointData`), as Sui's `sui-checkpoint-blob-indexer` writes it: a
 * `sui.rpc.v2.Checkpoint` with only the fields of that writer's field mask (the sequence number,
 * the BCS of the summary, contents, each transaction's `TransactionData`, effects and events
 * (none when it emitted none), the validators' signature, and the BCS of every input and output
 * object, once per object version), in binary form, zstd-compressed at `level` (default 3, as
 * Sui's docs run the writer). The transactions' `unchanged_loaded_runtime_objects`, which a
 * `.chk` file lacks, are left out. The inverse of `decodeCheckpointBlob`, for stores written
 * from `.chk` files (tests, benchmarks, converting a store).
 *
 * @throws Error (from `@mysten/bcs`) when an object of `data` does not fit its layout
 */
export function encodeCheckpointBlob(data: CheckpointData, level = 3): Uint8Array {
  const { data: summary, authSignature } = data.checkpointSummary;
  const objects = new Map<string, Uint8Array>();
  for (const tx of data.transactions) {
    for (const object of [...tx.inputObjects, ...tx.outputObjects]) {
      const bcs = SuiObject.serialize(object, { maxSize: 1 << 28 });
      objects.set(bcs.toBase64(), bcs.toBytes()); // one object version, one entry
    }
  }
  const message = GrpcTypes.Checkpoint.create({
    sequenceNumber: BigInt(summary.value.sequenceNumber),
    summary: { bcs: { name: "CheckpointSummary", value: summary.bcs } },
    signature: {
      epoch: BigInt(authSignature.epoch),
      signature: Uint8Array.from(authSignature.signature),
      bitmap: Uint8Array.from(authSignature.signersMap),
    },
    contents: { bcs: { name: "CheckpointContents", value: data.checkpointContents.bcs } },
    transactions: data.transactions.map((tx) => ({
      transaction: {
        bcs: { name: "TransactionData", value: tx.transaction.data[0]!.intentMessage.value.bcs },
      },
      effects: { bcs: { name: "TransactionEffects", value: tx.effects.bcs } },
      ...(tx.events && { events: { bcs: { name: "TransactionEvents", value: tx.events.bcs } } }),
    })),
    objects: {
      objects: [...objects.values()].map((value) => ({ bcs: { name: "Object", value } })),
    },
  });
  return zstdCompressSync(GrpcTypes.Checkpoint.toBinary(message), {
    params: { [constants.ZSTD_c_compressionLevel]: level },
  });
}
