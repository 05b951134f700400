/// Models: trained weights stored as Walrus blobs, bound to the attestation of how they were
/// made.
///
/// Pattern: attested registration. A model is registered with a training attestation (or,
/// for a fine-tune, a fine-tune attestation plus the base model passed by reference). The
/// attestation's inputs are the datasets it was trained on, copied into the model and its
/// event, and its output blobs must include the weights blob: a model cannot claim weights
/// its attestation does not vouch for.
module verity::model;

use std::string::String;
use sui::clock::Clock;
use sui::event;
use verity::attestation::{Self, Attestation};

/// Length of a SHA-256 digest, in bytes.
const SHA256_LENGTH: u64 = 32;

#[error]
const EInvalidSha256: vector<u8> = b"sha256 is exactly 32 bytes";
#[error]
const EEmptyName: vector<u8> = b"a model needs a non-empty name";
#[error]
const EWrongAttestationKind: vector<u8> = b"a model needs a training attestation, a fine-tune needs a fine-tune attestation";
#[error]
const EWeightsNotAttested: vector<u8> = b"the weights blob is not among the attestation's output blobs";
#[error]
const EBaseNotAttested: vector<u8> = b"the base model is not among the fine-tune attestation's inputs";

/// A registered model (immutable object).
public struct Model has key {
    id: UID,
    creator: address,
    name: String,
    /// Walrus blob id of the weights.
    blob_id: u256,
    /// SHA-256 of the weights, 32 bytes.
    sha256: vector<u8>,
    /// Size of the weights in bytes.
    size: u64,
    /// Architecture, e.g. `logistic-regression`, `llama-3-8b`.
    architecture: String,
    /// Framework, e.g. `pytorch-2.4`.
    framework: String,
    /// The model it was fine-tuned from, if any.
    base_model: Option<ID>,
    /// The training or fine-tune attestation.
    training: ID,
    /// The datasets it was trained on (the attestation's inputs, without the base model).
    datasets: vector<ID>,
}

/// Emitted when a model is registered.
public struct ModelRegistered has copy, drop {
    model_id: ID,
    creator: address,
    name: String,
    blob_id: u256,
    sha256: vector<u8>,
    size: u64,
    architecture: String,
    framework: String,
    base_model: Option<ID>,
    training: ID,
    datasets: vector<ID>,
    timestamp_ms: u64,
}

/// Registers a model trained from scratch, as vouched for by `training` (kind training), and
/// freezes it. Returns its id. Aborts with `EWrongAttestationKind`, `EWeightsNotAttested`,
/// `EInvalidSha256` or `EEmptyName`.
public fun register(
    training: &Attestation,
    name: String,
    blob_id: u256,
    sha256: vector<u8>,
    size: u64,
    architecture: String,
    framework: String,
    clock: &Clock,
    ctx: &mut TxContext,
): ID {
    assert!(training.kind() == attestation::kind_training(), EWrongAttestationKind);
    new(training, name, blob_id, sha256, size, architecture, framework, option::none(), training.inputs(), clock, ctx)
}

/// Registers a fine-tune of `base`, as vouched for by `fine_tune` (kind fine-tune, with the
/// base model among its inputs), and freezes it. Returns its id. Aborts with
/// `EWrongAttestationKind`, `EBaseNotAttested`, `EWeightsNotAttested`, `EInvalidSha256` or
/// `EEmptyName`.
public fun register_fine_tune(
    base: &Model,
    fine_tune: &Attestation,
    name: String,
    blob_id: u256,
    sha256: vector<u8>,
    size: u64,
    architecture: String,
    framework: String,
    clock: &Clock,
    ctx: &mut TxContext,
): ID {
    assert!(fine_tune.kind() == attestation::kind_fine_tune(), EWrongAttestationKind);
    let base_id = object::id(base);
    let mut datasets = fine_tune.inputs();
    let (found, index) = datasets.index_of(&base_id);
    assert!(found, EBaseNotAttested);
    datasets.remove(index);
    new(fine_tune, name, blob_id, sha256, size, architecture, framework, option::some(base_id), datasets, clock, ctx)
}

/// Walrus blob id of the weights.
public fun blob_id(self: &Model): u256 { self.blob_id }

/// The model it was fine-tuned from, if any.
public fun base_model(self: &Model): Option<ID> { self.base_model }

/// The training or fine-tune attestation.
public fun training(self: &Model): ID { self.training }

/// The datasets it was trained on.
public fun datasets(self: &Model): vector<ID> { self.datasets }

fun new(
    training: &Attestation,
    name: String,
    blob_id: u256,
    sha256: vector<u8>,
    size: u64,
    architecture: String,
    framework: String,
    base_model: Option<ID>,
    datasets: vector<ID>,
    clock: &Clock,
    ctx: &mut TxContext,
): ID {
    assert!(!name.is_empty(), EEmptyName);
    assert!(sha256.length() == SHA256_LENGTH, EInvalidSha256);
    assert!(training.output_blobs().contains(&blob_id), EWeightsNotAttested);
    let model = Model {
        id: object::new(ctx),
        creator: ctx.sender(),
        name,
        blob_id,
        sha256,
        size,
        architecture,
        framework,
        base_model,
        training: object::id(training),
        datasets,
    };
    let model_id = object::id(&model);
    event::emit(ModelRegistered {
        model_id,
        creator: model.creator,
        name,
        blob_id,
        sha256,
        size,
        architecture,
        framework,
        base_model,
        training: model.training,
        datasets,
        timestamp_ms: clock.timestamp_ms(),
    });
    transfer::freeze_object(model);
    model_id
}
