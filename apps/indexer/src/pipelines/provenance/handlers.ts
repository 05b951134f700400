/**
 * How each `verity` event becomes rows and PROV edges (the edge kinds are the sdk's
 * `EDGE_KINDS`; which edges carry `signed` / `enclave` is listed on the `edges` table in
 * packages/db). One handler per event type, keyed `module::Struct` and typed from the sdk's
 * registry (`VerityEventValues`).
 */
import { toHex } from "@mysten/bcs";
import {
  ATTESTATION_KIND_NAMES,
  blobIdFromU256 as blob,
  type EdgeKind,
  type NodeKind,
  termsToJson,
  type VerityEventName,
  type VerityEventValues,
} from "@verity/sdk";
import { type EventContext, eventIdOf, push, type Rows } from "../processor.ts";

/**
 * Turns one decoded `verity` event of type `N` (at `ctx`) into rows appended to `out`, tagged
 * with `network`.
 */
type Handler<N extends VerityEventName> = (
  value: VerityEventValues[N],
  ctx: EventContext,
  out: Rows,
  network: string,
) => void;

/**
 * A handler for every `verity` event type: a type without one, or one the sdk does not know, is
 * a compile error, and so is a field its event does not have.
 */
type Handlers = { readonly [N in VerityEventName]: Handler<N> };

/** One end of an edge: a node id and its kind. */
type End = [id: string, kind: NodeKind];

/** What backs an edge an attestation backs: signed or only claimed, by an enclave or a key. */
interface Backing {
  signed: boolean;
  /** null when the attestation's event was not found (see `backingOf`) */
  enclave: boolean | null;
}

/**
 * Appends one edge with the id of the event at `ctx`, and what backs it (`signed`
 * and `enclave` null when no attestation does).
 */
function edge(
  out: Rows,
  ctx: EventContext,
  network: string,
  kind: EdgeKind,
  [src, srcKind]: End,
  [dst, dstKind]: End,
  backing?: Backing,
) {
  push(out, "edges", {
    kind,
    src,
    srcKind,
    dst,
    dstKind,
    network,
    signed: backing?.signed ?? null,
    enclave: backing?.enclave ?? null,
    ...eventIdOf(ctx),
  });
}

/**
 * What backs the edges a `DatasetRegistered` or `ModelRegistered` at `ctx` builds on the
 * attestation `attestationId`: `signed` as the event says (`lineage_signed`), `enclave` from the
 * attestation's row, made from its `AttestationRecorded` earlier in the same transaction (an
 * attestation backs new objects only in the PTB that recorded it, which emits it first). The
 * rows are in chain order, so the search goes back from the last row and stops at the first
 * row of an earlier transaction; `enclave` is null when the row is not there.
 */
function backingOf(out: Rows, ctx: EventContext, attestationId: string, signed: boolean): Backing {
  const rows = out.attestations ?? [];
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i] as NonNullable<Rows["attestations"]>[number];
    if (row.txDigest !== ctx.transaction.digest) break;
    if (row.attestationId === attestationId) return { signed, enclave: row.enclave };
  }
  return { signed, enclave: null };
}

const datasetRegistered: Handler<"dataset::DatasetRegistered"> = (v, ctx, out, network) => {
  const blobId = blob(v.blob_id);
  push(out, "datasets", {
    datasetId: v.dataset_id,
    network,
    creator: v.creator,
    name: v.name,
    blobId,
    sha256: toHex(v.sha256),
    size: BigInt(v.size),
    mediaType: v.media_type,
    license: v.license,
    terms: termsToJson(v.terms),
    policyId: v.policy,
    parents: v.parents,
    transformId: v.transform,
    lineageSigned: v.lineage_signed,
    previousId: v.previous,
    revision: Number(v.revision),
    timestampMs: Number(v.timestamp_ms),
    ...eventIdOf(ctx),
  });
  const self: End = [v.dataset_id, "dataset"];
  edge(out, ctx, network, "storedAs", self, [blobId, "blob"]);
  edge(out, ctx, network, "wasAttributedTo", self, [v.creator, "agent"]);
  const backing = v.transform ? backingOf(out, ctx, v.transform, v.lineage_signed) : undefined;
  for (const parent of v.parents)
    edge(out, ctx, network, "wasDerivedFrom", self, [parent, "dataset"], backing);
  if (v.transform)
    edge(out, ctx, network, "wasGeneratedBy", self, [v.transform, "attestation"], backing);
  if (v.previous) edge(out, ctx, network, "wasRevisionOf", self, [v.previous, "dataset"]);
  if (v.policy) edge(out, ctx, network, "governedBy", self, [v.policy, "policy"]);
};

