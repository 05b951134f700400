// Trust in the explorer: whether a node's or an edge's provenance is signed by an attester
// (an enclave or a plain key) or only claimed by whoever recorded it, and a dataset's terms for
// AI use, read from the node's entity (`GET /v1/{datasets,models,...}/{id}`) for the side panel.
import { getJson, h, row, short } from "./dom.js";

/** The entity route of each node kind the panel has trust facts for. */
const ROUTES = {
  dataset: "datasets",
  model: "models",
  attestation: "attestations",
  inference: "inferences",
  attester: "attesters",
};

/** The C2PA / CAWG uses of a dataset's terms, in Move order, with their names in words. */
const USES = [
  ["ai_training", "AI training"],
  ["ai_generative_training", "generative AI training"],
  ["ai_inference", "AI inference"],
  ["data_mining", "data mining"],
];

/** Whether the panel has trust facts for nodes of `kind`. */
export const hasTrustFacts = (kind) => Object.hasOwn(ROUTES, kind);

/** How a signed activity's attester holds its key: in an enclave, or as a plain key. */
const holder = (enclave) => (enclave ? "an enclave (Nitro-attested key)" : "a plain key");

/** "signed by" the holder of the key, or by "an attester" when `enclave` is unknown (null). */
const signedBy = (enclave) =>
  `signed by ${enclave === null || enclave === undefined ? "an attester" : holder(enclave)}`;

/**
 * An edge's `signed` / `enclave` in words: signed by an enclave, by a plain key, by an
 * attester (`enclave` unknown), or claimed; null for edges no attestation backs (`signed` null).
 */
export function edgeTrust({ signed, enclave }) {
  if (signed === null || signed === undefined) return null;
  if (!signed) return "claimed (unsigned: only the submitter's word)";
  return signedBy(enclave);
}

/** A permission of the terms, `{ use, constraints }`, in words. */
const permission = ({ use, constraints }) => {
  if (use === "allowed") return "allowed";
  if (use === "notAllowed") return "not allowed";
  return `allowed under: ${constraints.join("; ")}`;
};

/**
 * A dataset's or model's lineage in words, from its `lineageSigned` and the edge that says
 * which activity generated it (`generatedBy`, its data; undefined when not drawn).
 */
function lineage(lineageSigned, generatedBy) {
  if (!lineageSigned) return "claimed (no attester signed how it was made)";
  return signedBy(generatedBy?.enclave);
}

/**
 * An enclave config's state in words: in use, or retired by the admin (when, in UTC), after
 * which no enclave registers under it.
 */
const configState = ({ retirement }) =>
  retirement === null
    ? "in use"
    : `retired ${new Date(retirement.timestampMs).toISOString()} (no enclave registers under it since; its attesters stay until revoked)`;

/**
 * Appends to `dl` the trust facts of the node `d` (its lineage data), given its entity `e`
 * (the answer of its entity route), the data of the edge by which it `wasGeneratedBy` an
 * activity in the drawn graph (`generatedBy`, or undefined), and, for an enclave attester, its
 * enclave config (`config`, the answer of `/v1/enclave-configs/{id}`, or undefined).
 */
function appendFacts(dl, d, e, generatedBy, config) {
  switch (d.kind) {
    case "dataset":
      row(
        dl,
        "lineage",
        e.transformId === null && e.parents.length === 0
          ? "original (not derived)"
          : lineage(e.lineageSigned, generatedBy),
      );
      for (const [use, name] of USES) row(dl, name, permission(e.terms[use]));
      break;
    case "model":
      row(dl, "training", lineage(e.lineageSigned, generatedBy));
      row(dl, "generative", e.generative ? "yes" : "no");
      for (const c of e.constraints) {
        row(dl, `constrained by ${short(c.dataset)}`, c.constraints.join("; "));
      }
      break;
    case "attestation":
      row(dl, "attestation", e.signed ? signedBy(e.enclave) : "claimed (recorded unsigned)");
      break;
    case "inference":
      row(dl, "attestation", signedBy(e.enclave));
      break;
    case "attester":
      row(
        dl,
        "key",
        e.enclaveConfigId === null
          ? "a plain key (registered by the admin)"
          : `an enclave of config ${short(e.enclaveConfigId)} (key from a Nitro document)`,
      );
      if (e.enclaveConfigId !== null) row(dl, "enclave config", h("code", e.enclaveConfigId));
      if (config) row(dl, "config", configState(config));
      e.pcrs.forEach((pcr, i) => {
        row(dl, `PCR${i}`, h("code", pcr));
      });
      break;
  }
}

/**
 * The trust facts of the node `d` (lineage node data) as a `<dl>`, read from its entity route
 * (and an enclave attester's config from `/v1/enclave-configs/{id}`, left out when it cannot
 * be read); `generatedBy` as in `appendFacts`.
 *
 * @throws Error when the entity cannot be read (see `getJson`)
 */
export async function trustFacts(d, generatedBy) {
  const entity = await getJson(`/v1/${ROUTES[d.kind]}/${encodeURIComponent(d.id)}`);
  const config =
    d.kind === "attester" && entity.enclaveConfigId !== null
      ? await getJson(`/v1/enclave-configs/${encodeURIComponent(entity.enclaveConfigId)}`).catch(
          () => undefined,
        )
      : undefined;
  const dl = h("dl");
  appendFacts(dl, d, entity, generatedBy, config);
  return dl;
}
