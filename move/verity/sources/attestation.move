/// Attestations: signed statements that an activity (transform, training, fine-tune,
/// evaluation, inference) consumed some inputs and produced some outputs.
///
/// Pattern: Nautilus-style signed intent messages. The attester signs, with ed25519, the BCS
/// bytes of `IntentMessage { intent: INTENT_SCOPE, timestamp_ms, data: AttestationMessage {
/// attester, submitter, payload } }`; `record` rebuilds those bytes on chain with the sender as
/// submitter, checks the signature against the named attester's current key, its revocation
/// flag and the timestamp's freshness, and marks the message recorded so it is accepted once
/// (`attester::consume`).
/// Every blob in the payload carries its Walrus blob id and the SHA-256 of its content, so
/// both are signed. `record_self` lets a sender state its own activity without a key: such
/// attestations are marked unsigned and carry the sender as their only authority.
///
/// An attestation backs new objects only while it is being recorded: `record*` return it, the
/// same PTB claims its outputs (`dataset::begin_derived`, `model::begin*`) and then
/// `finalize` freezes it for good. Claims check that the claimant recorded it and that each
/// output blob is claimed once; a finalized attestation backs nothing more, so a revoked
/// attester's past signatures, or another party's, never back anything new.
module verity::attestation;

use sui::bcs;
use sui::clock::Clock;
use sui::event;
use verity::attester::Attester;

// Training and fine-tune kinds say, under the signature, whether the model generates content:
// a model's `generative` flag (which decides whether `ai_generative_training` terms apply)
// comes from the kind, never from the submitter.

/// Kind of activity: a dataset was transformed into another (cleaning, filtering, ...).
const KIND_TRANSFORM: u8 = 0;
/// Kind of activity: a model was trained from scratch.
const KIND_TRAINING: u8 = 1;
/// Kind of activity: a base model was fine-tuned.
const KIND_FINE_TUNE: u8 = 2;
/// Kind of activity: a model was evaluated.
const KIND_EVALUATION: u8 = 3;
/// Kind of activity: a model produced an output from an input.
const KIND_INFERENCE: u8 = 4;
/// Kind of activity: a generative model was trained from scratch.
const KIND_GENERATIVE_TRAINING: u8 = 5;
/// Kind of activity: a base model was fine-tuned into a generative model.
const KIND_GENERATIVE_FINE_TUNE: u8 = 6;

/// First byte of every signed message: separates Verity attestations from anything else the
/// same key may sign.
const INTENT_SCOPE: u8 = 86; // 'V'
/// Longest accepted age of a signed timestamp when recorded: one hour, in ms.
const MAX_AGE_MS: u64 = 3_600_000;
/// Largest accepted lead of a signed timestamp over the chain clock: one minute, in ms.
const MAX_CLOCK_SKEW_MS: u64 = 60_000;
/// Length of a SHA-256 digest, in bytes.
const DIGEST_LENGTH: u64 = 32;

#[error(code = 1)]
const EInvalidKind: vector<u8> =
    b"attestation kind must be 0 (transform) to 6 (generative fine-tune)";
#[error(code = 2)]
const EInvalidDigest: vector<u8> = b"every digest is exactly 32 bytes (SHA-256)";
#[error(code = 3)]
const EStaleTimestamp: vector<u8> = b"the signed timestamp is more than an hour old";
#[error(code = 4)]
const EFutureTimestamp: vector<u8> =
    b"the signed timestamp is more than a minute ahead of the chain clock";
#[error(code = 5)]
const EBlobLengthMismatch: vector<u8> = b"blob ids and their sha256 digests differ in number";
#[error(code = 6)]
const EFinalized: vector<u8> = b"the attestation is finalized and backs nothing more";
#[error(code = 7)]
const ENotSubmitter: vector<u8> = b"only the party that recorded the attestation can build on it";
#[error(code = 8)]
const EOutputNotAttested: vector<u8> = b"the blob is not among the attestation's output blobs";
#[error(code = 9)]
const EOutputSha256Mismatch: vector<u8> =
    b"the sha256 differs from the one the attestation gives for this blob";
#[error(code = 10)]
const EOutputClaimed: vector<u8> = b"this output of the attestation is claimed already";
#[error(code = 11)]
const EUnsignedKind: vector<u8> =
    b"an unsigned attestation cannot state an evaluation or an inference";
#[error(code = 12)]
const EUnsignedOutputs: vector<u8> =
    b"an unsigned attestation cannot name existing objects as its outputs";
#[error(code = 13)]
const EUnsignedUnclaimed: vector<u8> =
    b"an unsigned attestation must back an object before it is finalized";

/// The signed envelope, laid out as Nautilus's `IntentMessage`.
public struct IntentMessage<T: copy + drop> has copy, drop {
    intent: u8,
    timestamp_ms: u64,
    data: T,
}

