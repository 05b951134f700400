import type { SuiClientTypes } from "@mysten/sui/client";
import { normalizeStructTag, normalizeSuiObjectId } from "@mysten/sui/utils";

/** What a successful publish created, read from its transaction effects. */
export interface PublishedObjects {
  /** id of the new package (0x + 64 hex) */
  packageId: string;
  /** id of the package's `0x2::package::UpgradeCap` */
  upgradeCap: string;
  /**
   * Every object the transaction created, including the `UpgradeCap` and whatever the modules'
   * `init` functions made, keyed by type. Types declared by the new package are written with
   * the package name instead of its address (`verity::attester::AdminCap`); other types are
   * normalized struct tags (`0x000…002::package::UpgradeCap`). When several objects share a type,
   * the second is keyed `<type>#2`, the third `<type>#3`, and so on.
   */
  objects: Record<string, string>;
}

const UPGRADE_CAP = normalizeStructTag("0x2::package::UpgradeCap");

/**
 * Finds the package id, the `UpgradeCap` and the other created objects in the effects of a
 * publish transaction.
 *
 * @param changedObjects `effects.changedObjects` of the executed transaction
 * @param objectTypes object id -> type of the changed objects (the transaction result's
 *   `objectTypes`, requested with `include: { objectTypes: true }`)
 * @param packageName name the new package's address is replaced by in `objects` keys, e.g. `verity`
 * @throws Error when the effects hold no created package or no `UpgradeCap`, or a created
 *   object has no type in `objectTypes`
 */
export function readPublishedObjects(
  changedObjects: readonly SuiClientTypes.ChangedObject[],
  objectTypes: Readonly<Record<string, string>>,
  packageName: string,
): PublishedObjects {
  const created = changedObjects.filter((change) => change.idOperation === "Created");
  const pkg = created.find((change) => change.outputState === "PackageWrite");
  if (!pkg) throw new Error("the publish transaction's effects hold no created package");
  const packageId = normalizeSuiObjectId(pkg.objectId);

  const typeOf = (objectId: string) => {
    const type = objectTypes[objectId] ?? objectTypes[normalizeSuiObjectId(objectId)];
    if (!type) throw new Error(`the node reported no type for created object ${objectId}`);
    return normalizeStructTag(type);
  };
  const objects: Record<string, string> = {};
  let upgradeCap: string | undefined;
  for (const change of created) {
    if (change === pkg) continue;
    const objectId = normalizeSuiObjectId(change.objectId);
    const type = typeOf(change.objectId);
    if (type === UPGRADE_CAP) upgradeCap = objectId;
    const name = type.replaceAll(packageId, packageName);
    let key = name;
    for (let n = 2; key in objects; n++) key = `${name}#${n}`;
    objects[key] = objectId;
  }
  if (!upgradeCap) throw new Error(`the publish transaction created no ${UPGRADE_CAP}`);
  return { packageId, upgradeCap, objects };
}
