/**
 * What each golden vector must decode to: the story of move/verity/tests/test_flows.move and
 * golden_tests.move, written down from its inputs (never by decoding the captured bytes).
 * Shapes are those the sdk's layouts decode to: addresses as 0x-hex (64 digits), u64/u256 as
 * decimal strings, `vector<u8>` as `Uint8Array`, options as value or null, enums as
 * `{ $kind, <Variant>: value }` (`true` for a variant without fields).
 */
import { normalizeSuiAddress } from "@mysten/sui/utils";
import { signAttestation } from "../../src/signing.ts";
import {
  blobs,
  digests,
  ids,
  keys,
  payloads,
  SUBMITTER,
  TIMESTAMP_MS,
  testScenarioObjectId,
} from "./move-test-signatures.ts";

const address = (a: string) => normalizeSuiAddress(a);
const ADMIN = address("0xad");
const CREATOR = address("0xc0ffee");
const OUTSIDER = address("0xbad");
/** The chain clock during the story: 1 s after the signed time, ms. */
const NOW = `${TIMESTAMP_MS + 1000n}`;
const keyA = keys.a.getPublicKey().toRawBytes();
const keyB = keys.b.getPublicKey().toRawBytes();
const keyC = keys.c.getPublicKey().toRawBytes();
/** `verity::version::VERSION`, as objects carry it. */
const VERSION = "1";

/** Ids golden_tests.move's transactions give the objects outside the signed story. */
const registry = testScenarioObjectId(0, 1);
const registryKeys = testScenarioObjectId(0, 2);
const attesterRecorded = testScenarioObjectId(1, 1);
const inferenceAttestation = testScenarioObjectId(5, 0);
const inferenceId = testScenarioObjectId(5, 1);
const enclaveConfig = testScenarioObjectId(7, 0);
const enclaveAttester = testScenarioObjectId(8, 0);
const allowlist = testScenarioObjectId(10, 0);
const allowlistMembers = testScenarioObjectId(10, 1);
const allowlistCap = testScenarioObjectId(10, 2);
const timelock = testScenarioObjectId(11, 0);
const service = testScenarioObjectId(11, 1);
const serviceCap = testScenarioObjectId(11, 2);
const subscription = testScenarioObjectId(12, 1);

/** Decoded `verity::terms::Permission`s. */
const allowed = { $kind: "Allowed", Allowed: true };
const notAllowed = { $kind: "NotAllowed", NotAllowed: true };
const constrained = (...constraints: string[]) => ({
  $kind: "Constrained",
  Constrained: constraints,
});
/** The story datasets' terms (golden_tests.move's `story_terms`). */
const storyTerms = {
  ai_training: constrained("attribution", "non-commercial"),
  ai_generative_training: constrained("no style imitation"),
  ai_inference: allowed,
  data_mining: notAllowed,
};
/** What the raw dataset's terms are tightened to (`tightened_terms`). */
const tightenedTerms = { ...storyTerms, ai_inference: constrained("cite the source") };
/** The enclave image's PCR0-2 (`pcr(1)`, `pcr(2)`, `pcr(3)`): 48 bytes each. */
const pcrs = [1, 2, 3].map((byte) => new Uint8Array(48).fill(byte));

const blob = (name: keyof typeof blobs & keyof typeof digests) => ({
  blob_id: `${blobs[name]}`,
  sha256: digests[name],
});

