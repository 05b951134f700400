/**
 * The demo's history, played on the simulated chain: the same PTBs (the sdk's builders) and
 * the same events (the sdk's BCS layouts, which golden vectors prove equal to Move's) that the
 * `verity` package would produce on a real network, with attestations signed by a registered
 * attester key over the real payloads.
 */
import type { Keypair } from "@mysten/sui/cryptography";
import type { Transaction, TransactionArgument } from "@mysten/sui/transactions";
import { toHex } from "@mysten/sui/utils";
import {
  AttestationKind,
  type AttestationPayloadInput,
  allowlist,
  attestation,
  attester,
  dataset,
  inference,
  inferencePayload,
  model,
  signAttestation,
  transactions,
} from "@verity/sdk";
import { type EmittedEvent, type Ownership, SimulatedChain } from "./chain.ts";
import type { CleanDataset } from "./clean.ts";
import type { Content } from "./content.ts";
import type { SourceDataset } from "./dataset.ts";
import type { Evaluation } from "./infer.ts";
import { DEMO_ADMIN_CAP, DEMO_PACKAGE_ID, participants } from "./participants.ts";
import { type SealPlan, sealPlan } from "./seal.ts";
import { TRAINING_CONFIG, type TrainedModel } from "./train.ts";

/** When the story starts on the chain clock: 2025-06-02 09:00 UTC (fixed, so runs agree). */
export const STORY_START_MS = Date.UTC(2025, 5, 2, 9, 0, 0);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Why the steward retracts the raw dataset at the end. */
export const RETRACTION_REASON =
  "demo: the data steward withdrew this release (a simulated consent withdrawal)";

/** What the story did, with the ids a reader can look up. */
export interface Story {
  packageId: string;
  steward: string;
  lab: string;
  attester: { id: string; name: string; publicKey: string };
  allowlist: { id: string; members: string[] };
  seal: SealPlan;
  raw: { id: string; name: string };
  clean: { id: string; name: string; transformId: string };
  model: { id: string; name: string; trainingId: string; evaluationId: string };
  inferences: { id: string; attestationId: string; predicted: string; expected: string }[];
  retraction: { txDigest: string; reason: string };
  chain: SimulatedChain;
}

/** What the story records: the artifacts made from the real dataset. */
export interface Artifacts {
  raw: SourceDataset;
  clean: CleanDataset;
  trained: TrainedModel;
  evaluation: Evaluation;
}

/** A `verity` event, as the chain emits it. */
const emitted = (
  module: string,
  struct: string,
  bcs: { toBytes(): Uint8Array },
  calledModule?: string,
): EmittedEvent => ({ module, struct, contents: bcs.toBytes(), calledModule });

/** Dataset fields for `dataset::register*`, from content. */
const datasetFields = (name: string, content: Content, license: string, policy: string) => ({
  name,
  blobId: content.blobIdU256,
  sha256: content.sha256,
  size: content.size,
  mediaType: content.mediaType,
  license,
  policy,
});

/** Signs `payload` with the lab's attester key at `signedAtMs`; the recorded event's fields. */
async function signed(payload: AttestationPayloadInput, signedAtMs: number) {
  const signature = await signAttestation(participants.attester, payload, signedAtMs);
  return { payload, signedAtMs, signature };
}

/** `AttestationRecorded` of a signed attestation, as `attestation::record` emits it. */
function recorded(
  attestationId: string,
  attesterId: string,
  { payload, signedAtMs, signature }: Awaited<ReturnType<typeof signed>>,
  submitter: string,
  recordedMs: number,
  calledModule?: string,
): EmittedEvent {
  return emitted(
    "attestation",
    "AttestationRecorded",
    attestation.AttestationRecorded.serialize({
      attestation_id: attestationId,
      kind: payload.kind,
      attester: attesterId,
      signed: true,
      public_key: participants.attester.getPublicKey().toRawBytes(),
      signature,
      submitter,
      inputs: payload.inputs,
      input_blobs: payload.input_blobs,
      outputs: payload.outputs,
      output_blobs: payload.output_blobs,
      payload_digest: payload.payload_digest,
      timestamp_ms: signedAtMs,
      recorded_ms: recordedMs,
    }),
    calledModule,
  );
}

