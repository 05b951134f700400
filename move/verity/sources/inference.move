/// Inferences: a model turned an input blob into an output blob, signed by an attester.
///
/// Pattern: a typed view over an attestation. `record` records an attestation of kind
/// inference (inputs: the model; input blobs: the input with its SHA-256; output blobs: the
/// output with its SHA-256; payload digest: whatever further detail the attester commits to,
/// e.g. the generation parameters) with the attester's signature, freezes it, and freezes an
/// `Inference` that names the model, the attestation and both blobs, so that inferences are
/// queryable as their own thing. Every digest the `Inference` stores is signed.
module verity::inference;

use sui::clock::Clock;
use sui::event;
use verity::attestation;
use verity::attester::Attester;
use verity::model::Model;

/// A recorded inference (immutable object).
public struct Inference has key {
    id: UID,
    model: ID,
    attestation: ID,
    attester: ID,
    input_blob_id: u256,
    input_sha256: vector<u8>,
    output_blob_id: u256,
    output_sha256: vector<u8>,
    timestamp_ms: u64,
}

/// Emitted when an inference is recorded (after the `AttestationRecorded` of its attestation).
public struct InferenceRecorded has copy, drop {
    inference_id: ID,
    attestation_id: ID,
    model_id: ID,
    attester_id: ID,
    enclave: bool,
    input_blob_id: u256,
    input_sha256: vector<u8>,
    output_blob_id: u256,
    output_sha256: vector<u8>,
    submitter: address,
    timestamp_ms: u64,
}

/// Records that `model` produced the output blob from the input blob, signed by `attester`
/// for the sender over `attestation::message_bytes(object::id(attester), sender, 4, [model],
/// [input_blob_id], [input_sha256], [], [output_blob_id], [output_sha256], payload_digest,
/// timestamp_ms)`.
/// Returns the inference's id. Aborts with every abort of `attestation::record` (bad digest
/// length, stale or future timestamp, revoked attester, bad signature, replay).
public fun record(
    model: &Model,
    attester: &mut Attester,
    input_blob_id: u256,
    input_sha256: vector<u8>,
    output_blob_id: u256,
    output_sha256: vector<u8>,
    payload_digest: vector<u8>,
    timestamp_ms: u64,
    signature: vector<u8>,
    clock: &Clock,
    ctx: &mut TxContext,
): ID {
    let model_id = object::id(model);
    let attestation = attestation::record(
        attester,
        attestation::kind_inference(),
        vector[model_id],
        vector[input_blob_id],
        vector[input_sha256],
        vector[],
        vector[output_blob_id],
        vector[output_sha256],
        payload_digest,
        timestamp_ms,
        signature,
        clock,
        ctx,
    );
    let inference = Inference {
        id: object::new(ctx),
        model: model_id,
        attestation: object::id(&attestation),
        attester: object::id(attester),
        input_blob_id,
        input_sha256,
        output_blob_id,
        output_sha256,
        timestamp_ms,
    };
    let inference_id = object::id(&inference);
    event::emit(InferenceRecorded {
        inference_id,
        attestation_id: inference.attestation,
        model_id,
        attester_id: inference.attester,
        enclave: attestation.is_enclave(),
        input_blob_id,
        input_sha256,
        output_blob_id,
        output_sha256,
        submitter: ctx.sender(),
        timestamp_ms,
    });
    attestation.finalize();
    transfer::freeze_object(inference);
    inference_id
}

/// The model that ran.
public fun model(self: &Inference): ID { self.model }

/// The inference attestation that vouches for it.
public fun attestation(self: &Inference): ID { self.attestation }

/// Walrus blob ids of the input and the output.
public fun blobs(self: &Inference): (u256, u256) { (self.input_blob_id, self.output_blob_id) }

/// SHA-256 digests (32 bytes each) of the input and the output, as signed.
public fun sha256s(self: &Inference): (vector<u8>, vector<u8>) {
    (self.input_sha256, self.output_sha256)
}
