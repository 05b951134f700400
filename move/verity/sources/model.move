/// Models: trained weights stored as Walrus blobs, bound to the attestation of how they were
/// made and to the datasets they were trained on, each passed by reference.
///
/// Pattern: a hot-potato builder in the PTB that records the training (or fine-tune)
/// attestation. `begin(&mut training, blob_id, sha256)` claims the weights, one output blob of
/// the attestation with its signed SHA-256; `begin_fine_tune` does the same and also proves
/// the base model by reference. Whether the model is generative is the attestation's kind
/// (generative training or fine-tune), so it is signed, and a generative fine-tune needs a
/// generative base. `add_dataset(&dataset)` proves each training
/// dataset: an input of the attestation whose blob and SHA-256 it read, not retracted, whose
/// terms allow training (and, for a generative model, generative training), and, for an
/// unsigned attestation, the sender's own. `finish` requires every input proven and freezes
/// the model, recording which datasets constrained its use.
module verity::model;

use std::string::String;
use sui::clock::Clock;
use sui::event;
use verity::attestation::{Self, Attestation, BlobDigest};
use verity::dataset::Dataset;

#[error(code = 1)]
const EEmptyName: vector<u8> = b"a model needs a non-empty name";
#[error(code = 2)]
const EWrongAttestationKind: vector<u8> =
    b"a model needs a training attestation, a fine-tune needs a fine-tune attestation";
#[error(code = 3)]
const EBaseNotAttested: vector<u8> =
    b"the base model, with its weights blob and sha256, is not among the fine-tune attestation's inputs";
#[error(code = 4)]
const EDatasetNotAttested: vector<u8> =
    b"the dataset, with its blob and sha256, is not among the attestation's inputs";
#[error(code = 5)]
const EDuplicateDataset: vector<u8> = b"the dataset was already added";
#[error(code = 6)]
const EInputsNotProven: vector<u8> = b"every input of the attestation must be proven by reference";
#[error(code = 7)]
const ENotOwnInput: vector<u8> =
    b"an unsigned attestation can only link the sender's own datasets and models";
#[error(code = 8)]
const ETrainingNotAllowed: vector<u8> = b"the dataset's terms do not allow AI training";
#[error(code = 9)]
const EGenerativeTrainingNotAllowed: vector<u8> =
    b"the dataset's terms do not allow generative AI training";
#[error(code = 10)]
const EGenerativeFromDiscriminativeBase: vector<u8> =
    b"a generative fine-tune needs a generative base: a discriminative base's data were never checked for generative training";

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
    /// Whether it generates content (its data's `ai_generative_training` terms apply), as the
    /// kind of its training attestation says.
    generative: bool,
    /// The model it was fine-tuned from, if any.
    base_model: Option<ID>,
    /// The training or fine-tune attestation.
    training: ID,
    /// Whether that attestation was signed by an attester (false when self-recorded).
    lineage_signed: bool,
    /// The datasets it was trained on (the attestation's inputs, without the base model).
    datasets: vector<ID>,
    /// The constraints its datasets' terms put on this use, one entry per constraining dataset.
    constraints: vector<UsageConstraint>,
}

/// The constraints one dataset's terms put on training this model.
public struct UsageConstraint has copy, drop, store {
    dataset: ID,
    constraints: vector<String>,
}

/// In-flight registration of a model; must be consumed by `finish` in the same PTB.
public struct ModelBuilder {
    training: ID,
    signed: bool,
    inputs: vector<ID>,
    input_blobs: vector<BlobDigest>,
    blob_id: u256,
    sha256: vector<u8>,
    generative: bool,
    base_model: Option<ID>,
    datasets: vector<ID>,
    constraints: vector<UsageConstraint>,
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
    generative: bool,
    base_model: Option<ID>,
    training: ID,
    lineage_signed: bool,
    datasets: vector<ID>,
    constraints: vector<UsageConstraint>,
    timestamp_ms: u64,
}

/// Starts registering a model trained from scratch, as stated by `training` (kind training,
/// or generative training for a model that generates content): claims its output blob
/// `blob_id` (the weights) whose SHA-256 must be the signed `sha256`. Aborts with
/// `EWrongAttestationKind` and the claim's aborts (`attestation::EFinalized`,
/// `ENotSubmitter`, `EOutputNotAttested`, `EOutputSha256Mismatch`, `EOutputClaimed`).
public fun begin(
    training: &mut Attestation,
    blob_id: u256,
    sha256: vector<u8>,
    ctx: &TxContext,
): ModelBuilder {
    let kind = training.kind();
    let generative = kind == attestation::kind_generative_training();
    assert!(generative || kind == attestation::kind_training(), EWrongAttestationKind);
    new_builder(training, blob_id, sha256, generative, option::none(), vector[], ctx)
}

