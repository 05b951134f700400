#[test_only]
module verity::inference_tests;

use sui::clock::Clock;
use sui::test_scenario::{Self as ts, Scenario};
use verity::attestation::{Self, Attestation};
use verity::attester::{Self, Attester};
use verity::inference::{Self, Inference};
use verity::model::Model;
use verity::test_flows as flows;
use verity::test_signatures as sig;

/// Records the story's inference with these digests and signature.
fun record_with(
    scenario: &mut Scenario,
    clock: &Clock,
    input_sha256: vector<u8>,
    output_sha256: vector<u8>,
    signature: vector<u8>,
): ID {
    scenario.next_tx(flows::creator());
    let mut attester = scenario.take_shared<Attester>();
    let model = scenario.take_immutable<Model>();
    let id = inference::record(
        &model,
        &mut attester,
        sig::input_blob(),
        input_sha256,
        sig::output_blob(),
        output_sha256,
        sig::inference_sha256(),
        sig::timestamp_ms(),
        signature,
        clock,
        scenario.ctx(),
    );
    ts::return_immutable(model);
    ts::return_shared(attester);
    id
}

#[test]
fun record_freezes_an_inference_and_its_signed_attestation() {
    let (mut scenario, clock) = flows::through_model();
    let id = flows::infer(&mut scenario, &clock);
    // AttestationRecorded + InferenceRecorded
    let effects = scenario.next_tx(flows::creator());
    assert!(effects.num_user_events() == 2);
    assert!(effects.frozen().contains(&id));
    let inference = scenario.take_immutable_by_id<Inference>(id);
    assert!(inference.model() == sig::model_id());
    let (input, output) = inference.blobs();
    assert!(input == sig::input_blob() && output == sig::output_blob());
    let (input_sha256, output_sha256) = inference.sha256s();
    assert!(input_sha256 == sig::input_sha256() && output_sha256 == sig::output_sha256());
    let attestation = scenario.take_immutable_by_id<Attestation>(inference.attestation());
    assert!(attestation.kind() == attestation::kind_inference());
    assert!(attestation.is_signed() && attestation.is_finalized());
    assert!(attestation.inputs() == vector[sig::model_id()]);
    assert!(attestation.input_blobs()[0].sha256() == sig::input_sha256());
    assert!(attestation.output_blobs()[0].sha256() == sig::output_sha256());
    ts::return_immutable(attestation);
    ts::return_immutable(inference);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = attestation::EInvalidDigest)]
fun record_rejects_a_short_input_sha256() {
    let (mut scenario, clock) = flows::through_model();
    record_with(&mut scenario, &clock, x"01", sig::output_sha256(), sig::inference_signature());
    abort
}

#[test, expected_failure(abort_code = attestation::EInvalidDigest)]
fun record_rejects_a_short_output_sha256() {
    let (mut scenario, clock) = flows::through_model();
    record_with(&mut scenario, &clock, sig::input_sha256(), x"01", sig::inference_signature());
    abort
}

#[test, expected_failure(abort_code = attester::EInvalidSignature)]
fun an_input_sha256_the_attester_did_not_sign_is_refused() {
    let (mut scenario, clock) = flows::through_model();
    record_with(
        &mut scenario,
        &clock,
        sig::output_sha256(),
        sig::output_sha256(),
        sig::inference_signature(),
    );
    abort
}

#[test, expected_failure(abort_code = attester::EInvalidSignature)]
fun an_output_sha256_the_attester_did_not_sign_is_refused() {
    let (mut scenario, clock) = flows::through_model();
    record_with(
        &mut scenario,
        &clock,
        sig::input_sha256(),
        sig::input_sha256(),
        sig::inference_signature(),
    );
    abort
}

#[test, expected_failure(abort_code = attester::EReplayed)]
fun an_inference_cannot_be_recorded_twice() {
    let (mut scenario, clock) = flows::through_model();
    flows::infer(&mut scenario, &clock);
    flows::infer(&mut scenario, &clock);
    abort
}

#[test, expected_failure(abort_code = attester::ERevoked)]
fun a_revoked_attester_backs_no_new_inference() {
    let (mut scenario, clock) = flows::through_model();
    let cap = flows::admin_tx(&mut scenario);
    let mut attester = scenario.take_shared<Attester>();
    attester::revoke(&cap, &mut attester, &clock, scenario.ctx());
    ts::return_shared(attester);
    scenario.return_to_sender(cap);
    record_with(
        &mut scenario,
        &clock,
        sig::input_sha256(),
        sig::output_sha256(),
        sig::inference_signature(),
    );
    abort
}
