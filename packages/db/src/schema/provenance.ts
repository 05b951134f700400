/**
 * The provenance graph, from the events of Verity's `verity` package. Every table is
 * append-only and keyed so that re-ingesting a checkpoint inserts nothing new: state changes
 * (retraction, key rotation, policy membership) are rows of their own, never updates. Every
 * row carries its event id (`checkpoint`, `tx_digest`, `event_index`).
 *
 * Ids are 0x + 64 hex (objects and addresses); Walrus blob ids are URL-safe base64; SHA-256
 * digests, keys and signatures are lowercase hex; times are ms since the Unix epoch.
 */
import type { EdgeKind, NodeKind, PolicyKind } from "@verity/sdk";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
} from "drizzle-orm/pg-core";
import { blobId, eventId, objectId, timeMs, u64, writtenBy } from "./columns.ts";
import type { AiTerms, UsageConstraint } from "./terms.ts";

/**
 * `DatasetRegistered`: a dataset, a derived dataset, or a new version of one. `terms` is the
 * one column the write path updates: it holds the newest terms (`dataset_terms_changes`), set
 * in the transaction that commits the change (`recordDatasetTerms`).
 */
export const datasets = pgTable(
  "datasets",
  {
    datasetId: objectId("dataset_id").primaryKey(),
    network: text("network").notNull(),
    creator: objectId("creator").notNull(),
    name: text("name").notNull(),
    blobId: blobId("blob_id").notNull(),
    sha256: text("sha256").notNull(),
    /** bytes */
    size: u64("size").notNull(),
    mediaType: text("media_type").notNull(),
    license: text("license").notNull(),
    /**
     * terms for AI use (JSON shape: `AiTerms`), the newest: those at registration, then those of
     * the latest `DatasetTermsSet` (`dataset_terms_changes`); all `allowed` on rows indexed
     * before terms existed
     */
    terms: jsonb("terms").$type<AiTerms>().notNull(),
    /** Seal policy at registration (later changes: `dataset_policy_changes`) */
    policyId: objectId("policy_id"),
    parents: text("parents").array().notNull(),
    transformId: objectId("transform_id"),
    /**
     * whether the transform attestation was signed by an attester (false when self-recorded,
     * when there is none, e.g. a new version from `publish_version`, and on rows indexed before
     * the flag existed)
     */
    lineageSigned: boolean("lineage_signed").notNull(),
    previousId: objectId("previous_id"),
    revision: bigint("revision", { mode: "number" }).notNull(),
    timestampMs: timeMs("timestamp_ms").notNull(),
    ...eventId(),
  },
  (t) => [
    // Lookups by blob id, and `search` by blob id prefix (`like 'q%'`) whatever the collation.
    index("datasets_blob_id").on(t.blobId.op("text_pattern_ops")),
    index("datasets_creator").on(t.creator),
    index("datasets_sha256").on(t.sha256),
    // `nextId` of a dataset: the version whose previous_id is it (GET /v1/datasets/{id}).
    index("datasets_previous_id").on(t.previousId, t.timestampMs, t.datasetId),
    // List pages, newest first by (timestamp_ms, id) (`pageClauses`); the same on every entity.
    index("datasets_page").on(t.timestampMs, t.datasetId),
    // `license=` pages: a rare license would otherwise walk the whole page index to fill a page.
    index("datasets_license").on(t.license, t.timestampMs, t.datasetId),
    // `search`: name contains (`ilike '%q%'`, pg_trgm), id prefix (`like '0x..%'`, a b-tree in
    // byte order). The same on models, attesters and policies.
    index("datasets_name_search").using("gin", t.name.op("gin_trgm_ops")),
    index("datasets_id_prefix").on(t.datasetId.op("text_pattern_ops")),
  ],
);

