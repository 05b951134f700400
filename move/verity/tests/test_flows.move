#[test_only]
/// The story every test module builds on, one transaction per step, each checking that the
/// objects it creates get the ids `test_signatures` signed over:
/// 0 ADMIN publishes (AdminCap, AttesterRegistry) and makes a clock 1 s after the signed time;
/// 1 ADMIN registers key a as attester; 2 CREATOR registers the raw dataset;
/// 3 CREATOR records the signed transform and registers the derived dataset;
/// 4 CREATOR records the signed training and registers the model;
/// 5 CREATOR records a signed inference.
module verity::test_flows;

use std::string::String;
use sui::clock::{Self, Clock};
use sui::test_scenario::{Self as ts, Scenario};
use verity::attestation::{Self, Attestation};
use verity::attester::{Self, AdminCap, Attester, AttesterRegistry};
use verity::dataset::{Self, Dataset};
use verity::inference;
use verity::model::{Self, Model};
use verity::terms::{Self, AiTerms};
use verity::test_signatures as sig;

const ADMIN: address = @0xAD;
const CREATOR: address = @0xC0FFEE;
const OUTSIDER: address = @0xBAD;

/// Holds the `AdminCap`.
public fun admin(): address { ADMIN }

/// Registers datasets and models.
public fun creator(): address { CREATOR }

/// Owns nothing; plays the attacker.
public fun outsider(): address { OUTSIDER }

/// `s` as a `String`.
public fun str(s: vector<u8>): String { s.to_string() }

/// Terms that allow every use.
public fun open_terms(): AiTerms { terms::allow_all() }

/// Step 0: starts the scenario; the clock reads the signed time + 1 s.
public fun begin(): (Scenario, Clock) {
    let mut scenario = ts::begin(ADMIN);
    attester::init_for_testing(scenario.ctx());
    let mut clock = clock::create_for_testing(scenario.ctx());
    clock.set_for_testing(sig::timestamp_ms() + 1_000);
    (scenario, clock)
}

/// Ends the scenario and destroys the clock.
public fun end(scenario: Scenario, clock: Clock) {
    clock.destroy_for_testing();
    scenario.end();
}

/// Starts a transaction by ADMIN and takes its `AdminCap`.
public fun admin_tx(scenario: &mut Scenario): AdminCap {
    scenario.next_tx(ADMIN);
    scenario.take_from_sender<AdminCap>()
}

/// Step 1: ADMIN registers key a.
public fun register_attester(scenario: &mut Scenario, clock: &Clock): ID {
    let cap = admin_tx(scenario);
    let mut registry = scenario.take_shared<AttesterRegistry>();
    let id = attester::register(
        &cap,
        &mut registry,
        str(b"ci-attester"),
        sig::key_a(),
        clock,
        scenario.ctx(),
    );
    scenario.return_to_sender(cap);
    ts::return_shared(registry);
    assert!(id == sig::attester_id());
    id
}

/// Registers, as the current sender, a dataset of `blob` with content `sha256` under `terms`.
public fun register_as(
    scenario: &mut Scenario,
    clock: &Clock,
    blob: u256,
    sha256: vector<u8>,
    terms: AiTerms,
): ID {
    dataset::register(
        str(b"raw"),
        blob,
        sha256,
        1024,
        str(b"text/csv"),
        str(b"CC-BY-4.0"),
        terms,
        option::none(),
        clock,
        scenario.ctx(),
    )
}

/// Step 2: CREATOR registers the raw dataset (1024 bytes of CSV, CC-BY-4.0, open terms).
public fun register_dataset(scenario: &mut Scenario, clock: &Clock): ID {
    scenario.next_tx(CREATOR);
    let id = register_as(scenario, clock, sig::raw_blob(), sig::raw_sha256(), open_terms());
    assert!(id == sig::dataset_id());
    id
}

/// Records, by the current sender, the story transform signed by key a.
public fun record_transform(scenario: &mut Scenario, clock: &Clock): Attestation {
    let mut attester = scenario.take_shared<Attester>();
    let transform = attestation::record(
        &mut attester,
        attestation::kind_transform(),
        vector[sig::dataset_id()],
        vector[sig::raw_blob()],
        vector[sig::raw_sha256()],
        vector[],
        vector[sig::derived_blob()],
        vector[sig::derived_sha256()],
        sig::transform_sha256(),
        sig::timestamp_ms(),
        sig::transform_signature(),
        clock,
        scenario.ctx(),
    );
    ts::return_shared(attester);
    transform
}

