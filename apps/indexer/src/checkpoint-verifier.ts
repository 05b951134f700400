import type { Checkpoint } from "@verity/checkpoints";

/**
 * Checks checkpoints before the indexer commits their rows (`CertificateVerifier` checks their
 * certificates). The indexer submits every checkpoint the source yields, in stream order, and
 * waits for `verified` before committing a batch.
 */
export interface CheckpointVerifier {
  /** Starts checking `checkpoint`; resolves once it is queued (its outcome comes later). */
  submit(checkpoint: Checkpoint): Promise<void>;
  /**
   * Resolves once every checkpoint submitted up to `sequenceNumber` (inclusive) has passed.
   *
   * @throws the first failure among them: an Error naming the checkpoint and the check
   */
  verified(sequenceNumber: bigint): Promise<void>;
}
