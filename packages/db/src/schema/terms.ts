/**
 * The JSON shapes of a dataset's terms for AI use (`verity::terms::AiTerms`, in the vocabulary
 * of the C2PA / CAWG training-and-data-mining assertion) and of a model's usage constraints, as
 * the `jsonb` columns hold them and the API serves them: one shape everywhere, defined in
 * `@verity/sdk` (`contracts/verity/terms-json.ts`).
 *
 * ```json
 * {"ai_training": {"use": "constrained", "constraints": ["non-commercial"]},
 *  "ai_generative_training": {"use": "notAllowed", "constraints": []},
 *  "ai_inference": {"use": "allowed", "constraints": []},
 *  "data_mining": {"use": "allowed", "constraints": []}}
 * ```
 */

import type { AiTermsJson, PermissionJson } from "@verity/sdk";

export type { PermissionUse } from "@verity/sdk";

/** A `verity::terms::Permission` (the sdk's `PermissionJson`). */
export type Permission = PermissionJson;

/** A `verity::terms::AiTerms` (the sdk's `AiTermsJson`). */
export type AiTerms = AiTermsJson;

/** A `verity::model::UsageConstraint`: the constraints one dataset's terms put on a model. */
export interface UsageConstraint {
  /** the dataset, 0x + 64 hex */
  dataset: string;
  constraints: string[];
}