/** `DatasetRetracted`: at most one per dataset. */
export const datasetRetractions = pgTable(
  "dataset_retractions",
  {
    datasetId: objectId("dataset_id").primaryKey(),
    creator: objectId("creator").notNull(),
    reason: text("reason").notNull(),
    timestampMs: timeMs("timestamp_ms").notNull(),
    ...eventId(),
    /** the transaction that inserted it, so `LiveGraph` can read what was added since */
    xactId: writtenBy("xact_id"),
  },
  (t) => [index("dataset_retractions_xact_id").on(t.xactId)],
);

/** `DatasetPolicySet`: every change of a dataset's Seal policy; the latest one holds. */
export const datasetPolicyChanges = pgTable(
  "dataset_policy_changes",
  {
    datasetId: objectId("dataset_id").notNull(),
    policyId: objectId("policy_id"),
    creator: objectId("creator").notNull(),
    timestampMs: timeMs("timestamp_ms").notNull(),
    ...eventId(),
  },
  (t) => [
    primaryKey({ columns: [t.txDigest, t.eventIndex] }),
    index("dataset_policy_changes_dataset").on(t.datasetId),
  ],
);

/** `DatasetTermsSet`: every tightening of a dataset's terms; the latest one holds. */
export const datasetTermsChanges = pgTable(
  "dataset_terms_changes",
  {
    datasetId: objectId("dataset_id").notNull(),
    /** the terms set (JSON shape: `AiTerms`) */
    terms: jsonb("terms").$type<AiTerms>().notNull(),
    creator: objectId("creator").notNull(),
    timestampMs: timeMs("timestamp_ms").notNull(),
    ...eventId(),
  },
  (t) => [
    primaryKey({ columns: [t.txDigest, t.eventIndex] }),
    index("dataset_terms_changes_dataset").on(t.datasetId, t.checkpoint),
  ],
);

/** `ModelRegistered`. */
export const models = pgTable(
  "models",
  {
    modelId: objectId("model_id").primaryKey(),
    network: text("network").notNull(),
    creator: objectId("creator").notNull(),
    name: text("name").notNull(),
    blobId: blobId("blob_id").notNull(),
    sha256: text("sha256").notNull(),
    size: u64("size").notNull(),
    architecture: text("architecture").notNull(),
    framework: text("framework").notNull(),
    /** whether it generates content (its datasets' `ai_generative_training` terms applied) */
    generative: boolean("generative").notNull(),
    baseModelId: objectId("base_model_id"),
    trainingId: objectId("training_id").notNull(),
    /**
     * whether the training (or fine-tune) attestation was signed by an attester (false when
     * self-recorded, and on rows indexed before the flag existed)
     */
    lineageSigned: boolean("lineage_signed").notNull(),
    datasets: text("datasets").array().notNull(),
    /**
     * the constraints its datasets' terms put on it, one entry per constraining dataset (JSON
     * shape: `UsageConstraint[]`; empty on rows indexed before terms existed)
     */
    constraints: jsonb("constraints").$type<UsageConstraint[]>().notNull(),
    timestampMs: timeMs("timestamp_ms").notNull(),
    ...eventId(),
  },
  (t) => [
    index("models_blob_id").on(t.blobId.op("text_pattern_ops")),
    index("models_creator").on(t.creator),
    index("models_page").on(t.timestampMs, t.modelId),
    index("models_name_search").using("gin", t.name.op("gin_trgm_ops")),
    index("models_id_prefix").on(t.modelId.op("text_pattern_ops")),
  ],
);

