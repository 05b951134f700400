import { allowlist, transactions } from "@verity/sdk";
import type { SourceDataset } from "./dataset.ts";
import { DATASET_TERMS } from "./dataset-terms.ts";
import {
  attesterRegistered,
  type DatasetFields,
  type DemoAttester,
  datasetRegistered,
  emitted,
  registrationOf,
} from "./events.ts";
import { DEMO_ADMIN_CAP, DEMO_ATTESTER_REGISTRY, participants } from "./participants.ts";
import { MINUTE, type Stage } from "./stage.ts";

/** What the steward set up: the lab's attester, the Seal allowlist and the raw dataset. */
export interface Setup {
  attester: DemoAttester;
  allowlist: { id: string; members: string[] };
  raw: { id: string; fields: DatasetFields };
}

/**
 * The steward's first act: registers the lab's attester key (it holds the `AdminCap`), makes
 * the Seal allowlist with the lab and a researcher in it, and registers the raw dataset, exactly
 * the file the npm package ships, under it with its AI-use terms.
 */
export async function setUp(stage: Stage, raw: SourceDataset): Promise<Setup> {
  const { pkg, steward } = stage;
  const name = "penguin-lab attester";
  const key = participants.attester.getPublicKey().toRawBytes();
  const {
    created: [attesterId],
  } = await stage.step(
    participants.steward,
    0,
    (tx) =>
      transactions.attester.register(tx, pkg, DEMO_ADMIN_CAP, DEMO_ATTESTER_REGISTRY, name, key),
    (ids, now) => ({
      created: ["shared", "wrapped"],
      events: [attesterRegistered(ids(0), name, key, null, steward, now)],
    }),
  );

  const allowlistName = "palmer-penguins readers";
  const {
    created: [allowlistId, , capId],
  } = await stage.step(
    participants.steward,
    2 * MINUTE,
    (tx) => {
      const cap = transactions.allowlist.create(tx, pkg, allowlistName);
      tx.transferObjects([cap], steward);
    },
    (ids, now) => ({
      created: ["shared", "wrapped", { address: steward }],
      events: [
        emitted(
          "allowlist",
          "AllowlistCreated",
          allowlist.AllowlistCreated.serialize({
            allowlist_id: ids(0),
            cap_id: ids(2),
            name: allowlistName,
            creator: steward,
            timestamp_ms: now,
          }),
        ),
      ],
    }),
  );
  const members = [stage.lab, participants.researcher.toSuiAddress()];
  await stage.step(
    participants.steward,
    MINUTE,
    (tx) => {
      for (const member of members)
        transactions.allowlist.add(tx, pkg, allowlistId!, capId!, member);
    },
    (_, now) => ({
      created: [],
      events: members.map((member) =>
        emitted(
          "allowlist",
          "AllowlistMemberAdded",
          allowlist.AllowlistMemberAdded.serialize({
            allowlist_id: allowlistId!,
            member,
            admin: steward,
            timestamp_ms: now,
          }),
        ),
      ),
    }),
  );

  const fields: DatasetFields = {
    name: `palmer-penguins (${raw.origin})`,
    content: raw.content,
    license: raw.license,
    terms: DATASET_TERMS.raw,
    policy: allowlistId!,
  };
  const {
    created: [rawId],
  } = await stage.step(
    participants.steward,
    5 * MINUTE,
    (tx) => transactions.dataset.register(tx, pkg, registrationOf(fields)),
    (ids, now) => ({
      created: ["shared"],
      events: [datasetRegistered(ids(0), steward, fields, null, now)],
    }),
  );

  return {
    attester: { id: attesterId!, name, signer: participants.attester, enclave: false },
    allowlist: { id: allowlistId!, members },
    raw: { id: rawId!, fields },
  };
}
