#[test_only]
module verity::model_tests;

use std::string::String;
use sui::clock::Clock;
use sui::test_scenario::{Self as ts, Scenario};
use verity::attestation::{Self, Attestation};
use verity::dataset::{Self, Dataset};
use verity::model::{Self, Model, ModelBuilder};
use verity::terms::{Self, AiTerms};
use verity::test_flows::{Self as flows, str};
use verity::test_signatures as sig;

/// Steps 0-3: the attester, the raw dataset and the signed derived dataset.
fun with_derived(): (Scenario, Clock) {
    let (mut scenario, clock) = flows::begin();
    flows::register_attester(&mut scenario, &clock);
    flows::register_dataset(&mut scenario, &clock);
    flows::derive_dataset(&mut scenario, &clock);
    (scenario, clock)
}

/// An unsigned training (of `kind`) by the current sender that read the raw dataset (as
/// registered with `raw_sha256`) and wrote the weights.
fun training_of_kind_on_raw(
    scenario: &mut Scenario,
    clock: &Clock,
    kind: u8,
    raw_sha256: vector<u8>,
): Attestation {
    attestation::record_self(
        kind,
        vector[sig::dataset_id()],
        vector[sig::raw_blob()],
        vector[raw_sha256],
        vector[],
        vector[sig::weights_blob()],
        vector[sig::weights_sha256()],
        sig::training_sha256(),
        clock,
        scenario.ctx(),
    )
}

/// An unsigned (discriminative) training by the current sender on the raw dataset.
fun training_on_raw(scenario: &mut Scenario, clock: &Clock, raw_sha256: vector<u8>): Attestation {
    training_of_kind_on_raw(scenario, clock, attestation::kind_training(), raw_sha256)
}

/// Starts a model of the weights from `training`.
fun begin_weights(scenario: &mut Scenario, training: &mut Attestation): ModelBuilder {
    model::begin(training, sig::weights_blob(), sig::weights_sha256(), scenario.ctx())
}

/// Finishes `builder` as "m".
fun finish(builder: ModelBuilder, scenario: &mut Scenario, clock: &Clock): ID {
    builder.finish(
        str(b"m"),
        4096,
        str(b"logistic-regression"),
        str(b"verity-demo"),
        clock,
        scenario.ctx(),
    )
}

/// Trains a model (by a generative training or not) on a raw dataset of CREATOR's registered
/// under `terms`; returns the model's id.
fun train_on_raw_with_terms(terms: AiTerms, generative: bool): (Scenario, Clock, ID) {
    let (mut scenario, clock) = flows::begin();
    // The raw dataset is the first object of transaction 2, as in the story.
    scenario.next_tx(flows::creator());
    scenario.next_tx(flows::creator());
    let raw_id = flows::register_as(
        &mut scenario,
        &clock,
        sig::raw_blob(),
        sig::raw_sha256(),
        terms,
    );
    assert!(raw_id == sig::dataset_id());
    scenario.next_tx(flows::creator());
    let raw = scenario.take_shared_by_id<Dataset>(raw_id);
    let kind = if (generative) attestation::kind_generative_training()
    else attestation::kind_training();
    let mut training = training_of_kind_on_raw(&mut scenario, &clock, kind, sig::raw_sha256());
    let mut builder = begin_weights(&mut scenario, &mut training);
    builder.add_dataset(&raw, scenario.ctx());
    let id = finish(builder, &mut scenario, &clock);
    training.finalize();
    ts::return_shared(raw);
    (scenario, clock, id)
}

/// Terms with `ai_training` and `ai_generative_training` as given, the rest allowed.
fun training_terms(training: terms::Permission, generative: terms::Permission): AiTerms {
    terms::new(training, generative, terms::allowed(), terms::allowed())
}

