import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Root of the Verity repository (the folder holding `move/`, `packages/`, `apps/`). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/** The folder of Move packages. */
export const MOVE_ROOT = join(REPO_ROOT, "move");
