/**
 * The provenance graph read with SQL, for lineage queries while no graph in memory is loaded:
 * the walk as one recursive statement, the edges among the nodes it reached, and their facts
 * (`nodeFacts`).
 */
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import type { GraphReader, LineageEdge, LineageOptions, Walk, WalkedNode } from "../graph/types.ts";
import { selectRows, textArray } from "../raw.ts";
import { nodeFacts } from "./node-facts.ts";

/**
 * The `GraphReader` of `db`: one statement per read; with `asOf` (a checkpoint), walks and edges
 * hold only the edges emitted at or before it.
 */
export const sqlReader = (db: Db, asOf?: number): GraphReader => ({
  walk: (start, options) => walk(db, start, { ...options, asOf }),
  edgesAmong: (ids) => edgesAmong(db, ids, asOf),
  nodeFacts: (ids) => nodeFacts(db, ids),
});

/** `and <alias>.checkpoint <= asOf`, or nothing without `asOf`. */
const emittedBy = (alias: string, asOf: number | undefined) =>
  asOf === undefined ? sql`` : sql` and ${sql.raw(alias)}.checkpoint <= ${asOf}`;

/** Runs `lineageWalkQuery`. */
async function walk(db: Db, start: string, options: LineageOptions): Promise<Walk> {
  const rows = await selectRows<WalkedNode & { truncated: boolean }>(
    db,
    lineageWalkQuery(start, options),
  );
  return {
    nodes: rows.map(({ id, kind, depth }) => ({ id, kind, depth: Number(depth) })),
    truncated: rows[0]?.truncated ?? false,
  };
}

/**
 * The walk statement: one row per reached node (`id`, `kind`, `depth`, nearest first, then by
 * id) with the `truncated` flag on every row. Does not check the options.
 *
 * A recursive query with one row per depth, carrying that depth's nodes (`frontier`, with their
 * `kinds`) and every node reached so far (`seen`): each step looks up the edges of the frontier
 * (`edges` is indexed on `src` and on `dst`), keeps the neighbours not seen yet,
 * once each with the smallest kind the edges give it, by id, at most the room left under
 * `maxNodes` (one more, to tell that some were left out). So each node is expanded once, and
 * the walk stops at `depth`, at `maxNodes`, or when a depth adds no node.
 */
function lineageWalkQuery(
  start: string,
  { direction, depth, maxNodes, asOf }: LineageOptions,
): SQL {
  const arms: SQL[] = [];
  if (direction !== "downstream") {
    arms.push(sql`select e.dst as id, e.dst_kind as kind from edges e
                  where e.src = any(w.frontier)${emittedBy("e", asOf)}`);
  }
  if (direction !== "upstream") {
    arms.push(sql`select e.src as id, e.src_kind as kind from edges e
                  where e.dst = any(w.frontier)${emittedBy("e", asOf)}`);
  }
  const room = sql`(${maxNodes}::int - cardinality(w.seen))`;
  return sql`
    with recursive walk(depth, frontier, kinds, seen, more) as (
      select 0, array[${start}::text], array[null::text], array[${start}::text], false
      union all
      select w.depth + 1,
             coalesce(next.ids[1:${room}], '{}'),
             coalesce(next.kinds[1:${room}], '{}'),
             w.seen || coalesce(next.ids[1:${room}], '{}'),
             next.found > ${room}
      from walk w
      cross join lateral (
        select array_agg(n.id order by n.id collate "C") as ids,
               array_agg(n.kind order by n.id collate "C") as kinds,
               count(*) as found
        from (
          select n.id, min(n.kind) as kind
          from (${sql.join(arms, sql` union all `)}) as n
          where not exists (select from unnest(w.seen) as s(id) where s.id = n.id)
          group by n.id
          order by n.id collate "C"
          limit ${room} + 1
        ) as n
      ) as next
      where w.depth < ${depth} and cardinality(w.frontier) > 0 and not w.more
    )
    select f.id, f.kind, w.depth, (select bool_or(more) from walk) as truncated
    from walk w
    cross join lateral unnest(w.frontier, w.kinds) with ordinality as f(id, kind, n)
    order by w.depth, f.n
  `;
}

/**
 * Every edge with both ends among `ids` (emitted at or before `asOf`, when given): the edges
 * from them (an index lookup per id), then those that end among them. Materialized, so the
 * planner does not also look up the edges *to* them, which for agents and attesters are
 * thousands.
 */
async function edgesAmong(
  db: Db,
  ids: readonly string[],
  asOf: number | undefined,
): Promise<LineageEdge[]> {
  // The list goes in twice: a constant array, which PostgreSQL hashes for the filter on dst.
  const idArray = textArray(ids);
  const edges = await selectRows<LineageEdge>(
    db,
    sql`
      with outgoing as materialized (
        select * from edges e where src = any(${idArray})${emittedBy("e", asOf)}
      )
      select kind, src, src_kind as "srcKind", dst, dst_kind as "dstKind", signed, enclave,
             checkpoint, tx_digest as "txDigest", event_index as "eventIndex"
      from outgoing
      where dst = any(${idArray})
      order by checkpoint, tx_digest collate "C", event_index, kind collate "C", src collate "C",
               dst collate "C"
    `,
  );
  return edges.map((e) => ({
    ...e,
    checkpoint: Number(e.checkpoint),
    eventIndex: Number(e.eventIndex),
  }));
}
