#[test_only]
module verity::attestation_tests;

use sui::clock::{Self, Clock};
use sui::test_scenario::{Self as ts, Scenario};
use verity::attestation::{Self, Attestation};
use verity::attester::{Self, Attester, AttesterRegistry};
use verity::dataset;
use verity::test_flows as flows;
use verity::test_signatures as sig;

/// Records the generic payload as `submitter` against the registered attester, with `digest`
/// as payload digest, `input_sha256` for its input blob and `signature`.
fun record_generic_as(
    scenario: &mut Scenario,
    clock: &Clock,
    submitter: address,
    digest: vector<u8>,
    input_sha256: vector<u8>,
    signature: vector<u8>,
): Attestation {
    scenario.next_tx(submitter);
    let mut attester = scenario.take_shared<Attester>();
    let attestation = attestation::record(
        &mut attester,
        attestation::kind_transform(),
        vector[object::id_from_address(@0xd1)],
        vector[111],
        vector[input_sha256],
        vector[object::id_from_address(@0xd2)],
        vector[222],
        vector[sig::generic_output_sha256()],
        digest,
        sig::timestamp_ms(),
        signature,
        clock,
        scenario.ctx(),
    );
    ts::return_shared(attester);
    attestation
}

/// Records the generic payload by CREATOR with `signature`.
fun record_generic(scenario: &mut Scenario, clock: &Clock, signature: vector<u8>): Attestation {
    record_generic_as(
        scenario,
        clock,
        flows::creator(),
        sig::generic_digest(),
        sig::generic_input_sha256(),
        signature,
    )
}

/// A scenario with key a registered and the clock set `offset_ms` after the signed time
/// (`behind` = before it).
fun with_clock_offset(offset_ms: u64, behind: bool): (Scenario, Clock) {
    let (mut scenario, clock) = flows::begin();
    flows::register_attester(&mut scenario, &clock);
    // A chain clock never runs backwards: replace it.
    clock.destroy_for_testing();
    let mut clock = clock::create_for_testing(scenario.ctx());
    let now = if (behind) sig::timestamp_ms() - offset_ms else sig::timestamp_ms() + offset_ms;
    clock.set_for_testing(now);
    (scenario, clock)
}

/// The ADMIN rotates the registered attester to key b.
fun rotate_to_key_b(scenario: &mut Scenario, clock: &Clock) {
    let cap = flows::admin_tx(scenario);
    let mut registry = scenario.take_shared<AttesterRegistry>();
    let mut attester = scenario.take_shared<Attester>();
    attester::rotate_key(&cap, &mut registry, &mut attester, sig::key_b(), clock, scenario.ctx());
    ts::return_shared(attester);
    ts::return_shared(registry);
    scenario.return_to_sender(cap);
}

#[test]
fun message_bytes_match_the_sdk_encoding() {
    let bytes = attestation::message_bytes(
        sig::attester_id(),
        flows::creator(),
        attestation::kind_transform(),
        vector[object::id_from_address(@0xd1)],
        vector[111],
        vector[sig::generic_input_sha256()],
        vector[object::id_from_address(@0xd2)],
        vector[222],
        vector[sig::generic_output_sha256()],
        sig::generic_digest(),
        sig::timestamp_ms(),
    );
    assert!(bytes == sig::generic_message());
}

/// The message of an empty transform payload for `attester`, recorded by `submitter`.
fun empty_message_for(attester: ID, submitter: address): vector<u8> {
    attestation::message_bytes(
        attester,
        submitter,
        0,
        vector[],
        vector[],
        vector[],
        vector[],
        vector[],
        vector[],
        sig::generic_digest(),
        0,
    )
}

#[test]
fun message_bytes_name_the_attester_and_the_submitter() {
    let story = empty_message_for(sig::attester_id(), flows::creator());
    assert!(story != empty_message_for(object::id_from_address(@0xf0), flows::creator()));
    assert!(story != empty_message_for(sig::attester_id(), flows::outsider()));
}

#[test, expected_failure(abort_code = attestation::EInvalidKind)]
fun message_bytes_reject_an_unknown_kind() {
    attestation::message_bytes(
        sig::attester_id(),
        flows::creator(),
        7,
        vector[],
        vector[],
        vector[],
        vector[],
        vector[],
        vector[],
        sig::generic_digest(),
        0,
    );
}