#[test]
fun register_binds_the_model_to_its_signed_training_and_datasets() {
    let (mut scenario, clock) = flows::through_model();
    let effects = scenario.next_tx(flows::creator());
    assert!(effects.num_user_events() == 2);
    assert!(effects.frozen().contains(&sig::model_id()));
    let model = scenario.take_immutable<Model>();
    assert!(model.creator() == flows::creator());
    assert!(model.blob_id() == sig::weights_blob() && model.sha256() == sig::weights_sha256());
    assert!(model.training() == sig::training_id());
    assert!(model.datasets() == vector[sig::derived_id()]);
    assert!(model.base_model().is_none());
    assert!(model.lineage_signed() && !model.is_generative());
    assert!(model.constraints().is_empty());
    ts::return_immutable(model);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = model::EWrongAttestationKind)]
fun begin_rejects_a_transform_attestation() {
    let (mut scenario, clock) = with_derived();
    scenario.next_tx(flows::creator());
    let mut transform = flows::self_attestation(
        &mut scenario,
        &clock,
        attestation::kind_transform(),
        vector[],
        vector[],
        vector[],
        vector[sig::weights_blob()],
    );
    let _builder = begin_weights(&mut scenario, &mut transform);
    abort
}

#[test, expected_failure(abort_code = attestation::EOutputNotAttested)]
fun weights_the_training_did_not_produce_are_refused() {
    let (mut scenario, clock) = with_derived();
    scenario.next_tx(flows::creator());
    let mut training = flows::record_training(&mut scenario, &clock);
    let _builder = model::begin(
        &mut training,
        sig::raw_blob(),
        sig::weights_sha256(),
        scenario.ctx(),
    );
    abort
}

#[test, expected_failure(abort_code = attestation::EOutputSha256Mismatch)]
fun weights_other_than_the_signed_sha256_are_refused() {
    let (mut scenario, clock) = with_derived();
    scenario.next_tx(flows::creator());
    let mut training = flows::record_training(&mut scenario, &clock);
    let _builder = model::begin(
        &mut training,
        sig::weights_blob(),
        sig::raw_sha256(),
        scenario.ctx(),
    );
    abort
}

#[test, expected_failure(abort_code = attestation::EOutputClaimed)]
fun the_weights_back_one_model_only() {
    let (mut scenario, clock) = with_derived();
    scenario.next_tx(flows::creator());
    let derived = scenario.take_shared_by_id<Dataset>(sig::derived_id());
    let mut training = flows::record_training(&mut scenario, &clock);
    flows::finish_story_model(&mut scenario, &clock, &mut training, &derived);
    flows::finish_story_model(&mut scenario, &clock, &mut training, &derived);
    abort
}

#[test, expected_failure(abort_code = attestation::EFinalized)]
fun an_outsider_cannot_reuse_a_recorded_training() {
    let (mut scenario, _clock) = flows::through_model();
    scenario.next_tx(flows::outsider());
    let mut training = scenario.take_immutable_by_id<Attestation>(sig::training_id());
    let _builder = begin_weights(&mut scenario, &mut training);
    abort
}

#[test, expected_failure(abort_code = model::EEmptyName)]
fun finish_rejects_an_empty_name() {
    let (mut scenario, clock) = with_derived();
    scenario.next_tx(flows::creator());
    let derived = scenario.take_shared_by_id<Dataset>(sig::derived_id());
    let mut training = flows::record_training(&mut scenario, &clock);
    let mut builder = begin_weights(&mut scenario, &mut training);
    builder.add_dataset(&derived, scenario.ctx());
    builder.finish(str(b""), 1, str(b"a"), str(b"f"), &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = dataset::ERetracted)]
fun a_model_cannot_be_registered_on_a_retracted_dataset() {
    let (mut scenario, clock) = with_derived();
    scenario.next_tx(flows::creator());
    let mut derived = scenario.take_shared_by_id<Dataset>(sig::derived_id());
    derived.retract(str(b"consent withdrawn"), &clock, scenario.ctx());
    ts::return_shared(derived);
    scenario.next_tx(flows::creator());
    let derived = scenario.take_shared_by_id<Dataset>(sig::derived_id());
    let mut training = flows::record_training(&mut scenario, &clock);
    flows::finish_story_model(&mut scenario, &clock, &mut training, &derived);
    abort
}

