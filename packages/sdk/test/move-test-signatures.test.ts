import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { renderMoveTestSignatures } from "./support/move-test-signatures.ts";

it("move/verity/tests/test_signatures.move is what the sdk's signing code generates", async () => {
  const committed = readFileSync(
    new URL("../../../move/verity/tests/test_signatures.move", import.meta.url),
    "utf8",
  );
  expect(committed, "stale: run pnpm move:signatures").toBe(await renderMoveTestSignatures());
});
