/**
 * AI-use terms (`verity::terms`, the C2PA / CAWG training-and-data-mining vocabulary) in the
 * sdk's JSON shape (`AiTermsJson`), and the rules the `verity` package applies to them, as the
 * simulated chain applies them: a derived dataset's terms are at least as strict as each
 * parent's (`dataset::finish_derived`), terms are tightened, never loosened
 * (`dataset::set_terms`), and training on data whose terms do not allow it aborts, while
 * constrained uses are recorded on the model (`model::add_dataset`).
 */
import { type AiTermsJson, terms as layout, type PermissionJson } from "@verity/sdk";

/** `terms::allowed()` */
export const allowed: PermissionJson = { use: "allowed", constraints: [] };

/** `terms::not_allowed()` */
export const notAllowed: PermissionJson = { use: "notAllowed", constraints: [] };

/** `terms::constrained(constraints)`: allowed under every one of `constraints` (non-empty). */
export function constrained(...constraints: string[]): PermissionJson {
  if (constraints.length === 0 || constraints.some((c) => c === ""))
    throw new Error("terms::EEmptyConstraint: a constrained use needs non-empty constraints");
  return { use: "constrained", constraints };
}

/** Strictness rank, as `terms::rank`: allowed 0, constrained 1, not allowed 2. */
const RANK = { allowed: 0, constrained: 1, notAllowed: 2 } as const;

/**
 * Whether `self` permits no more than `other` in every use (`terms::at_least_as_strict`): a
 * stricter rank, or the same rank with every constraint of `other` among `self`'s.
 */
export function atLeastAsStrict(self: AiTermsJson, other: AiTermsJson): boolean {
  return layout.AI_USES.every((use) => {
    const [mine, theirs] = [RANK[self[use].use], RANK[other[use].use]];
    if (mine !== theirs) return mine > theirs;
    return other[use].constraints.every((c) => self[use].constraints.includes(c));
  });
}

/**
 * Aborts as `dataset::finish_derived` does unless the derived dataset's `terms` are at least as
 * strict as every parent's.
 *
 * @throws Error `dataset::ETermsLooserThanParent`
 */
export function assertDerivable(terms: AiTermsJson, parents: AiTermsJson[]): void {
  if (!parents.every((parent) => atLeastAsStrict(terms, parent)))
    throw new Error(
      "dataset::ETermsLooserThanParent: a derived dataset's terms must be at least as strict as every parent's",
    );
}

/**
 * Aborts as `dataset::set_terms` does unless `next` tightens (or keeps) `current`.
 *
 * @throws Error `dataset::ETermsLoosened`
 */
export function assertTightened(next: AiTermsJson, current: AiTermsJson): void {
  if (!atLeastAsStrict(next, current))
    throw new Error("dataset::ETermsLoosened: terms can be tightened, never loosened");
}

/** `verity::model::UsageConstraint`: the constraints one dataset's terms put on a model. */
export interface UsageConstraint {
  dataset: string;
  constraints: string[];
}

/**
 * What `model::add_dataset` records for training a model (`generative` or not) on `dataset`
 * under `terms`: its `ai_training` constraints and, for a generative model, its
 * `ai_generative_training` ones (each once), or undefined when neither constrains it.
 *
 * @throws Error `model::ETrainingNotAllowed` or `model::EGenerativeTrainingNotAllowed`, as the
 *   chain aborts, when the terms do not allow this training
 */
export function usageConstraint(
  dataset: string,
  terms: AiTermsJson,
  generative: boolean,
): UsageConstraint | undefined {
  if (terms.ai_training.use === "notAllowed")
    throw new Error(`model::ETrainingNotAllowed: the terms of ${dataset} do not allow AI training`);
  const constraints = [...terms.ai_training.constraints];
  if (generative) {
    if (terms.ai_generative_training.use === "notAllowed")
      throw new Error(
        `model::EGenerativeTrainingNotAllowed: the terms of ${dataset} do not allow generative AI training`,
      );
    for (const c of terms.ai_generative_training.constraints)
      if (!constraints.includes(c)) constraints.push(c);
  }
  return constraints.length > 0 ? { dataset, constraints } : undefined;
}