#[test, expected_failure(abort_code = model::EDatasetNotAttested)]
fun a_dataset_the_training_did_not_use_is_refused() {
    let (mut scenario, clock) = with_derived();
    scenario.next_tx(flows::creator());
    let raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    let mut training = flows::record_training(&mut scenario, &clock);
    let mut builder = begin_weights(&mut scenario, &mut training);
    builder.add_dataset(&raw, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = model::EDatasetNotAttested)]
fun a_dataset_whose_content_the_training_did_not_read_is_refused() {
    let (mut scenario, clock) = with_derived();
    scenario.next_tx(flows::creator());
    let raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    let mut training = training_on_raw(&mut scenario, &clock, sig::derived_sha256());
    let mut builder = begin_weights(&mut scenario, &mut training);
    builder.add_dataset(&raw, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = model::EDuplicateDataset)]
fun the_same_dataset_twice_is_refused() {
    let (mut scenario, clock) = with_derived();
    scenario.next_tx(flows::creator());
    let derived = scenario.take_shared_by_id<Dataset>(sig::derived_id());
    let mut training = flows::record_training(&mut scenario, &clock);
    let mut builder = begin_weights(&mut scenario, &mut training);
    builder.add_dataset(&derived, scenario.ctx());
    builder.add_dataset(&derived, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = model::EInputsNotProven)]
fun a_model_must_prove_every_training_input() {
    let (mut scenario, clock) = with_derived();
    scenario.next_tx(flows::creator());
    let mut training = flows::record_training(&mut scenario, &clock);
    let builder = begin_weights(&mut scenario, &mut training);
    finish(builder, &mut scenario, &clock);
    abort
}

#[test, expected_failure(abort_code = model::ENotOwnInput)]
fun an_unsigned_training_cannot_claim_another_creators_dataset() {
    let (mut scenario, clock) = with_derived();
    scenario.next_tx(flows::outsider());
    let raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    let mut training = training_on_raw(&mut scenario, &clock, sig::raw_sha256());
    let mut builder = begin_weights(&mut scenario, &mut training);
    builder.add_dataset(&raw, scenario.ctx());
    abort
}

#[test]
fun an_unsigned_training_on_own_data_is_recorded_as_claimed() {
    let (scenario, clock, id) = train_on_raw_with_terms(flows::open_terms(), false);
    let mut scenario = scenario;
    scenario.next_tx(flows::creator());
    let model = scenario.take_immutable_by_id<Model>(id);
    assert!(!model.lineage_signed());
    assert!(model.datasets() == vector[sig::dataset_id()]);
    ts::return_immutable(model);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = model::ETrainingNotAllowed)]
fun training_on_data_whose_terms_forbid_it_aborts() {
    let (_scenario, _clock, _id) = train_on_raw_with_terms(
        training_terms(terms::not_allowed(), terms::allowed()),
        false,
    );
    abort
}

#[test, expected_failure(abort_code = model::EGenerativeTrainingNotAllowed)]
fun generative_training_on_data_that_forbids_it_aborts() {
    let (_scenario, _clock, _id) = train_on_raw_with_terms(
        training_terms(terms::allowed(), terms::not_allowed()),
        true,
    );
    abort
}

#[test]
fun a_discriminative_model_may_train_on_data_closed_to_generative_training() {
    let (scenario, clock, id) = train_on_raw_with_terms(
        training_terms(terms::allowed(), terms::not_allowed()),
        false,
    );
    let mut scenario = scenario;
    scenario.next_tx(flows::creator());
    let model = scenario.take_immutable_by_id<Model>(id);
    assert!(!model.is_generative() && model.constraints().is_empty());
    ts::return_immutable(model);
    flows::end(scenario, clock);
}

/// `texts` as strings.
fun strings(texts: vector<vector<u8>>): vector<String> { texts.map!(|t| str(t)) }

