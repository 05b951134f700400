/**
 * The JSON shape of a dataset's terms for AI use (`verity::terms::AiTerms`, in the vocabulary
 * of the C2PA / CAWG training-and-data-mining assertion): one shape everywhere, from the PTB
 * builder's input (`transactions.terms.aiTerms`) to the indexer's `jsonb` columns and the
 * API's answers.
 *
 * ```json
 * {"ai_training": {"use": "constrained", "constraints": ["non-commercial"]},
 *  "ai_generative_training": {"use": "notAllowed", "constraints": []},
 *  "ai_inference": {"use": "allowed", "constraints": []},
 *  "data_mining": {"use": "allowed", "constraints": []}}
 * ```
 */
import type { AiUse } from "./terms.ts";

/** C2PA's `use` values, one per `verity::terms::Permission` variant. */
export const PERMISSION_USES = ["allowed", "notAllowed", "constrained"] as const;

/** What a `verity::terms::Permission` says of one kind of use. */
export type PermissionUse = (typeof PERMISSION_USES)[number];

/**
 * A `verity::terms::Permission` as JSON: `constraints` (C2PA's `constraint_info`) is always
 * present, empty unless `use` is `constrained`.
 */
export interface PermissionJson {
  use: PermissionUse;
  constraints: string[];
}

/** A `verity::terms::AiTerms` as JSON: one `PermissionJson` per C2PA / CAWG entry. */
export type AiTermsJson = { [U in AiUse]: PermissionJson };

/**
 * A permission as a caller writes it: like `PermissionJson`, with `constraints` optional
 * (required, non-empty, for `constrained`).
 */
export interface PermissionInput {
  use: PermissionUse;
  constraints?: readonly string[];
}

/** Terms as a caller writes them; every `AiTermsJson` is one. */
export type AiTermsInput = { [U in AiUse]: PermissionInput };

/**
 * A decoded `verity::terms::Permission`: what the sdk's `terms.Permission` layout parses to
 * (`{ Allowed: true }`, `{ NotAllowed: true }` or `{ Constrained: [text, ...] }`, with or
 * without its `$kind`).
 */
export type DecodedPermission =
  | { Allowed: unknown }
  | { NotAllowed: unknown }
  | { Constrained: readonly string[] };

/** A decoded `verity::terms::AiTerms` (see `DecodedPermission`). */
export type DecodedAiTerms = { [U in AiUse]: DecodedPermission };

/**
 * A decoded `Permission` as JSON: `{ use, constraints }` (a copy of the constraints).
 *
 * @throws Error when the value is none of the three variants (never read it as allowed)
 */
export function permissionToJson(permission: DecodedPermission): PermissionJson {
  if ("Constrained" in permission)
    return { use: "constrained", constraints: [...permission.Constrained] };
  if ("NotAllowed" in permission) return { use: "notAllowed", constraints: [] };
  if ("Allowed" in permission) return { use: "allowed", constraints: [] };
  throw new Error(`not a verity::terms::Permission: ${JSON.stringify(permission)}`);
}

/** Decoded `AiTerms` (e.g. a `DatasetRegistered` event's `terms`) as JSON, in Move field order. */
export function termsToJson(terms: DecodedAiTerms): AiTermsJson {
  return {
    ai_training: permissionToJson(terms.ai_training),
    ai_generative_training: permissionToJson(terms.ai_generative_training),
    ai_inference: permissionToJson(terms.ai_inference),
    data_mining: permissionToJson(terms.data_mining),
  };
}

/**
 * `PermissionJson` as the sdk's `terms.Permission` layout encodes it: the inverse of
 * `permissionToJson`.
 */
export function permissionToBcs(permission: PermissionJson) {
  if (permission.use === "constrained") return { Constrained: permission.constraints };
  if (permission.use === "notAllowed") return { NotAllowed: true as const };
  return { Allowed: true as const };
}

/**
 * `AiTermsJson` as the sdk's `terms.AiTerms` layout encodes it (e.g. a `DatasetRegistered`
 * event's `terms`): the inverse of `termsToJson`.
 */
export function termsToBcs(terms: AiTermsJson) {
  return {
    ai_training: permissionToBcs(terms.ai_training),
    ai_generative_training: permissionToBcs(terms.ai_generative_training),
    ai_inference: permissionToBcs(terms.ai_inference),
    data_mining: permissionToBcs(terms.data_mining),
  };
}
