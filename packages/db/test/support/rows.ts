/**
 * Sample rows for every append-only table, with every column set (nullable ones included), and
 * values that are easy to get wrong: text with tabs, newlines, quotes, backslashes and
 * non-ASCII; arrays whose elements hold commas, braces, quotes, `NULL` and the empty string;
 * u64 values past 2^63; bytes.
 */
import type { AiTerms, QuarantineRow, Rows } from "../../src/index.ts";

/** 0x + 64 hex digits from `n`. */
export const hex = (n: number | bigint) => `0x${n.toString(16).padStart(64, "0")}`;

/** Text that COPY text format and array literals must escape. */
export const TRICKY = 'tab\there, new\nline, cr\r, back\\slash, "quoted", {braced}, a,b ünï 🚀';

/** Array elements that array literals must quote. */
export const TRICKY_ELEMENTS = [
  "a,b",
  "{x}",
  '"q"',
  "back\\slash",
  "NULL",
  "",
  " spaced ",
  "tab\tnew\nline",
];

/** u64::MAX: beyond PostgreSQL's signed bigint. */
export const U64_MAX = 2n ** 64n - 1n;

/** Terms for AI use with every kind of permission, constraints that JSON must escape included. */
export const TRICKY_TERMS: AiTerms = {
  ai_training: { use: "constrained", constraints: [TRICKY, ...TRICKY_ELEMENTS] },
  ai_generative_training: { use: "notAllowed", constraints: [] },
  ai_inference: { use: "allowed", constraints: [] },
  data_mining: { use: "constrained", constraints: ["non-commercial"] },
};

/**
 * One row per append-only table (or `perTable` rows, keys made distinct by `i`), all with the
 * event id of `checkpoint`. Different checkpoints give different keys.
 */