/// Starts registering a fine-tune of `base`, as stated by `fine_tune` (kind fine-tune, or
/// generative fine-tune), which must list `base` among its inputs and its weights (blob and
/// SHA-256) among its input blobs; claims the new weights as `begin` does. The fine-tune
/// inherits the base's usage constraints. Aborts as `begin` does, and with
/// `EBaseNotAttested`, `ENotOwnInput` (unsigned fine-tune of another creator's model) or
/// `EGenerativeFromDiscriminativeBase`.
public fun begin_fine_tune(
    fine_tune: &mut Attestation,
    base: &Model,
    blob_id: u256,
    sha256: vector<u8>,
    ctx: &TxContext,
): ModelBuilder {
    let kind = fine_tune.kind();
    let generative = kind == attestation::kind_generative_fine_tune();
    assert!(generative || kind == attestation::kind_fine_tune(), EWrongAttestationKind);
    assert!(!generative || base.generative, EGenerativeFromDiscriminativeBase);
    let base_id = object::id(base);
    let mut builder = new_builder(
        fine_tune,
        blob_id,
        sha256,
        generative,
        option::some(base_id),
        base.constraints,
        ctx,
    );
    assert!(builder.inputs.contains(&base_id), EBaseNotAttested);
    assert!(
        attestation::has_blob(&builder.input_blobs, base.blob_id, base.sha256),
        EBaseNotAttested,
    );
    assert!(builder.signed || base.creator == ctx.sender(), ENotOwnInput);
    let (_, index) = builder.inputs.index_of(&base_id);
    builder.inputs.remove(index);
    builder
}

/// Proves a training dataset by reference: an input of the attestation whose blob and SHA-256
/// it read, not retracted, whose terms allow this training, and (for an unsigned attestation)
/// the sender's own. A constrained term is recorded on the model. Aborts with
/// `EDatasetNotAttested`, `EDuplicateDataset`, `ENotOwnInput`, `ETrainingNotAllowed`,
/// `EGenerativeTrainingNotAllowed`, `dataset::ERetracted` or `version::EWrongVersion`.
public fun add_dataset(self: &mut ModelBuilder, dataset: &Dataset, ctx: &TxContext) {
    dataset.assert_usable();
    let dataset_id = object::id(dataset);
    assert!(self.inputs.contains(&dataset_id), EDatasetNotAttested);
    assert!(dataset.is_among(&self.input_blobs), EDatasetNotAttested);
    assert!(!self.datasets.contains(&dataset_id), EDuplicateDataset);
    assert!(self.signed || dataset.creator() == ctx.sender(), ENotOwnInput);
    let terms = dataset.terms();
    assert!(!terms.ai_training().is_not_allowed(), ETrainingNotAllowed);
    let mut constraints = terms.ai_training().constraints();
    if (self.generative) {
        assert!(!terms.ai_generative_training().is_not_allowed(), EGenerativeTrainingNotAllowed);
        terms
            .ai_generative_training()
            .constraints()
            .do!(|c| if (!constraints.contains(&c)) constraints.push_back(c));
    };
    if (!constraints.is_empty())
        self.constraints.push_back(UsageConstraint { dataset: dataset_id, constraints });
    self.datasets.push_back(dataset_id);
}

/// Registers the model (`size` bytes of weights), freezes it and returns its id. Aborts with
/// `EInputsNotProven` (an input of the attestation was not added) or `EEmptyName`.
public fun finish(
    self: ModelBuilder,
    name: String,
    size: u64,
    architecture: String,
    framework: String,
    clock: &Clock,
    ctx: &mut TxContext,
): ID {
    let ModelBuilder {
        training,
        signed,
        inputs,
        input_blobs: _,
        blob_id,
        sha256,
        generative,
        base_model,
        datasets,
        constraints,
    } = self;
    assert!(datasets.length() == inputs.length(), EInputsNotProven);
    assert!(!name.is_empty(), EEmptyName);
    let model = Model {
        id: object::new(ctx),
        creator: ctx.sender(),
        name,
        blob_id,
        sha256,
        size,
        architecture,
        framework,
        generative,
        base_model,
        training,
        lineage_signed: signed,
        datasets,
        constraints,
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
        generative,
        base_model,
        training,
        lineage_signed: signed,
        datasets,
        constraints,
        timestamp_ms: clock.timestamp_ms(),
    });
    transfer::freeze_object(model);
    model_id
}

/// Who registered the model.
public fun creator(self: &Model): address { self.creator }

/// Walrus blob id of the weights.
public fun blob_id(self: &Model): u256 { self.blob_id }

/// SHA-256 of the weights (32 bytes).
public fun sha256(self: &Model): vector<u8> { self.sha256 }

/// The model it was fine-tuned from, if any.
public fun base_model(self: &Model): Option<ID> { self.base_model }

/// The training or fine-tune attestation.
public fun training(self: &Model): ID { self.training }

/// Whether its training attestation was signed by an attester.
public fun lineage_signed(self: &Model): bool { self.lineage_signed }

/// Whether it generates content.
public fun is_generative(self: &Model): bool { self.generative }

/// The datasets it was trained on.
public fun datasets(self: &Model): vector<ID> { self.datasets }

/// The constraints its datasets' terms put on it.
public fun constraints(self: &Model): vector<UsageConstraint> { self.constraints }

/// The dataset of a usage constraint.
public fun constraint_dataset(self: &UsageConstraint): ID { self.dataset }

/// The constraint texts of a usage constraint.
public fun constraint_texts(self: &UsageConstraint): vector<String> { self.constraints }

fun new_builder(
    training: &mut Attestation,
    blob_id: u256,
    sha256: vector<u8>,
    generative: bool,
    base_model: Option<ID>,
    constraints: vector<UsageConstraint>,
    ctx: &TxContext,
): ModelBuilder {
    training.claim_output(blob_id, sha256, ctx);
    ModelBuilder {
        training: object::id(training),
        signed: training.is_signed(),
        inputs: training.inputs(),
        input_blobs: training.input_blobs(),
        blob_id,
        sha256,
        generative,
        base_model,
        datasets: vector[],
        constraints,
    }
}
