/**
 * The provenance graph's types, shared by its two readers, SQL (`queries/walk.ts`,
 * `queries/node-facts.ts`) and the graph in memory (`EdgeGraph`, `NodeTable`, `LiveGraph`), and
 * by the lineage query over either (`queries/lineage.ts`). In W3C PROV terms, edges point from
 * the later thing to what it came from (`dataset wasDerivedFrom parent`, `attestation used
 * input`), so *upstream* follows edges forward (src -> dst) and *downstream* follows them
 * backward (dst -> src).
 */
import type { EdgeKind, NodeKind } from "@verity/sdk";
import type { EventId } from "../schema/columns.ts";

/** Which way to walk from the start node. */
export type LineageDirection = "upstream" | "downstream" | "both";

/** Limits of one walk. */
export interface LineageOptions {
  direction: LineageDirection;
  /** Hops from the start node, 0..`MAX_LINEAGE_DEPTH`. */
  depth: number;
  /** Most nodes returned; the walk reports `truncated` when more were reachable. */
  maxNodes: number;
  /**
   * Walk the graph as it was at this checkpoint (sequence number): only edges emitted at or
   * before it. Read with SQL (the graph in memory holds the present). Default: now.
   */
  asOf?: number;
}

/** An edge (a row of `edges`), with the id of the event that established it. */
export interface LineageEdge extends EventId {
  kind: EdgeKind;
  src: string;
  srcKind: NodeKind;
  dst: string;
  dstKind: NodeKind;
  /**
   * signed by an attester, or only claimed by the submitter (false); null when no attestation
   * backs the edge (see the `edges` table)
   */
  signed: boolean | null;
  /** signed by an enclave attester (false: a plain key, or unsigned); null as `signed` */
  enclave: boolean | null;
}

/** A node as a walk reaches it; `kind` is the edges' (null for the start node). */
export interface WalkedNode {
  id: string;
  kind: NodeKind | null;
  /** hops from the start node */
  depth: number;
}

/** The nodes a walk reached, nearest first, and whether `maxNodes` left some out. */
export interface Walk {
  nodes: WalkedNode[];
  truncated: boolean;
}

/** What the graph knows of one node (its `nodes` row, retraction and taint). */
export interface NodeFacts {
  /**
   * `dataset`, `model`, `attestation`, `inference`, `attester`, `policy` (from its entity row),
   * `blob` (from a Walrus blob event), else the kind the first edge naming it gives (`agent`,
   * `object`, ...); null when nothing names it.
   */
  kind: NodeKind | null;
  /** attestation kind (`transform`, `training`, ...) or policy kind (`allowlist`, ...) */
  subkind?: string;
  /** name of a dataset, model, attester or policy */
  label?: string;
  /** time of the creating event, ms since the Unix epoch (signed time for attestations) */
  timestampMs?: number;
  /** a dataset with a `DatasetRetracted` */
  retracted: boolean;
  /**
   * Retracted, or has a path of `TAINT_EDGE_KINDS` edges, followed src -> dst ("came from"), to
   * a retracted dataset (a row of `tainted`, mirrored by `nodes.tainted_by`).
   */
  tainted: boolean;
  /**
   * when tainted: a retracted dataset it comes from (`nodes.tainted_by`, the `tainted` row's
   * `retraction_id`)
   */
  taintedBy?: string;
  /**
   * The creating event (the `nodes` row's event id): the dataset / model / attestation / inference /
   * attester / policy row; for a blob its first `walrus_blob_events` row; otherwise (agents,
   * blobs Walrus did not report, unknown objects) the first edge naming it. Null when nothing
   * names it.
   */
  event: EventId | null;
}

/**
 * The reads of a lineage, answered alike from SQL and from memory: the walk (breadth-first,
 * each node once at its smallest depth with the smallest kind the edges reaching it there give
 * it, within a depth by id in code point order, at most `maxNodes`, the start node first with
 * kind null), the edges with both ends among a set of nodes (ordered by event id, then
 * kind, src and dst), and those nodes' facts (every id a key). Options are checked by the
 * caller (`lineage`).
 */
export interface GraphReader {
  walk(start: string, options: LineageOptions): Walk | Promise<Walk>;
  edgesAmong(ids: readonly string[]): LineageEdge[] | Promise<LineageEdge[]>;
  nodeFacts(ids: readonly string[]): Map<string, NodeFacts> | Promise<Map<string, NodeFacts>>;
}
