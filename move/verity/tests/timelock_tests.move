#[test_only]
module verity::timelock_tests;

use sui::clock::{Self, Clock};
use sui::test_scenario::{Self as ts, Scenario};
use verity::timelock::{Self, Timelock};

const CREATOR: address = @0xA;
const READER: address = @0xB;
const UNLOCK_MS: u64 = 5000;

/// Starts a scenario with a clock at 1000 ms and a timelock created by CREATOR that opens at
/// `UNLOCK_MS`. Checks the effects (one frozen timelock, one event) and returns its id.
fun begin(): (Scenario, Clock, ID) {
    let mut scenario = ts::begin(CREATOR);
    let mut clock = clock::create_for_testing(scenario.ctx());
    clock.set_for_testing(1000);
    let id = timelock::create(UNLOCK_MS, &clock, scenario.ctx());
    let effects = scenario.next_tx(CREATOR);
    assert!(effects.num_user_events() == 1);
    assert!(effects.frozen() == vector[id]);
    (scenario, clock, id)
}

/// As READER, with the clock at `now_ms`, asks for the key of identity `key_id` under the
/// timelock `id`.
fun approve(scenario: &mut Scenario, clock: &mut Clock, id: ID, now_ms: u64, key_id: vector<u8>) {
    scenario.next_tx(READER);
    clock.set_for_testing(now_ms);
    let lock = scenario.take_immutable_by_id<Timelock>(id);
    timelock::seal_approve_for_testing(key_id, &lock, clock);
    ts::return_immutable(lock);
}

fun end(scenario: Scenario, clock: Clock) {
    clock.destroy_for_testing();
    scenario.end();
}

#[test]
fun create_freezes_a_timelock_with_its_unlock_time() {
    let (scenario, clock, id) = begin();
    let lock = scenario.take_immutable_by_id<Timelock>(id);
    assert!(lock.unlock_ms() == UNLOCK_MS);
    ts::return_immutable(lock);
    end(scenario, clock);
}

#[test]
fun seal_approve_grants_anyone_from_the_unlock_time_on() {
    let (mut scenario, mut clock, id) = begin();
    approve(&mut scenario, &mut clock, id, UNLOCK_MS, id.to_bytes());
    let mut with_nonce = id.to_bytes();
    with_nonce.append(x"0102030405");
    approve(&mut scenario, &mut clock, id, UNLOCK_MS + 1, with_nonce);
    assert!(scenario.next_tx(READER).num_user_events() == 0);
    end(scenario, clock);
}

#[test]
fun seal_approve_grants_at_once_when_the_unlock_time_is_past() {
    let mut scenario = ts::begin(CREATOR);
    let mut clock = clock::create_for_testing(scenario.ctx());
    clock.set_for_testing(UNLOCK_MS);
    let id = timelock::create(UNLOCK_MS - 1, &clock, scenario.ctx());
    approve(&mut scenario, &mut clock, id, UNLOCK_MS, id.to_bytes());
    end(scenario, clock);
}

#[test, expected_failure(abort_code = timelock::ENoAccess)]
fun seal_approve_denies_before_the_unlock_time() {
    let (mut scenario, mut clock, id) = begin();
    approve(&mut scenario, &mut clock, id, UNLOCK_MS - 1, id.to_bytes());
    end(scenario, clock);
}

#[test, expected_failure(abort_code = timelock::ENoAccess)]
fun seal_approve_denies_an_identity_under_another_timelock() {
    let (mut scenario, mut clock, id) = begin();
    let other = timelock::create(0, &clock, scenario.ctx());
    approve(&mut scenario, &mut clock, id, UNLOCK_MS, other.to_bytes());
    end(scenario, clock);
}