const datasetRetracted: Handler<"dataset::DatasetRetracted"> = (v, ctx, out) => {
  push(out, "datasetRetractions", {
    datasetId: v.dataset_id,
    creator: v.creator,
    reason: v.reason,
    timestampMs: Number(v.timestamp_ms),
    ...eventIdOf(ctx),
  });
};

const datasetPolicySet: Handler<"dataset::DatasetPolicySet"> = (v, ctx, out, network) => {
  push(out, "datasetPolicyChanges", {
    datasetId: v.dataset_id,
    policyId: v.policy,
    creator: v.creator,
    timestampMs: Number(v.timestamp_ms),
    ...eventIdOf(ctx),
  });
  if (v.policy)
    edge(out, ctx, network, "governedBy", [v.dataset_id, "dataset"], [v.policy, "policy"]);
};

const datasetTermsSet: Handler<"dataset::DatasetTermsSet"> = (v, ctx, out) => {
  push(out, "datasetTermsChanges", {
    datasetId: v.dataset_id,
    terms: termsToJson(v.terms),
    creator: v.creator,
    timestampMs: Number(v.timestamp_ms),
    ...eventIdOf(ctx),
  });
};

const modelRegistered: Handler<"model::ModelRegistered"> = (v, ctx, out, network) => {
  const blobId = blob(v.blob_id);
  push(out, "models", {
    modelId: v.model_id,
    network,
    creator: v.creator,
    name: v.name,
    blobId,
    sha256: toHex(v.sha256),
    size: BigInt(v.size),
    architecture: v.architecture,
    framework: v.framework,
    generative: v.generative,
    baseModelId: v.base_model,
    trainingId: v.training,
    lineageSigned: v.lineage_signed,
    datasets: v.datasets,
    constraints: v.constraints.map((c) => ({ dataset: c.dataset, constraints: c.constraints })),
    timestampMs: Number(v.timestamp_ms),
    ...eventIdOf(ctx),
  });
  const self: End = [v.model_id, "model"];
  edge(out, ctx, network, "storedAs", self, [blobId, "blob"]);
  edge(out, ctx, network, "wasAttributedTo", self, [v.creator, "agent"]);
  const backing = backingOf(out, ctx, v.training, v.lineage_signed);
  edge(out, ctx, network, "wasGeneratedBy", self, [v.training, "attestation"], backing);
  if (v.base_model)
    edge(out, ctx, network, "wasDerivedFrom", self, [v.base_model, "model"], backing);
  for (const d of v.datasets)
    edge(out, ctx, network, "wasDerivedFrom", self, [d, "dataset"], backing);
};

