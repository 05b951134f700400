#[test_only]
module verity::model_tests;

use sui::test_scenario as ts;
use verity::attestation;
use verity::model::{Self, Model};
use verity::test_flows::{Self as flows, str};
use verity::test_signatures as sig;

#[test]
fun register_binds_the_model_to_its_training_and_datasets() {
    let (mut scenario, clock) = flows::through_model();
    // AttestationRecorded + ModelRegistered
    let effects = scenario.next_tx(flows::creator());
    assert!(effects.num_user_events() == 2);
    assert!(effects.frozen().contains(&sig::model_id()));
    let model = scenario.take_immutable<Model>();
    assert!(model.training() == sig::training_id());
    assert!(model.datasets() == vector[sig::derived_id()]);
    assert!(model.base_model().is_none());
    assert!(model.blob_id() == sig::weights_blob());
    ts::return_immutable(model);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = model::EWrongAttestationKind)]
fun register_rejects_a_transform_attestation() {
    let (mut scenario, clock) = flows::begin();
    let transform = flows::self_attestation(&mut scenario, &clock, attestation::kind_transform(), vector[], vector[1]);
    model::register(&transform, str(b"m"), 1, sig::weights_sha256(), 1, str(b"a"), str(b"f"), &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = model::EWeightsNotAttested)]
fun register_rejects_weights_the_training_did_not_produce() {
    let (mut scenario, clock) = flows::begin();
    let training = flows::self_attestation(&mut scenario, &clock, attestation::kind_training(), vector[], vector[1]);
    model::register(&training, str(b"m"), 2, sig::weights_sha256(), 1, str(b"a"), str(b"f"), &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = model::EInvalidSha256)]
fun register_rejects_a_short_sha256() {
    let (mut scenario, clock) = flows::begin();
    let training = flows::self_attestation(&mut scenario, &clock, attestation::kind_training(), vector[], vector[1]);
    model::register(&training, str(b"m"), 1, x"01", 1, str(b"a"), str(b"f"), &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = model::EEmptyName)]
fun register_rejects_an_empty_name() {
    let (mut scenario, clock) = flows::begin();
    let training = flows::self_attestation(&mut scenario, &clock, attestation::kind_training(), vector[], vector[1]);
    model::register(&training, str(b""), 1, sig::weights_sha256(), 1, str(b"a"), str(b"f"), &clock, scenario.ctx());
    abort
}

#[test]
fun register_fine_tune_links_the_base_and_keeps_only_datasets() {
    let (mut scenario, clock) = flows::through_model();
    scenario.next_tx(flows::creator());
    let base = scenario.take_immutable<Model>();
    let extra = object::id_from_address(@0xDA7A);
    let fine_tune = flows::self_attestation(&mut scenario, &clock, attestation::kind_fine_tune(), vector[sig::model_id(), extra], vector[5]);
    let id = model::register_fine_tune(&base, &fine_tune, str(b"ft"), 5, sig::weights_sha256(), 1, str(b"a"), str(b"f"), &clock, scenario.ctx());
    fine_tune.finalize();
    ts::return_immutable(base);
    scenario.next_tx(flows::creator());
    let tuned = scenario.take_immutable_by_id<Model>(id);
    assert!(tuned.base_model() == option::some(sig::model_id()));
    assert!(tuned.datasets() == vector[extra]);
    ts::return_immutable(tuned);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = model::EWrongAttestationKind)]
fun register_fine_tune_rejects_a_training_attestation() {
    let (mut scenario, clock) = flows::through_model();
    scenario.next_tx(flows::creator());
    let base = scenario.take_immutable<Model>();
    let training = flows::self_attestation(&mut scenario, &clock, attestation::kind_training(), vector[sig::model_id()], vector[5]);
    model::register_fine_tune(&base, &training, str(b"ft"), 5, sig::weights_sha256(), 1, str(b"a"), str(b"f"), &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = model::EBaseNotAttested)]
fun register_fine_tune_rejects_a_base_the_attestation_did_not_use() {
    let (mut scenario, clock) = flows::through_model();
    scenario.next_tx(flows::creator());
    let base = scenario.take_immutable<Model>();
    let fine_tune = flows::self_attestation(&mut scenario, &clock, attestation::kind_fine_tune(), vector[], vector[5]);
    model::register_fine_tune(&base, &fine_tune, str(b"ft"), 5, sig::weights_sha256(), 1, str(b"a"), str(b"f"), &clock, scenario.ctx());
    abort
}