/// What a signed message carries: who may record it under which attester, and the statement.
public struct AttestationMessage has copy, drop {
    /// The `Attester` object the signature is recorded under.
    attester: ID,
    /// The only address that may record it (and so claim its outputs): no one who sees the
    /// signature first can front-run its intended submitter.
    submitter: address,
    payload: AttestationPayload,
}

/// A Walrus blob and the SHA-256 of its content, as attested.
public struct BlobDigest has copy, drop, store {
    /// Walrus blob id, as u256.
    blob_id: u256,
    /// SHA-256 of the blob's content, 32 bytes.
    sha256: vector<u8>,
}

/// What an attester states about one activity.
public struct AttestationPayload has copy, drop, store {
    kind: u8,
    /// Objects the activity used (datasets, a base model, the model run).
    inputs: vector<ID>,
    /// Blobs the activity read.
    input_blobs: vector<BlobDigest>,
    /// Existing objects the activity produced or judged (evaluation).
    outputs: vector<ID>,
    /// Blobs the activity wrote.
    output_blobs: vector<BlobDigest>,
    /// SHA-256 of whatever further detail the attester commits to (config, metrics, code).
    payload_digest: vector<u8>,
}

/// A recorded attestation (immutable once `finalize`d).
public struct Attestation has key {
    id: UID,
    /// Who vouches for it: the attester, or none for a self-attestation.
    attester: Option<ID>,
    /// Whether the attester's key lives in an attested enclave.
    enclave: bool,
    /// Key that signed it (32 bytes), empty when unsigned.
    public_key: vector<u8>,
    /// ed25519 signature (64 bytes), empty when unsigned.
    signature: vector<u8>,
    /// Who submitted the transaction; the only party that can build on it.
    submitter: address,
    /// Signed time of the activity, ms since the Unix epoch.
    timestamp_ms: u64,
    payload: AttestationPayload,
    /// Per output blob, whether a dataset or model claimed it.
    claimed: vector<bool>,
    /// Set by `finalize`: it backs nothing more.
    finalized: bool,
}

/// Emitted for every recorded attestation, with everything needed to re-verify it off chain.
public struct AttestationRecorded has copy, drop {
    attestation_id: ID,
    kind: u8,
    attester: Option<ID>,
    signed: bool,
    enclave: bool,
    public_key: vector<u8>,
    signature: vector<u8>,
    submitter: address,
    inputs: vector<ID>,
    input_blobs: vector<BlobDigest>,
    outputs: vector<ID>,
    output_blobs: vector<BlobDigest>,
    payload_digest: vector<u8>,
    timestamp_ms: u64,
    recorded_ms: u64,
}

/// Records an attestation signed by `attester` for the sender. `signature` is the 64-byte
/// ed25519 signature of `message_bytes(object::id(attester), sender, kind, ..., timestamp_ms)`. Blob ids are Walrus blob
/// ids as u256, each with the 32-byte SHA-256 of its content at the same index;
/// `payload_digest` is a 32-byte SHA-256 of further detail (config, metrics, code revision).
/// The same signed message is accepted once.
///
/// Aborts with `EInvalidKind`, `EInvalidDigest`, `EBlobLengthMismatch`, `EStaleTimestamp`
/// (older than one hour), `EFutureTimestamp` (more than a minute ahead),
/// `attester::ERevoked`, `attester::EInvalidSignature`, `attester::EReplayed` or
/// `version::EWrongVersion`.
public fun record(
    attester: &mut Attester,
    kind: u8,
    inputs: vector<ID>,
    input_blob_ids: vector<u256>,
    input_sha256s: vector<vector<u8>>,
    outputs: vector<ID>,
    output_blob_ids: vector<u256>,
    output_sha256s: vector<vector<u8>>,
    payload_digest: vector<u8>,
    timestamp_ms: u64,
    signature: vector<u8>,
    clock: &Clock,
    ctx: &mut TxContext,
): Attestation {
    let payload = new_payload(
        kind,
        inputs,
        blobs(input_blob_ids, input_sha256s),
        outputs,
        blobs(output_blob_ids, output_sha256s),
        payload_digest,
    );
    let now = clock.timestamp_ms();
    assert!(timestamp_ms <= now + MAX_CLOCK_SKEW_MS, EFutureTimestamp);
    assert!(now <= timestamp_ms + MAX_AGE_MS, EStaleTimestamp);
    let attester_id = object::id(attester);
    let message = bcs::to_bytes(
        &IntentMessage {
            intent: INTENT_SCOPE,
            timestamp_ms,
            data: AttestationMessage { attester: attester_id, submitter: ctx.sender(), payload },
        },
    );
    attester.consume(&signature, &message);
    new(
        option::some(attester_id),
        attester.is_enclave(),
        attester.public_key(),
        signature,
        timestamp_ms,
        payload,
        clock,
        ctx,
    )
}

