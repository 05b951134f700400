#[test_only]
module verity::attester_tests;

use sui::clock::Clock;
use sui::test_scenario::{Self as ts, Scenario};
use verity::attester::{Self, AdminCap, Attester, AttesterRegistry};
use verity::enclave::{Self, EnclaveConfig};
use verity::test_flows::{Self as flows, str};
use verity::test_signatures as sig;
use verity::version;

/// In a new transaction, ADMIN registers `public_key` under `name`. Returns the attester's id.
fun register(scenario: &mut Scenario, clock: &Clock, name: vector<u8>, public_key: vector<u8>): ID {
    let cap = flows::admin_tx(scenario);
    let mut registry = scenario.take_shared<AttesterRegistry>();
    let id = attester::register(&cap, &mut registry, str(name), public_key, clock, scenario.ctx());
    ts::return_shared(registry);
    scenario.return_to_sender(cap);
    id
}

/// In a new transaction, ADMIN rotates the attester `id` to `new_public_key`.
fun rotate(scenario: &mut Scenario, clock: &Clock, id: ID, new_public_key: vector<u8>) {
    let cap = flows::admin_tx(scenario);
    let mut registry = scenario.take_shared<AttesterRegistry>();
    let mut attester = scenario.take_shared_by_id<Attester>(id);
    attester::rotate_key(&cap, &mut registry, &mut attester, new_public_key, clock, scenario.ctx());
    ts::return_shared(attester);
    ts::return_shared(registry);
    scenario.return_to_sender(cap);
}

/// In a new transaction, ADMIN revokes the attester `id`.
fun revoke(scenario: &mut Scenario, clock: &Clock, id: ID) {
    let cap = flows::admin_tx(scenario);
    let mut attester = scenario.take_shared_by_id<Attester>(id);
    attester::revoke(&cap, &mut attester, clock, scenario.ctx());
    ts::return_shared(attester);
    scenario.return_to_sender(cap);
}

/// A 48-byte measurement filled with `b`.
fun pcr(b: u8): vector<u8> { vector::tabulate!(48, |_| b) }

/// ADMIN publishes an image, then the creator registers its enclave holding key c. Returns
/// the attester's id.
fun register_enclave(scenario: &mut Scenario, clock: &Clock): ID {
    let cap = flows::admin_tx(scenario);
    let config_id = enclave::create_config(
        &cap,
        str(b"image"),
        pcr(0),
        pcr(1),
        pcr(2),
        clock,
        scenario.ctx(),
    );
    scenario.return_to_sender(cap);
    scenario.next_tx(flows::creator());
    let config = scenario.take_immutable_by_id<EnclaveConfig>(config_id);
    let mut registry = scenario.take_shared<AttesterRegistry>();
    let pcrs = vector[pcr(0), pcr(1), pcr(2)];
    let id = enclave::register_measured_for_testing(
        &config,
        &mut registry,
        pcrs,
        option::some(sig::key_c()),
        str(b"enclave"),
        clock,
        scenario.ctx(),
    );
    ts::return_shared(registry);
    ts::return_immutable(config);
    id
}

/// The attester that holds or held `public_key`, read in a new transaction.
fun key_holder(scenario: &mut Scenario, public_key: vector<u8>): Option<ID> {
    scenario.next_tx(flows::outsider());
    let registry = scenario.take_shared<AttesterRegistry>();
    let holder = registry.key_holder(public_key);
    ts::return_shared(registry);
    holder
}

#[test]
fun init_mints_the_admin_cap_and_shares_an_empty_registry() {
    let (mut scenario, clock) = flows::begin();
    let effects = scenario.next_tx(flows::admin());
    assert!(effects.shared().length() == 1);
    assert!(effects.transferred_to_account().length() == 1);
    assert!(scenario.has_most_recent_for_sender<AdminCap>());
    assert!(key_holder(&mut scenario, sig::key_a()).is_none());
    flows::end(scenario, clock);
}

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
    assert!(!attester.is_enclave());
    assert!(attester.enclave_config().is_none());
    assert!(attester.pcrs().is_empty());
    assert!(attester.key_version() == 0);
    assert!(!attester.is_revoked());
    assert!(attester.version() == version::current());
    ts::return_shared(attester);
    assert!(key_holder(&mut scenario, sig::key_a()) == option::some(id));
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = attester::EInvalidPublicKey)]
fun register_rejects_a_short_key() {
    let (mut scenario, clock) = flows::begin();
    register(&mut scenario, &clock, b"short", x"0102");
    abort
}

