#[test_only]
module verity::allowlist_tests;

use sui::clock::{Self, Clock};
use sui::test_scenario::{Self as ts, Scenario};
use verity::allowlist::{Self, Allowlist, Cap};

const ADMIN: address = @0xA;
const MEMBER: address = @0xB;
const OUTSIDER: address = @0xC;

/// Starts a scenario with a clock at 1000 ms and an allowlist created by ADMIN.
/// Returns the allowlist's id.
fun begin(): (Scenario, Clock, ID) {
    let mut scenario = ts::begin(ADMIN);
    let mut clock = clock::create_for_testing(scenario.ctx());
    clock.set_for_testing(1000);
    let id = create(&mut scenario, &clock, ADMIN);
    (scenario, clock, id)
}

/// In a new transaction, `creator` creates an allowlist and keeps its cap. Checks the effects
/// (one shared allowlist, the cap sent to `creator`, one event) and returns the allowlist's id.
fun create(scenario: &mut Scenario, clock: &Clock, creator: address): ID {
    scenario.next_tx(creator);
    let cap = allowlist::create(b"reviewers".to_string(), clock, scenario.ctx());
    transfer::public_transfer(cap, creator);
    let effects = scenario.next_tx(creator);
    assert!(effects.num_user_events() == 1);
    assert!(effects.transferred_to_account().length() == 1);
    assert!(effects.shared().length() == 1);
    effects.shared()[0]
}

/// As `admin`, with the allowlist cap `admin` holds, adds `member` to the allowlist `id`.
fun add(scenario: &mut Scenario, clock: &Clock, id: ID, admin: address, member: address) {
    scenario.next_tx(admin);
    let mut list = scenario.take_shared_by_id<Allowlist>(id);
    let cap = scenario.take_from_sender<Cap>();
    list.add(&cap, member, clock, scenario.ctx());
    scenario.return_to_sender(cap);
    ts::return_shared(list);
}

/// As `admin`, with the allowlist cap `admin` holds, removes `member` from the allowlist `id`.
fun remove(scenario: &mut Scenario, clock: &Clock, id: ID, admin: address, member: address) {
    scenario.next_tx(admin);
    let mut list = scenario.take_shared_by_id<Allowlist>(id);
    let cap = scenario.take_from_sender<Cap>();
    list.remove(&cap, member, clock, scenario.ctx());
    scenario.return_to_sender(cap);
    ts::return_shared(list);
}

/// As `sender`, asks for the key of identity `key_id` under the allowlist `id`.
fun approve(scenario: &mut Scenario, id: ID, sender: address, key_id: vector<u8>) {
    scenario.next_tx(sender);
    let list = scenario.take_shared_by_id<Allowlist>(id);
    allowlist::seal_approve_for_testing(key_id, &list, scenario.ctx());
    ts::return_shared(list);
}

/// Whether `addr` is a member of the allowlist `id`, read in a new transaction.
fun is_member(scenario: &mut Scenario, id: ID, addr: address): bool {
    scenario.next_tx(addr);
    let list = scenario.take_shared_by_id<Allowlist>(id);
    let member = list.is_member(addr);
    ts::return_shared(list);
    member
}

fun end(scenario: Scenario, clock: Clock) {
    clock.destroy_for_testing();
    scenario.end();
}

#[test]
fun create_shares_an_empty_allowlist_and_returns_its_cap() {
    let (mut scenario, clock, id) = begin();
    assert!(scenario.has_most_recent_for_sender<Cap>());
    assert!(!is_member(&mut scenario, id, ADMIN));
    end(scenario, clock);
}

#[test]
fun new_returns_the_allowlist_with_its_cap_and_share_shares_it() {
    let (mut scenario, clock, _) = begin();
    scenario.next_tx(ADMIN);
    let (list, cap) = allowlist::new(b"reviewers".to_string(), &clock, scenario.ctx());
    let id = object::id(&list);
    assert!(!list.is_member(ADMIN));
    list.share();
    transfer::public_transfer(cap, ADMIN);
    let effects = scenario.next_tx(ADMIN);
    assert!(effects.num_user_events() == 1);
    assert!(effects.shared() == vector[id]);
    assert!(effects.transferred_to_account().length() == 1);
    // The cap returned with the allowlist is the one that governs it.
    add(&mut scenario, &clock, id, ADMIN, MEMBER);
    assert!(is_member(&mut scenario, id, MEMBER));
    end(scenario, clock);
}

#[test]
fun new_add_and_share_in_one_transaction_lets_the_members_in() {
    let (mut scenario, clock, _) = begin();
    scenario.next_tx(ADMIN);
    let (mut list, cap) = allowlist::new(b"reviewers".to_string(), &clock, scenario.ctx());
    let id = object::id(&list);
    list.add(&cap, MEMBER, &clock, scenario.ctx());
    list.add(&cap, ADMIN, &clock, scenario.ctx());
    list.share();
    transfer::public_transfer(cap, ADMIN);
    let effects = scenario.next_tx(ADMIN);
    assert!(effects.num_user_events() == 3);
    assert!(effects.shared() == vector[id]);
    approve(&mut scenario, id, MEMBER, id.to_bytes());
    assert!(is_member(&mut scenario, id, ADMIN));
    assert!(!is_member(&mut scenario, id, OUTSIDER));
    end(scenario, clock);
}

