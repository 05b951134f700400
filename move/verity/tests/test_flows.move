#[test_only]
/// The story every test module builds on, one transaction per step, each checking that the
/// objects it creates get the ids `test_signatures` signed over:
/// 0 ADMIN publishes (AdminCap) and makes a clock 1 s after the signed time;
/// 1 ADMIN registers key a as attester; 2 CREATOR registers the raw dataset;
/// 3 CREATOR records the signed transform and registers the derived dataset;
/// 4 CREATOR records the signed training and registers the model;
/// 5 CREATOR records a signed inference.
module verity::test_flows;

use std::string::String;
use sui::clock::{Self, Clock};
use sui::test_scenario::{Self as ts, Scenario};
use verity::attestation::{Self, Attestation};
use verity::attester::{Self, AdminCap, Attester};
use verity::dataset::{Self, Dataset};
use verity::inference;
use verity::model::{Self, Model};
use verity::test_signatures as sig;

const ADMIN: address = @0xAD;
const CREATOR: address = @0xC0FFEE;
const OUTSIDER: address = @0xBAD;

/// Holds the `AdminCap`.
public fun admin(): address { ADMIN }

/// Registers datasets and models.
public fun creator(): address { CREATOR }

/// Owns nothing.
public fun outsider(): address { OUTSIDER }

/// `s` as a `String`.
public fun str(s: vector<u8>): String { s.to_string() }

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
    let id = attester::register(&cap, str(b"ci-attester"), sig::key_a(), clock, scenario.ctx());
    scenario.return_to_sender(cap);
    assert!(id == sig::attester_id());
    id
}

/// Step 2: CREATOR registers the raw dataset (1024 bytes of CSV, CC-BY-4.0, no policy).
public fun register_dataset(scenario: &mut Scenario, clock: &Clock): ID {
    scenario.next_tx(CREATOR);
    let id = dataset::register(
        str(b"raw"),
        sig::raw_blob(),
        sig::raw_sha256(),
        1024,
        str(b"text/csv"),
        str(b"CC-BY-4.0"),
        option::none(),
        clock,
        scenario.ctx(),
    );
    assert!(id == sig::dataset_id());
    id
}

/// Step 3: CREATOR records the transform signed by key a and registers the derived dataset.
public fun derive_dataset(scenario: &mut Scenario, clock: &Clock): ID {
    scenario.next_tx(CREATOR);
    let attester = scenario.take_shared<Attester>();
    let parent = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    let transform = attestation::record(
        &attester,
        attestation::kind_transform(),
        vector[sig::dataset_id()],
        vector[sig::raw_blob()],
        vector[],
        vector[sig::derived_blob()],
        sig::transform_sha256(),
        sig::timestamp_ms(),
        sig::transform_signature(),
        clock,
        scenario.ctx(),
    );
    let mut builder = dataset::begin_derived(&transform);
    builder.add_parent(&parent);
    let id = builder.finish_derived(
        str(b"clean"),
        sig::derived_blob(),
        sig::derived_sha256(),
        900,
        str(b"text/csv"),
        str(b"CC-BY-4.0"),
        option::none(),
        clock,
        scenario.ctx(),
    );
    assert!(object::id(&transform) == sig::transform_id());
    assert!(id == sig::derived_id());
    transform.finalize();
    ts::return_shared(attester);
    ts::return_shared(parent);
    id
}

/// Step 4: CREATOR records the training signed by key a and registers the model.
public fun train_model(scenario: &mut Scenario, clock: &Clock): ID {
    scenario.next_tx(CREATOR);
    let attester = scenario.take_shared<Attester>();
    let training = attestation::record(
        &attester,
        attestation::kind_training(),
        vector[sig::derived_id()],
        vector[sig::derived_blob()],
        vector[],
        vector[sig::weights_blob()],
        sig::training_sha256(),
        sig::timestamp_ms(),
        sig::training_signature(),
        clock,
        scenario.ctx(),
    );
    let id = model::register(
        &training,
        str(b"churn-classifier"),
        sig::weights_blob(),
        sig::weights_sha256(),
        4096,
        str(b"logistic-regression"),
        str(b"verity-demo"),
        clock,
        scenario.ctx(),
    );
    assert!(object::id(&training) == sig::training_id());
    assert!(id == sig::model_id());
    training.finalize();
    ts::return_shared(attester);
    id
}

/// Step 5: CREATOR records an inference of the model, signed by key a.
public fun infer(scenario: &mut Scenario, clock: &Clock): ID {
    scenario.next_tx(CREATOR);
    let attester = scenario.take_shared<Attester>();
    let model = scenario.take_immutable<Model>();
    let id = inference::record(
        &model,
        &attester,
        sig::input_blob(),
        sig::input_sha256(),
        sig::output_blob(),
        sig::output_sha256(),
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

/// An unsigned attestation by the current sender, of `kind`, with these inputs and output
/// blobs and the transform digest.
public fun self_attestation(
    scenario: &mut Scenario,
    clock: &Clock,
    kind: u8,
    inputs: vector<ID>,
    output_blobs: vector<u256>,
): Attestation {
    attestation::record_self(kind, inputs, vector[], vector[], output_blobs, sig::transform_sha256(), clock, scenario.ctx())
}