/// Records an unsigned attestation by the sender about its own activity, timestamped with the
/// chain clock and marked unsigned. It states a transform, training or fine-tune only, names
/// no existing objects as outputs, and must back at least one object before `finalize`: the
/// builder that claims its output checks that every input is the sender's own
/// (`dataset::add_parent`, `model::add_dataset`), so an unsigned attestation never links
/// another party's objects. Aborts with `EInvalidKind`, `EUnsignedKind`, `EUnsignedOutputs`,
/// `EInvalidDigest` or `EBlobLengthMismatch`.
public fun record_self(
    kind: u8,
    inputs: vector<ID>,
    input_blob_ids: vector<u256>,
    input_sha256s: vector<vector<u8>>,
    outputs: vector<ID>,
    output_blob_ids: vector<u256>,
    output_sha256s: vector<vector<u8>>,
    payload_digest: vector<u8>,
    clock: &Clock,
    ctx: &mut TxContext,
): Attestation {
    assert!(kind != KIND_EVALUATION && kind != KIND_INFERENCE, EUnsignedKind);
    assert!(outputs.is_empty(), EUnsignedOutputs);
    let payload = new_payload(
        kind,
        inputs,
        blobs(input_blob_ids, input_sha256s),
        outputs,
        blobs(output_blob_ids, output_sha256s),
        payload_digest,
    );
    new(option::none(), false, vector[], vector[], clock.timestamp_ms(), payload, clock, ctx)
}

/// Freezes the attestation: from then on it is an immutable object anyone can reference, and
/// it backs no new object. Aborts with `EUnsignedUnclaimed` for an unsigned attestation that
/// backed nothing.
public fun finalize(mut self: Attestation) {
    assert!(self.is_signed() || self.claimed.contains(&true), EUnsignedUnclaimed);
    self.finalized = true;
    transfer::freeze_object(self)
}

/// The exact bytes an attester signs for `attester`, to be recorded by `submitter`: BCS of
/// `IntentMessage { intent: 86, timestamp_ms, data: AttestationMessage { attester, submitter,
/// payload: AttestationPayload { kind, inputs, input_blobs: [BlobDigest { blob_id, sha256 }],
/// outputs, output_blobs, payload_digest } } }`. Aborts with `EInvalidKind`, `EInvalidDigest`
/// or `EBlobLengthMismatch`.
public fun message_bytes(
    attester: ID,
    submitter: address,
    kind: u8,
    inputs: vector<ID>,
    input_blob_ids: vector<u256>,
    input_sha256s: vector<vector<u8>>,
    outputs: vector<ID>,
    output_blob_ids: vector<u256>,
    output_sha256s: vector<vector<u8>>,
    payload_digest: vector<u8>,
    timestamp_ms: u64,
): vector<u8> {
    let payload = new_payload(
        kind,
        inputs,
        blobs(input_blob_ids, input_sha256s),
        outputs,
        blobs(output_blob_ids, output_sha256s),
        payload_digest,
    );
    let data = AttestationMessage { attester, submitter, payload };
    bcs::to_bytes(&IntentMessage { intent: INTENT_SCOPE, timestamp_ms, data })
}

/// Kind of activity (0 transform, 1 training, 2 fine-tune, 3 evaluation, 4 inference,
/// 5 generative training, 6 generative fine-tune).
public fun kind(self: &Attestation): u8 { self.payload.kind }

/// Object ids the activity used.
public fun inputs(self: &Attestation): vector<ID> { self.payload.inputs }

/// Blobs the activity read, with their SHA-256.
public fun input_blobs(self: &Attestation): vector<BlobDigest> { self.payload.input_blobs }

/// Object ids the activity produced or judged.
public fun outputs(self: &Attestation): vector<ID> { self.payload.outputs }

/// Blobs the activity wrote, with their SHA-256.
public fun output_blobs(self: &Attestation): vector<BlobDigest> { self.payload.output_blobs }

/// The attester that signed it, or none for a self-attestation.
public fun attester(self: &Attestation): Option<ID> { self.attester }

/// Whether the attestation carries a verified signature.
public fun is_signed(self: &Attestation): bool { self.attester.is_some() }

/// Whether it was signed by an enclave attester.
public fun is_enclave(self: &Attestation): bool { self.enclave }

/// Who recorded it.
public fun submitter(self: &Attestation): address { self.submitter }

/// Signed time of the activity, ms since the Unix epoch.
public fun timestamp_ms(self: &Attestation): u64 { self.timestamp_ms }

