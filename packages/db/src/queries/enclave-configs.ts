/** Enclave configs (the PCRs enclave attesters are registered against), by id or a page at a time. */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { preparedPer } from "../once-per.ts";
import type { EventId } from "../schema/columns.ts";
import { enclaveConfigRetirements, enclaveConfigs } from "../schema/provenance.ts";
import { type EntityEvent, eventIdOf } from "./event-id.ts";
import { eqIf, type Page, type PageOptions, pageRows, toPage } from "./page.ts";

/**
 * The admin's retirement of an enclave config (`EnclaveConfigRetired`): no enclave registers
 * under it from then on.
 */
export interface EnclaveConfigRetirement {
  /** the `AdminCap` holder who retired it */
  admin: string;
  /** ms */
  timestampMs: number;
  /** the `EnclaveConfigRetired` event; `objectId` is the config */
  event: EntityEvent;
}

/** An enclave image's measurements, published by the admin (`EnclaveConfigCreated`). */
export interface EnclaveConfig {
  id: string;
  network: string;
  name: string;
  /** `[PCR0, PCR1, PCR2]` hex (SHA-384, 48 bytes each) */
  pcrs: string[];
  /** the `AdminCap` holder who published it */
  admin: string;
  /** ms */
  timestampMs: number;
  event: EntityEvent;
  /** its retirement, null while enclaves may still register under it */
  retirement: EnclaveConfigRetirement | null;
}

const enclaveConfigColumns = {
  id: enclaveConfigs.configId,
  network: enclaveConfigs.network,
  name: enclaveConfigs.name,
  pcrs: enclaveConfigs.pcrs,
  admin: enclaveConfigs.admin,
  timestampMs: enclaveConfigs.timestampMs,
  event: eventIdOf(enclaveConfigs, enclaveConfigs.configId),
  retirement: {
    admin: enclaveConfigRetirements.admin,
    timestampMs: enclaveConfigRetirements.timestampMs,
    checkpoint: enclaveConfigRetirements.checkpoint,
    txDigest: enclaveConfigRetirements.txDigest,
    eventIndex: enclaveConfigRetirements.eventIndex,
  },
};

/** A selected row: the retirement's columns flat, null when there is no retirement row. */
type Row = Omit<EnclaveConfig, "retirement"> & {
  retirement: (EventId & { admin: string; timestampMs: number }) | null;
};

/** A selected row as an `EnclaveConfig`: the retirement's event id names the config. */
const toEnclaveConfig = ({ retirement: r, ...config }: Row): EnclaveConfig => ({
  ...config,
  retirement:
    r === null
      ? null
      : {
          admin: r.admin,
          timestampMs: r.timestampMs,
          event: {
            checkpoint: r.checkpoint,
            txDigest: r.txDigest,
            eventIndex: r.eventIndex,
            objectId: config.id,
          },
        },
});

const retiredJoin = eq(enclaveConfigRetirements.configId, enclaveConfigs.configId);

const enclaveConfigById = preparedPer((db) =>
  db
    .select(enclaveConfigColumns)
    .from(enclaveConfigs)
    .leftJoin(enclaveConfigRetirements, retiredJoin)
    .where(eq(enclaveConfigs.configId, sql.placeholder("id")))
    .prepare("enclave_config_by_id"),
);

/** The enclave config `id` (0x + 64 hex), or undefined when none was created under it. */
export async function getEnclaveConfig(db: Db, id: string): Promise<EnclaveConfig | undefined> {
  const [row] = await enclaveConfigById(db).execute({ id });
  return row && toEnclaveConfig(row);
}

/**
 * Enclave configs, newest first, optionally of one admin, retired ones included.
 *
 * @throws RangeError for a limit outside 1..MAX_PAGE_LIMIT
 */
export async function listEnclaveConfigs(
  db: Db,
  filter: { admin?: string },
  options: PageOptions,
): Promise<Page<EnclaveConfig>> {
  const rows = await pageRows(
    db
      .select(enclaveConfigColumns)
      .from(enclaveConfigs)
      .leftJoin(enclaveConfigRetirements, retiredJoin)
      .$dynamic(),
    { time: enclaveConfigs.timestampMs, id: enclaveConfigs.configId },
    [eqIf(enclaveConfigs.admin, filter.admin)],
    options,
  );
  return toPage(rows.map(toEnclaveConfig), options.limit);
}
