/**
 * Checkpoint-store data for benchmarks: the real fixture checkpoints, renumbered, each carrying
 * one provenance story besides its own transactions, so a stream of them can be written in
 * either store format and read back through the real sources (test and benchmark tooling).
 */
import { toBase58 } from "@mysten/bcs";
import { parseStructTag } from "@mysten/sui/utils";
import { blake2b } from "@noble/hashes/blake2.js";
import {
  type Checkpoint,
  type CheckpointData,
  type CheckpointDataInput,
  suiDigest,
  TransactionEvents,
} from "@verity/checkpoints";

type Transaction = CheckpointData["transactions"][number];
type Effects = Transaction["effects"]["value"];

/** A base58 digest of its own for `label` (not the hash of any part: nothing checks it). */
const digestOf = (label: string) =>
  toBase58(blake2b(new TextEncoder().encode(label), { dkLen: 32 }));

/** `effects` naming `transactionDigest` (and `eventsDigest`, when given) instead of its own. */
function renamed(effects: Effects, transactionDigest: string, eventsDigest?: string): Effects {
  if ("V2" in effects && effects.V2) {
    const v2 = { ...effects.V2, transactionDigest };
    return { V2: eventsDigest === undefined ? v2 : { ...v2, eventsDigest } } as Effects;
  }
  const v1 = { ...effects.V1!, transactionDigest };
  return { V1: eventsDigest === undefined ? v1 : { ...v1, eventsDigest } } as Effects;
}

/**
 * Checkpoint `sequenceNumber`: `fixture` (a decoded real checkpoint, `decodeCheckpointData`)
 * renumbered, each of its transactions naming a digest of its own (derived from its own and
 * `sequenceNumber`, so repeats of a fixture are new rows), then one transaction per transaction
 * of `story` (a normalized checkpoint, as `provenanceScenario` makes them): `template`'s data and
 * effects (a real transaction, its sender and digests replaced by the story's) emitting the
 * story transaction's events as BCS `TransactionEvents`. The contents list every transaction
 * (effects digests made up) and the summary keeps its certificate and content digest, so the
 * digests do not tie together: read these without verifying them.
 */
export function storyCheckpointData(
  fixture: CheckpointData,
  story: Checkpoint,
  sequenceNumber: bigint,
  template: Transaction,
): CheckpointDataInput {
  const { data, authSignature } = fixture.checkpointSummary;
  const own = fixture.transactions.map((tx) => ({
    ...tx,
    effects: {
      value: renamed(
        tx.effects.value,
        digestOf(
          `${tx.effects.value.V2?.transactionDigest ?? tx.effects.value.V1?.transactionDigest}/${sequenceNumber}`,
        ),
      ),
    },
  }));
  const added = story.transactions.map((tx, i) => {
    const events = {
      data: tx.events.map((event) => {
        const tag = parseStructTag(event.type);
        return {
          packageId: event.packageId,
          transactionModule: event.module,
          sender: event.sender,
          type: { address: tag.address, module: tag.module, name: tag.name, typeParams: [] },
          contents: event.contents,
        };
      }),
    };
    const eventsDigest = toBase58(
      suiDigest("TransactionEvents", TransactionEvents.serialize(events).toBytes()),
    );
    const [signed] = template.transaction.data;
    const templateData = signed!.intentMessage.value.value;
    return {
      ...template,
      transaction: {
        ...template.transaction,
        data: [
          {
            ...signed!,
            intentMessage: {
              ...signed!.intentMessage,
              value: {
                value: {
                  V1: {
                    ...templateData.V1!,
                    sender: tx.events[0]?.sender ?? templateData.V1!.sender,
                  },
                },
              },
            },
          },
        ],
      },
      effects: {
        value: renamed(
          template.effects.value,
          digestOf(`${tx.digest}/${sequenceNumber}/${i}`),
          eventsDigest,
        ),
      },
      events: { value: events },
      inputObjects: [],
      outputObjects: [],
    };
  });
  const transactions = [...own, ...added];
  const contents = {
    V1: {
      transactions: transactions.map(({ effects }) => {
        const digest = (effects.value.V2 ?? effects.value.V1)!.transactionDigest;
        return { transaction: digest, effects: digestOf(`effects of ${digest}`) };
      }),
      userSignatures: transactions.map((tx) => tx.transaction.data[0]!.txSignatures),
    },
  };
  return {
    checkpointSummary: {
      data: { value: { ...data.value, sequenceNumber: String(sequenceNumber) } },
      authSignature,
    },
    checkpointContents: { value: contents },
    transactions,
  } as CheckpointDataInput;
}
