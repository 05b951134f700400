#[test_only]
module verity::subscription_tests;

use sui::clock::{Self, Clock};
use sui::coin;
use sui::sui::SUI;
use sui::test_scenario::{Self as ts, Scenario};
use verity::subscription::{Self, Cap, Service, Subscription};

const OWNER: address = @0xA;
const SUBSCRIBER: address = @0xB;
const OUTSIDER: address = @0xC;
const FEE_MIST: u64 = 1_000_000;
const TTL_MS: u64 = 10_000;
const START_MS: u64 = 1000;

/// Starts a scenario with a clock at `START_MS` and a service created by OWNER (fee
/// `FEE_MIST`, time-to-live `TTL_MS`). Returns the service's id.
fun begin(): (Scenario, Clock, ID) {
    let mut scenario = ts::begin(OWNER);
    let mut clock = clock::create_for_testing(scenario.ctx());
    clock.set_for_testing(START_MS);
    let id = create(&mut scenario, &clock, OWNER, TTL_MS);
    (scenario, clock, id)
}

/// In a new transaction, `creator` creates a service that lasts `ttl_ms` and keeps its cap.
/// Checks the effects (one shared service, the cap sent to `creator`, one event) and returns
/// the service's id.
fun create(scenario: &mut Scenario, clock: &Clock, creator: address, ttl_ms: u64): ID {
    scenario.next_tx(creator);
    let cap = subscription::create(b"weekly".to_string(), FEE_MIST, ttl_ms, clock, scenario.ctx());
    transfer::public_transfer(cap, creator);
    let effects = scenario.next_tx(creator);
    assert!(effects.num_user_events() == 1);
    assert!(effects.transferred_to_account().length() == 1);
    assert!(effects.shared().length() == 1);
    effects.shared()[0]
}

/// As `subscriber`, pays `fee_mist` to the service `service_id` and keeps the subscription.
/// Returns its id.
fun subscribe_paying(
    scenario: &mut Scenario,
    clock: &Clock,
    service_id: ID,
    subscriber: address,
    fee_mist: u64,
): ID {
    scenario.next_tx(subscriber);
    let mut service = scenario.take_shared_by_id<Service>(service_id);
    let fee = coin::mint_for_testing<SUI>(fee_mist, scenario.ctx());
    let sub = service.subscribe(fee, clock, scenario.ctx());
    let sub_id = object::id(&sub);
    sub.transfer(subscriber);
    ts::return_shared(service);
    sub_id
}

/// As `subscriber`, pays the exact fee to the service `service_id`; returns the subscription's id.
fun subscribe(scenario: &mut Scenario, clock: &Clock, service_id: ID, subscriber: address): ID {
    subscribe_paying(scenario, clock, service_id, subscriber, FEE_MIST)
}

/// As `owner`, with the service cap `owner` holds, withdraws the fees of the service
/// `service_id`. Returns the amount withdrawn, in MIST.
fun withdraw(scenario: &mut Scenario, clock: &Clock, service_id: ID, owner: address): u64 {
    scenario.next_tx(owner);
    let mut service = scenario.take_shared_by_id<Service>(service_id);
    let cap = scenario.take_from_sender<Cap>();
    let fees = service.withdraw(&cap, clock, scenario.ctx());
    scenario.return_to_sender(cap);
    ts::return_shared(service);
    fees.burn_for_testing()
}

/// As `holder`, with the clock at `now_ms`, asks for the key of identity `key_id` with the
/// subscription `sub_id` to the service `service_id`.
fun approve(
    scenario: &mut Scenario,
    clock: &mut Clock,
    sub_id: ID,
    service_id: ID,
    holder: address,
    now_ms: u64,
    key_id: vector<u8>,
) {
    scenario.next_tx(holder);
    clock.set_for_testing(now_ms);
    let sub = scenario.take_from_sender_by_id<Subscription>(sub_id);
    let service = scenario.take_shared_by_id<Service>(service_id);
    subscription::seal_approve_for_testing(key_id, &sub, &service, clock);
    ts::return_shared(service);
    scenario.return_to_sender(sub);
}

/// Fees held by the service `service_id`, in MIST, read in a new transaction.
fun balance_mist(scenario: &mut Scenario, service_id: ID): u64 {
    scenario.next_tx(OUTSIDER);
    let service = scenario.take_shared_by_id<Service>(service_id);
    let balance = service.balance_mist();
    ts::return_shared(service);
    balance
}

/// When the subscription `sub_id` of `holder` expires, read in a new transaction.
fun expires_ms(scenario: &mut Scenario, sub_id: ID, holder: address): u64 {
    scenario.next_tx(holder);
    let sub = scenario.take_from_sender_by_id<Subscription>(sub_id);
    let expires_ms = sub.expires_ms();
    scenario.return_to_sender(sub);
    expires_ms
}

fun end(scenario: Scenario, clock: Clock) {
    clock.destroy_for_testing();
    scenario.end();
}

#[test]
fun create_shares_a_service_with_its_fee_and_no_balance() {
    let (scenario, clock, id) = begin();
    assert!(scenario.has_most_recent_for_sender<Cap>());
    let service = scenario.take_shared_by_id<Service>(id);
    assert!(service.fee_mist() == FEE_MIST);
    assert!(service.balance_mist() == 0);
    ts::return_shared(service);
    end(scenario, clock);
}

#[test, expected_failure(abort_code = subscription::EZeroTtl)]
fun create_with_a_zero_ttl_aborts() {
    let mut scenario = ts::begin(OWNER);
    let clock = clock::create_for_testing(scenario.ctx());
    create(&mut scenario, &clock, OWNER, 0);
    end(scenario, clock);
}