const attestationRecorded: Handler<"attestation::AttestationRecorded"> = (v, ctx, out, network) => {
  push(out, "attestations", {
    attestationId: v.attestation_id,
    network,
    kind: ATTESTATION_KIND_NAMES[v.kind] ?? `kind_${v.kind}`,
    attesterId: v.attester,
    signed: v.signed,
    enclave: v.enclave,
    publicKey: toHex(v.public_key),
    signature: toHex(v.signature),
    submitter: v.submitter,
    inputs: v.inputs,
    inputBlobs: v.input_blobs.map((b) => blob(b.blob_id)),
    inputSha256s: v.input_blobs.map((b) => toHex(b.sha256)),
    outputs: v.outputs,
    outputBlobs: v.output_blobs.map((b) => blob(b.blob_id)),
    outputSha256s: v.output_blobs.map((b) => toHex(b.sha256)),
    payloadDigest: toHex(v.payload_digest),
    timestampMs: Number(v.timestamp_ms),
    recordedMs: Number(v.recorded_ms),
    ...eventIdOf(ctx),
  });
  const self: End = [v.attestation_id, "attestation"];
  const backing: Backing = { signed: v.signed, enclave: v.enclave };
  for (const input of v.inputs) edge(out, ctx, network, "used", self, [input, "object"], backing);
  for (const input of v.input_blobs)
    edge(out, ctx, network, "used", self, [blob(input.blob_id), "blob"], backing);
  for (const output of v.outputs)
    edge(out, ctx, network, "wasGeneratedBy", [output, "object"], self, backing);
  for (const output of v.output_blobs)
    edge(out, ctx, network, "wasGeneratedBy", [blob(output.blob_id), "blob"], self, backing);
  const agent: End = v.attester ? [v.attester, "attester"] : [v.submitter, "agent"];
  edge(out, ctx, network, "wasAssociatedWith", self, agent, backing);
};

const inferenceRecorded: Handler<"inference::InferenceRecorded"> = (v, ctx, out, network) => {
  const input = blob(v.input_blob_id);
  const output = blob(v.output_blob_id);
  push(out, "inferences", {
    inferenceId: v.inference_id,
    network,
    attestationId: v.attestation_id,
    modelId: v.model_id,
    attesterId: v.attester_id,
    enclave: v.enclave,
    inputBlobId: input,
    inputSha256: toHex(v.input_sha256),
    outputBlobId: output,
    outputSha256: toHex(v.output_sha256),
    submitter: v.submitter,
    timestampMs: Number(v.timestamp_ms),
    ...eventIdOf(ctx),
  });
  const self: End = [v.inference_id, "inference"];
  // An inference is always signed (`inference::record` takes the attester).
  const backing: Backing = { signed: true, enclave: v.enclave };
  edge(out, ctx, network, "used", self, [v.model_id, "model"], backing);
  edge(out, ctx, network, "used", self, [input, "blob"], backing);
  edge(out, ctx, network, "wasGeneratedBy", [output, "blob"], self, backing);
  edge(out, ctx, network, "wasAssociatedWith", self, [v.attester_id, "attester"], backing);
  edge(out, ctx, network, "wasInformedBy", self, [v.attestation_id, "attestation"], backing);
};

const attesterRegistered: Handler<"attester::AttesterRegistered"> = (v, ctx, out, network) => {
  const timestampMs = Number(v.timestamp_ms);
  push(out, "attesters", {
    attesterId: v.attester_id,
    network,
    name: v.name,
    pcrs: v.pcrs.map(toHex),
    enclaveConfigId: v.enclave_config,
    admin: v.registrant,
    timestampMs,
    ...eventIdOf(ctx),
  });
  push(out, "attesterKeys", {
    attesterId: v.attester_id,
    keyVersion: 0,
    publicKey: toHex(v.public_key),
    timestampMs,
    ...eventIdOf(ctx),
  });
};

const enclaveConfigCreated: Handler<"enclave::EnclaveConfigCreated"> = (v, ctx, out, network) => {
  push(out, "enclaveConfigs", {
    configId: v.config_id,
    network,
    name: v.name,
    pcrs: v.pcrs.map(toHex),
    admin: v.admin,
    timestampMs: Number(v.timestamp_ms),
    ...eventIdOf(ctx),
  });
};

const enclaveConfigRetired: Handler<"enclave::EnclaveConfigRetired"> = (v, ctx, out) => {
  push(out, "enclaveConfigRetirements", {
    configId: v.config_id,
    admin: v.admin,
    timestampMs: Number(v.timestamp_ms),
    ...eventIdOf(ctx),
  });
};

const attesterKeyRotated: Handler<"attester::AttesterKeyRotated"> = (v, ctx, out) => {
  push(out, "attesterKeys", {
    attesterId: v.attester_id,
    keyVersion: Number(v.key_version),
    publicKey: toHex(v.new_public_key),
    timestampMs: Number(v.timestamp_ms),
    ...eventIdOf(ctx),
  });
};

