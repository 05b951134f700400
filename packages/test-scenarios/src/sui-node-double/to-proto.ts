/** Normalized checkpoint -> the `sui.rpc.v2.Checkpoint` a full node would send (test tooling). */
import { GrpcTypes } from "@mysten/sui/grpc";
import { type Checkpoint, decodeCertifiedSummary } from "@verity/checkpoints";

/**
 * The full proto checkpoint (before any read mask) for `checkpoint`. Besides what the indexer
 * reads, it fills a few fields a real node sends too (the summary's sequence number, each
 * transaction's checkpoint, timestamp and index, each event's transaction digest and index), so
 * a read mask has something to leave out. The proto `Event`'s `package_id` and `module` (of the
 * called function, unknown here) are left unset. The proof parts (summary, signature, contents,
 * effects and events as BCS) are filled when the checkpoint has them.
 */
export function toProto(checkpoint: Checkpoint): GrpcTypes.Checkpoint {
  const { sequenceNumber, digest, epoch, timestampMs } = checkpoint;
  const timestamp = {
    seconds: timestampMs / 1000n,
    nanos: Number(timestampMs % 1000n) * 1_000_000,
  };
  const parts = checkpoint.proofParts;
  const certified = parts && decodeCertifiedSummary(parts.certifiedSummary);
  return GrpcTypes.Checkpoint.create({
    sequenceNumber,
    digest,
    summary: {
      sequenceNumber,
      digest,
      epoch,
      timestamp,
      ...(certified && { bcs: { name: "CheckpointSummary", value: certified.data.bcs } }),
    },
    ...(certified && {
      signature: {
        epoch: BigInt(certified.authSignature.epoch),
        signature: Uint8Array.from(certified.authSignature.signature),
        bitmap: Uint8Array.from(certified.authSignature.signersMap),
      },
    }),
    ...(parts && { contents: { bcs: { name: "CheckpointContents", value: parts.contents } } }),
    transactions: checkpoint.transactions.map((transaction, index) => ({
      digest: transaction.digest,
      transaction: { digest: transaction.digest, sender: transaction.events[0]?.sender },
      ...(transaction.proofParts && {
        effects: { bcs: { name: "TransactionEffects", value: transaction.proofParts.effects } },
      }),
      events: {
        ...(transaction.proofParts?.events && {
          bcs: { name: "TransactionEvents", value: transaction.proofParts.events },
        }),
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
