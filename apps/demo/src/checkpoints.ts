/**
 * Packing executed transactions into checkpoint-store files (`<seq>.chk`), one transaction per
 * checkpoint, with every digest computed as Sui does, so the files decode, and verify, exactly
 * as real ones: the effects digest listed in the contents, the contents digest in the summary,
 * the summary digest (the checkpoint digest) as the next summary's `previousDigest`, and each
 * summary certified by a quorum of the demo committee (`committee.ts`).
 */
import { toBase58 } from "@mysten/bcs";
import {
  CheckpointContents,
  CheckpointSummary,
  encodeCheckpointFile,
  suiDigest,
  TransactionData,
  TransactionEffects,
} from "@verity/checkpoints";
import { type ExecutedTransaction, SIMULATED_EPOCH } from "./chain.ts";
import { certifySummary } from "./committee.ts";

/** One encoded checkpoint. */
export interface CheckpointFile {
  sequenceNumber: number;
  /** checkpoint digest, base58 */
  digest: string;
  timestampMs: number;
  /** the `.chk` file's bytes */
  bytes: Uint8Array;
}

/**
 * The checkpoints `first`, `first + 1`, … holding `transactions`, one each, at each
 * transaction's time, each certified by the demo committee. The first has no previous digest
 * (the simulated chain starts there).
 */
export function encodeCheckpoints(
  transactions: readonly ExecutedTransaction[],
  first: number,
): CheckpointFile[] {
  const files: CheckpointFile[] = [];
  let previousDigest: string | null = null;
  const gas = {
    computationCost: 0n,
    storageCost: 0n,
    storageRebate: 0n,
    nonRefundableStorageFee: 0n,
  };
  transactions.forEach((tx, i) => {
    const effectsDigest = toBase58(
      suiDigest("TransactionEffects", TransactionEffects.serialize(tx.effects).toBytes()),
    );
    const contents = {
      V1: {
        transactions: [{ transaction: tx.digest, effects: effectsDigest }],
        userSignatures: [tx.signatures],
      },
    };
    const used = "V2" in tx.effects ? tx.effects.V2.gasUsed : tx.effects.V1.gasUsed;
    for (const key of Object.keys(gas) as (keyof typeof gas)[]) gas[key] += BigInt(used[key]);
    const summary = {
      epoch: SIMULATED_EPOCH,
      sequenceNumber: first + i,
      networkTotalTransactions: i + 1,
      contentDigest: toBase58(
        suiDigest("CheckpointContents", CheckpointContents.serialize(contents).toBytes()),
      ),
      previousDigest,
      epochRollingGasCostSummary: { ...gas },
      timestampMs: tx.timestampMs,
      checkpointCommitments: [],
      endOfEpochData: null,
      versionSpecificData: [],
    };
    const summaryBcs = CheckpointSummary.serialize(summary).toBytes();
    const digest = toBase58(suiDigest("CheckpointSummary", summaryBcs));
    const bytes = encodeCheckpointFile({
      checkpointSummary: {
        data: { value: summary },
        authSignature: certifySummary(summaryBcs, first + i),
      },
      checkpointContents: { value: contents },
      transactions: [
        {
          transaction: {
            data: [
              {
                intentMessage: {
                  intent: { scope: 0, version: 0, appId: 0 },
                  value: { value: TransactionData.parse(tx.data) },
                },
                txSignatures: tx.signatures,
              },
            ],
            authSignature: {},
          },
          effects: { value: tx.effects },
          events: tx.events && { value: tx.events },
          inputObjects: [],
          outputObjects: [],
        },
      ],
    });
    files.push({ sequenceNumber: first + i, digest, timestampMs: tx.timestampMs, bytes });
    previousDigest = digest;
  });
  return files;
}
