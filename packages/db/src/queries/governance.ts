/** Seal policies and attesters (with their members and keys), one by id or a page at a time. */
import type { PolicyKind } from "@verity/sdk";
import { eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { preparedPer } from "../once-per.ts";
import { attesterKeys, attesterRevocations, attesters, policies } from "../schema/provenance.ts";
import { type EntityEvent, eventIdOf } from "./event-id.ts";
import { eqIf, type Page, type PageOptions, pageRows, toPage } from "./page.ts";

/** A Seal access policy. u64 values are decimal strings. */
export interface Policy {
  id: string;
  network: string;
  kind: PolicyKind;
  name: string | null;
  creator: string;
  capId: string | null;
  /** timelock: opens at this time, ms */
  unlockMs: string | null;
  /** subscription: price in MIST and lifetime in ms */
  feeMist: string | null;
  ttlMs: string | null;
  /** ms */
  timestampMs: number;
  event: EntityEvent;
}

/** A policy and, for an allowlist, its current members (latest change of each is `added`). */
export interface PolicyDetail extends Policy {
  members: string[];
}

const policyColumns = {
  id: policies.policyId,
  network: policies.network,
  kind: policies.kind,
  name: policies.name,
  creator: policies.creator,
  capId: policies.capId,
  unlockMs: sql<string | null>`${policies.unlockMs}::text`,
  feeMist: sql<string | null>`${policies.feeMist}::text`,
  ttlMs: sql<string | null>`${policies.ttlMs}::text`,
  timestampMs: policies.timestampMs,
  event: eventIdOf(policies, policies.policyId),
};

const policyById = preparedPer((db) =>
  db
    .select({
      ...policyColumns,
      members: sql<string[]>`array(
        select m.member from (
          select distinct on (c.member) c.member, c.added from policy_member_changes c
          where c.policy_id = policies.policy_id
          order by c.member, c.checkpoint desc, c.event_index desc
        ) m where m.added order by m.member)`,
    })
    .from(policies)
    .where(eq(policies.policyId, sql.placeholder("id")))
    .prepare("policy_by_id"),
);

/** The policy `id` with its current members (sorted), or undefined when unknown. */
export async function getPolicy(db: Db, id: string): Promise<PolicyDetail | undefined> {
  const [row] = await policyById(db).execute({ id });
  return row;
}

/**
 * Policies, newest first, optionally of one kind or creator.
 *
 * @throws RangeError for a limit outside 1..MAX_PAGE_LIMIT
 */
export async function listPolicies(
  db: Db,
  filter: { kind?: PolicyKind; creator?: string },
  options: PageOptions,
): Promise<Page<Policy>> {
  const rows = await pageRows(
    db.select(policyColumns).from(policies).$dynamic(),
    { time: policies.timestampMs, id: policies.policyId },
    [eqIf(policies.kind, filter.kind), eqIf(policies.creator, filter.creator)],
    options,
  );
  return toPage(rows, options.limit);
}

/** A registered attester (a signing key, or a Nautilus enclave with its PCRs). */
export interface Attester {
  id: string;
  network: string;
  name: string;
  /** `[PCR0, PCR1, PCR2]` hex, empty for a plain key */
  pcrs: string[];
  /** the enclave config an enclave attester was registered against; null for a plain key */
  enclaveConfigId: string | null;
  /** who registered it: the admin for a plain key, whoever submitted an enclave's Nitro document */
  admin: string;
  /** ms */
  timestampMs: number;
  revoked: boolean;
  event: EntityEvent;
}

/** One key of an attester: version 0 at registration, then one per rotation. */
export interface AttesterKey {
  keyVersion: number;
  /** hex */
  publicKey: string;
  /** ms */
  timestampMs: number;
  event: EntityEvent;
}

/** An attester with its key history (oldest first) and its revocation, if any. */
export interface AttesterDetail extends Attester {
  keys: AttesterKey[];
  revocation: { publicKey: string; timestampMs: number; event: EntityEvent } | null;
}

const attesterColumns = {
  id: attesters.attesterId,
  network: attesters.network,
  name: attesters.name,
  pcrs: attesters.pcrs,
  enclaveConfigId: attesters.enclaveConfigId,
  admin: attesters.admin,
  timestampMs: attesters.timestampMs,
  revoked: isNotNull(attesterRevocations.attesterId).mapWith(Boolean),
  event: eventIdOf(attesters, attesters.attesterId),
};

const attesterById = preparedPer((db) =>
  db
    .select({
      ...attesterColumns,
      revocation: {
        publicKey: attesterRevocations.publicKey,
        timestampMs: attesterRevocations.timestampMs,
        checkpoint: attesterRevocations.checkpoint,
        txDigest: attesterRevocations.txDigest,
        eventIndex: attesterRevocations.eventIndex,
      },
    })
    .from(attesters)
    .leftJoin(attesterRevocations, eq(attesterRevocations.attesterId, attesters.attesterId))
    .where(eq(attesters.attesterId, sql.placeholder("id")))
    .prepare("attester_by_id"),
);

const attesterKeysById = preparedPer((db) =>
  db
    .select({
      keyVersion: attesterKeys.keyVersion,
      publicKey: attesterKeys.publicKey,
      timestampMs: attesterKeys.timestampMs,
      event: eventIdOf(attesterKeys, attesterKeys.attesterId),
    })
    .from(attesterKeys)
    .where(eq(attesterKeys.attesterId, sql.placeholder("id")))
    .orderBy(attesterKeys.keyVersion)
    .prepare("attester_keys_by_id"),
);

/** The attester `id` with its keys and revocation, or undefined when unknown. */
export async function getAttester(db: Db, id: string): Promise<AttesterDetail | undefined> {
  const [[row], keys] = await Promise.all([
    attesterById(db).execute({ id }),
    attesterKeysById(db).execute({ id }),
  ]);
  if (!row) return undefined;
  const { revocation: r, ...attester } = row;
  return {
    ...attester,
    keys,
    revocation:
      r?.publicKey == null
        ? null
        : {
            publicKey: r.publicKey,
            timestampMs: r.timestampMs!,
            event: {
              checkpoint: r.checkpoint!,
              txDigest: r.txDigest!,
              eventIndex: r.eventIndex!,
              objectId: attester.id,
            },
          },
  };
}

/**
 * Attesters, newest first.
 *
 * @throws RangeError for a limit outside 1..MAX_PAGE_LIMIT
 */
export async function listAttesters(
  db: Db,
  filter: { admin?: string },
  options: PageOptions,
): Promise<Page<Attester>> {
  const rows = await pageRows(
    db
      .select(attesterColumns)
      .from(attesters)
      .leftJoin(attesterRevocations, eq(attesterRevocations.attesterId, attesters.attesterId))
      .$dynamic(),
    { time: attesters.timestampMs, id: attesters.attesterId },
    [eqIf(attesters.admin, filter.admin)],
    options,
  );
  return toPage(rows, options.limit);
}
