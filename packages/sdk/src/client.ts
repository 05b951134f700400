import { type Config, createClient } from "./client/client/index.ts";
import { VerityApi } from "./client/index.ts";

/**
 * A typed client of the Verity API, generated from its OpenAPI document (`/openapi.json`) by
 * `@hey-api/openapi-ts` (`src/client/`, rewritten by `pnpm client:generate`): one method per
 * operation, named by its `operationId`, with the parameter and answer types of the document,
 * e.g.
 *
 * ```ts
 * const verity = createVerityClient("http://127.0.0.1:3000");
 * const { data, error } = await verity.getLineage({ path: { id }, query: { direction: "upstream" } });
 * if (data) console.log(data.nodes);
 * else console.error(error); // a Problem (RFC 9457): type, title, status, detail
 * ```
 *
 * Each method resolves to `{ data, error, request, response }`: `data` is the 2xx body, `error`
 * the `application/problem+json` body of an error answer or what `fetch` threw (network
 * failures); with `throwOnError: true` it rejects with that error instead. It uses the global
 * `fetch` (Node 18+, browsers) unless `options.fetch` is given.
 *
 * @param baseUrl the API's origin, e.g. `http://127.0.0.1:3000` (a trailing `/` is dropped); in a
 *   browser, `""` for the page's own
 * @param options the fetch client's other settings: headers, `fetch`, `throwOnError`, ...
 */
export function createVerityClient(
  baseUrl: string,
  options: Omit<Config, "baseUrl"> = {},
): VerityClient {
  return new VerityApi({
    client: createClient({ ...options, baseUrl: baseUrl.replace(/\/+$/, "") }),
  });
}

/** The client's type: the generated `VerityApi`. */
export type VerityClient = VerityApi;

/**
 * The API's types, generated from its OpenAPI document: its schemas (`apiTypes.Dataset`,
 * `apiTypes.Lineage`, `apiTypes.Problem`, ...) and, per operation, `<OperationId>Data` (parameters),
 * `<OperationId>Response` (2xx body) and `<OperationId>Error` (error bodies).
 */
export type * as apiTypes from "./client/types.gen.ts";
