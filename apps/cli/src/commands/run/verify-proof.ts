import { type ProvenEvent, proofBundleFromJson, verifyProofBundle } from "@verity/checkpoints";
import { isVerityEventName, verityEvents, walrusEvents } from "@verity/sdk";
import { committeeFrom, readBytes } from "./committee-source.ts";

/**
 * `verity verify proof`'s work: reads the bundle (a file, or an http(s) URL), checks it against
 * the committee of `source`, and prints one line per step (`✓ certificate: …`, `✗ events: …`),
 * then the event's decoded fields when it is a Verity or Walrus event. Sets exit code 1 unless
 * every step holds.
 *
 * @throws Error naming the file or URL that cannot be read, or is not a proof bundle
 */
export async function verifyProof(location: string, source: string): Promise<void> {
  const bundle = proofBundleFromJson(await readBundle(location));
  const verdict = verifyProofBundle(bundle, await committeeFrom(source));
  for (const step of verdict.steps) {
    console.log(`${step.ok ? "✓" : "✗"} ${step.step}: ${step.detail}`);
  }
  if (!verdict.ok) {
    console.log(`not proven: the ${verdict.failed} step failed`);
    process.exitCode = 1;
    return;
  }
  console.log(`proven: event ${bundle.eventIndex} of transaction ${bundle.txDigest}`);
  const fields = decodedFields(verdict.proven);
  if (fields)
    console.log(JSON.stringify(fields, (_, v) => (typeof v === "bigint" ? `${v}` : v), 2));
}

/** The bundle's text, from a file or over HTTP(S). */
async function readBundle(location: string): Promise<string> {
  if (/^https?:\/\//.test(location)) {
    const response = await fetch(location);
    if (!response.ok)
      throw new Error(`${location}: HTTP ${response.status} ${response.statusText}`);
    return response.text();
  }
  return new TextDecoder().decode(await readBytes(location));
}

/** The proven event's fields, decoded with the sdk's layout when it is one of ours or Walrus's. */
function decodedFields({ event }: ProvenEvent): object | undefined {
  const name = `${event.module}::${event.struct}`;
  const walrus = Object.values<string>(walrusEvents.WALRUS_PACKAGE_IDS).includes(event.packageId);
  try {
    if (walrus && event.module === "events" && walrusEvents.isWalrusEventName(event.struct))
      return walrusEvents.events[event.struct].parse(event.contents);
    if (isVerityEventName(name)) return verityEvents[name].parse(event.contents);
  } catch {
    // a type of another package with the same name: shown undecoded
  }
  return undefined;
}
