/** Enclave configs (the PCRs enclave attesters are registered against), by id or a page at a time. */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { preparedPer } from "../once-per.ts";
import { enclaveConfigs } from "../schema/provenance.ts";
import { eqIf, type Page, type PageOptions, pageRows, toPage } from "./page.ts";
import { type EntityProof, proofOf } from "./proof.ts";

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
  proof: EntityProof;
}

const enclaveConfigColumns = {
  id: enclaveConfigs.configId,
  network: enclaveConfigs.network,
  name: enclaveConfigs.name,
  pcrs: enclaveConfigs.pcrs,
  admin: enclaveConfigs.admin,
  timestampMs: enclaveConfigs.timestampMs,
  proof: proofOf(enclaveConfigs, enclaveConfigs.configId),
};

const enclaveConfigById = preparedPer((db) =>
  db
    .select(enclaveConfigColumns)
    .from(enclaveConfigs)
    .where(eq(enclaveConfigs.configId, sql.placeholder("id")))
    .prepare("enclave_config_by_id"),
);

/** The enclave config `id` (0x + 64 hex), or undefined when none was created under it. */
export async function getEnclaveConfig(db: Db, id: string): Promise<EnclaveConfig | undefined> {
  const [row] = await enclaveConfigById(db).execute({ id });
  return row;
}

/**
 * Enclave configs, newest first, optionally of one admin.
 *
 * @throws RangeError for a limit outside 1..MAX_PAGE_LIMIT
 */
export async function listEnclaveConfigs(
  db: Db,
  filter: { admin?: string },
  options: PageOptions,
): Promise<Page<EnclaveConfig>> {
  const rows = await pageRows(
    db.select(enclaveConfigColumns).from(enclaveConfigs).$dynamic(),
    { time: enclaveConfigs.timestampMs, id: enclaveConfigs.configId },
    [eqIf(enclaveConfigs.admin, filter.admin)],
    options,
  );
  return toPage(rows, options.limit);
}
