/// Attestations: signed statements that an activity (transform, training, fine-tune,
/// evaluation, inference) consumed some inputs and produced some outputs.
///
/// Pattern: Nautilus-style signed intent messages. The attester signs, with ed25519, the BCS
/// bytes of `IntentMessage { intent: INTENT_SCOPE, timestamp_ms, data: AttestationPayload }`;
/// `record` rebuilds those bytes on chain and checks the signature against the attester's
/// current key, the attester's revocation flag and the timestamp's freshness against `Clock`.
/// `record_self` lets a sender attest its own activity without a key: such attestations are
/// marked `signed: false` and carry the sender as their only authority.
///
/// `record*` return the `Attestation` so that the same PTB can pass it by reference to
/// `dataset::begin_derived` or `model::register`; `finalize` then freezes it, which every PTB
/// must do since an `Attestation` cannot be dropped.
module verity::attestation;

use sui::bcs;
use sui::clock::Clock;
use sui::event;
use verity::attester::Attester;

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

/// First byte of every signed message: separates Verity attestations from anything else the
/// same key may sign.
const INTENT_SCOPE: u8 = 86; // 'V'
/// Longest accepted age of a signed timestamp when recorded: one hour, in ms.
const MAX_AGE_MS: u64 = 3_600_000;
/// Largest accepted lead of a signed timestamp over the chain clock: one minute, in ms.
const MAX_CLOCK_SKEW_MS: u64 = 60_000;
/// Length of a SHA-256 digest, in bytes.
const DIGEST_LENGTH: u64 = 32;

#[error]
const EInvalidKind: vector<u8> = b"attestation kind must be 0 (transform) to 4 (inference)";
#[error]
const EInvalidDigest: vector<u8> = b"the payload digest is exactly 32 bytes (SHA-256)";
#[error]
const EStaleTimestamp: vector<u8> = b"the signed timestamp is more than an hour old";
#[error]
const EFutureTimestamp: vector<u8> = b"the signed timestamp is more than a minute ahead of the chain clock";
#[error]
const EInvalidSignature: vector<u8> = b"the signature does not verify against the attester's current key";

/// The signed envelope, laid out as Nautilus's `IntentMessage`.
public struct IntentMessage<T: copy + drop> has copy, drop {
    intent: u8,
    timestamp_ms: u64,
    data: T,
}

/// What an attester signs about one activity.
public struct AttestationPayload has copy, drop, store {
    kind: u8,
    inputs: vector<ID>,
    input_blobs: vector<u256>,
    outputs: vector<ID>,
    output_blobs: vector<u256>,
    payload_digest: vector<u8>,
}

/// A recorded attestation (immutable once `finalize`d).
public struct Attestation has key {
    id: UID,
    /// Who vouches for it: the attester, or none for a self-attestation.
    attester: Option<ID>,
    /// Key that signed it (32 bytes), empty when unsigned.
    public_key: vector<u8>,
    /// ed25519 signature (64 bytes), empty when unsigned.
    signature: vector<u8>,
    /// Who submitted the transaction.
    submitter: address,
    /// Signed time of the activity, ms since the Unix epoch.
    timestamp_ms: u64,
    payload: AttestationPayload,
}

/// Emitted for every recorded attestation, with everything needed to re-verify it off chain.
public struct AttestationRecorded has copy, drop {
    attestation_id: ID,
    kind: u8,
    attester: Option<ID>,
    signed: bool,
    public_key: vector<u8>,
    signature: vector<u8>,
    submitter: address,
    inputs: vector<ID>,
    input_blobs: vector<u256>,
    outputs: vector<ID>,
    output_blobs: vector<u256>,
    payload_digest: vector<u8>,
    timestamp_ms: u64,
    recorded_ms: u64,
}

