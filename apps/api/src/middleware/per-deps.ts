import { oncePer } from "@verity/db";
import type { ApiDeps } from "../context.ts";

/**
 * One `T` per `ApiDeps` object, made on first use (`oncePer`): lets middleware keep state
 * (buckets, metrics) per app without a module-wide singleton, so that apps in one process stay
 * apart.
 */
export const perDeps = <T>(make: (deps: ApiDeps) => T): ((deps: ApiDeps) => T) => oncePer(make);