#[test]
fun constrained_terms_are_recorded_on_the_model() {
    let training = terms::constrained(strings(vector[b"attribution required"]));
    let generative = terms::constrained(
        strings(vector[b"attribution required", b"non-commercial"]),
    );
    let (scenario, clock, id) = train_on_raw_with_terms(training_terms(training, generative), true);
    let mut scenario = scenario;
    scenario.next_tx(flows::creator());
    let model = scenario.take_immutable_by_id<Model>(id);
    assert!(model.is_generative());
    let constraints = model.constraints();
    assert!(constraints.length() == 1);
    assert!(constraints[0].constraint_dataset() == sig::dataset_id());
    assert!(
        constraints[0].constraint_texts() == strings(vector[b"attribution required", b"non-commercial"]),
    );
    ts::return_immutable(model);
    flows::end(scenario, clock);
}

/// An unsigned fine-tune by the current sender of the story model (with its weights read as
/// `base_sha256`) on the raw dataset, writing the derived blob with the derived SHA-256.
fun fine_tune(
    scenario: &mut Scenario,
    clock: &Clock,
    inputs: vector<ID>,
    base_sha256: vector<u8>,
): Attestation {
    flows::self_attestation(
        scenario,
        clock,
        attestation::kind_fine_tune(),
        inputs,
        vector[sig::weights_blob(), sig::raw_blob()],
        vector[base_sha256, sig::raw_sha256()],
        vector[sig::derived_blob()],
    )
}

#[test]
fun a_fine_tune_links_its_base_and_keeps_only_datasets() {
    let (mut scenario, clock) = flows::through_model();
    scenario.next_tx(flows::creator());
    let base = scenario.take_immutable<Model>();
    let raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    let mut attestation = fine_tune(
        &mut scenario,
        &clock,
        vector[sig::model_id(), sig::dataset_id()],
        sig::weights_sha256(),
    );
    let mut builder = model::begin_fine_tune(
        &mut attestation,
        &base,
        sig::derived_blob(),
        sig::derived_sha256(),
        scenario.ctx(),
    );
    builder.add_dataset(&raw, scenario.ctx());
    let id = finish(builder, &mut scenario, &clock);
    attestation.finalize();
    ts::return_immutable(base);
    ts::return_shared(raw);
    scenario.next_tx(flows::creator());
    let tuned = scenario.take_immutable_by_id<Model>(id);
    assert!(tuned.base_model() == option::some(sig::model_id()));
    assert!(tuned.datasets() == vector[sig::dataset_id()]);
    assert!(!tuned.lineage_signed());
    ts::return_immutable(tuned);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = model::EWrongAttestationKind)]
fun begin_fine_tune_rejects_a_training_attestation() {
    let (mut scenario, clock) = flows::through_model();
    scenario.next_tx(flows::creator());
    let base = scenario.take_immutable<Model>();
    let mut training = flows::self_attestation(
        &mut scenario,
        &clock,
        attestation::kind_training(),
        vector[sig::model_id()],
        vector[],
        vector[],
        vector[sig::derived_blob()],
    );
    let _builder = model::begin_fine_tune(
        &mut training,
        &base,
        sig::derived_blob(),
        sig::derived_sha256(),
        scenario.ctx(),
    );
    abort
}

#[test, expected_failure(abort_code = model::EBaseNotAttested)]
fun a_base_the_fine_tune_did_not_use_is_refused() {
    let (mut scenario, clock) = flows::through_model();
    scenario.next_tx(flows::creator());
    let base = scenario.take_immutable<Model>();
    let mut attestation = fine_tune(
        &mut scenario,
        &clock,
        vector[sig::dataset_id()],
        sig::weights_sha256(),
    );
    let _builder = model::begin_fine_tune(
        &mut attestation,
        &base,
        sig::derived_blob(),
        sig::derived_sha256(),
        scenario.ctx(),
    );
    abort
}

#[test, expected_failure(abort_code = model::EBaseNotAttested)]
fun a_base_whose_weights_the_fine_tune_did_not_read_is_refused() {
    let (mut scenario, clock) = flows::through_model();
    scenario.next_tx(flows::creator());
    let base = scenario.take_immutable<Model>();
    let mut attestation = fine_tune(
        &mut scenario,
        &clock,
        vector[sig::model_id(), sig::dataset_id()],
        sig::raw_sha256(),
    );
    let _builder = model::begin_fine_tune(
        &mut attestation,
        &base,
        sig::derived_blob(),
        sig::derived_sha256(),
        scenario.ctx(),
    );
    abort
}

