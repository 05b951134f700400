/**
 * BCS layouts of `verity::terms` (move/verity/sources/terms.move): a dataset's terms for AI
 * use, in the vocabulary of the C2PA / CAWG training-and-data-mining assertion.
 */
import { bcs } from "@mysten/sui/bcs";
import { MoveString } from "./common.ts";

/**
 * `verity::terms::Permission`: whether one kind of use is permitted. Decodes as
 * `{ Allowed: true }`, `{ NotAllowed: true }` or `{ Constrained: [text, ...] }`.
 */
export const Permission = bcs.enum("Permission", {
  Allowed: null,
  NotAllowed: null,
  /** allowed under every one of these constraints (C2PA's `constraint_info`) */
  Constrained: bcs.vector(MoveString),
});

/** `verity::terms::AiTerms`: one `Permission` per C2PA / CAWG entry. */
export const AiTerms = bcs.struct("AiTerms", {
  ai_training: Permission,
  ai_generative_training: Permission,
  ai_inference: Permission,
  data_mining: Permission,
});

/** The C2PA / CAWG entries of `AiTerms`, in Move field order. */
export const AI_USES = [
  "ai_training",
  "ai_generative_training",
  "ai_inference",
  "data_mining",
] as const;

/** One entry of `AI_USES`. */
export type AiUse = (typeof AI_USES)[number];

/** A decoded `Permission`. */
export type PermissionValue = ReturnType<typeof Permission.parse>;

/** A decoded `AiTerms`. */
export type AiTermsValue = ReturnType<typeof AiTerms.parse>;