#[test, expected_failure(abort_code = attester::EInvalidPublicKey)]
fun register_rejects_a_long_key() {
    let (mut scenario, clock) = flows::begin();
    let mut key = sig::key_a();
    key.push_back(0);
    register(&mut scenario, &clock, b"long", key);
    abort
}

#[test, expected_failure(abort_code = attester::EEmptyName)]
fun register_rejects_an_empty_name() {
    let (mut scenario, clock) = flows::begin();
    register(&mut scenario, &clock, b"", sig::key_a());
    abort
}

#[test, expected_failure(abort_code = attester::EKeyInUse)]
fun registering_a_key_another_attester_holds_aborts() {
    let (mut scenario, clock) = flows::begin();
    flows::register_attester(&mut scenario, &clock);
    register(&mut scenario, &clock, b"impostor", sig::key_a());
    abort
}

#[test, expected_failure(abort_code = attester::EKeyInUse)]
fun registering_a_key_once_held_by_a_revoked_attester_aborts() {
    let (mut scenario, clock) = flows::begin();
    let id = flows::register_attester(&mut scenario, &clock);
    revoke(&mut scenario, &clock, id);
    // Re-registering the key would make the revoked attester's signatures count again.
    register(&mut scenario, &clock, b"revived", sig::key_a());
    abort
}

#[test, expected_failure(abort_code = attester::EKeyInUse)]
fun registering_a_key_an_attester_rotated_away_from_aborts() {
    let (mut scenario, clock) = flows::begin();
    let id = flows::register_attester(&mut scenario, &clock);
    rotate(&mut scenario, &clock, id, sig::key_b());
    register(&mut scenario, &clock, b"heir", sig::key_a());
    abort
}

#[test]
fun rotate_key_replaces_the_key_and_bumps_the_key_version() {
    let (mut scenario, clock) = flows::begin();
    let id = flows::register_attester(&mut scenario, &clock);
    rotate(&mut scenario, &clock, id, sig::key_b());
    assert!(scenario.next_tx(flows::creator()).num_user_events() == 1);
    let attester = scenario.take_shared_by_id<Attester>(id);
    assert!(attester.public_key() == sig::key_b());
    assert!(attester.key_version() == 1);
    // The old key's signature no longer verifies; the new key's does.
    assert!(!attester.verify(&sig::generic_signature_a(), &sig::generic_message()));
    assert!(attester.verify(&sig::generic_signature_b(), &sig::generic_message()));
    ts::return_shared(attester);
    // Both keys stay the attester's for good.
    assert!(key_holder(&mut scenario, sig::key_a()) == option::some(id));
    assert!(key_holder(&mut scenario, sig::key_b()) == option::some(id));
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = attester::EKeyInUse)]
fun rotate_key_to_the_current_key_aborts() {
    let (mut scenario, clock) = flows::begin();
    let id = flows::register_attester(&mut scenario, &clock);
    rotate(&mut scenario, &clock, id, sig::key_a());
    abort
}

#[test, expected_failure(abort_code = attester::EKeyInUse)]
fun rotating_back_to_an_earlier_key_aborts() {
    let (mut scenario, clock) = flows::begin();
    let id = flows::register_attester(&mut scenario, &clock);
    rotate(&mut scenario, &clock, id, sig::key_b());
    rotate(&mut scenario, &clock, id, sig::key_a());
    abort
}

#[test, expected_failure(abort_code = attester::EKeyInUse)]
fun rotating_to_a_key_another_attester_holds_aborts() {
    let (mut scenario, clock) = flows::begin();
    flows::register_attester(&mut scenario, &clock);
    let other = register(&mut scenario, &clock, b"other", sig::key_c());
    rotate(&mut scenario, &clock, other, sig::key_a());
    abort
}

#[test, expected_failure(abort_code = attester::EKeyInUse)]
fun rotating_to_a_key_another_attester_held_aborts() {
    let (mut scenario, clock) = flows::begin();
    let id = flows::register_attester(&mut scenario, &clock);
    rotate(&mut scenario, &clock, id, sig::key_b());
    let other = register(&mut scenario, &clock, b"other", sig::key_c());
    // Taking key a would make the first attester's old signatures verify as the other's.
    rotate(&mut scenario, &clock, other, sig::key_a());
    abort
}

#[test, expected_failure(abort_code = attester::EInvalidPublicKey)]
fun rotate_key_rejects_a_short_key() {
    let (mut scenario, clock) = flows::begin();
    let id = flows::register_attester(&mut scenario, &clock);
    rotate(&mut scenario, &clock, id, x"00");
    abort
}

#[test, expected_failure(abort_code = attester::ERevoked)]
fun rotate_key_rejects_a_revoked_attester() {
    let (mut scenario, clock) = flows::begin();
    let id = flows::register_attester(&mut scenario, &clock);
    revoke(&mut scenario, &clock, id);
    rotate(&mut scenario, &clock, id, sig::key_b());
    abort
}

