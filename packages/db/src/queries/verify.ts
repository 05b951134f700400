/** Reads behind `/v1/verify/*`: which entities hold some content, and what an attestation needs. */
import { and, desc, eq, lte, or } from "drizzle-orm";
import type { Db } from "../database.ts";
import type { EventId } from "../schema/columns.ts";
import {
  attestations,
  attesterKeys,
  attesterRevocations,
  datasets,
  models,
} from "../schema/index.ts";

/** A dataset or model registered under some content. */
export interface ContentMatch {
  kind: "dataset" | "model";
  /** object id, 0x + 64 hex */
  id: string;
  name: string;
  event: EventId;
}

/**
 * Every dataset and model registered under Walrus blob id `blobId` (URL-safe base64) or with
 * SHA-256 `sha256` (lowercase hex), datasets first, each in event id order.
 */
export async function entitiesByContent(
  db: Db,
  blobId: string,
  sha256: string,
): Promise<ContentMatch[]> {
  const eventIdOf = (t: typeof datasets | typeof models) => ({
    checkpoint: t.checkpoint,
    txDigest: t.txDigest,
    eventIndex: t.eventIndex,
  });
  const [ds, ms] = await Promise.all([
    db
      .select({ id: datasets.datasetId, name: datasets.name, ...eventIdOf(datasets) })
      .from(datasets)
      .where(or(eq(datasets.blobId, blobId), eq(datasets.sha256, sha256)))
      .orderBy(datasets.checkpoint, datasets.eventIndex),
    db
      .select({ id: models.modelId, name: models.name, ...eventIdOf(models) })
      .from(models)
      .where(or(eq(models.blobId, blobId), eq(models.sha256, sha256)))
      .orderBy(models.checkpoint, models.eventIndex),
  ]);
  const match =
    (kind: ContentMatch["kind"]) =>
    ({ id, name, ...event }: { id: string; name: string } & EventId): ContentMatch => ({
      kind,
      id,
      name,
      event,
    });
  return [...ds.map(match("dataset")), ...ms.map(match("model"))];
}

/** An attestation row, as the indexer stored it. */
export type AttestationRow = typeof attestations.$inferSelect;

/** An attester key: version 0 at registration, one more per rotation. */
export type AttesterKeyRow = typeof attesterKeys.$inferSelect;

/** An attester's revocation. */
export type AttesterRevocationRow = typeof attesterRevocations.$inferSelect;

/** What re-verifying one attestation needs. */
export interface AttestationEvidence {
  attestation: AttestationRow;
  /**
   * The attester key in force when the attestation was recorded: the highest `key_version`
   * registered at or before its checkpoint (null when unsigned or the attester is unknown).
   * A rotation in the very same checkpoint counts as before it.
   */
  keyInForce: AttesterKeyRow | null;
  /** The attester's revocation, whenever it happened (null when never revoked). */
  revocation: AttesterRevocationRow | null;
}

/** The attestation `attestationId` with its key in force and revocation, or null when unknown. */
export async function attestationEvidence(
  db: Db,
  attestationId: string,
): Promise<AttestationEvidence | null> {
  const [attestation] = await db
    .select()
    .from(attestations)
    .where(eq(attestations.attestationId, attestationId));
  if (!attestation) return null;
  const attesterId = attestation.attesterId;
  if (!attesterId) return { attestation, keyInForce: null, revocation: null };
  const [[keyInForce], [revocation]] = await Promise.all([
    db
      .select()
      .from(attesterKeys)
      .where(
        and(
          eq(attesterKeys.attesterId, attesterId),
          lte(attesterKeys.checkpoint, attestation.checkpoint),
        ),
      )
      .orderBy(desc(attesterKeys.keyVersion))
      .limit(1),
    db.select().from(attesterRevocations).where(eq(attesterRevocations.attesterId, attesterId)),
  ]);
  return { attestation, keyInForce: keyInForce ?? null, revocation: revocation ?? null };
}
