import { describe, expect, it } from "vitest";
import {
  type AiTerms,
  commitBatch,
  commitCheckpoint,
  datasets,
  datasetTerms,
  getDataset,
  type Permission,
  type Rows,
} from "../src/index.ts";
import { drivers, useDatabase } from "./support/databases.ts";
import { readTable } from "./support/read.ts";
import { hex, sampleRows } from "./support/rows.ts";

const allowed: Permission = { use: "allowed", constraints: [] };
const notAllowed: Permission = { use: "notAllowed", constraints: [] };
const ALLOW_ALL: AiTerms = {
  ai_training: allowed,
  ai_generative_training: allowed,
  ai_inference: allowed,
  data_mining: allowed,
};
/** Each stricter than the one before. */
const TIGHTER: AiTerms[] = [
  { ...ALLOW_ALL, ai_training: { use: "constrained", constraints: ["attribution"] } },
  {
    ...ALLOW_ALL,
    ai_training: { use: "constrained", constraints: ["attribution", "non-commercial"] },
  },
  { ...ALLOW_ALL, ai_training: notAllowed, data_mining: notAllowed },
];

const DATASET = hex(0xd5);
const registration = (checkpoint: number): Rows => ({
  datasets: [
    {
      ...sampleRows(1).datasets![0]!,
      datasetId: DATASET,
      terms: ALLOW_ALL,
      checkpoint,
      txDigest: `tx${checkpoint}`,
      eventIndex: 0,
    },
  ],
});
/** `DatasetTermsSet` to `TIGHTER[i]`, in transaction `tx` of `checkpoint`. */
const tightening = (i: number, checkpoint: number, tx = "a"): Rows => ({
  datasetTermsChanges: [
    {
      datasetId: DATASET,
      terms: TIGHTER[i]!,
      creator: hex(1),
      timestampMs: checkpoint,
      checkpoint,
      txDigest: `tx${checkpoint}${tx}`,
      eventIndex: 0,
    },
  ],
});
const at = (sequenceNumber: number) => ({ sequenceNumber, timestampMs: sequenceNumber });

describe.each(drivers)("datasets.terms kept at write time ($name)", (driver) => {
  const t = useDatabase(driver);
  const termsNow = async () => (await readTable(t.db, datasets))[0]?.terms;

  it("takes the tightening committed with the registration, in the same checkpoint", async () => {
    await commitCheckpoint(t.db, "p", at(1), { ...registration(1), ...tightening(0, 1) });
    expect(await termsNow()).toEqual(TIGHTER[0]);
  });

  it("takes the last of several tightenings of one batch, in one checkpoint or several", async () => {
    await commitBatch(t.db, "p", [
      { checkpoint: at(1), rows: registration(1) },
      {
        checkpoint: at(2),
        rows: {
          datasetTermsChanges: [
            ...tightening(0, 2, "a").datasetTermsChanges!,
            // a later transaction of the same checkpoint: later in the rows (chain order)
            ...tightening(1, 2, "0").datasetTermsChanges!,
          ],
        },
      },
      { checkpoint: at(3), rows: {} },
    ]);
    expect(await termsNow()).toEqual(TIGHTER[1]);
    await commitCheckpoint(t.db, "p", at(4), tightening(2, 4));
    expect(await termsNow()).toEqual(TIGHTER[2]);
    const detail = await getDataset(t.db, DATASET);
    expect(detail?.terms).toEqual(TIGHTER[2]);
    expect(detail?.termsChanges).toHaveLength(3);
  });

  it("keeps the newest when an older batch is committed again", async () => {
    await commitCheckpoint(t.db, "p", at(1), registration(1));
    await commitCheckpoint(t.db, "p", at(2), tightening(0, 2));
    await commitCheckpoint(t.db, "p", at(3), tightening(1, 3));
    await commitCheckpoint(t.db, "p", at(2), tightening(0, 2));
    await commitCheckpoint(t.db, "p", at(1), registration(1));
    expect(await termsNow()).toEqual(TIGHTER[1]);
  });

  it("leaves the datasets no change names as registered", async () => {
    await commitCheckpoint(t.db, "p", at(1), registration(1));
    await commitCheckpoint(t.db, "p", at(2), {
      datasetTermsChanges: [{ ...tightening(2, 2).datasetTermsChanges![0]!, datasetId: hex(9) }],
    });
    expect(await termsNow()).toEqual(ALLOW_ALL);
  });

  it("reads the current terms of many datasets in one call, leaving out unknown ids", async () => {
    await commitCheckpoint(t.db, "p", at(1), registration(1));
    await commitCheckpoint(t.db, "p", at(2), tightening(1, 2));
    const terms = await datasetTerms(t.db, [DATASET, hex(9)]);
    expect([...terms]).toEqual([[DATASET, TIGHTER[1]]]);
    expect(await datasetTerms(t.db, [])).toEqual(new Map());
  });
});