const attesterRevoked: Handler<"attester::AttesterRevoked"> = (v, ctx, out) => {
  push(out, "attesterRevocations", {
    attesterId: v.attester_id,
    publicKey: toHex(v.public_key),
    admin: v.admin,
    timestampMs: Number(v.timestamp_ms),
    ...eventIdOf(ctx),
  });
};

const allowlistCreated: Handler<"allowlist::AllowlistCreated"> = (v, ctx, out, network) => {
  push(out, "policies", {
    policyId: v.allowlist_id,
    network,
    kind: "allowlist",
    name: v.name,
    creator: v.creator,
    capId: v.cap_id,
    timestampMs: Number(v.timestamp_ms),
    ...eventIdOf(ctx),
  });
};

const memberChange =
  (
    added: boolean,
  ): Handler<"allowlist::AllowlistMemberAdded" | "allowlist::AllowlistMemberRemoved"> =>
  (v, ctx, out) => {
    push(out, "policyMemberChanges", {
      policyId: v.allowlist_id,
      member: v.member,
      added,
      admin: v.admin,
      timestampMs: Number(v.timestamp_ms),
      ...eventIdOf(ctx),
    });
  };

const timelockCreated: Handler<"timelock::TimelockCreated"> = (v, ctx, out, network) => {
  push(out, "policies", {
    policyId: v.timelock_id,
    network,
    kind: "timelock",
    creator: v.creator,
    unlockMs: BigInt(v.unlock_ms),
    timestampMs: Number(v.timestamp_ms),
    ...eventIdOf(ctx),
  });
};

const serviceCreated: Handler<"subscription::ServiceCreated"> = (v, ctx, out, network) => {
  push(out, "policies", {
    policyId: v.service_id,
    network,
    kind: "subscription",
    name: v.name,
    creator: v.creator,
    capId: v.cap_id,
    feeMist: BigInt(v.fee_mist),
    ttlMs: BigInt(v.ttl_ms),
    timestampMs: Number(v.timestamp_ms),
    ...eventIdOf(ctx),
  });
};

const subscribed: Handler<"subscription::Subscribed"> = (v, ctx, out) => {
  push(out, "subscriptions", {
    subscriptionId: v.subscription_id,
    serviceId: v.service_id,
    subscriber: v.subscriber,
    feeMist: BigInt(v.fee_mist),
    expiresMs: BigInt(v.expires_ms),
    timestampMs: Number(v.timestamp_ms),
    ...eventIdOf(ctx),
  });
};

const feesWithdrawn: Handler<"subscription::FeesWithdrawn"> = (v, ctx, out) => {
  push(out, "feeWithdrawals", {
    serviceId: v.service_id,
    amountMist: BigInt(v.amount_mist),
    recipient: v.recipient,
    timestampMs: Number(v.timestamp_ms),
    ...eventIdOf(ctx),
  });
};

/** The handler of every `verity` event, by `module::Struct`. */
export const handlers: Handlers = {
  "dataset::DatasetRegistered": datasetRegistered,
  "dataset::DatasetRetracted": datasetRetracted,
  "dataset::DatasetPolicySet": datasetPolicySet,
  "dataset::DatasetTermsSet": datasetTermsSet,
  "model::ModelRegistered": modelRegistered,
  "attestation::AttestationRecorded": attestationRecorded,
  "inference::InferenceRecorded": inferenceRecorded,
  "attester::AttesterRegistered": attesterRegistered,
  "attester::AttesterKeyRotated": attesterKeyRotated,
  "attester::AttesterRevoked": attesterRevoked,
  "enclave::EnclaveConfigCreated": enclaveConfigCreated,
  "enclave::EnclaveConfigRetired": enclaveConfigRetired,
  "allowlist::AllowlistCreated": allowlistCreated,
  "allowlist::AllowlistMemberAdded": memberChange(true),
  "allowlist::AllowlistMemberRemoved": memberChange(false),
  "timelock::TimelockCreated": timelockCreated,
  "subscription::ServiceCreated": serviceCreated,
  "subscription::Subscribed": subscribed,
  "subscription::FeesWithdrawn": feesWithdrawn,
};
