import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { type Content, contentOf } from "./content.ts";

/** The npm package the demo's dataset comes from, and the file in it. */
export const PENGUINS_SOURCE = { package: "vega-datasets", path: "data/penguins.json" } as const;

/** One record of `penguins.json`, as the file has it (`null` where a value is missing). */
export interface PenguinRecord {
  Species: string;
  Island: string;
  "Beak Length (mm)": number | null;
  "Beak Depth (mm)": number | null;
  "Flipper Length (mm)": number | null;
  "Body Mass (g)": number | null;
  /** `MALE`, `FEMALE`, `.` (unknown) or null */
  Sex: string | null;
}

/** The raw dataset: the file's exact bytes, where they come from, and its records. */
export interface SourceDataset {
  content: Content;
  /** `vega-datasets@3.2.1:data/penguins.json` */
  origin: string;
  /** SPDX id of the data's licence, from the package's `datapackage.json` */
  license: string;
  records: PenguinRecord[];
}

/** The `datapackage.json` entry of a file (Frictionless Data): what the package says it is. */
interface DataResource {
  name: string;
  path: string;
  bytes: number;
  /** `sha1:<hex>`, the file's git blob id (SHA-1 of `blob <size>\0` and the bytes) */
  hash: string;
  licenses: { name: string }[];
}

/** SPDX ids of the licence names `datapackage.json` uses. */
const SPDX: Record<string, string> = { "CC0 1.0 Universal": "CC0-1.0" };

/**
 * Palmer penguins (344 penguins of three species, measured at Palmer Station, Antarctica) as
 * the installed `vega-datasets` package ships them in `data/penguins.json`: 67 119 bytes of
 * JSON, CC0-1.0. The file is checked against the package's own `datapackage.json` (size and
 * git blob SHA-1), so the demo registers exactly the published bytes.
 *
 * @throws Error when the package is not installed, or the file is not the one its
 *   `datapackage.json` describes
 */
export function loadPenguins(): SourceDataset {
  const root = dirname(dirname(createRequire(import.meta.url).resolve(PENGUINS_SOURCE.package)));
  const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    version: string;
  };
  const origin = `${PENGUINS_SOURCE.package}@${version}:${PENGUINS_SOURCE.path}`;
  const bytes = new Uint8Array(readFileSync(join(root, PENGUINS_SOURCE.path)));
  const manifest = JSON.parse(readFileSync(join(root, "datapackage.json"), "utf8")) as {
    resources: DataResource[];
  };
  const resource = manifest.resources.find((r) => r.path === "penguins.json");
  const sha1 = `sha1:${createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex")}`;
  if (!resource || resource.bytes !== bytes.length || resource.hash !== sha1) {
    throw new Error(
      `${origin} (${bytes.length} bytes, ${sha1}) is not the file its datapackage.json describes`,
    );
  }
  const licence = resource.licenses[0]?.name ?? "";
  return {
    content: contentOf(bytes, "application/json"),
    origin,
    license: SPDX[licence] ?? licence,
    records: JSON.parse(new TextDecoder().decode(bytes)) as PenguinRecord[],
  };
}
