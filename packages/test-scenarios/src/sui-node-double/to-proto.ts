/** Normalized checkpoint -> the `sui.rpc.v2.Checkpoint` a full node would send (test tooling). */
import { GrpcTypes } from "@mysten/sui/grpc";
import type { Checkpoint } from "@verity/checkpoints";

/**
 * The full proto checkpoint (before any read mask) for `checkpoint`. Besides what the indexer
 * reads, it fills a few fields a real node sends too (the summary's sequence number, each
 * transaction's checkpoint, timestamp and index, each event's transaction digest and index), so
 * a read mask has something to leave out. The proto `Event`'s `package_id` and `module` (of the
 * called function, unknown here) are left unset.
 */
export function toProto(checkpoint: Checkpoint): GrpcTypes.Checkpoint {
  const { sequenceNumber, digest, epoch, timestampMs } = checkpoint;
  const timestamp = {
    seconds: timestampMs / 1000n,
    nanos: Number(timestampMs % 1000n) * 1_000_000,
  };
  return GrpcTypes.Checkpoint.create({
    sequenceNumber,
    digest,
    summary: { sequenceNumber, digest, epoch, timestamp },
    transactions: checkpoint.transactions.map((transaction, index) => ({
      digest: transaction.digest,
      transaction: { digest: transaction.digest, sender: transaction.sender },
      events: {
        events: transaction.events.map((event, eventIndex) => ({
          sender: event.sender,
          eventType: event.type,
          contents: { name: event.type, value: event.contents },
          checkpoint: sequenceNumber,
          transactionDigest: transaction.digest,
          eventIndex,
        })),
      },
      checkpoint: sequenceNumber,
      timestamp,
      transactionIndex: BigInt(index),
    })),
  });
}