export function sampleRows(checkpoint: number, perTable = 1): Rows {
  const rows: Required<Rows> = {
    checkpointProofs: [],
    transactionProofs: [],
    datasets: [],
    datasetRetractions: [],
    datasetPolicyChanges: [],
    datasetTermsChanges: [],
    models: [],
    attestations: [],
    inferences: [],
    enclaveConfigs: [],
    enclaveConfigRetirements: [],
    attesters: [],
    attesterKeys: [],
    attesterRevocations: [],
    policies: [],
    policyMemberChanges: [],
    subscriptions: [],
    feeWithdrawals: [],
    edges: [],
    walrusBlobEvents: [],
  };
  for (let i = 0; i < perTable; i++) {
    const n = checkpoint * 1_000_000 + i;
    const txDigest = `tx${checkpoint}_${i}`;
    const eventId = (eventIndex: number) => ({ checkpoint, txDigest, eventIndex });
    const timestampMs = 1_700_000_000_000 + n;
    rows.datasets.push({
      datasetId: hex(n),
      network: "testnet",
      creator: hex(1),
      name: TRICKY,
      blobId: `blob-${n}`,
      sha256: "ab".repeat(32),
      size: U64_MAX,
      mediaType: "text/csv",
      license: "CC-BY-4.0",
      terms: TRICKY_TERMS,
      policyId: i % 2 === 0 ? null : hex(7),
      parents: TRICKY_ELEMENTS,
      transformId: null,
      lineageSigned: i % 2 === 1,
      previousId: i % 2 === 0 ? hex(2) : null,
      revision: i,
      timestampMs,
      ...eventId(0),
    });
    rows.datasetRetractions.push({
      datasetId: hex(n),
      creator: hex(1),
      reason: TRICKY,
      timestampMs,
      ...eventId(1),
    });
    rows.datasetPolicyChanges.push({
      datasetId: hex(n),
      policyId: null,
      creator: hex(1),
      timestampMs,
      ...eventId(2),
    });
    rows.datasetTermsChanges.push({
      datasetId: hex(n),
      // the dataset's own terms, so the dataset's row stays as given (`recordDatasetTerms`)
      terms: TRICKY_TERMS,
      creator: hex(1),
      timestampMs,
      ...eventId(15),
    });
    rows.models.push({
      modelId: hex(n + 1),
      network: "testnet",
      creator: hex(1),
      name: "model\\v1",
      blobId: `model-${n}`,
      sha256: "cd".repeat(32),
      size: 2n ** 63n,
      architecture: "llama",
      framework: "pytorch",
      generative: i % 2 === 0,
      baseModelId: null,
      trainingId: hex(n + 2),
      lineageSigned: i % 2 === 1,
      datasets: [hex(n)],
      constraints: [{ dataset: hex(n), constraints: TRICKY_ELEMENTS }],
      timestampMs,
      ...eventId(3),
    });
    rows.attestations.push({
      attestationId: hex(n + 2),
      network: "testnet",
      kind: "training",
      attesterId: i % 2 === 0 ? null : hex(9),
      signed: i % 2 === 1,
      enclave: i % 4 === 1,
      publicKey: "",
      signature: "",
      submitter: hex(1),
      inputs: [hex(n)],
      inputBlobs: [],
      inputSha256s: [],
      outputs: [hex(n + 1)],
      outputBlobs: ["a\tb"],
      outputSha256s: ["22".repeat(32)],
      payloadDigest: "ef".repeat(32),
      timestampMs,
      recordedMs: timestampMs + 1,
      ...eventId(4),
    });
    rows.inferences.push({
      inferenceId: hex(n + 3),
      network: "testnet",
      attestationId: hex(n + 2),
      modelId: hex(n + 1),
      attesterId: hex(9),
      enclave: i % 2 === 0,
      inputBlobId: "in",
      inputSha256: "00".repeat(32),
      outputBlobId: "out",
      outputSha256: "11".repeat(32),
      submitter: hex(1),
      timestampMs,
      ...eventId(5),
    });
    rows.attesters.push({
      attesterId: hex(n + 4),
      network: "testnet",
      name: 'enclave "one"',
      pcrs: ["00", "11", "22"],
      enclaveConfigId: i % 2 === 0 ? null : hex(n + 9),
      admin: hex(1),
      timestampMs,
      ...eventId(6),
    });
    rows.enclaveConfigs.push({
      configId: hex(n + 9),
      network: "testnet",
      name: TRICKY,
      pcrs: ["00".repeat(48), "11".repeat(48), "22".repeat(48)],
      admin: hex(1),
      timestampMs,
      ...eventId(16),
    });
    rows.enclaveConfigRetirements.push({
      configId: hex(n + 9),
      admin: hex(1),
      timestampMs,
      ...eventId(17),
    });
    rows.attesterKeys.push({
      attesterId: hex(n + 4),
      keyVersion: 0,
      publicKey: "aa".repeat(32),
      timestampMs,
      ...eventId(7),
    });
    rows.attesterRevocations.push({
      attesterId: hex(n + 4),
      publicKey: "aa".repeat(32),
      admin: hex(1),
      timestampMs,
      ...eventId(8),
    });
    rows.policies.push({
      policyId: hex(n + 5),
      network: "testnet",
      kind: "subscription",
      name: i % 2 === 0 ? null : "plan\nB",
      creator: hex(1),
      capId: hex(n + 6),
      unlockMs: null,
      feeMist: 10n ** 19n,
      ttlMs: U64_MAX,
      timestampMs,
      ...eventId(9),
    });
    rows.policyMemberChanges.push({
      policyId: hex(n + 5),
      member: hex(3),
      added: i % 2 === 0,
      admin: hex(1),
      timestampMs,
      ...eventId(10),
    });
    rows.subscriptions.push({
      subscriptionId: hex(n + 7),
      serviceId: hex(n + 5),
      subscriber: hex(3),
      feeMist: 0n,
      expiresMs: BigInt(timestampMs) + 86_400_000n,
      timestampMs,
      ...eventId(11),
    });
    rows.feeWithdrawals.push({
      serviceId: hex(n + 5),
      amountMist: 123_456_789_012_345_678n,
      recipient: hex(1),
      timestampMs,
      ...eventId(12),
    });
    rows.edges.push({
      kind: "wasDerivedFrom",
      src: hex(n),
      srcKind: "dataset",
      dst: hex(2),
      dstKind: "dataset",
      network: "testnet",
      signed: i % 3 === 0 ? null : i % 3 === 1,
      enclave: i % 3 === 0 ? null : i % 2 === 0,
      ...eventId(13),
    });
    rows.walrusBlobEvents.push({
      ...eventId(14),
      network: "testnet",
      kind: "registered",
      blobId: `blob-${n}`,
      objectId: hex(n + 8),
      epoch: 1,
      endEpoch: 10,
      size: 1024n,
      encodingType: 1,
      deletable: true,
      isExtension: null,
      wasCertified: null,
      timestampMs,
    });
    rows.checkpointProofs.push({
      network: "testnet",
      checkpoint: n,
      epoch: 7,
      certifiedSummary: Uint8Array.of(0, 0x5c, 9, 10, 255),
      contents: Uint8Array.of(1, 2, 3),
    });
    rows.transactionProofs.push({
      network: "testnet",
      txDigest,
      checkpoint,
      effects: Uint8Array.of(4, 0, 5),
      events: Uint8Array.of(6, 7),
    });
  }
  return rows;
}

/** A quarantined event of `checkpoint`, with bytes (including 0x00, `\`, tab and newline). */
export function sampleQuarantine(checkpoint: number, eventIndex = 99): QuarantineRow {
  return {
    checkpoint,
    txDigest: `tx${checkpoint}_q`,
    eventIndex,
    eventType: "0x2::verity::Broken",
    reason: `BCS does not decode: ${TRICKY}`,
    contents: new Uint8Array([0, 1, 0x5c, 9, 10, 255]),
  };
}
