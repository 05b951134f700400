import { resolve } from "node:path";

/** The folder of Move packages: `move/` in the working directory (the repository root). */
export const MOVE_ROOT = resolve("move");
