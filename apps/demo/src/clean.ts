import { type Content, contentOf, jsonSha256 } from "./content.ts";
import type { PenguinRecord } from "./dataset.ts";

/** A complete penguin record, as the cleaned dataset holds it. */
export interface Penguin {
  species: string;
  island: string;
  beak_length_mm: number;
  beak_depth_mm: number;
  flipper_length_mm: number;
  body_mass_g: number;
  /** `male` or `female` */
  sex: string;
}

/** The cleaned dataset's columns, in order, and the source field each comes from. */
const COLUMNS = {
  species: "Species",
  island: "Island",
  beak_length_mm: "Beak Length (mm)",
  beak_depth_mm: "Beak Depth (mm)",
  flipper_length_mm: "Flipper Length (mm)",
  body_mass_g: "Body Mass (g)",
  sex: "Sex",
} as const satisfies Record<keyof Penguin, keyof PenguinRecord>;

/**
 * What the cleaning transform does, as data: its digest is the transform attestation's
 * `payload_digest`, so the attester commits to exactly this recipe.
 */
export const CLEANING_RECIPE = {
  transform: "verity-demo/clean-penguins",
  version: 1,
  steps: [
    "drop records with any missing value (null) or an unknown sex ('.')",
    "rename columns to snake_case with units",
    "lower-case sex",
    "write RFC 4180 CSV with a header row, LF line ends",
  ],
  columns: COLUMNS,
} as const;

/** The output of the cleaning transform. */
export interface CleanDataset {
  rows: Penguin[];
  /** records dropped as incomplete */
  dropped: number;
  /** the rows as CSV (`text/csv`) */
  content: Content;
  /** SHA-256 of `CLEANING_RECIPE` as JSON: what the transform attestation signs */
  recipeSha256: Uint8Array;
}

/** `record` as a `Penguin`, or undefined when a value is missing or the sex is unknown. */
function complete(record: PenguinRecord): Penguin | undefined {
  const values = Object.values(COLUMNS).map((field) => record[field]);
  if (values.some((value) => value === null) || record.Sex === ".") return undefined;
  return {
    species: record.Species,
    island: record.Island,
    beak_length_mm: record["Beak Length (mm)"]!,
    beak_depth_mm: record["Beak Depth (mm)"]!,
    flipper_length_mm: record["Flipper Length (mm)"]!,
    body_mass_g: record["Body Mass (g)"]!,
    sex: record.Sex!.toLowerCase(),
  };
}

/** `rows` as CSV with a header (no value holds a comma, quote or line break). */
export function toCsv(rows: Penguin[]): Uint8Array {
  const header = Object.keys(COLUMNS) as (keyof Penguin)[];
  const lines = [header.join(","), ...rows.map((row) => header.map((c) => row[c]).join(","))];
  return new TextEncoder().encode(`${lines.join("\n")}\n`);
}

/** Runs the cleaning transform (`CLEANING_RECIPE`) over the raw records. */
export function cleanPenguins(records: PenguinRecord[]): CleanDataset {
  const rows = records.map(complete).filter((row) => row !== undefined);
  return {
    rows,
    dropped: records.length - rows.length,
    content: contentOf(toCsv(rows), "text/csv"),
    recipeSha256: jsonSha256(CLEANING_RECIPE),
  };
}