#[test, expected_failure(abort_code = attester::EEnclaveKey)]
fun admin_cannot_rotate_an_enclave_key() {
    let (mut scenario, clock) = flows::begin();
    let id = register_enclave(&mut scenario, &clock);
    rotate(&mut scenario, &clock, id, sig::key_b());
    abort
}

#[test]
fun revoke_marks_the_attester_revoked_and_emits_one_event() {
    let (mut scenario, clock) = flows::begin();
    let id = flows::register_attester(&mut scenario, &clock);
    revoke(&mut scenario, &clock, id);
    assert!(scenario.next_tx(flows::creator()).num_user_events() == 1);
    let attester = scenario.take_shared_by_id<Attester>(id);
    assert!(attester.is_revoked());
    ts::return_shared(attester);
    flows::end(scenario, clock);
}

#[test]
fun revoke_works_on_an_enclave_attester() {
    let (mut scenario, clock) = flows::begin();
    let id = register_enclave(&mut scenario, &clock);
    revoke(&mut scenario, &clock, id);
    scenario.next_tx(flows::creator());
    let attester = scenario.take_shared_by_id<Attester>(id);
    assert!(attester.is_revoked());
    ts::return_shared(attester);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = attester::ERevoked)]
fun revoke_twice_aborts() {
    let (mut scenario, clock) = flows::begin();
    let id = flows::register_attester(&mut scenario, &clock);
    revoke(&mut scenario, &clock, id);
    revoke(&mut scenario, &clock, id);
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
    let id = flows::register_attester(&mut scenario, &clock);
    revoke(&mut scenario, &clock, id);
    scenario.next_tx(flows::creator());
    let attester = scenario.take_shared_by_id<Attester>(id);
    attester.verify(&sig::generic_signature_a(), &sig::generic_message());
    abort
}

#[test]
fun key_holder_is_none_for_a_key_nobody_held() {
    let (mut scenario, clock) = flows::begin();
    flows::register_attester(&mut scenario, &clock);
    assert!(key_holder(&mut scenario, sig::key_b()).is_none());
    flows::end(scenario, clock);
}

#[test]
fun consume_accepts_a_valid_signature_once() {
    let (mut scenario, clock) = flows::begin();
    flows::register_attester(&mut scenario, &clock);
    scenario.next_tx(flows::creator());
    let mut attester = scenario.take_shared<Attester>();
    attester.consume(&sig::generic_signature_a(), &sig::generic_message());
    ts::return_shared(attester);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = attester::EReplayed)]
fun consuming_the_same_signed_message_twice_aborts() {
    let (mut scenario, clock) = flows::begin();
    flows::register_attester(&mut scenario, &clock);
    scenario.next_tx(flows::creator());
    let mut attester = scenario.take_shared<Attester>();
    attester.consume(&sig::generic_signature_a(), &sig::generic_message());
    ts::return_shared(attester);
    scenario.next_tx(flows::outsider());
    let mut attester = scenario.take_shared<Attester>();
    attester.consume(&sig::generic_signature_a(), &sig::generic_message());
    abort
}

#[test, expected_failure(abort_code = attester::EInvalidSignature)]
fun consume_rejects_a_forged_signature() {
    let (mut scenario, clock) = flows::begin();
    flows::register_attester(&mut scenario, &clock);
    scenario.next_tx(flows::creator());
    let mut attester = scenario.take_shared<Attester>();
    attester.consume(&sig::generic_signature_c(), &sig::generic_message());
    abort
}

#[test, expected_failure(abort_code = attester::EInvalidSignature)]
fun consume_rejects_the_old_keys_signature_after_a_rotation() {
    let (mut scenario, clock) = flows::begin();
    let id = flows::register_attester(&mut scenario, &clock);
    rotate(&mut scenario, &clock, id, sig::key_b());
    scenario.next_tx(flows::creator());
    let mut attester = scenario.take_shared_by_id<Attester>(id);
    attester.consume(&sig::generic_signature_a(), &sig::generic_message());
    abort
}

#[test, expected_failure(abort_code = attester::ERevoked)]
fun consume_rejects_a_revoked_attesters_signature() {
    let (mut scenario, clock) = flows::begin();
    let id = flows::register_attester(&mut scenario, &clock);
    revoke(&mut scenario, &clock, id);
    scenario.next_tx(flows::creator());
    let mut attester = scenario.take_shared_by_id<Attester>(id);
    attester.consume(&sig::generic_signature_a(), &sig::generic_message());
    abort
}
