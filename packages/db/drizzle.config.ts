/**
 * drizzle-kit configuration: `pnpm --filter @verity/db generate` diffs the schema
 * (`src/schema/index.ts`) against the latest snapshot in `migrations/meta` and writes the next
 * SQL migration to `migrations/`. Generated files are committed; `migrate()` applies them.
 */
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/index.ts",
  out: "./migrations",
});
