import { ProblemError } from "../../problem.ts";

/**
 * `value`, or a 404 `not-found` problem naming `what` and `id` when it is undefined.
 *
 * @throws ProblemError 404
 */
export function found<T>(value: T | undefined, what: string, id: string): T {
  if (value === undefined) throw new ProblemError(404, "not-found", `no ${what} ${id}`);
  return value;
}
