import { toHex } from "@mysten/sui/utils";
import { enclave, inferencePayload, transactions } from "@verity/sdk";
import {
  attesterRegistered,
  type DemoAttester,
  digestOf,
  emitted,
  inferenceRecorded,
  recorded,
} from "./events.ts";
import { type Inference, SERVING_CONFIG_SHA256 } from "./infer.ts";
import { simulatedAttestationDocument, simulatedPcrs } from "./nitro.ts";
import { DEMO_ADMIN_CAP, DEMO_ATTESTER_REGISTRY, participants } from "./participants.ts";
import { assertMeasured } from "./rules.ts";
import { HOUR, MINUTE, type Stage } from "./stage.ts";

/** The image the lab's enclave runs: its `EnclaveConfig` name. */
const ENCLAVE_IMAGE = "penguin-species inference server v1 (reproducible build)";

/** The lab's enclave attester and the image configuration it was registered against. */
export interface EnclaveAttester {
  configId: string;
  image: string;
  /** PCR0-2, hex */
  pcrs: string[];
  attesterId: string;
  name: string;
  /** ed25519, hex */
  publicKey: string;
}

/** A recorded inference, and who signed it. */
export interface RecordedInference {
  id: string;
  attestationId: string;
  attesterId: string;
  /** signed by the enclave (else by the lab's plain key) */
  enclave: boolean;
  predicted: string;
  expected: string;
}

/**
 * The serving act: the lab records the first inference signed with its plain attester key,
 * then moves serving into a Nitro enclave (the steward, holding the `AdminCap`, publishes the
 * measurements of its reproducibly built image; the lab registers the enclave from the
 * attestation document it produced, whose public key becomes the attester's key) and records
 * the other inferences signed by the enclave.
 */
export async function serveModel(
  stage: Stage,
  modelId: string,
  keyAttester: DemoAttester,
  runs: Inference[],
): Promise<{ enclave: EnclaveAttester; inferences: RecordedInference[] }> {
  const { pkg, lab } = stage;
  const inferences: RecordedInference[] = [];
  const serve = async (run: Inference, by: DemoAttester, advanceMs: number) => {
    const { input, output } = run;
    const payload = inferencePayload(
      modelId,
      digestOf(input),
      digestOf(output),
      SERVING_CONFIG_SHA256,
    );
    const answered = await stage.sign(by, payload, advanceMs, 2_000);
    const {
      created: [attestationId, inferenceId],
    } = await stage.step(
      participants.lab,
      advanceMs,
      (tx) =>
        transactions.inference.record(tx, pkg, modelId, by.id, {
          inputBlobId: input.blobIdU256,
          inputSha256: input.sha256,
          outputBlobId: output.blobIdU256,
          outputSha256: output.sha256,
          payloadDigest: SERVING_CONFIG_SHA256,
          timestampMs: answered.signedAtMs,
          signature: answered.signature,
        }),
      (ids, now) => ({
        created: ["immutable", "immutable"],
        events: [
          recorded(ids(0), answered, now, "inference"),
          inferenceRecorded(ids(1), ids(0), modelId, run, answered),
        ],
      }),
    );
    inferences.push({
      id: inferenceId!,
      attestationId: attestationId!,
      attesterId: by.id,
      enclave: by.enclave,
      predicted: run.predicted,
      expected: run.expected,
    });
  };

  const [first, ...rest] = runs;
  if (first) await serve(first, keyAttester, 22 * HOUR);

  const pcrs = simulatedPcrs(ENCLAVE_IMAGE);
  assertMeasured(pcrs);
  const {
    created: [configId],
  } = await stage.step(
    participants.steward,
    3 * HOUR,
    (tx) => transactions.enclave.createConfig(tx, pkg, DEMO_ADMIN_CAP, ENCLAVE_IMAGE, pcrs),
    (ids, now) => ({
      created: ["immutable"],
      events: [
        emitted(
          "enclave",
          "EnclaveConfigCreated",
          enclave.EnclaveConfigCreated.serialize({
            config_id: ids(0),
            name: ENCLAVE_IMAGE,
            pcrs,
            admin: stage.steward,
            timestamp_ms: now,
          }),
        ),
      ],
    }),
  );
  const name = "penguin-lab inference enclave";
  const key = participants.enclave.getPublicKey().toRawBytes();
  const registeredAfterMs = 30 * MINUTE;
  const document = simulatedAttestationDocument(
    pcrs,
    key,
    stage.chain.nowMs + registeredAfterMs - 20_000,
  );
  const {
    created: [attesterId],
  } = await stage.step(
    participants.lab,
    registeredAfterMs,
    (tx) =>
      transactions.enclave.register(tx, pkg, configId!, DEMO_ATTESTER_REGISTRY, document, name),
    (ids, now) => ({
      created: ["shared", "wrapped"],
      events: [
        attesterRegistered(ids(0), name, key, { configId: configId!, pcrs }, lab, now, "enclave"),
      ],
    }),
  );
  const enclaveAttester: DemoAttester = {
    id: attesterId!,
    name,
    signer: participants.enclave,
    enclave: true,
  };
  for (const run of rest) await serve(run, enclaveAttester, 7 * MINUTE);

  return {
    enclave: {
      configId: configId!,
      image: ENCLAVE_IMAGE,
      pcrs: pcrs.map(toHex),
      attesterId: attesterId!,
      name,
      publicKey: toHex(key),
    },
    inferences,
  };
}
