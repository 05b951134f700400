import { eventLayout } from "@verity/sdk";
import type { Checkpoint } from "../../checkpoint.ts";
import {
  decodeStrict,
  eventsOf,
  type ProcessedCheckpoint,
  type Processor,
  quarantine,
} from "../processor.ts";
import { handlers } from "./handlers.ts";

/** Configuration of the provenance pipeline. */
export interface ProvenanceOptions {
  /** Network name the rows are tagged with (`mainnet`, `testnet`, ...). */
  network: string;
  /**
   * Ids of the `verity` package on that network (0x + 64 hex; the original id, which event
   * types keep across upgrades), from the deploy config.
   */
  packageIds: string[];
}

/**
 * The `provenance` pipeline's processor: every event of our packages becomes rows of the
 * provenance tables and PROV edges; events of our packages that fail to decode, or whose type
 * the sdk does not know, are quarantined with the reason. Other packages' events are ignored.
 */
export function provenanceProcessor({ network, packageIds }: ProvenanceOptions): Processor {
  const ours = new Set(packageIds);
  return {
    name: "provenance",
    process(checkpoint: Checkpoint): ProcessedCheckpoint {
      const out: ProcessedCheckpoint = { rows: {}, quarantined: [] };
      for (const ctx of eventsOf(checkpoint)) {
        if (!ours.has(ctx.event.packageId)) continue;
        const name = `${ctx.event.module}::${ctx.event.struct}`;
        const layout = eventLayout(ctx.event.module, ctx.event.struct);
        const handler = handlers[name];
        if (!layout || !handler) {
          out.quarantined.push(
            quarantine(ctx, `unknown event type ${name} in package ${ctx.event.packageId}`),
          );
          continue;
        }
        const decoded = decodeStrict(layout, ctx.event.contents);
        if ("reason" in decoded) out.quarantined.push(quarantine(ctx, decoded.reason));
        else handler(decoded.value as never, ctx, out.rows, network);
      }
      return out;
    },
  };
}
