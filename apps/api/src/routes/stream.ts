import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  type ChangeCursor,
  committedCheckpoint,
  cursorAfterCheckpoint,
  provenanceChangesAfter,
} from "@verity/db";
import { streamSSE } from "hono/streaming";
import type { ApiEnv } from "../context.ts";
import { badRequest } from "../schemas/problem.ts";

/** Default time between two polls of the database, ms. */
export const DEFAULT_STREAM_POLL_MS = 1000;

/** Polls without news between two keep-alive comments. */
const KEEPALIVE_POLLS = 15;

/**
 * A stream position: `<checkpoint>` (everything up to it seen) or the `id` of an event,
 * `<checkpoint>:<txDigest>:<eventIndex>`.
 */
const Position = z
  .string()
  .max(100)
  .regex(
    /^\d{1,15}(:[A-Za-z0-9_-]{1,64}:\d{1,9})?$/,
    "a checkpoint number, or an event id <checkpoint>:<txDigest>:<eventIndex>",
  );

const route = createRoute({
  method: "get",
  operationId: "streamProvenance",
  path: "/",
  summary: "Server-Sent Events of new provenance as it is indexed",
  description:
    "One event per new dataset, model, attestation, inference or Walrus blob event (`event:` " +
    "is its kind), with its event id, in (checkpoint, tx digest, event index) order. Each " +
    "event's `id` is `<checkpoint>:<txDigest>:<eventIndex>`; reconnecting with `Last-Event-ID` " +
    "(or `?after=`) resumes right after it. Without either, the stream starts at what is indexed now.",
  request: {
    headers: z.object({ "last-event-id": Position.optional() }),
    query: z.object({ after: Position.optional() }),
  },
  responses: {
    200: {
      description: "An endless `text/event-stream`",
      content: { "text/event-stream": { schema: z.string() } },
    },
    ...badRequest,
  },
});

/** The cursor a position names. */
function cursorOf(position: string): ChangeCursor {
  const [checkpoint, txDigest, eventIndex] = position.split(":");
  return txDigest === undefined
    ? cursorAfterCheckpoint(Number(checkpoint))
    : { checkpoint: Number(checkpoint), txDigest, eventIndex: Number(eventIndex) };
}

/** `/v1/stream`: new provenance, live, polled from the database (`deps.streamPollMs`). */
export const stream = new OpenAPIHono<ApiEnv>().openapi(route, async (c) => {
  const { database, streamPollMs = DEFAULT_STREAM_POLL_MS } = c.var.deps;
  const position = c.req.valid("header")["last-event-id"] ?? c.req.valid("query").after;
  let cursor = position
    ? cursorOf(position)
    : cursorAfterCheckpoint((await committedCheckpoint(database.db)) ?? -1);
  return streamSSE(c, async (sse) => {
    let idle = 0;
    while (!sse.aborted && !sse.closed) {
      const upTo = await committedCheckpoint(database.db);
      const changes = upTo === null ? [] : await provenanceChangesAfter(database.db, cursor, upTo);
      for (const change of changes) {
        const { checkpoint, txDigest, eventIndex } = change.event;
        await sse.writeSSE({
          id: `${checkpoint}:${txDigest}:${eventIndex}`,
          event: change.kind,
          data: JSON.stringify(change),
        });
        cursor = change.event;
      }
      if (changes.length > 0) idle = 0;
      else if (++idle % KEEPALIVE_POLLS === 0) await sse.write(": keep-alive\n\n");
      if (changes.length === 0) await sse.sleep(streamPollMs);
    }
  });
});
