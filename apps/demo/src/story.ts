/**
 * The demo's history, played on the simulated chain: the same PTBs (the sdk's builders) and
 * the same events (the sdk's BCS layouts, which golden vectors prove equal to Move's) that the
 * `verity` package would produce on a real network, with attestations signed by a registered
 * attester key over the real payloads.
 */
import type { Keypair } from "@mysten/sui/cryptography";
import type { Transaction } from "@mysten/sui/transactions";
import { toHex } from "@mysten/sui/utils";
import {
  AttestationKind,
  allowlist,
  attester,
  dataset,
  inference,
  inferencePayload,
  model,
  transactions,
} from "@verity/sdk";
import { type EmittedEvent, type Ownership, SimulatedChain } from "./chain.ts";
import type { CleanDataset } from "./clean.ts";
import type { SourceDataset } from "./dataset.ts";
import {
  datasetFields,
  datasetRegistered,
  emitted,
  payloadOf,
  recordAttestation,
  recorded,
  signed,
} from "./events.ts";
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
    payloadOf(
      AttestationKind.transform,
      [rawId!],
      [raw.content],
      [clean.content],
      clean.recipeSha256,
    ),
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
    payloadOf(
      AttestationKind.training,
      [cleanId!],
      [clean.content],
      [trained.weights],
      trained.configSha256,
    ),
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
    payloadOf(
      AttestationKind.evaluation,
      [modelId!, cleanId!],
      [],
      [evaluation.metrics],
      evaluation.metrics.sha256,
    ),
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
