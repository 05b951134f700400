/**
 * The real Sui checkpoints of `../shared/fixtures/sui-checkpoints` (next to the repository,
 * see its README): their manifest and bytes (test tooling).
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const REPO_ROOT = resolve(import.meta.dirname, "..", "..", "..");

/** The fixture directory; one folder per network, `<sequence number>.chk` files. */
export const SUI_CHECKPOINTS = join(REPO_ROOT, "..", "shared", "fixtures", "sui-checkpoints");

if (!existsSync(join(SUI_CHECKPOINTS, "manifest.json"))) {
  throw new Error(
    `Sui checkpoint fixtures missing: expected ${SUI_CHECKPOINTS}/manifest.json ` +
      "(the shared fixtures live in ../shared next to the repository)",
  );
}

/** One fixture file, as `manifest.json` describes it. */
export interface FixtureEntry {
  network: "mainnet" | "testnet";
  sequence_number: number;
  timestamp_ms: number;
  epoch: number;
  transactions: number;
  events: number;
  walrus_events: number;
  sha256: string;
}

/** Every fixture, mainnet then testnet, by increasing sequence number. */
export const fixtures: FixtureEntry[] = (
  JSON.parse(readFileSync(join(SUI_CHECKPOINTS, "manifest.json"), "utf8")) as FixtureEntry[]
).sort((a, b) => a.network.localeCompare(b.network) || a.sequence_number - b.sequence_number);

/** Path of the file of checkpoint `sequenceNumber` of `network`. */
export function fixturePath(network: string, sequenceNumber: number | bigint): string {
  return join(SUI_CHECKPOINTS, network, `${sequenceNumber}.chk`);
}

/** Bytes of the file of checkpoint `sequenceNumber` of `network`. */
export function readFixture(network: string, sequenceNumber: number | bigint): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(network, sequenceNumber)));
}