/** `AttestationRecorded`: every attestation, of every kind (inferences included). */
export const attestations = pgTable(
  "attestations",
  {
    attestationId: objectId("attestation_id").primaryKey(),
    network: text("network").notNull(),
    /**
     * the kind's name in the sdk's `ATTESTATION_KIND_NAMES` (`transform`, `training`,
     * `fine_tune`, `evaluation`, `inference`, `generative_training`, `generative_fine_tune`),
     * or `kind_<n>` for a kind the indexer does not know
     */
    kind: text("kind").notNull(),
    attesterId: objectId("attester_id"),
    signed: boolean("signed").notNull(),
    /** signed by an enclave attester (its key proven by a Nitro attestation document) */
    enclave: boolean("enclave").notNull(),
    /** hex, empty when unsigned */
    publicKey: text("public_key").notNull(),
    signature: text("signature").notNull(),
    submitter: objectId("submitter").notNull(),
    inputs: text("inputs").array().notNull(),
    /** Walrus blob ids the activity read */
    inputBlobs: text("input_blobs").array().notNull(),
    /**
     * the SHA-256 (hex) of each input blob's content as signed, aligned with `input_blobs` by
     * index (empty on rows indexed before blob digests were signed)
     */
    inputSha256s: text("input_sha256s").array().notNull(),
    outputs: text("outputs").array().notNull(),
    /** Walrus blob ids the activity wrote */
    outputBlobs: text("output_blobs").array().notNull(),
    /** the SHA-256 (hex) of each output blob's content, aligned with `output_blobs` */
    outputSha256s: text("output_sha256s").array().notNull(),
    payloadDigest: text("payload_digest").notNull(),
    /** signed time of the activity */
    timestampMs: timeMs("timestamp_ms").notNull(),
    /** chain time when recorded */
    recordedMs: timeMs("recorded_ms").notNull(),
    ...eventId(),
  },
  (t) => [
    index("attestations_attester").on(t.attesterId),
    index("attestations_kind").on(t.kind),
    index("attestations_page").on(t.timestampMs, t.attestationId),
    // an agent's submissions: counted, and paged newest first (`getAgent`, `submitter=` lists)
    index("attestations_submitter").on(t.submitter, t.timestampMs, t.attestationId),
    // Search by id prefix (`like 'prefix%'`), whatever the database's collation.
    index("attestations_id_prefix").on(t.attestationId.op("text_pattern_ops")),
  ],
);

/** `InferenceRecorded`. */
export const inferences = pgTable(
  "inferences",
  {
    inferenceId: objectId("inference_id").primaryKey(),
    network: text("network").notNull(),
    attestationId: objectId("attestation_id").notNull(),
    modelId: objectId("model_id").notNull(),
    attesterId: objectId("attester_id").notNull(),
    /** signed by an enclave attester */
    enclave: boolean("enclave").notNull(),
    inputBlobId: blobId("input_blob_id").notNull(),
    inputSha256: text("input_sha256").notNull(),
    outputBlobId: blobId("output_blob_id").notNull(),
    outputSha256: text("output_sha256").notNull(),
    submitter: objectId("submitter").notNull(),
    timestampMs: timeMs("timestamp_ms").notNull(),
    ...eventId(),
  },
  (t) => [
    index("inferences_model").on(t.modelId),
    index("inferences_page").on(t.timestampMs, t.inferenceId),
    index("inferences_submitter").on(t.submitter, t.timestampMs, t.inferenceId),
    index("inferences_id_prefix").on(t.inferenceId.op("text_pattern_ops")),
  ],
);

/**
 * `AttesterRegistered`: a plain key registered by the admin, or an enclave registered by anyone
 * with a Nitro attestation document matching an `enclave_configs` row.
 */
export const attesters = pgTable(
  "attesters",
  {
    attesterId: objectId("attester_id").primaryKey(),
    network: text("network").notNull(),
    name: text("name").notNull(),
    /** `[PCR0, PCR1, PCR2]` hex, empty for a plain key */
    pcrs: text("pcrs").array().notNull(),
    /** the `EnclaveConfig` of an enclave attester; null for a plain key */
    enclaveConfigId: objectId("enclave_config_id"),
    /**
     * who registered it (the event's `registrant`): the `AdminCap` holder for a plain key,
     * whoever submitted the Nitro document for an enclave
     */
    admin: objectId("admin").notNull(),
    timestampMs: timeMs("timestamp_ms").notNull(),
    ...eventId(),
  },
  (t) => [
    index("attesters_page").on(t.timestampMs, t.attesterId),
    index("attesters_name_search").using("gin", t.name.op("gin_trgm_ops")),
    index("attesters_id_prefix").on(t.attesterId.op("text_pattern_ops")),
  ],
);