#[test, expected_failure(abort_code = attestation::EBlobLengthMismatch)]
fun message_bytes_reject_a_blob_without_its_sha256() {
    attestation::message_bytes(
        sig::attester_id(),
        flows::creator(),
        0,
        vector[],
        vector[1],
        vector[],
        vector[],
        vector[],
        vector[],
        sig::generic_digest(),
        0,
    );
}

#[test, expected_failure(abort_code = attestation::EInvalidDigest)]
fun message_bytes_reject_a_short_blob_sha256() {
    attestation::message_bytes(
        sig::attester_id(),
        flows::creator(),
        0,
        vector[],
        vector[],
        vector[],
        vector[],
        vector[1],
        vector[x"01"],
        sig::generic_digest(),
        0,
    );
}

#[test]
fun record_verifies_a_real_signature_and_keeps_every_field() {
    let (mut scenario, clock) = with_clock_offset(1_000, false);
    let attestation = record_generic(&mut scenario, &clock, sig::generic_signature_a());
    assert!(attestation.is_signed());
    assert!(!attestation.is_enclave());
    assert!(!attestation.is_finalized());
    assert!(attestation.attester() == option::some(sig::attester_id()));
    assert!(attestation.submitter() == flows::creator());
    assert!(attestation.kind() == attestation::kind_transform());
    assert!(attestation.inputs() == vector[object::id_from_address(@0xd1)]);
    let input = attestation.input_blobs()[0];
    assert!(input.blob_id() == 111 && input.sha256() == sig::generic_input_sha256());
    assert!(attestation.outputs() == vector[object::id_from_address(@0xd2)]);
    let output = attestation.output_blobs()[0];
    assert!(output.blob_id() == 222 && output.sha256() == sig::generic_output_sha256());
    assert!(attestation.timestamp_ms() == sig::timestamp_ms());
    let id = object::id(&attestation);
    attestation.finalize();
    let effects = scenario.next_tx(flows::creator());
    assert!(effects.num_user_events() == 1);
    assert!(effects.frozen().contains(&id));
    let frozen = scenario.take_immutable<Attestation>();
    assert!(object::id(&frozen) == id);
    assert!(frozen.is_finalized());
    ts::return_immutable(frozen);
    flows::end(scenario, clock);
}

#[test]
fun record_accepts_a_timestamp_exactly_one_hour_old() {
    let (mut scenario, clock) = with_clock_offset(3_600_000, false);
    record_generic(&mut scenario, &clock, sig::generic_signature_a()).finalize();
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = attestation::EStaleTimestamp)]
fun record_rejects_a_stale_timestamp() {
    let (mut scenario, clock) = with_clock_offset(3_600_001, false);
    record_generic(&mut scenario, &clock, sig::generic_signature_a()).finalize();
    abort
}

#[test]
fun record_accepts_a_timestamp_one_minute_ahead() {
    let (mut scenario, clock) = with_clock_offset(60_000, true);
    record_generic(&mut scenario, &clock, sig::generic_signature_a()).finalize();
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = attestation::EFutureTimestamp)]
fun record_rejects_a_timestamp_from_the_future() {
    let (mut scenario, clock) = with_clock_offset(60_001, true);
    record_generic(&mut scenario, &clock, sig::generic_signature_a()).finalize();
    abort
}

#[test, expected_failure(abort_code = attester::EInvalidSignature)]
fun a_forged_signature_is_refused() {
    let (mut scenario, clock) = with_clock_offset(1_000, false);
    record_generic(&mut scenario, &clock, sig::generic_signature_c()).finalize();
    abort
}

#[test, expected_failure(abort_code = attester::EInvalidSignature)]
fun a_signature_over_another_payload_digest_is_refused() {
    let (mut scenario, clock) = with_clock_offset(1_000, false);
    let attestation = record_generic_as(
        &mut scenario,
        &clock,
        flows::creator(),
        sig::transform_sha256(),
        sig::generic_input_sha256(),
        sig::generic_signature_a(),
    );
    attestation.finalize();
    abort
}

