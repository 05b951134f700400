// The explorer's proof worker: checks proof bundles against the pinned committee off the page's
// main thread, with the verifier of @verity/checkpoints bundled by the API (`/assets/verify.js`).
//
// Requests (`postMessage`), each with an `id` that its answers repeat:
// - `{ id, committee }`, the committee file in base64: `{ id, epoch, validators }` (epoch as a
//   decimal string), or `{ id, error }` when the bytes are not a committee file;
// - `{ id, committee, bundles }`, `bundles` being `[path, bundle JSON]` pairs: one
//   `{ id, path, verdict }` per bundle (see `check`), then `{ id, done: true }`. A newer such
//   request stops an older one between two bundles (its `done` comes early).
import { committeeFromBcs, PROOF_STEPS, proofBundleFromJson, verifyProofBundle } from "./verify.js";

/** The last committee decoded, by its base64 text: its keys are decompressed once per object. */
let pinned = { base64: null, committee: null };

/** The committee of the committee file `base64`. Throws when it is not one. */
function committeeOf(base64) {
  if (pinned.base64 !== base64) {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    pinned = { base64, committee: committeeFromBcs(bytes) };
  }
  return pinned.committee;
}

/**
 * The verdict on one bundle (its JSON) against `committee`, as the page shows it: `ok`, the six
 * `steps` in order (`{ step, ok, detail }`; `ok` null for steps not checked after a failure),
 * and either `epoch`, `checkpoint` (decimal strings) and `share` (the signers' percentage of the
 * voting power, two decimals) or `failed` (the step, or `bundle` when the JSON is not a bundle)
 * and `reason`.
 */
function check(committee, json) {
  let bundle;
  try {
    bundle = proofBundleFromJson(json);
  } catch (error) {
    return { ok: false, steps: unchecked([]), failed: "bundle", reason: error.message };
  }
  const verdict = verifyProofBundle(bundle, committee);
  const steps = unchecked(verdict.steps);
  if (!verdict.ok) return { ok: false, steps, failed: verdict.failed, reason: verdict.reason };
  const { certificate, checkpoint } = verdict.proven;
  return {
    ok: true,
    steps,
    epoch: String(certificate.epoch),
    checkpoint: String(checkpoint),
    share: (Number(certificate.votingPower) / 100).toFixed(2),
  };
}

/** `steps` followed by the steps not checked (`ok` null). */
const unchecked = (steps) => [
  ...steps,
  ...PROOF_STEPS.slice(steps.length).map((step) => ({ step, ok: null, detail: "not checked" })),
];

/** A promise of the next task, so that a newer request can be read in between. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The id of the newest request to verify bundles. */
let latest = 0;

self.addEventListener("message", async ({ data }) => {
  const { id } = data;
  let committee;
  try {
    committee = committeeOf(data.committee);
  } catch (error) {
    self.postMessage({ id, error: `not a committee file: ${error.message}` });
    return;
  }
  if (!data.bundles) {
    self.postMessage({ id, epoch: String(committee.epoch), validators: committee.members.length });
    return;
  }
  latest = id;
  for (const [path, json] of data.bundles) {
    await nextTask();
    if (latest !== id) break;
    self.postMessage({ id, path, verdict: check(committee, json) });
  }
  self.postMessage({ id, done: true });
});
