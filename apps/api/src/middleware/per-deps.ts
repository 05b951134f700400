import type { ApiDeps } from "../context.ts";

/**
 * One `T` per `ApiDeps` object, made on first use: lets middleware keep state (buckets,
 * metrics) per app without a module-wide singleton, so that apps in one process stay apart.
 */
export function perDeps<T>(make: (deps: ApiDeps) => T): (deps: ApiDeps) => T {
  const made = new WeakMap<ApiDeps, T>();
  return (deps) => {
    let value = made.get(deps);
    if (value === undefined) {
      value = make(deps);
      made.set(deps, value);
    }
    return value;
  };
}
