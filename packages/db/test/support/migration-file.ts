/**
 * Runs one committed migration file as drizzle's migrator does: statement by statement (split
 * at `--> statement-breakpoint`), in one transaction. For the backfill migrations' tests, which
 * compare what a backfill computes with what the write path keeps (test tooling).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { type Db, MIGRATIONS_FOLDER } from "../../src/index.ts";

/** Runs `migrations/<file>` on `db`; throws the driver's error when a statement fails. */
export async function runMigrationFile(db: Db, file: string): Promise<void> {
  const migration = readFileSync(join(MIGRATIONS_FOLDER, file), "utf8");
  await db.transaction(async (tx) => {
    for (const statement of migration.split("--> statement-breakpoint")) {
      await tx.execute(sql.raw(statement));
    }
  });
}
