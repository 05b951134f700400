/**
 * PTB builders for `verity::terms`: the `AiTerms` argument that `dataset::register`,
 * `finish_derived` and `set_terms` take, built in the PTB from plain JSON by chaining
 * `terms::allowed` / `not_allowed` / `constrained` and `terms::new` (Move values cannot be
 * passed as pure arguments). `packageId` is the published `verity` package.
 */
import { bcs } from "@mysten/sui/bcs";
import type { Transaction, TransactionArgument, TransactionResult } from "@mysten/sui/transactions";
import { AI_USES } from "../contracts/verity/terms.ts";
import {
  type AiTermsInput,
  PERMISSION_USES,
  type PermissionInput,
} from "../contracts/verity/terms-json.ts";

/** `terms::allowed`: the result is `Permission::Allowed`. */
export function allowed(tx: Transaction, packageId: string): TransactionResult {
  return tx.moveCall({ target: `${packageId}::terms::allowed` });
}

/** `terms::not_allowed`: the result is `Permission::NotAllowed`. */
export function notAllowed(tx: Transaction, packageId: string): TransactionResult {
  return tx.moveCall({ target: `${packageId}::terms::not_allowed` });
}

/**
 * `terms::constrained`: the result is `Permission::Constrained(constraints)`. On chain it aborts
 * with `terms::EEmptyConstraint` when `constraints` is empty or holds an empty string (use
 * {@link permission} to have that refused before the PTB is built).
 */
export function constrained(
  tx: Transaction,
  packageId: string,
  constraints: readonly string[],
): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::terms::constrained`,
    arguments: [tx.pure(bcs.vector(bcs.string()).serialize([...constraints]))],
  });
}

/**
 * `terms::new`: `AiTerms` from four `Permission` results, in Move's field order
 * (`ai_training`, `ai_generative_training`, `ai_inference`, `data_mining`).
 */
function newTerms(
  tx: Transaction,
  packageId: string,
  permissions: readonly [
    TransactionArgument,
    TransactionArgument,
    TransactionArgument,
    TransactionArgument,
  ],
): TransactionResult {
  return tx.moveCall({ target: `${packageId}::terms::new`, arguments: [...permissions] });
}

export { newTerms as new };

/** `terms::allow_all`: the result is `AiTerms` allowing every use. */
export function allowAll(tx: Transaction, packageId: string): TransactionResult {
  return tx.moveCall({ target: `${packageId}::terms::allow_all` });
}

/**
 * Checks a permission as `terms::constrained` will: `constrained` needs at least one
 * constraint and no empty one; `allowed` and `notAllowed` take none (an empty list is fine).
 *
 * @throws Error naming `entry` (the C2PA entry, e.g. `ai_training`) and what is wrong
 */
function check(entry: string, p: PermissionInput | undefined): void {
  if (!p) throw new Error(`${entry}: missing (every C2PA / CAWG entry needs a permission)`);
  const constraints = p.constraints ?? [];
  if (!PERMISSION_USES.includes(p.use))
    throw new Error(`${entry}: use must be one of ${PERMISSION_USES.join(", ")}, not ${p.use}`);
  if (p.use === "constrained" && constraints.length === 0)
    throw new Error(`${entry}: a constrained use needs at least one constraint`);
  if (constraints.some((c) => c === "")) throw new Error(`${entry}: a constraint cannot be empty`);
  if (p.use !== "constrained" && constraints.length > 0)
    throw new Error(`${entry}: only a constrained use has constraints (it is ${p.use})`);
}

/**
 * One permission, `{ use: "allowed" | "notAllowed" | "constrained", constraints? }`: appends
 * `terms::allowed`, `not_allowed` or `constrained`; the result is the `Permission`.
 *
 * @throws Error, leaving `tx` untouched, when the permission is malformed (see `aiTerms`)
 */
export function permission(
  tx: Transaction,
  packageId: string,
  p: PermissionInput,
): TransactionResult {
  check("permission", p);
  return build(tx, packageId, p);
}

function build(tx: Transaction, packageId: string, p: PermissionInput): TransactionResult {
  if (p.use === "allowed") return allowed(tx, packageId);
  if (p.use === "notAllowed") return notAllowed(tx, packageId);
  return constrained(tx, packageId, p.constraints ?? []);
}

/**
 * `AiTerms` from their JSON (`AiTermsJson`, or the same with `constraints` left out where
 * none): one permission call per C2PA / CAWG entry, in Move's field order, then `terms::new`.
 * The result is the `AiTerms`, to pass to `dataset::register`, `finish_derived` or
 * `set_terms` in the same PTB.
 *
 * @throws Error, leaving `tx` untouched, when an entry is missing, has an unknown `use`, is
 *   `constrained` without constraints or with an empty one (`terms::EEmptyConstraint` on
 *   chain), or carries constraints while not `constrained`
 */
export function aiTerms(
  tx: Transaction,
  packageId: string,
  terms: AiTermsInput,
): TransactionResult {
  for (const entry of AI_USES) check(entry, terms[entry]);
  const [training, generative, inference, mining] = AI_USES.map((entry) =>
    build(tx, packageId, terms[entry]),
  ) as [TransactionResult, TransactionResult, TransactionResult, TransactionResult];
  return newTerms(tx, packageId, [training, generative, inference, mining]);
}