/** Expected decoded value of every golden vector (events, then objects), by `module::Struct`. */
export async function goldenExpected(): Promise<Record<string, unknown>> {
  const transformSignature = await signAttestation(
    keys.a,
    { attester: ids.attester, submitter: SUBMITTER },
    payloads.transform,
    TIMESTAMP_MS,
  );
  const transformPayload = {
    kind: 0,
    inputs: [ids.dataset],
    input_blobs: [blob("raw")],
    outputs: [],
    output_blobs: [blob("derived")],
    payload_digest: digests.transform,
  };
  const derived = {
    creator: CREATOR,
    name: "clean",
    blob_id: `${blobs.derived}`,
    sha256: digests.derived,
    size: "900",
    media_type: "text/csv",
    license: "CC-BY-4.0",
    terms: storyTerms,
    policy: null,
    parents: [ids.dataset],
    transform: ids.transform,
    lineage_signed: true,
    previous: null,
  };
  const model = {
    creator: CREATOR,
    name: "churn-classifier",
    blob_id: `${blobs.weights}`,
    sha256: digests.weights,
    size: "4096",
    architecture: "logistic-regression",
    framework: "verity-demo",
    // signed as kind training: discriminative, so only the `ai_training` constraints apply
    generative: false,
    base_model: null,
    training: ids.training,
    lineage_signed: true,
    datasets: [ids.derived],
    constraints: [{ dataset: ids.derived, constraints: ["attribution", "non-commercial"] }],
  };
  const inference = {
    input_blob_id: `${blobs.input}`,
    input_sha256: digests.input,
    output_blob_id: `${blobs.output}`,
    output_sha256: digests.output,
  };
  return {
    "attester::AttesterRegistered": {
      attester_id: enclaveAttester,
      name: "nitro-attester",
      public_key: keyC,
      enclave_config: enclaveConfig,
      pcrs,
      registrant: OUTSIDER,
      timestamp_ms: NOW,
    },
    "attestation::AttestationRecorded": {
      attestation_id: ids.transform,
      kind: 0,
      attester: ids.attester,
      signed: true,
      enclave: false,
      public_key: keyA,
      signature: transformSignature,
      submitter: CREATOR,
      inputs: transformPayload.inputs,
      input_blobs: transformPayload.input_blobs,
      outputs: [],
      output_blobs: transformPayload.output_blobs,
      payload_digest: digests.transform,
      timestamp_ms: `${TIMESTAMP_MS}`,
      recorded_ms: NOW,
    },
    "dataset::DatasetRegistered": {
      dataset_id: ids.derived,
      ...derived,
      revision: "1",
      timestamp_ms: NOW,
    },
    "model::ModelRegistered": { model_id: ids.model, ...model, timestamp_ms: NOW },
    "inference::InferenceRecorded": {
      inference_id: inferenceId,
      attestation_id: inferenceAttestation,
      model_id: ids.model,
      attester_id: ids.attester,
      enclave: false,
      ...inference,
      submitter: CREATOR,
      timestamp_ms: `${TIMESTAMP_MS}`,
    },
    "dataset::DatasetPolicySet": {
      dataset_id: ids.dataset,
      policy: address("0x5ea1"),
      creator: CREATOR,
      timestamp_ms: NOW,
    },
    "dataset::DatasetTermsSet": {
      dataset_id: ids.dataset,
      terms: tightenedTerms,
      creator: CREATOR,
      timestamp_ms: NOW,
    },
    "dataset::DatasetRetracted": {
      dataset_id: ids.dataset,
      creator: CREATOR,
      reason: "consent withdrawn",
      timestamp_ms: NOW,
    },
    "enclave::EnclaveConfigCreated": {
      config_id: enclaveConfig,
      name: "verity-enclave-v1",
      pcrs,
      admin: ADMIN,
      timestamp_ms: NOW,
    },
    "enclave::EnclaveConfigRetired": {
      config_id: enclaveConfig,
      admin: ADMIN,
      timestamp_ms: NOW,
    },
    "attester::AttesterKeyRotated": {
      attester_id: ids.attester,
      old_public_key: keyA,
      new_public_key: keyB,
      key_version: "1",
      admin: ADMIN,
      timestamp_ms: NOW,
    },
    "attester::AttesterRevoked": {
      attester_id: ids.attester,
      public_key: keyB,
      admin: ADMIN,
      timestamp_ms: NOW,
    },
    "allowlist::AllowlistCreated": {
      allowlist_id: allowlist,
      cap_id: allowlistCap,
      name: "researchers",
      creator: CREATOR,
      timestamp_ms: NOW,
    },
    "allowlist::AllowlistMemberAdded": {
      allowlist_id: allowlist,
      member: address("0xbeef"),
      admin: CREATOR,
      timestamp_ms: NOW,
    },
    "allowlist::AllowlistMemberRemoved": {
      allowlist_id: allowlist,
      member: address("0xbeef"),
      admin: CREATOR,
      timestamp_ms: NOW,
    },
    "timelock::TimelockCreated": {
      timelock_id: timelock,
      unlock_ms: "1700086400000",
      creator: CREATOR,
      timestamp_ms: NOW,
    },
    "subscription::ServiceCreated": {
      service_id: service,
      cap_id: serviceCap,
      name: "premium",
      fee_mist: "1000000000",
      ttl_ms: "2592000000",
      creator: CREATOR,
      timestamp_ms: NOW,
    },
    "subscription::Subscribed": {
      service_id: service,
      subscription_id: subscription,
      subscriber: OUTSIDER,
      fee_mist: "1000000000",
      expires_ms: `${TIMESTAMP_MS + 1000n + 2_592_000_000n}`,
      timestamp_ms: NOW,
    },
    "subscription::FeesWithdrawn": {
      service_id: service,
      amount_mist: "1000000000",
      recipient: CREATOR,
      timestamp_ms: NOW,
    },
    // Objects, as they stand at the end of the story.
    "attester::Attester": {
      id: ids.attester,
      version: VERSION,
      name: "ci-attester",
      public_key: keyB,
      enclave_config: null,
      pcrs: [],
      key_version: "1",
      revoked: true,
      // the transform, the training and the inference it signed
      recorded: { id: attesterRecorded, size: "3" },
    },
    "attester::AttesterRegistry": {
      id: registry,
      version: VERSION,
      // keys a (registered), b (rotated to) and c (the enclave's)
      keys: { id: registryKeys, size: "3" },
    },
    "enclave::EnclaveConfig": { id: enclaveConfig, name: "verity-enclave-v1", pcrs },
    "attestation::Attestation": {
      id: ids.transform,
      attester: ids.attester,
      enclave: false,
      public_key: keyA,
      signature: transformSignature,
      submitter: CREATOR,
      timestamp_ms: `${TIMESTAMP_MS}`,
      payload: transformPayload,
      claimed: [true],
      finalized: true,
    },
    "dataset::Dataset": {
      id: ids.derived,
      version: VERSION,
      ...derived,
      next: null,
      revision: "1",
      retracted: false,
    },
    "model::Model": { id: ids.model, ...model },
    "inference::Inference": {
      id: inferenceId,
      model: ids.model,
      attestation: inferenceAttestation,
      attester: ids.attester,
      ...inference,
      timestamp_ms: `${TIMESTAMP_MS}`,
    },
    "allowlist::Allowlist": {
      id: allowlist,
      version: VERSION,
      name: "researchers",
      members: { id: allowlistMembers, size: "0" },
    },
    "allowlist::Cap": { id: allowlistCap, allowlist_id: allowlist },
    "timelock::Timelock": { id: timelock, unlock_ms: "1700086400000", creator: CREATOR },
    "subscription::Service": {
      id: service,
      version: VERSION,
      name: "premium",
      fee_mist: "1000000000",
      ttl_ms: "2592000000",
      balance: { value: "0" },
    },
    "subscription::Cap": { id: serviceCap, service_id: service },
    "subscription::Subscription": {
      id: subscription,
      service_id: service,
      subscriber: OUTSIDER,
      created_ms: NOW,
      expires_ms: `${TIMESTAMP_MS + 1000n + 2_592_000_000n}`,
    },
  };
}