/// Registers the derived dataset from `transform` with `parent` as its only parent.
public fun finish_story_derived(
    scenario: &mut Scenario,
    clock: &Clock,
    transform: &mut Attestation,
    parent: &Dataset,
): ID {
    let mut builder = dataset::begin_derived(
        transform,
        sig::derived_blob(),
        sig::derived_sha256(),
        scenario.ctx(),
    );
    builder.add_parent(parent, scenario.ctx());
    builder.finish_derived(
        str(b"clean"),
        900,
        str(b"text/csv"),
        str(b"CC-BY-4.0"),
        open_terms(),
        option::none(),
        clock,
        scenario.ctx(),
    )
}

/// Step 3: CREATOR records the transform signed by key a and registers the derived dataset.
public fun derive_dataset(scenario: &mut Scenario, clock: &Clock): ID {
    scenario.next_tx(CREATOR);
    let parent = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    let mut transform = record_transform(scenario, clock);
    let id = finish_story_derived(scenario, clock, &mut transform, &parent);
    assert!(object::id(&transform) == sig::transform_id());
    assert!(id == sig::derived_id());
    transform.finalize();
    ts::return_shared(parent);
    id
}

/// Records, by the current sender, the story training signed by key a.
public fun record_training(scenario: &mut Scenario, clock: &Clock): Attestation {
    let mut attester = scenario.take_shared<Attester>();
    let training = attestation::record(
        &mut attester,
        attestation::kind_training(),
        vector[sig::derived_id()],
        vector[sig::derived_blob()],
        vector[sig::derived_sha256()],
        vector[],
        vector[sig::weights_blob()],
        vector[sig::weights_sha256()],
        sig::training_sha256(),
        sig::timestamp_ms(),
        sig::training_signature(),
        clock,
        scenario.ctx(),
    );
    ts::return_shared(attester);
    training
}

/// Registers the story model (non-generative) from `training`, trained on `dataset`.
public fun finish_story_model(
    scenario: &mut Scenario,
    clock: &Clock,
    training: &mut Attestation,
    dataset: &Dataset,
): ID {
    let mut builder = model::begin(
        training,
        sig::weights_blob(),
        sig::weights_sha256(),
        scenario.ctx(),
    );
    builder.add_dataset(dataset, scenario.ctx());
    builder.finish(
        str(b"churn-classifier"),
        4096,
        str(b"logistic-regression"),
        str(b"verity-demo"),
        clock,
        scenario.ctx(),
    )
}

/// Step 4: CREATOR records the training signed by key a and registers the model.
public fun train_model(scenario: &mut Scenario, clock: &Clock): ID {
    scenario.next_tx(CREATOR);
    let derived = scenario.take_shared_by_id<Dataset>(sig::derived_id());
    let mut training = record_training(scenario, clock);
    let id = finish_story_model(scenario, clock, &mut training, &derived);
    assert!(object::id(&training) == sig::training_id());
    assert!(id == sig::model_id());
    training.finalize();
    ts::return_shared(derived);
    id
}

/// Step 5: CREATOR records an inference of the model, signed by key a.
public fun infer(scenario: &mut Scenario, clock: &Clock): ID {
    scenario.next_tx(CREATOR);
    let mut attester = scenario.take_shared<Attester>();
    let model = scenario.take_immutable<Model>();
    let id = inference::record(
        &model,
        &mut attester,
        sig::input_blob(),
        sig::input_sha256(),
        sig::output_blob(),
        sig::output_sha256(),
        sig::inference_sha256(),
        sig::timestamp_ms(),
        sig::inference_signature(),
        clock,
        scenario.ctx(),
    );
    ts::return_immutable(model);
    ts::return_shared(attester);
    id
}

/// Steps 0-4: a scenario with the attester, both datasets and the model.
public fun through_model(): (Scenario, Clock) {
    let (mut scenario, clock) = begin();
    register_attester(&mut scenario, &clock);
    register_dataset(&mut scenario, &clock);
    derive_dataset(&mut scenario, &clock);
    train_model(&mut scenario, &clock);
    (scenario, clock)
}

/// An unsigned attestation by the current sender, of `kind`: it used `inputs`, whose blobs
/// are `input_blobs` with `input_sha256s`, and wrote `output_blobs`, each with the derived
/// dataset's SHA-256 (so a claim passes `sig::derived_sha256()`).
public fun self_attestation(
    scenario: &mut Scenario,
    clock: &Clock,
    kind: u8,
    inputs: vector<ID>,
    input_blobs: vector<u256>,
    input_sha256s: vector<vector<u8>>,
    output_blobs: vector<u256>,
): Attestation {
    let output_sha256s = output_blobs.map_ref!(|_| sig::derived_sha256());
    attestation::record_self(
        kind,
        inputs,
        input_blobs,
        input_sha256s,
        vector[],
        output_blobs,
        output_sha256s,
        sig::transform_sha256(),
        clock,
        scenario.ctx(),
    )
}