/** `EnclaveConfigCreated`: the PCRs of an enclave image that enclave attesters must match. */
export const enclaveConfigs = pgTable(
  "enclave_configs",
  {
    configId: objectId("config_id").primaryKey(),
    network: text("network").notNull(),
    name: text("name").notNull(),
    /** `[PCR0, PCR1, PCR2]` hex (48 bytes each) */
    pcrs: text("pcrs").array().notNull(),
    /** the `AdminCap` holder who published it */
    admin: objectId("admin").notNull(),
    timestampMs: timeMs("timestamp_ms").notNull(),
    ...eventId(),
  },
  (t) => [index("enclave_configs_page").on(t.timestampMs, t.configId)],
);

/**
 * `EnclaveConfigRetired`: at most one per enclave config. From then on no enclave registers
 * under it (attesters registered before stay until revoked).
 */
export const enclaveConfigRetirements = pgTable("enclave_config_retirements", {
  configId: objectId("config_id").primaryKey(),
  /** the `AdminCap` holder who retired it */
  admin: objectId("admin").notNull(),
  timestampMs: timeMs("timestamp_ms").notNull(),
  ...eventId(),
});

/**
 * Every key an attester has had: version 0 from `AttesterRegistered`, then one per
 * `AttesterKeyRotated`. The key in force at a time is the highest version registered before it.
 */
export const attesterKeys = pgTable(
  "attester_keys",
  {
    attesterId: objectId("attester_id").notNull(),
    keyVersion: integer("key_version").notNull(),
    publicKey: text("public_key").notNull(),
    timestampMs: timeMs("timestamp_ms").notNull(),
    ...eventId(),
  },
  (t) => [primaryKey({ columns: [t.attesterId, t.keyVersion] })],
);

/** `AttesterRevoked`: at most one per attester. */
export const attesterRevocations = pgTable("attester_revocations", {
  attesterId: objectId("attester_id").primaryKey(),
  publicKey: text("public_key").notNull(),
  admin: objectId("admin").notNull(),
  timestampMs: timeMs("timestamp_ms").notNull(),
  ...eventId(),
});

/** Seal policies: `AllowlistCreated`, `TimelockCreated`, `ServiceCreated`. */
export const policies = pgTable(
  "policies",
  {
    policyId: objectId("policy_id").primaryKey(),
    network: text("network").notNull(),
    /** one of the sdk's `POLICY_KINDS` */
    kind: text("kind").$type<PolicyKind>().notNull(),
    name: text("name"),
    creator: objectId("creator").notNull(),
    /** the `Cap` governing it (allowlist, subscription) */
    capId: objectId("cap_id"),
    /** timelock: opens at this time, ms */
    unlockMs: u64("unlock_ms"),
    /** subscription: price in MIST, lifetime in ms */
    feeMist: u64("fee_mist"),
    ttlMs: u64("ttl_ms"),
    timestampMs: timeMs("timestamp_ms").notNull(),
    ...eventId(),
  },
  (t) => [
    index("policies_page").on(t.timestampMs, t.policyId),
    index("policies_name_search").using("gin", t.name.op("gin_trgm_ops")),
    index("policies_id_prefix").on(t.policyId.op("text_pattern_ops")),
  ],
);

/** `AllowlistMemberAdded` / `AllowlistMemberRemoved`; a member's latest change holds. */
export const policyMemberChanges = pgTable(
  "policy_member_changes",
  {
    policyId: objectId("policy_id").notNull(),
    member: objectId("member").notNull(),
    added: boolean("added").notNull(),
    admin: objectId("admin").notNull(),
    timestampMs: timeMs("timestamp_ms").notNull(),
    ...eventId(),
  },
  (t) => [
    primaryKey({ columns: [t.txDigest, t.eventIndex] }),
    index("policy_member_changes_policy").on(t.policyId, t.member),
  ],
);

