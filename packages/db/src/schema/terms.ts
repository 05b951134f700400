/**
 * The JSON shapes of a dataset's terms for AI use (`verity::terms::AiTerms`, in the vocabulary
 * of the C2PA / CAWG training-and-data-mining assertion) and of a model's usage constraints, as
 * the `jsonb` columns hold them and the API serves them: one shape everywhere.
 *
 * ```json
 * {"ai_training": {"use": "constrained", "constraints": ["non-commercial"]},
 *  "ai_generative_training": {"use": "notAllowed", "constraints": []},
 *  "ai_inference": {"use": "allowed", "constraints": []},
 *  "data_mining": {"use": "allowed", "constraints": []}}
 * ```
 */

/** What one `verity::terms::Permission` says of a use. */
export type PermissionUse = "allowed" | "notAllowed" | "constrained";

/** A `verity::terms::Permission`: `constraints` is always present, empty unless `constrained`. */
export interface Permission {
  use: PermissionUse;
  constraints: string[];
}

/** A `verity::terms::AiTerms`: one `Permission` per C2PA / CAWG entry. */
export interface AiTerms {
  ai_training: Permission;
  ai_generative_training: Permission;
  ai_inference: Permission;
  data_mining: Permission;
}

/** A `verity::model::UsageConstraint`: the constraints one dataset's terms put on a model. */
export interface UsageConstraint {
  /** the dataset, 0x + 64 hex */
  dataset: string;
  constraints: string[];
}
