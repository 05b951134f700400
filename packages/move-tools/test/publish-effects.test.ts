import type { SuiClientTypes } from "@mysten/sui/client";
import { normalizeSuiAddress } from "@mysten/sui/utils";
import { describe, expect, it } from "vitest";
import { readPublishedObjects } from "../src/publish-effects.ts";

const id = (hex: string) => normalizeSuiAddress(hex);
const PKG = id("0xabc123");
const CAP = id("0xca9");
const ADMIN = id("0xad");
const GAS = id("0x6a5");

/** A changed-object record shaped like the gRPC client returns them. */
const change = (
  objectId: string,
  idOperation: SuiClientTypes.ChangedObject["idOperation"],
  outputState: SuiClientTypes.ChangedObject["outputState"],
): SuiClientTypes.ChangedObject => ({
  objectId,
  inputState: idOperation === "Created" ? "DoesNotExist" : "Exists",
  inputVersion: null,
  inputDigest: null,
  inputOwner: null,
  outputState,
  outputVersion: "5",
  outputDigest: "11111111111111111111111111111111",
  outputOwner: null,
  idOperation,
});

const changed = [
  change(GAS, "None", "ObjectWrite"),
  change(PKG, "Created", "PackageWrite"),
  change(CAP, "Created", "ObjectWrite"),
  change(ADMIN, "Created", "ObjectWrite"),
];
const types: Record<string, string> = {
  [GAS]: "0x2::coin::Coin<0x2::sui::SUI>",
  [PKG]: "package",
  [CAP]: "0x0000000000000000000000000000000000000000000000000000000000000002::package::UpgradeCap",
  [ADMIN]: `${PKG}::attester::AdminCap`,
};

describe("readPublishedObjects", () => {
  it("finds the package, the UpgradeCap and the init objects, naming package types by package name", () => {
    expect(readPublishedObjects(changed, types, "verity")).toEqual({
      packageId: PKG,
      upgradeCap: CAP,
      objects: {
        "0x0000000000000000000000000000000000000000000000000000000000000002::package::UpgradeCap":
          CAP,
        "verity::attester::AdminCap": ADMIN,
      },
    });
  });

  it("records the shared objects init made too, such as the AttesterRegistry", () => {
    const registry = id("0x7e6");
    const shared: SuiClientTypes.ChangedObject = {
      ...change(registry, "Created", "ObjectWrite"),
      outputOwner: { $kind: "Shared", Shared: { initialSharedVersion: "5" } },
    };
    const result = readPublishedObjects(
      [...changed, shared],
      { ...types, [registry]: `${PKG}::attester::AttesterRegistry` },
      "verity",
    );
    expect(result.objects).toMatchObject({
      "verity::attester::AdminCap": ADMIN,
      "verity::attester::AttesterRegistry": registry,
    });
  });

  it("normalizes short ids and renames the package inside type arguments too", () => {
    const treasury = "0x7ea";
    const result = readPublishedObjects(
      [...changed, change(treasury, "Created", "ObjectWrite")],
      { ...types, [treasury]: `0x2::coin::TreasuryCap<${PKG}::token::TOKEN>` },
      "verity",
    );
    expect(
      result.objects[
        "0x0000000000000000000000000000000000000000000000000000000000000002::coin::TreasuryCap<verity::token::TOKEN>"
      ],
    ).toBe(id(treasury));
  });

  it("keeps every object when several share a type", () => {
    const more = [id("0xad2"), id("0xad3")];
    const result = readPublishedObjects(
      [...changed, ...more.map((o) => change(o, "Created", "ObjectWrite"))],
      { ...types, ...Object.fromEntries(more.map((o) => [o, `${PKG}::attester::AdminCap`])) },
      "verity",
    );
    expect(result.objects).toMatchObject({
      "verity::attester::AdminCap": ADMIN,
      "verity::attester::AdminCap#2": more[0],
      "verity::attester::AdminCap#3": more[1],
    });
  });

  it("fails when no package was created", () => {
    expect(() =>
      readPublishedObjects(
        changed.filter((c) => c.objectId !== PKG),
        types,
        "verity",
      ),
    ).toThrow("no created package");
  });

  it("fails when no UpgradeCap was created", () => {
    expect(() =>
      readPublishedObjects(
        changed.filter((c) => c.objectId !== CAP),
        types,
        "verity",
      ),
    ).toThrow("created no");
  });

  it("fails when the node gave no type for a created object", () => {
    const { [ADMIN]: _, ...withoutAdmin } = types;
    expect(() => readPublishedObjects(changed, withoutAdmin, "verity")).toThrow(
      `no type for created object ${ADMIN}`,
    );
  });
});
