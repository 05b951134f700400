/**
 * What each golden vector must decode to: the story of move/verity/tests/test_flows.move and
 * golden_tests.move, written down from its inputs (never by decoding the captured bytes).
 * Shapes are those the sdk's layouts decode to: addresses as 0x-hex (64 digits), u64/u256 as
 * decimal strings, `vector<u8>` as `Uint8Array`, options as value or null.
 */
import { normalizeSuiAddress } from "@mysten/sui/utils";
import { signAttestation } from "../../src/signing.ts";
import {
  blobs,
  digests,
  ids,
  keys,
  payloads,
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

/** Expected decoded value of every golden vector (events, then objects), by `module::Struct`. */
export async function goldenExpected(): Promise<Record<string, unknown>> {
  const transformSignature = await signAttestation(keys.a, payloads.transform, TIMESTAMP_MS);
  return {
    "attester::AttesterRegistered": {
      attester_id: ids.attester,
      name: "ci-attester",
      public_key: keyA,
      pcrs: [],
      admin: ADMIN,
      timestamp_ms: NOW,
    },
    "attestation::AttestationRecorded": {
      attestation_id: ids.transform,
      kind: 0,
      attester: ids.attester,
      signed: true,
      public_key: keyA,
      signature: transformSignature,
      submitter: CREATOR,
      inputs: [ids.dataset],
      input_blobs: [`${blobs.raw}`],
      outputs: [],
      output_blobs: [`${blobs.derived}`],
      payload_digest: digests.transform,
      timestamp_ms: `${TIMESTAMP_MS}`,
      recorded_ms: NOW,
    },
    "dataset::DatasetRegistered": {
      dataset_id: ids.derived,
      creator: CREATOR,
      name: "clean",
      blob_id: `${blobs.derived}`,
      sha256: digests.derived,
      size: "900",
      media_type: "text/csv",
      license: "CC-BY-4.0",
      policy: null,
      parents: [ids.dataset],
      transform: ids.transform,
      previous: null,
      revision: "1",
      timestamp_ms: NOW,
    },
    "model::ModelRegistered": {
      model_id: ids.model,
      creator: CREATOR,
      name: "churn-classifier",
      blob_id: `${blobs.weights}`,
      sha256: digests.weights,
      size: "4096",
      architecture: "logistic-regression",
      framework: "verity-demo",
      base_model: null,
      training: ids.training,
      datasets: [ids.derived],
      timestamp_ms: NOW,
    },
    "inference::InferenceRecorded": {
      inference_id: testScenarioObjectId(5, 1),
      attestation_id: testScenarioObjectId(5, 0),
      model_id: ids.model,
      attester_id: ids.attester,
      input_blob_id: `${blobs.input}`,
      input_sha256: digests.input,
      output_blob_id: `${blobs.output}`,
      output_sha256: digests.output,
      submitter: CREATOR,
      timestamp_ms: `${TIMESTAMP_MS}`,
    },
    "dataset::DatasetPolicySet": {
      dataset_id: ids.dataset,
      policy: address("0x5ea1"),
      creator: CREATOR,
      timestamp_ms: NOW,
    },
    "dataset::DatasetRetracted": {
      dataset_id: ids.dataset,
      creator: CREATOR,
      reason: "consent withdrawn",
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
      allowlist_id: testScenarioObjectId(8, 0),
      cap_id: testScenarioObjectId(8, 2),
      name: "researchers",
      creator: CREATOR,
      timestamp_ms: NOW,
    },
    "allowlist::AllowlistMemberAdded": {
      allowlist_id: testScenarioObjectId(8, 0),
      member: address("0xbeef"),
      admin: CREATOR,
      timestamp_ms: NOW,
    },
    "allowlist::AllowlistMemberRemoved": {
      allowlist_id: testScenarioObjectId(8, 0),
      member: address("0xbeef"),
      admin: CREATOR,
      timestamp_ms: NOW,
    },
    "timelock::TimelockCreated": {
      timelock_id: testScenarioObjectId(9, 0),
      unlock_ms: "1700086400000",
      creator: CREATOR,
      timestamp_ms: NOW,
    },
    "subscription::ServiceCreated": {
      service_id: testScenarioObjectId(9, 1),
      cap_id: testScenarioObjectId(9, 2),
      name: "premium",
      fee_mist: "1000000000",
      ttl_ms: "2592000000",
      creator: CREATOR,
      timestamp_ms: NOW,
    },
    "subscription::Subscribed": {
      service_id: testScenarioObjectId(9, 1),
      subscription_id: testScenarioObjectId(10, 1),
      subscriber: OUTSIDER,
      fee_mist: "1000000000",
      expires_ms: `${TIMESTAMP_MS + 1000n + 2_592_000_000n}`,
      timestamp_ms: NOW,
    },
    "subscription::FeesWithdrawn": {
      service_id: testScenarioObjectId(9, 1),
      amount_mist: "1000000000",
      recipient: CREATOR,
      timestamp_ms: NOW,
    },
    // Objects, as they stand at the end of the story.
    "attester::Attester": {
      id: ids.attester,
      name: "ci-attester",
      public_key: keyB,
      pcrs: [],
      key_version: "1",
      revoked: true,
    },
    "attestation::Attestation": {
      id: ids.transform,
      attester: ids.attester,
      public_key: keyA,
      signature: transformSignature,
      submitter: CREATOR,
      timestamp_ms: `${TIMESTAMP_MS}`,
      payload: {
        kind: 0,
        inputs: [ids.dataset],
        input_blobs: [`${blobs.raw}`],
        outputs: [],
        output_blobs: [`${blobs.derived}`],
        payload_digest: digests.transform,
      },
    },
    "dataset::Dataset": {
      id: ids.derived,
      creator: CREATOR,
      name: "clean",
      blob_id: `${blobs.derived}`,
      sha256: digests.derived,
      size: "900",
      media_type: "text/csv",
      license: "CC-BY-4.0",
      policy: null,
      parents: [ids.dataset],
      transform: ids.transform,
      previous: null,
      next: null,
      revision: "1",
      retracted: false,
    },
    "model::Model": {
      id: ids.model,
      creator: CREATOR,
      name: "churn-classifier",
      blob_id: `${blobs.weights}`,
      sha256: digests.weights,
      size: "4096",
      architecture: "logistic-regression",
      framework: "verity-demo",
      base_model: null,
      training: ids.training,
      datasets: [ids.derived],
    },
    "inference::Inference": {
      id: testScenarioObjectId(5, 1),
      model: ids.model,
      attestation: testScenarioObjectId(5, 0),
      attester: ids.attester,
      input_blob_id: `${blobs.input}`,
      input_sha256: digests.input,
      output_blob_id: `${blobs.output}`,
      output_sha256: digests.output,
      timestamp_ms: `${TIMESTAMP_MS}`,
    },
    "allowlist::Allowlist": {
      id: testScenarioObjectId(8, 0),
      name: "researchers",
      members: { id: testScenarioObjectId(8, 1), size: "0" },
    },
    "allowlist::Cap": { id: testScenarioObjectId(8, 2), allowlist_id: testScenarioObjectId(8, 0) },
    "timelock::Timelock": {
      id: testScenarioObjectId(9, 0),
      unlock_ms: "1700086400000",
      creator: CREATOR,
    },
    "subscription::Service": {
      id: testScenarioObjectId(9, 1),
      name: "premium",
      fee_mist: "1000000000",
      ttl_ms: "2592000000",
      balance: { value: "0" },
    },
    "subscription::Cap": { id: testScenarioObjectId(9, 2), service_id: testScenarioObjectId(9, 1) },
    "subscription::Subscription": {
      id: testScenarioObjectId(10, 1),
      service_id: testScenarioObjectId(9, 1),
      subscriber: OUTSIDER,
      created_ms: NOW,
      expires_ms: `${TIMESTAMP_MS + 1000n + 2_592_000_000n}`,
    },
  };
}
