/** A dataset's terms for AI use, in the C2PA / CAWG training-and-data-mining vocabulary. */
import { z } from "@hono/zod-openapi";

/** One kind of use: allowed, not allowed, or allowed under every one of some constraints. */
const Permission = z
  .object({
    use: z.enum(["allowed", "notAllowed", "constrained"]),
    constraints: z
      .array(z.string())
      .openapi({ description: "When constrained, the constraints (C2PA `constraint_info`)" }),
  })
  .openapi("Permission");

/** `verity::terms::AiTerms`: one permission per C2PA / CAWG entry. */
export const AiTerms = z
  .object({
    ai_training: Permission,
    ai_generative_training: Permission,
    ai_inference: Permission,
    data_mining: Permission,
  })
  .openapi("AiTerms", {
    description:
      "Terms for AI use (C2PA / CAWG training-and-data-mining): training on a dataset whose ai_training (or, for a generative model, ai_generative_training) is notAllowed aborts on chain",
  });