#[test, expected_failure(abort_code = attester::EInvalidSignature)]
fun a_blob_sha256_the_attester_did_not_sign_is_refused() {
    let (mut scenario, clock) = with_clock_offset(1_000, false);
    let attestation = record_generic_as(
        &mut scenario,
        &clock,
        flows::creator(),
        sig::generic_digest(),
        sig::raw_sha256(),
        sig::generic_signature_a(),
    );
    attestation.finalize();
    abort
}

#[test, expected_failure(abort_code = attester::EInvalidSignature)]
fun a_signature_made_for_another_attester_is_refused() {
    let (mut scenario, clock) = with_clock_offset(1_000, false);
    record_generic(&mut scenario, &clock, sig::foreign_signature_a()).finalize();
    abort
}

#[test, expected_failure(abort_code = attester::EReplayed)]
fun the_same_signed_message_cannot_be_recorded_twice() {
    let (mut scenario, clock) = with_clock_offset(1_000, false);
    record_generic(&mut scenario, &clock, sig::generic_signature_a()).finalize();
    record_generic(&mut scenario, &clock, sig::generic_signature_a()).finalize();
    abort
}

#[test, expected_failure(abort_code = attester::EInvalidSignature)]
fun nobody_but_the_signed_submitter_can_record_a_signature() {
    let (mut scenario, clock) = with_clock_offset(1_000, false);
    let attestation = record_generic_as(
        &mut scenario,
        &clock,
        flows::outsider(),
        sig::generic_digest(),
        sig::generic_input_sha256(),
        sig::generic_signature_a(),
    );
    attestation.finalize();
    abort
}

#[test, expected_failure(abort_code = attester::EInvalidSignature)]
fun the_old_key_is_refused_after_rotation() {
    let (mut scenario, clock) = with_clock_offset(1_000, false);
    rotate_to_key_b(&mut scenario, &clock);
    record_generic(&mut scenario, &clock, sig::generic_signature_a()).finalize();
    abort
}

#[test]
fun the_new_key_is_accepted_after_rotation() {
    let (mut scenario, clock) = with_clock_offset(1_000, false);
    rotate_to_key_b(&mut scenario, &clock);
    let attestation = record_generic(&mut scenario, &clock, sig::generic_signature_b());
    assert!(attestation.is_signed());
    attestation.finalize();
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = attester::ERevoked)]
fun a_revoked_attester_signs_nothing_new() {
    let (mut scenario, clock) = with_clock_offset(1_000, false);
    let cap = flows::admin_tx(&mut scenario);
    let mut attester = scenario.take_shared<Attester>();
    attester::revoke(&cap, &mut attester, &clock, scenario.ctx());
    ts::return_shared(attester);
    scenario.return_to_sender(cap);
    record_generic(&mut scenario, &clock, sig::generic_signature_a()).finalize();
    abort
}

#[test, expected_failure(abort_code = attestation::EInvalidDigest)]
fun record_rejects_a_short_payload_digest() {
    let (mut scenario, clock) = with_clock_offset(1_000, false);
    let attestation = record_generic_as(
        &mut scenario,
        &clock,
        flows::creator(),
        x"00",
        sig::generic_input_sha256(),
        sig::generic_signature_a(),
    );
    attestation.finalize();
    abort
}

#[test]
fun record_self_is_marked_unsigned_and_uses_the_chain_clock() {
    let (mut scenario, clock) = flows::begin();
    scenario.next_tx(flows::creator());
    let mut attestation = flows::self_attestation(
        &mut scenario,
        &clock,
        attestation::kind_transform(),
        vector[],
        vector[],
        vector[],
        vector[7],
    );
    assert!(!attestation.is_signed());
    assert!(!attestation.is_enclave());
    assert!(attestation.attester().is_none());
    assert!(attestation.kind() == attestation::kind_transform());
    assert!(attestation.output_blobs()[0].blob_id() == 7);
    assert!(attestation.timestamp_ms() == clock.timestamp_ms());
    let builder = dataset::begin_derived(
        &mut attestation,
        7,
        sig::derived_sha256(),
        scenario.ctx(),
    );
    builder.finish_derived(
        flows::str(b"d"),
        1,
        flows::str(b"text/csv"),
        flows::str(b"MIT"),
        flows::open_terms(),
        option::none(),
        &clock,
        scenario.ctx(),
    );
    attestation.finalize();
    assert!(scenario.next_tx(flows::creator()).num_user_events() == 2);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = attestation::EUnsignedUnclaimed)]
