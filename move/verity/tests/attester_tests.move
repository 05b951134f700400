#[test_only]
module verity::attester_tests;

use sui::test_scenario as ts;
use verity::attester::{Self, AdminCap, Attester};
use verity::test_flows::{Self as flows, str};
use verity::test_signatures as sig;

#[test]
fun register_shares_a_plain_key_and_emits_one_event() {
    let (mut scenario, clock) = flows::begin();
    let id = flows::register_attester(&mut scenario, &clock);
    let effects = scenario.next_tx(flows::creator());
    assert!(effects.num_user_events() == 1);
    assert!(effects.shared().contains(&id));
    let attester = scenario.take_shared<Attester>();
    assert!(attester.public_key() == sig::key_a());
    assert!(attester.name() == str(b"ci-attester"));
    assert!(attester.pcrs().is_empty());
    assert!(attester.key_version() == 0);
    assert!(!attester.is_revoked());
    ts::return_shared(attester);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = attester::EInvalidPublicKey)]
fun register_rejects_a_short_key() {
    let (mut scenario, clock) = flows::begin();
    let cap = flows::admin_tx(&mut scenario);
    attester::register(&cap, str(b"short"), x"0102", &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = attester::EEmptyName)]
fun register_rejects_an_empty_name() {
    let (mut scenario, clock) = flows::begin();
    let cap = flows::admin_tx(&mut scenario);
    attester::register(&cap, str(b""), sig::key_a(), &clock, scenario.ctx());
    abort
}

/// A 48-byte measurement filled with `b`.
fun pcr(b: u8): vector<u8> { vector::tabulate!(48, |_| b) }

#[test]
fun register_enclave_records_the_three_pcrs() {
    let (mut scenario, clock) = flows::begin();
    let cap = flows::admin_tx(&mut scenario);
    attester::register_enclave(&cap, str(b"enclave"), sig::key_a(), pcr(0), pcr(1), pcr(2), &clock, scenario.ctx());
    scenario.return_to_sender(cap);
    scenario.next_tx(flows::admin());
    let attester = scenario.take_shared<Attester>();
    assert!(attester.pcrs() == vector[pcr(0), pcr(1), pcr(2)]);
    ts::return_shared(attester);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = attester::EInvalidPcr)]
fun register_enclave_rejects_a_pcr_of_the_wrong_length() {
    let (mut scenario, clock) = flows::begin();
    let cap = flows::admin_tx(&mut scenario);
    attester::register_enclave(&cap, str(b"enclave"), sig::key_a(), pcr(0), pcr(1), x"00", &clock, scenario.ctx());
    abort
}

#[test]
fun rotate_key_replaces_the_key_and_bumps_the_version() {
    let (mut scenario, clock) = flows::begin();
    flows::register_attester(&mut scenario, &clock);
    let cap = flows::admin_tx(&mut scenario);
    let mut attester = scenario.take_shared<Attester>();
    attester::rotate_key(&cap, &mut attester, sig::key_b(), &clock, scenario.ctx());
    assert!(attester.public_key() == sig::key_b());
    assert!(attester.key_version() == 1);
    // The old key's signature no longer verifies; the new key's does.
    assert!(!attester.verify(&sig::generic_signature_a(), &sig::generic_message()));
    assert!(attester.verify(&sig::generic_signature_b(), &sig::generic_message()));
    ts::return_shared(attester);
    scenario.return_to_sender(cap);
    assert!(scenario.next_tx(flows::admin()).num_user_events() == 1);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = attester::ESameKey)]
fun rotate_key_rejects_the_current_key() {
    let (mut scenario, clock) = flows::begin();
    flows::register_attester(&mut scenario, &clock);
    let cap = flows::admin_tx(&mut scenario);
    let mut attester = scenario.take_shared<Attester>();
    attester::rotate_key(&cap, &mut attester, sig::key_a(), &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = attester::EInvalidPublicKey)]
fun rotate_key_rejects_a_short_key() {
    let (mut scenario, clock) = flows::begin();
    flows::register_attester(&mut scenario, &clock);
    let cap = flows::admin_tx(&mut scenario);
    let mut attester = scenario.take_shared<Attester>();
    attester::rotate_key(&cap, &mut attester, x"00", &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = attester::ERevoked)]
fun rotate_key_rejects_a_revoked_attester() {
    let (mut scenario, clock) = flows::begin();
    flows::register_attester(&mut scenario, &clock);
    let cap = flows::admin_tx(&mut scenario);
    let mut attester = scenario.take_shared<Attester>();
    attester::revoke(&cap, &mut attester, &clock, scenario.ctx());
    attester::rotate_key(&cap, &mut attester, sig::key_b(), &clock, scenario.ctx());
    abort
}

#[test]
fun revoke_marks_the_attester_revoked() {
    let (mut scenario, clock) = flows::begin();
    flows::register_attester(&mut scenario, &clock);
    let cap = flows::admin_tx(&mut scenario);
    let mut attester = scenario.take_shared<Attester>();
    attester::revoke(&cap, &mut attester, &clock, scenario.ctx());
    assert!(attester.is_revoked());
    ts::return_shared(attester);
    scenario.return_to_sender(cap);
    assert!(scenario.next_tx(flows::admin()).num_user_events() == 1);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = attester::ERevoked)]
fun revoke_twice_aborts() {
    let (mut scenario, clock) = flows::begin();
    flows::register_attester(&mut scenario, &clock);
    let cap = flows::admin_tx(&mut scenario);
    let mut attester = scenario.take_shared<Attester>();
    attester::revoke(&cap, &mut attester, &clock, scenario.ctx());
    attester::revoke(&cap, &mut attester, &clock, scenario.ctx());
    abort
}

#[test]
fun verify_accepts_the_key_and_rejects_a_forger() {
    let (mut scenario, clock) = flows::begin();
    flows::register_attester(&mut scenario, &clock);
    scenario.next_tx(flows::creator());
    let attester = scenario.take_shared<Attester>();
    assert!(attester.verify(&sig::generic_signature_a(), &sig::generic_message()));
    assert!(!attester.verify(&sig::generic_signature_c(), &sig::generic_message()));
    let mut tampered = sig::generic_message();
    tampered.push_back(0);
    assert!(!attester.verify(&sig::generic_signature_a(), &tampered));
    ts::return_shared(attester);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = attester::ERevoked)]
fun verify_aborts_for_a_revoked_attester() {
    let (mut scenario, clock) = flows::begin();
    flows::register_attester(&mut scenario, &clock);
    let cap = flows::admin_tx(&mut scenario);
    let mut attester = scenario.take_shared<Attester>();
    attester::revoke(&cap, &mut attester, &clock, scenario.ctx());
    attester.verify(&sig::generic_signature_a(), &sig::generic_message());
    abort
}
