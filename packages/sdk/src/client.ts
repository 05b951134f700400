import { type ClientRequestOptions, hc } from "hono/client";
// Type-only: the API's route definitions (zod schemas and all), erased at runtime, so the sdk
// does not depend on the API package (which depends on the sdk).
import type { AppType } from "../../../apps/api/src/app.ts";

/**
 * A typed client of the Verity API (`hono/client` over the API's own route definitions): every
 * path, parameter, query and response shape is checked at compile time, e.g.
 *
 * ```ts
 * const verity = createVerityClient("http://127.0.0.1:3000");
 * const res = await verity.v1.lineage[":id"].$get({ param: { id }, query: { direction: "upstream" } });
 * if (res.ok) console.log((await res.json()).nodes);
 * ```
 *
 * Errors come back as responses with `application/problem+json` bodies (RFC 9457); network
 * failures reject as `fetch` does.
 *
 * @param baseUrl the API's origin, e.g. `http://127.0.0.1:3000`
 */
export function createVerityClient(baseUrl: string, options?: ClientRequestOptions) {
  return hc<AppType>(baseUrl, options);
}

/** The client's type. */
export type VerityClient = ReturnType<typeof createVerityClient>;