fun an_unsigned_attestation_that_backs_nothing_cannot_be_finalized() {
    let (mut scenario, clock) = flows::begin();
    flows::self_attestation(
        &mut scenario,
        &clock,
        attestation::kind_transform(),
        vector[sig::dataset_id()],
        vector[],
        vector[],
        vector[7],
    ).finalize();
    abort
}

#[test, expected_failure(abort_code = attestation::EUnsignedKind)]
fun nobody_states_an_unsigned_evaluation_of_anothers_model() {
    let (mut scenario, clock) = flows::begin();
    flows::self_attestation(
        &mut scenario,
        &clock,
        attestation::kind_evaluation(),
        vector[sig::model_id()],
        vector[],
        vector[],
        vector[],
    ).finalize();
    abort
}

#[test, expected_failure(abort_code = attestation::EUnsignedKind)]
fun nobody_states_an_unsigned_inference() {
    let (mut scenario, clock) = flows::begin();
    flows::self_attestation(
        &mut scenario,
        &clock,
        attestation::kind_inference(),
        vector[sig::model_id()],
        vector[],
        vector[],
        vector[],
    ).finalize();
    abort
}

#[test, expected_failure(abort_code = attestation::EUnsignedOutputs)]
fun an_unsigned_attestation_cannot_name_existing_objects_as_outputs() {
    let (mut scenario, clock) = flows::begin();
    attestation::record_self(
        0,
        vector[],
        vector[],
        vector[],
        vector[sig::dataset_id()],
        vector[],
        vector[],
        sig::generic_digest(),
        &clock,
        scenario.ctx(),
    ).finalize();
    abort
}

#[test, expected_failure(abort_code = attestation::EInvalidKind)]
fun record_self_rejects_an_unknown_kind() {
    let (mut scenario, clock) = flows::begin();
    flows::self_attestation(
        &mut scenario,
        &clock,
        7,
        vector[],
        vector[],
        vector[],
        vector[],
    ).finalize();
    abort
}

#[test, expected_failure(abort_code = attestation::EInvalidDigest)]
fun record_self_rejects_a_short_digest() {
    let (mut scenario, clock) = flows::begin();
    attestation::record_self(
        0,
        vector[],
        vector[],
        vector[],
        vector[],
        vector[],
        vector[],
        x"01",
        &clock,
        scenario.ctx(),
    ).finalize();
    abort
}

#[test, expected_failure(abort_code = attestation::EBlobLengthMismatch)]
fun record_self_rejects_an_output_blob_without_its_sha256() {
    let (mut scenario, clock) = flows::begin();
    attestation::record_self(
        0,
        vector[],
        vector[],
        vector[],
        vector[],
        vector[7],
        vector[],
        sig::generic_digest(),
        &clock,
        scenario.ctx(),
    ).finalize();
    abort
}

#[test]
fun kinds_are_numbered_zero_to_six() {
    assert!(attestation::kind_transform() == 0);
    assert!(attestation::kind_training() == 1);
    assert!(attestation::kind_fine_tune() == 2);
    assert!(attestation::kind_evaluation() == 3);
    assert!(attestation::kind_inference() == 4);
    assert!(attestation::kind_generative_training() == 5);
    assert!(attestation::kind_generative_fine_tune() == 6);
}

#[test]
fun has_blob_matches_the_blob_id_and_its_sha256_together() {
    let (mut scenario, clock) = flows::begin();
    let attestation = flows::self_attestation(
        &mut scenario,
        &clock,
        attestation::kind_transform(),
        vector[],
        vector[7],
        vector[sig::raw_sha256()],
        vector[],
    );
    let blobs = attestation.input_blobs();
    assert!(attestation::has_blob(&blobs, 7, sig::raw_sha256()));
    assert!(!attestation::has_blob(&blobs, 7, sig::derived_sha256()));
    assert!(!attestation::has_blob(&blobs, 8, sig::raw_sha256()));
    sui::test_utils::destroy(attestation);
    flows::end(scenario, clock);
}