/** `Subscribed`. */
export const subscriptions = pgTable(
  "subscriptions",
  {
    subscriptionId: objectId("subscription_id").primaryKey(),
    serviceId: objectId("service_id").notNull(),
    subscriber: objectId("subscriber").notNull(),
    feeMist: u64("fee_mist").notNull(),
    expiresMs: u64("expires_ms").notNull(),
    timestampMs: timeMs("timestamp_ms").notNull(),
    ...eventId(),
  },
  (t) => [index("subscriptions_service").on(t.serviceId)],
);

/** `FeesWithdrawn`. */
export const feeWithdrawals = pgTable(
  "fee_withdrawals",
  {
    serviceId: objectId("service_id").notNull(),
    amountMist: u64("amount_mist").notNull(),
    recipient: objectId("recipient").notNull(),
    timestampMs: timeMs("timestamp_ms").notNull(),
    ...eventId(),
  },
  (t) => [primaryKey({ columns: [t.txDigest, t.eventIndex] })],
);

/**
 * The edges of the provenance graph in W3C PROV terms, from `src` to `dst`, each with the id
 * of the event that established it: the kinds are the sdk's `EDGE_KINDS` (whose table
 * says what each links), the kinds of their ends its `NODE_KINDS`.
 *
 * `signed` and `enclave` say what backs an edge an attestation backs: signed by an attester or
 * only claimed by its submitter (`signed` false), and, when signed, by an enclave attester or a
 * plain key. They are set on every edge of an `AttestationRecorded` and an `InferenceRecorded`
 * (from the event), and on the derivation edges of a `DatasetRegistered` (`wasDerivedFrom`
 * parent, `wasGeneratedBy` transform) and of a `ModelRegistered` (`wasGeneratedBy` training,
 * `wasDerivedFrom` dataset and base model), whose `signed` is the event's `lineage_signed`;
 * null on every other edge (`storedAs`, `wasAttributedTo`, `wasRevisionOf`, `governedBy`), and
 * on edges indexed before the flags existed. Those two events do not carry `enclave`: the
 * indexer takes it from the `AttestationRecorded` of the same transaction (an attestation backs
 * new objects only in the PTB that recorded it, and is emitted first), so every edge is written
 * whole, once (rows are never updated: `LiveGraph` holds each edge as first read); where that
 * event is missing `enclave` stays null.
 */
export const edges = pgTable(
  "edges",
  {
    kind: text("kind").$type<EdgeKind>().notNull(),
    src: text("src").notNull(),
    srcKind: text("src_kind").$type<NodeKind>().notNull(),
    dst: text("dst").notNull(),
    dstKind: text("dst_kind").$type<NodeKind>().notNull(),
    network: text("network").notNull(),
    /** signed by an attester, or only claimed by the submitter; null when no attestation backs it */
    signed: boolean("signed"),
    /** signed by an enclave attester (false when by a plain key or unsigned); null as `signed` */
    enclave: boolean("enclave"),
    ...eventId(),
    /** the transaction that inserted the edge, so `LiveGraph` can read what was added since */
    xactId: writtenBy("xact_id"),
  },
  (t) => [
    primaryKey({ columns: [t.src, t.kind, t.dst, t.txDigest, t.eventIndex] }),
    // Upstream walks and the edges among a lineage's nodes (`src = ...`), and downstream walks
    // and taint (`dst = ...`): one column each, so PostgreSQL deduplicates the repeated ids and
    // each index stays a small fraction of the primary key's size, in memory and shallow (see
    // README, Measurements).
    index("edges_src").on(t.src),
    index("edges_dst").on(t.dst),
    // The edges added since a snapshot (`LiveGraph`'s catch-up): a range from the snapshot's xmin.
    index("edges_xact_id").on(t.xactId),
  ],
);