#[test]
fun subscribe_keeps_the_fee_sets_the_expiry_and_emits_one_event() {
    let (mut scenario, clock, id) = begin();
    let sub_id = subscribe(&mut scenario, &clock, id, SUBSCRIBER);
    assert!(scenario.next_tx(SUBSCRIBER).num_user_events() == 1);
    assert!(balance_mist(&mut scenario, id) == FEE_MIST);
    assert!(expires_ms(&mut scenario, sub_id, SUBSCRIBER) == START_MS + TTL_MS);
    end(scenario, clock);
}

#[test]
fun subscribe_never_expires_when_the_ttl_passes_the_end_of_time() {
    let mut scenario = ts::begin(OWNER);
    let mut clock = clock::create_for_testing(scenario.ctx());
    clock.set_for_testing(START_MS);
    let id = create(&mut scenario, &clock, OWNER, std::u64::max_value!());
    let sub_id = subscribe(&mut scenario, &clock, id, SUBSCRIBER);
    assert!(expires_ms(&mut scenario, sub_id, SUBSCRIBER) == std::u64::max_value!());
    end(scenario, clock);
}

#[test, expected_failure(abort_code = subscription::EWrongFee)]
fun subscribe_with_less_than_the_fee_aborts() {
    let (mut scenario, clock, id) = begin();
    subscribe_paying(&mut scenario, &clock, id, SUBSCRIBER, FEE_MIST - 1);
    end(scenario, clock);
}

#[test, expected_failure(abort_code = subscription::EWrongFee)]
fun subscribe_with_more_than_the_fee_aborts() {
    let (mut scenario, clock, id) = begin();
    subscribe_paying(&mut scenario, &clock, id, SUBSCRIBER, FEE_MIST + 1);
    end(scenario, clock);
}

#[test]
fun transfer_hands_the_access_to_the_recipient() {
    let (mut scenario, mut clock, id) = begin();
    let sub_id = subscribe(&mut scenario, &clock, id, SUBSCRIBER);
    scenario.next_tx(SUBSCRIBER);
    scenario.take_from_sender_by_id<Subscription>(sub_id).transfer(OUTSIDER);
    scenario.next_tx(SUBSCRIBER);
    assert!(!scenario.has_most_recent_for_sender<Subscription>());
    approve(&mut scenario, &mut clock, sub_id, id, OUTSIDER, START_MS, id.to_bytes());
    end(scenario, clock);
}

#[test]
fun withdraw_returns_exactly_the_fees_paid_and_emits_one_event() {
    let (mut scenario, clock, id) = begin();
    subscribe(&mut scenario, &clock, id, SUBSCRIBER);
    subscribe(&mut scenario, &clock, id, OUTSIDER);
    assert!(withdraw(&mut scenario, &clock, id, OWNER) == 2 * FEE_MIST);
    assert!(scenario.next_tx(OWNER).num_user_events() == 1);
    assert!(balance_mist(&mut scenario, id) == 0);
    assert!(withdraw(&mut scenario, &clock, id, OWNER) == 0);
    end(scenario, clock);
}

#[test, expected_failure(abort_code = subscription::EInvalidCap)]
fun withdraw_with_the_cap_of_another_service_aborts() {
    let (mut scenario, clock, id) = begin();
    subscribe(&mut scenario, &clock, id, SUBSCRIBER);
    create(&mut scenario, &clock, OUTSIDER, TTL_MS);
    withdraw(&mut scenario, &clock, id, OUTSIDER);
    end(scenario, clock);
}

#[test]
fun seal_approve_grants_the_bare_id_and_nonce_suffixed_ids_until_expiry() {
    let (mut scenario, mut clock, id) = begin();
    let sub_id = subscribe(&mut scenario, &clock, id, SUBSCRIBER);
    approve(&mut scenario, &mut clock, sub_id, id, SUBSCRIBER, START_MS, id.to_bytes());
    let mut with_nonce = id.to_bytes();
    with_nonce.append(x"ffff");
    approve(&mut scenario, &mut clock, sub_id, id, SUBSCRIBER, START_MS + TTL_MS - 1, with_nonce);
    assert!(scenario.next_tx(SUBSCRIBER).num_user_events() == 0);
    end(scenario, clock);
}

#[test, expected_failure(abort_code = subscription::ENoAccess)]
fun seal_approve_denies_an_expired_subscription() {
    let (mut scenario, mut clock, id) = begin();
    let sub_id = subscribe(&mut scenario, &clock, id, SUBSCRIBER);
    approve(&mut scenario, &mut clock, sub_id, id, SUBSCRIBER, START_MS + TTL_MS, id.to_bytes());
    end(scenario, clock);
}

#[test, expected_failure(abort_code = subscription::ENoAccess)]
fun seal_approve_denies_a_subscription_to_another_service() {
    let (mut scenario, mut clock, id) = begin();
    let other = create(&mut scenario, &clock, OUTSIDER, TTL_MS);
    let other_sub = subscribe(&mut scenario, &clock, other, SUBSCRIBER);
    approve(&mut scenario, &mut clock, other_sub, id, SUBSCRIBER, START_MS, id.to_bytes());
    end(scenario, clock);
}

#[test, expected_failure(abort_code = subscription::ENoAccess)]
fun seal_approve_denies_an_identity_under_another_service() {
    let (mut scenario, mut clock, id) = begin();
    let sub_id = subscribe(&mut scenario, &clock, id, SUBSCRIBER);
    let other = create(&mut scenario, &clock, OUTSIDER, TTL_MS);
    approve(&mut scenario, &mut clock, sub_id, id, SUBSCRIBER, START_MS, other.to_bytes());
    end(scenario, clock);
}
