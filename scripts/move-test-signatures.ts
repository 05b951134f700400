/** Writes move/verity/tests/test_signatures.move from the sdk's signing code (`pnpm move:signatures`). */
import { writeFileSync } from "node:fs";
import { renderMoveTestSignatures } from "../packages/sdk/test/support/move-test-signatures.ts";

const target = new URL("../move/verity/tests/test_signatures.move", import.meta.url);
writeFileSync(target, await renderMoveTestSignatures());
console.log(`wrote ${target.pathname}`);