/// Records an attestation signed by `attester`. `signature` is the 64-byte ed25519 signature
/// of `message_bytes(kind, ..., timestamp_ms)`; `payload_digest` is a 32-byte SHA-256 of
/// whatever further detail the attester commits to (config, metrics, code revision). Blob ids
/// are Walrus blob ids as u256.
///
/// Aborts with `EInvalidKind`, `EInvalidDigest`, `EStaleTimestamp` (older than one hour),
/// `EFutureTimestamp` (more than a minute ahead), `attester::ERevoked` or `EInvalidSignature`.
public fun record(
    attester: &Attester,
    kind: u8,
    inputs: vector<ID>,
    input_blobs: vector<u256>,
    outputs: vector<ID>,
    output_blobs: vector<u256>,
    payload_digest: vector<u8>,
    timestamp_ms: u64,
    signature: vector<u8>,
    clock: &Clock,
    ctx: &mut TxContext,
): Attestation {
    let payload = new_payload(kind, inputs, input_blobs, outputs, output_blobs, payload_digest);
    let now = clock.timestamp_ms();
    assert!(timestamp_ms <= now + MAX_CLOCK_SKEW_MS, EFutureTimestamp);
    assert!(now <= timestamp_ms + MAX_AGE_MS, EStaleTimestamp);
    let message = bcs::to_bytes(&IntentMessage { intent: INTENT_SCOPE, timestamp_ms, data: payload });
    assert!(attester.verify(&signature, &message), EInvalidSignature);
    new(option::some(object::id(attester)), attester.public_key(), signature, timestamp_ms, payload, clock, ctx)
}

/// Records an unsigned attestation by the sender about its own activity, timestamped with the
/// chain clock. It is marked `signed: false`. Aborts with `EInvalidKind` or `EInvalidDigest`.
public fun record_self(
    kind: u8,
    inputs: vector<ID>,
    input_blobs: vector<u256>,
    outputs: vector<ID>,
    output_blobs: vector<u256>,
    payload_digest: vector<u8>,
    clock: &Clock,
    ctx: &mut TxContext,
): Attestation {
    let payload = new_payload(kind, inputs, input_blobs, outputs, output_blobs, payload_digest);
    new(option::none(), vector[], vector[], clock.timestamp_ms(), payload, clock, ctx)
}

/// Freezes the attestation: from then on it is an immutable object anyone can reference.
public fun finalize(self: Attestation) {
    transfer::freeze_object(self)
}

/// The exact bytes an attester signs: BCS of `IntentMessage { intent: 86, timestamp_ms,
/// data: AttestationPayload { kind, inputs, input_blobs, outputs, output_blobs,
/// payload_digest } }`. Aborts with `EInvalidKind` or `EInvalidDigest`.
public fun message_bytes(
    kind: u8,
    inputs: vector<ID>,
    input_blobs: vector<u256>,
    outputs: vector<ID>,
    output_blobs: vector<u256>,
    payload_digest: vector<u8>,
    timestamp_ms: u64,
): vector<u8> {
    let data = new_payload(kind, inputs, input_blobs, outputs, output_blobs, payload_digest);
    bcs::to_bytes(&IntentMessage { intent: INTENT_SCOPE, timestamp_ms, data })
}

/// Kind of activity (0 transform, 1 training, 2 fine-tune, 3 evaluation, 4 inference).
public fun kind(self: &Attestation): u8 { self.payload.kind }

/// Object ids the activity used.
public fun inputs(self: &Attestation): vector<ID> { self.payload.inputs }

/// Walrus blob ids the activity used.
public fun input_blobs(self: &Attestation): vector<u256> { self.payload.input_blobs }

/// Object ids the activity produced.
public fun outputs(self: &Attestation): vector<ID> { self.payload.outputs }

/// Walrus blob ids the activity produced.
public fun output_blobs(self: &Attestation): vector<u256> { self.payload.output_blobs }

/// The attester that signed it, or none for a self-attestation.
public fun attester(self: &Attestation): Option<ID> { self.attester }

/// Whether the attestation carries a verified signature.
public fun is_signed(self: &Attestation): bool { self.attester.is_some() }

/// Signed time of the activity, ms since the Unix epoch.
public fun timestamp_ms(self: &Attestation): u64 { self.timestamp_ms }

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

fun new_payload(
    kind: u8,
    inputs: vector<ID>,
    input_blobs: vector<u256>,
    outputs: vector<ID>,
    output_blobs: vector<u256>,
    payload_digest: vector<u8>,
): AttestationPayload {
    assert!(kind <= KIND_INFERENCE, EInvalidKind);
    assert!(payload_digest.length() == DIGEST_LENGTH, EInvalidDigest);
    AttestationPayload { kind, inputs, input_blobs, outputs, output_blobs, payload_digest }
}

fun new(
    attester: Option<ID>,
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
        public_key,
        signature,
        submitter: ctx.sender(),
        timestamp_ms,
        payload,
    };
    event::emit(AttestationRecorded {
        attestation_id: attestation.id.to_inner(),
        kind: payload.kind,
        attester,
        signed: attester.is_some(),
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