/**
 * Plays the story: the steward registers the lab's attester key, makes an allowlist (the Seal
 * policy) and registers the raw dataset under it; the lab records a signed transform with the
 * cleaned dataset, a signed training with the model, a signed evaluation, and signed
 * inferences on held-out rows; then the steward retracts the raw dataset.
 */
export async function playStory({ raw, clean, trained, evaluation }: Artifacts): Promise<Story> {
  const { steward, lab, researcher } = participants;
  const pkg = DEMO_PACKAGE_ID;
  const chain = new SimulatedChain(pkg, STORY_START_MS);
  chain.seed(DEMO_ADMIN_CAP);
  const stewardAddress = steward.toSuiAddress();
  const labAddress = lab.toSuiAddress();
  const publicKey = participants.attester.getPublicKey().toRawBytes();
  const attesterName = "penguin-lab attester";
  const step = async (
    sender: Keypair,
    advanceMs: number,
    build: (tx: Transaction) => void,
    outcome: (
      ids: (n: number) => string,
      now: number,
    ) => { created: Ownership[]; events: EmittedEvent[] },
  ) => {
    chain.advance(advanceMs);
    return chain.execute(sender, build, (ids) => outcome(ids, chain.nowMs));
  };

  // The steward (who published the package) registers the lab's attester key.
  const {
    created: [attesterId],
  } = await step(
    steward,
    0,
    (tx) => transactions.attester.register(tx, pkg, DEMO_ADMIN_CAP, attesterName, publicKey),
    (ids, now) => ({
      created: ["shared"],
      events: [
        emitted(
          "attester",
          "AttesterRegistered",
          attester.AttesterRegistered.serialize({
            attester_id: ids(0),
            name: attesterName,
            public_key: publicKey,
            pcrs: [],
            admin: stewardAddress,
            timestamp_ms: now,
          }),
        ),
      ],
    }),
  );

  // The steward makes the Seal allowlist and lets the lab and a researcher in.
  const allowlistName = "palmer-penguins readers";
  const {
    created: [allowlistId, , capId],
  } = await step(
    steward,
    2 * MINUTE,
    (tx) => {
      const cap = transactions.allowlist.create(tx, pkg, allowlistName);
      tx.transferObjects([cap], stewardAddress);
    },
    (ids, now) => ({
      created: ["shared", "wrapped", { address: stewardAddress }],
      events: [
        emitted(
          "allowlist",
          "AllowlistCreated",
          allowlist.AllowlistCreated.serialize({
            allowlist_id: ids(0),
            cap_id: ids(2),
            name: allowlistName,
            creator: stewardAddress,
            timestamp_ms: now,
          }),
        ),
      ],
    }),
  );
  const members = [labAddress, researcher.toSuiAddress()];
  await step(
    steward,
    MINUTE,
    (tx) => {
      for (const member of members)
        transactions.allowlist.add(tx, pkg, allowlistId!, capId!, member);
    },
    (_, now) => ({
      created: [],
      events: members.map((member) =>
        emitted(
          "allowlist",
          "AllowlistMemberAdded",
          allowlist.AllowlistMemberAdded.serialize({
            allowlist_id: allowlistId!,
            member,
            admin: stewardAddress,
            timestamp_ms: now,
          }),
        ),
      ),
    }),
  );

  // The steward registers the raw dataset, exactly the file the npm package ships.
  const rawName = `palmer-penguins (${raw.origin})`;
  const rawFields = datasetFields(rawName, raw.content, raw.license, allowlistId!);
  const {
    created: [rawId],
  } = await step(
    steward,
    5 * MINUTE,
    (tx) => transactions.dataset.register(tx, pkg, rawFields),
    (ids, now) => ({
      created: ["shared"],
      events: [datasetRegistered(ids(0), stewardAddress, rawFields, [], null, now)],
    }),
  );

  // The lab cleans it, and records the signed transform with the cleaned dataset.
  const cleanName = "palmer-penguins-clean (complete records, CSV)";
  const cleanFields = datasetFields(cleanName, clean.content, raw.license, allowlistId!);
  const transform = await signed(
    {
      kind: AttestationKind.transform,
      inputs: [rawId!],
      input_blobs: [raw.content.blobIdU256],
      outputs: [],
      output_blobs: [clean.content.blobIdU256],
      payload_digest: clean.recipeSha256,
    },
    chain.nowMs + HOUR - 30_000,
  );
  const {
    created: [transformId, cleanId],
  } = await step(
    lab,
    HOUR,
    (tx) => {
      const a = recordAttestation(tx, pkg, attesterId!, transform);
      transactions.dataset.registerDerived(tx, pkg, a, [rawId!], cleanFields);
      transactions.attestation.finalize(tx, pkg, a);
    },
    (ids, now) => ({
      created: ["immutable", "shared"],
      events: [
        recorded(ids(0), attesterId!, transform, labAddress, now),
        datasetRegistered(ids(1), labAddress, cleanFields, [rawId!], ids(0), now),
      ],
    }),
  );

  // The lab trains the model on the cleaned dataset, and records the signed training with it.
  const modelName = "penguin-species-logreg";
  const modelFields = {
    name: modelName,
    blobId: trained.weights.blobIdU256,
    sha256: trained.weights.sha256,
    size: trained.weights.size,
    architecture: "logistic-regression (one-vs-rest, 4 features + intercept, 3 classes)",
    framework: TRAINING_CONFIG.library,
  };
  const training = await signed(
    {
      kind: AttestationKind.training,
      inputs: [cleanId!],
      input_blobs: [clean.content.blobIdU256],
      outputs: [],
      output_blobs: [trained.weights.blobIdU256],
      payload_digest: trained.configSha256,
    },
    chain.nowMs + 30 * MINUTE - 20_000,
  );
  const {
    created: [trainingId, modelId],
  } = await step(
    lab,
    30 * MINUTE,
    (tx) => {
      const a = recordAttestation(tx, pkg, attesterId!, training);
      transactions.model.register(tx, pkg, a, modelFields);
      transactions.attestation.finalize(tx, pkg, a);
    },
    (ids, now) => ({
      created: ["immutable", "immutable"],
      events: [
        recorded(ids(0), attesterId!, training, labAddress, now),
        emitted(
          "model",
          "ModelRegistered",
          model.ModelRegistered.serialize({
            model_id: ids(1),
            creator: labAddress,
            name: modelName,
            blob_id: modelFields.blobId,
            sha256: modelFields.sha256,
            size: modelFields.size,
            architecture: modelFields.architecture,
            framework: modelFields.framework,
            base_model: null,
            training: ids(0),
            datasets: [cleanId!],
            timestamp_ms: now,
          }),
        ),
      ],
    }),
  );

  // The lab evaluates the model on the held-out rows and signs the metrics.
  const evaluated = await signed(
    {
      kind: AttestationKind.evaluation,
      inputs: [modelId!, cleanId!],
      input_blobs: [],
      outputs: [],
      output_blobs: [evaluation.metrics.blobIdU256],
      payload_digest: evaluation.metrics.sha256,
    },
    chain.nowMs + 10 * MINUTE - 10_000,
  );
  const {
    created: [evaluationId],
  } = await step(
    lab,
    10 * MINUTE,
    (tx) =>
      transactions.attestation.finalize(
        tx,
        pkg,
        recordAttestation(tx, pkg, attesterId!, evaluated),
      ),
    (ids, now) => ({
      created: ["immutable"],
      events: [recorded(ids(0), attesterId!, evaluated, labAddress, now)],
    }),
  );

  // The lab serves the model: each inference on a held-out row is signed and recorded.
  const inferences: Story["inferences"] = [];
  for (const [i, run] of evaluation.inferences.entries()) {
    const { input, output } = run;
    const answered = await signed(
      inferencePayload(modelId!, input.blobIdU256, output.blobIdU256, output.sha256),
      chain.nowMs + (i === 0 ? 24 * HOUR : 7 * MINUTE) - 2_000,
    );
    const fields = {
      inputBlobId: input.blobIdU256,
      outputBlobId: output.blobIdU256,
      inputSha256: input.sha256,
      outputSha256: output.sha256,
      timestampMs: answered.signedAtMs,
      signature: answered.signature,
    };
    const {
      created: [attestationId, inferenceId],
    } = await step(
      lab,
      i === 0 ? 24 * HOUR : 7 * MINUTE,
      (tx) => transactions.inference.record(tx, pkg, modelId!, attesterId!, fields),
      (ids, now) => ({
        created: ["immutable", "immutable"],
        events: [
          recorded(ids(0), attesterId!, answered, labAddress, now, "inference"),
          emitted(
            "inference",
            "InferenceRecorded",
            inference.InferenceRecorded.serialize({
              inference_id: ids(1),
              attestation_id: ids(0),
              model_id: modelId!,
              attester_id: attesterId!,
              input_blob_id: input.blobIdU256,
              input_sha256: input.sha256,
              output_blob_id: output.blobIdU256,
              output_sha256: output.sha256,
              submitter: labAddress,
              timestamp_ms: answered.signedAtMs,
            }),
          ),
        ],
      }),
    );
    inferences.push({
      id: inferenceId!,
      attestationId: attestationId!,
      predicted: run.predicted,
      expected: run.expected,
    });
  }

  // The steward retracts the raw dataset: everything derived from it is now tainted.
  const retraction = await step(
    steward,
    2 * 24 * HOUR,
    (tx) => transactions.dataset.retract(tx, pkg, rawId!, RETRACTION_REASON),
    (_, now) => ({
      created: [],
      events: [
        emitted(
          "dataset",
          "DatasetRetracted",
          dataset.DatasetRetracted.serialize({
            dataset_id: rawId!,
            creator: stewardAddress,
            reason: RETRACTION_REASON,
            timestamp_ms: now,
          }),
        ),
      ],
    }),
  );

  return {
    packageId: pkg,
    steward: stewardAddress,
    lab: labAddress,
    attester: { id: attesterId!, name: attesterName, publicKey: toHex(publicKey) },
    allowlist: { id: allowlistId!, members },
    seal: sealPlan(pkg, allowlistId!, raw.content.sha256),
    raw: { id: rawId!, name: rawName },
    clean: { id: cleanId!, name: cleanName, transformId: transformId! },
    model: { id: modelId!, name: modelName, trainingId: trainingId!, evaluationId: evaluationId! },
    inferences,
    retraction: { txDigest: retraction.digest, reason: RETRACTION_REASON },
    chain,
  };
}

/** `attestation::record` of a signed attestation in `tx`; the result is the `Attestation`. */
function recordAttestation(
  tx: Transaction,
  pkg: string,
  attesterId: string,
  { payload, signedAtMs, signature }: Awaited<ReturnType<typeof signed>>,
): TransactionArgument {
  return transactions.attestation.record(tx, pkg, attesterId, payload, signedAtMs, signature);
}

/** `DatasetRegistered` of a first registration or a derived dataset (revision 1). */
function datasetRegistered(
  datasetId: string,
  creator: string,
  fields: ReturnType<typeof datasetFields>,
  parents: string[],
  transform: string | null,
  now: number,
): EmittedEvent {
  return emitted(
    "dataset",
    "DatasetRegistered",
    dataset.DatasetRegistered.serialize({
      dataset_id: datasetId,
      creator,
      name: fields.name,
      blob_id: fields.blobId,
      sha256: fields.sha256,
      size: fields.size,
      media_type: fields.mediaType,
      license: fields.license,
      policy: fields.policy,
      parents,
      transform,
      previous: null,
      revision: 1,
      timestamp_ms: now,
    }),
  );
}
