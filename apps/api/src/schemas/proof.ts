import { z } from "@hono/zod-openapi";
import { ProofBundleJson } from "@verity/checkpoints";

/**
 * A proof bundle, as `@verity/checkpoints` defines its JSON (`ProofBundleJson`): the certified
 * checkpoint summary, the contents, the transaction's effects and events, as base64 BCS.
 */
export const ProofBundle = z.object(ProofBundleJson.shape).openapi("ProofBundle");