#[test, expected_failure(abort_code = allowlist::EInvalidCap)]
fun add_before_share_with_the_cap_of_another_new_allowlist_aborts() {
    let (mut scenario, clock, _) = begin();
    scenario.next_tx(ADMIN);
    let (mut list, cap) = allowlist::new(b"a".to_string(), &clock, scenario.ctx());
    let (other, other_cap) = allowlist::new(b"b".to_string(), &clock, scenario.ctx());
    list.add(&other_cap, MEMBER, &clock, scenario.ctx());
    list.share();
    other.share();
    transfer::public_transfer(cap, ADMIN);
    transfer::public_transfer(other_cap, ADMIN);
    end(scenario, clock);
}

#[test]
fun add_makes_a_member_and_emits_one_event() {
    let (mut scenario, clock, id) = begin();
    add(&mut scenario, &clock, id, ADMIN, MEMBER);
    assert!(scenario.next_tx(ADMIN).num_user_events() == 1);
    assert!(is_member(&mut scenario, id, MEMBER));
    assert!(!is_member(&mut scenario, id, OUTSIDER));
    end(scenario, clock);
}

#[test, expected_failure(abort_code = allowlist::EAlreadyMember)]
fun add_twice_aborts() {
    let (mut scenario, clock, id) = begin();
    add(&mut scenario, &clock, id, ADMIN, MEMBER);
    add(&mut scenario, &clock, id, ADMIN, MEMBER);
    end(scenario, clock);
}

#[test, expected_failure(abort_code = allowlist::EInvalidCap)]
fun add_with_the_cap_of_another_allowlist_aborts() {
    let (mut scenario, clock, id) = begin();
    create(&mut scenario, &clock, OUTSIDER);
    add(&mut scenario, &clock, id, OUTSIDER, OUTSIDER);
    end(scenario, clock);
}

#[test]
fun remove_ends_membership_and_emits_one_event() {
    let (mut scenario, clock, id) = begin();
    add(&mut scenario, &clock, id, ADMIN, MEMBER);
    remove(&mut scenario, &clock, id, ADMIN, MEMBER);
    assert!(scenario.next_tx(ADMIN).num_user_events() == 1);
    assert!(!is_member(&mut scenario, id, MEMBER));
    end(scenario, clock);
}

#[test, expected_failure(abort_code = allowlist::ENotMember)]
fun remove_of_a_non_member_aborts() {
    let (mut scenario, clock, id) = begin();
    remove(&mut scenario, &clock, id, ADMIN, OUTSIDER);
    end(scenario, clock);
}

#[test, expected_failure(abort_code = allowlist::EInvalidCap)]
fun remove_with_the_cap_of_another_allowlist_aborts() {
    let (mut scenario, clock, id) = begin();
    add(&mut scenario, &clock, id, ADMIN, MEMBER);
    create(&mut scenario, &clock, OUTSIDER);
    remove(&mut scenario, &clock, id, OUTSIDER, MEMBER);
    end(scenario, clock);
}

#[test]
fun seal_approve_grants_a_member_the_bare_id_and_nonce_suffixed_ids() {
    let (mut scenario, clock, id) = begin();
    add(&mut scenario, &clock, id, ADMIN, MEMBER);
    approve(&mut scenario, id, MEMBER, id.to_bytes());
    let mut with_nonce = id.to_bytes();
    with_nonce.append(x"00c0ffee");
    approve(&mut scenario, id, MEMBER, with_nonce);
    assert!(scenario.next_tx(MEMBER).num_user_events() == 0);
    end(scenario, clock);
}

#[test, expected_failure(abort_code = allowlist::ENoAccess)]
fun seal_approve_denies_a_non_member() {
    let (mut scenario, clock, id) = begin();
    add(&mut scenario, &clock, id, ADMIN, MEMBER);
    approve(&mut scenario, id, OUTSIDER, id.to_bytes());
    end(scenario, clock);
}

#[test, expected_failure(abort_code = allowlist::ENoAccess)]
fun seal_approve_denies_a_removed_member_at_once() {
    let (mut scenario, clock, id) = begin();
    add(&mut scenario, &clock, id, ADMIN, MEMBER);
    approve(&mut scenario, id, MEMBER, id.to_bytes());
    remove(&mut scenario, &clock, id, ADMIN, MEMBER);
    approve(&mut scenario, id, MEMBER, id.to_bytes());
    end(scenario, clock);
}

#[test, expected_failure(abort_code = allowlist::ENoAccess)]
fun seal_approve_denies_an_identity_under_another_allowlist() {
    let (mut scenario, clock, id) = begin();
    add(&mut scenario, &clock, id, ADMIN, MEMBER);
    let other = create(&mut scenario, &clock, OUTSIDER);
    approve(&mut scenario, id, MEMBER, other.to_bytes());
    end(scenario, clock);
}

#[test, expected_failure(abort_code = allowlist::ENoAccess)]
fun seal_approve_denies_a_truncated_identity() {
    let (mut scenario, clock, id) = begin();
    add(&mut scenario, &clock, id, ADMIN, MEMBER);
    let mut truncated = id.to_bytes();
    truncated.pop_back();
    approve(&mut scenario, id, MEMBER, truncated);
    end(scenario, clock);
}
