import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { ATTESTATION_KIND_NAMES, AttestationKind } from "../src/index.ts";

/** `const KIND_<NAME>: u8 = <n>;` of move/verity/sources/attestation.move, as `[n, name]`. */
const moveKinds = [
  ...readFileSync(
    new URL("../../../move/verity/sources/attestation.move", import.meta.url),
    "utf8",
  ).matchAll(/const KIND_([A-Z_]+): u8 = (\d+);/g),
].map(([, name, n]) => [Number(n), name!.toLowerCase()] as const);

it("names every kind attestation.move declares, by its u8", () => {
  expect(moveKinds.length).toBeGreaterThan(0);
  expect(moveKinds.map(([n]) => ATTESTATION_KIND_NAMES[n])).toEqual(moveKinds.map(([, n]) => n));
  expect(ATTESTATION_KIND_NAMES).toHaveLength(moveKinds.length);
});

it("gives AttestationKind the same u8s under camel-case names", () => {
  const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  expect(Object.entries(AttestationKind).map(([key, n]) => [n, snake(key)])).toEqual(
    ATTESTATION_KIND_NAMES.map((name, n) => [n, name]),
  );
});