/// Whether `finalize` froze it.
public fun is_finalized(self: &Attestation): bool { self.finalized }

/// The Walrus blob id of an attested blob.
public fun blob_id(self: &BlobDigest): u256 { self.blob_id }

/// The SHA-256 (32 bytes) of an attested blob's content.
public fun sha256(self: &BlobDigest): vector<u8> { self.sha256 }

/// Whether `blobs` (an attestation's input or output blobs) hold the blob `blob_id` with
/// content SHA-256 `sha256`.
public fun has_blob(blobs: &vector<BlobDigest>, blob_id: u256, sha256: vector<u8>): bool {
    blobs.any!(|blob| blob.blob_id == blob_id && blob.sha256 == sha256)
}

/// Kind constant: transform.
public fun kind_transform(): u8 { KIND_TRANSFORM }

/// Kind constant: training.
public fun kind_training(): u8 { KIND_TRAINING }

/// Kind constant: fine-tune.
public fun kind_fine_tune(): u8 { KIND_FINE_TUNE }

/// Kind constant: evaluation.
public fun kind_evaluation(): u8 { KIND_EVALUATION }

/// Kind constant: inference.
public fun kind_inference(): u8 { KIND_INFERENCE }

/// Kind constant: generative training.
public fun kind_generative_training(): u8 { KIND_GENERATIVE_TRAINING }

/// Kind constant: generative fine-tune.
public fun kind_generative_fine_tune(): u8 { KIND_GENERATIVE_FINE_TUNE }

/// Aborts unless the sender may build on the attestation: it is not finalized
/// (`EFinalized`) and the sender recorded it (`ENotSubmitter`).
public(package) fun assert_buildable(self: &Attestation, ctx: &TxContext) {
    assert!(!self.finalized, EFinalized);
    assert!(self.submitter == ctx.sender(), ENotSubmitter);
}

/// Claims the output blob `blob_id` for one new object, whose content must hash to the
/// attested `sha256`. Aborts as `assert_buildable` does, and with `EOutputNotAttested`,
/// `EOutputSha256Mismatch` or `EOutputClaimed`.
public(package) fun claim_output(
    self: &mut Attestation,
    blob_id: u256,
    sha256: vector<u8>,
    ctx: &TxContext,
) {
    self.assert_buildable(ctx);
    let index = self.payload.output_blobs.find_index!(|blob| blob.blob_id == blob_id);
    assert!(index.is_some(), EOutputNotAttested);
    let index = index.destroy_some();
    assert!(self.payload.output_blobs[index].sha256 == sha256, EOutputSha256Mismatch);
    assert!(!self.claimed[index], EOutputClaimed);
    *&mut self.claimed[index] = true;
}

fun blobs(blob_ids: vector<u256>, sha256s: vector<vector<u8>>): vector<BlobDigest> {
    assert!(blob_ids.length() == sha256s.length(), EBlobLengthMismatch);
    blob_ids.zip_map!(sha256s, |blob_id, sha256| {
        assert!(sha256.length() == DIGEST_LENGTH, EInvalidDigest);
        BlobDigest { blob_id, sha256 }
    })
}

fun new_payload(
    kind: u8,
    inputs: vector<ID>,
    input_blobs: vector<BlobDigest>,
    outputs: vector<ID>,
    output_blobs: vector<BlobDigest>,
    payload_digest: vector<u8>,
): AttestationPayload {
    assert!(kind <= KIND_GENERATIVE_FINE_TUNE, EInvalidKind);
    assert!(payload_digest.length() == DIGEST_LENGTH, EInvalidDigest);
    AttestationPayload { kind, inputs, input_blobs, outputs, output_blobs, payload_digest }
}

fun new(
    attester: Option<ID>,
    enclave: bool,
    public_key: vector<u8>,
    signature: vector<u8>,
    timestamp_ms: u64,
    payload: AttestationPayload,
    clock: &Clock,
    ctx: &mut TxContext,
): Attestation {
    let attestation = Attestation {
        id: object::new(ctx),
        attester,
        enclave,
        public_key,
        signature,
        submitter: ctx.sender(),
        timestamp_ms,
        payload,
        claimed: vector::tabulate!(payload.output_blobs.length(), |_| false),
        finalized: false,
    };
    event::emit(AttestationRecorded {
        attestation_id: attestation.id.to_inner(),
        kind: payload.kind,
        attester,
        signed: attester.is_some(),
        enclave,
        public_key,
        signature,
        submitter: ctx.sender(),
        inputs: payload.inputs,
        input_blobs: payload.input_blobs,
        outputs: payload.outputs,
        output_blobs: payload.output_blobs,
        payload_digest: payload.payload_digest,
        timestamp_ms,
        recorded_ms: clock.timestamp_ms(),
    });
    attestation
}