#[test, expected_failure(abort_code = model::ENotOwnInput)]
fun an_unsigned_fine_tune_cannot_claim_another_creators_model() {
    let (mut scenario, clock) = flows::through_model();
    scenario.next_tx(flows::outsider());
    let base = scenario.take_immutable<Model>();
    let mut attestation = fine_tune(
        &mut scenario,
        &clock,
        vector[sig::model_id(), sig::dataset_id()],
        sig::weights_sha256(),
    );
    let _builder = model::begin_fine_tune(
        &mut attestation,
        &base,
        sig::derived_blob(),
        sig::derived_sha256(),
        scenario.ctx(),
    );
    abort
}

/// A model from the story's base: a fine-tune of `kind` by CREATOR of the story model on the
/// raw dataset; returns the new model's id.
fun fine_tune_story_model(scenario: &mut Scenario, clock: &Clock, kind: u8): ID {
    scenario.next_tx(flows::creator());
    let base = scenario.take_immutable<Model>();
    let raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    let mut attestation = flows::self_attestation(
        scenario,
        clock,
        kind,
        vector[sig::model_id(), sig::dataset_id()],
        vector[sig::weights_blob(), sig::raw_blob()],
        vector[sig::weights_sha256(), sig::raw_sha256()],
        vector[sig::derived_blob()],
    );
    let mut builder = model::begin_fine_tune(
        &mut attestation,
        &base,
        sig::derived_blob(),
        sig::derived_sha256(),
        scenario.ctx(),
    );
    builder.add_dataset(&raw, scenario.ctx());
    let id = finish(builder, scenario, clock);
    attestation.finalize();
    ts::return_immutable(base);
    ts::return_shared(raw);
    id
}

#[test]
fun a_models_generative_flag_comes_from_its_signed_kind() {
    let (scenario, clock, id) = train_on_raw_with_terms(flows::open_terms(), true);
    let mut scenario = scenario;
    scenario.next_tx(flows::creator());
    let model = scenario.take_immutable_by_id<Model>(id);
    assert!(model.is_generative());
    ts::return_immutable(model);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = model::EGenerativeFromDiscriminativeBase)]
fun a_generative_fine_tune_of_a_discriminative_base_aborts() {
    let (mut scenario, clock) = flows::through_model();
    fine_tune_story_model(&mut scenario, &clock, attestation::kind_generative_fine_tune());
    abort
}

#[test]
fun a_fine_tune_inherits_its_bases_usage_constraints() {
    let training = terms::constrained(strings(vector[b"non-commercial"]));
    let (scenario, clock, base_id) = train_on_raw_with_terms(
        training_terms(training, terms::allowed()),
        true,
    );
    let mut scenario = scenario;
    scenario.next_tx(flows::creator());
    let base = scenario.take_immutable_by_id<Model>(base_id);
    let mut attestation = flows::self_attestation(
        &mut scenario,
        &clock,
        attestation::kind_generative_fine_tune(),
        vector[base_id],
        vector[sig::weights_blob()],
        vector[sig::weights_sha256()],
        vector[sig::derived_blob()],
    );
    let builder = model::begin_fine_tune(
        &mut attestation,
        &base,
        sig::derived_blob(),
        sig::derived_sha256(),
        scenario.ctx(),
    );
    let id = finish(builder, &mut scenario, &clock);
    attestation.finalize();
    ts::return_immutable(base);
    scenario.next_tx(flows::creator());
    let tuned = scenario.take_immutable_by_id<Model>(id);
    assert!(tuned.is_generative());
    assert!(tuned.constraints().length() == 1);
    assert!(tuned.constraints()[0].constraint_dataset() == sig::dataset_id());
    assert!(tuned.constraints()[0].constraint_texts() == strings(vector[b"non-commercial"]));
    ts::return_immutable(tuned);
    flows::end(scenario, clock);
}
