import type { Checkpoint, CheckpointTransaction } from "@verity/checkpoints";
import { isVerityEventName, type VerityEventName, verityEvents } from "@verity/sdk";
import type { ProvenanceOptions } from "../options.ts";
import {
  decodeStrict,
  type EventContext,
  eventsOf,
  keepProofParts,
  type ProcessedCheckpoint,
  type Processor,
  type QuarantinedEvent,
  quarantine,
  type Rows,
} from "../processor.ts";
import { handlers } from "./handlers.ts";

/**
 * The `provenance` pipeline's processor: every event of our packages becomes rows of the
 * provenance tables and PROV edges; events of our packages that fail to decode, or whose type
 * the sdk does not know, are quarantined with the reason. Other packages' events are ignored.
 */
export function provenanceProcessor({ network, packageIds }: ProvenanceOptions): Processor {
  const ours = new Set(packageIds);
  return {
    name: "provenance",
    eventPackages: [...ours],
    spec: { pipeline: "provenance", options: { network, packageIds } },
    process(checkpoint: Checkpoint): ProcessedCheckpoint {
      const out: ProcessedCheckpoint = { rows: {}, quarantined: [] };
      const proven = new Set<CheckpointTransaction>();
      for (const ctx of eventsOf(checkpoint)) {
        if (!ours.has(ctx.event.packageId)) continue;
        proven.add(ctx.transaction);
        const name = `${ctx.event.module}::${ctx.event.struct}`;
        const refused = isVerityEventName(name)
          ? handle(name, ctx, out.rows, network)
          : quarantine(ctx, `unknown event type ${name} in package ${ctx.event.packageId}`);
        if (refused) out.quarantined.push(refused);
      }
      keepProofParts(out.rows, network, checkpoint, proven);
      return out;
    },
  };
}

/**
 * Decodes the event at `ctx`, of type `name`, and hands it to its handler.
 *
 * @returns the quarantine row of an event that does not decode, else undefined
 */
function handle<N extends VerityEventName>(
  name: N,
  ctx: EventContext,
  out: Rows,
  network: string,
): QuarantinedEvent | undefined {
  const decoded = decodeStrict(verityEvents[name], ctx.event.contents);
  if ("reason" in decoded) return quarantine(ctx, decoded.reason);
  handlers[name](decoded.value, ctx, out, network);
}
