#[test_only]
/// Versions and migrations of every shared object: an object whose version differs from the
/// package's `VERSION` is refused by every function that reads or changes it (an object
/// awaiting migration by an older version, a migrated one by an old package, here played by
/// setting its version to `VERSION + 1`); `migrate` brings an older one to `VERSION` and
/// refuses one that is already there.
module verity::version_tests;

use sui::clock::Clock;
use sui::coin;
use sui::sui::SUI;
use sui::test_scenario::{Self as ts, Scenario};
use verity::allowlist::{Self, Allowlist};
use verity::attestation;
use verity::attester::{Self, Attester, AttesterRegistry};
use verity::dataset::{Self, Dataset};
use verity::enclave::{Self, EnclaveConfig};
use verity::model;
use verity::subscription::{Self, Service, Subscription};
use verity::terms;
use verity::test_flows::{Self as flows, str};
use verity::test_signatures as sig;
use verity::version;

/// A version older than the package's: the object awaits migration.
const OLD: u64 = 0;

/// A version newer than the package's: the object was migrated by an upgrade.
fun newer(): u64 { version::current() + 1 }

// === version ===

#[test]
fun the_first_published_version_is_one() {
    assert!(version::current() == 1);
}

#[test]
fun assert_current_accepts_the_current_version() {
    version::assert_current(version::current());
}

#[test, expected_failure(abort_code = version::EWrongVersion)]
fun assert_current_refuses_an_older_version() {
    version::assert_current(OLD);
}

#[test, expected_failure(abort_code = version::EWrongVersion)]
fun assert_current_refuses_a_newer_version() {
    version::assert_current(newer());
}

#[test]
fun migrated_moves_an_older_version_to_the_current_one() {
    assert!(version::migrated(OLD) == version::current());
}

#[test, expected_failure(abort_code = version::ENotOlder)]
fun migrated_refuses_the_current_version() {
    version::migrated(version::current());
}

#[test, expected_failure(abort_code = version::ENotOlder)]
fun migrated_refuses_a_newer_version() {
    version::migrated(newer());
}

// === Attester ===

/// In a new transaction, sets the version of the attester `id` to `version`.
fun set_attester_version(scenario: &mut Scenario, id: ID, version: u64) {
    scenario.next_tx(flows::admin());
    let mut attester = scenario.take_shared_by_id<Attester>(id);
    attester.set_version_for_testing(version);
    ts::return_shared(attester);
}

/// A scenario with the story's attester (key a) at `version`.
fun attester_at(version: u64): (Scenario, Clock, ID) {
    let (mut scenario, clock) = flows::begin();
    let id = flows::register_attester(&mut scenario, &clock);
    set_attester_version(&mut scenario, id, version);
    (scenario, clock, id)
}

/// In a new transaction, ADMIN migrates the attester `id`.
fun migrate_attester(scenario: &mut Scenario, id: ID) {
    let cap = flows::admin_tx(scenario);
    let mut attester = scenario.take_shared_by_id<Attester>(id);
    attester::migrate(&cap, &mut attester);
    ts::return_shared(attester);
    scenario.return_to_sender(cap);
}

/// In a new transaction, ADMIN rotates the attester `id` to key b.
fun rotate_to_key_b(scenario: &mut Scenario, clock: &Clock, id: ID) {
    let cap = flows::admin_tx(scenario);
    let mut registry = scenario.take_shared<AttesterRegistry>();
    let mut attester = scenario.take_shared_by_id<Attester>(id);
    attester::rotate_key(&cap, &mut registry, &mut attester, sig::key_b(), clock, scenario.ctx());
    ts::return_shared(attester);
    ts::return_shared(registry);
    scenario.return_to_sender(cap);
}

/// In a new transaction, the creator records the generic payload signed by key a under the
/// attester `id`, and finalizes it.
fun record_generic(scenario: &mut Scenario, clock: &Clock, id: ID) {
    scenario.next_tx(flows::creator());
    let mut attester = scenario.take_shared_by_id<Attester>(id);
    attestation::record(
        &mut attester,
        attestation::kind_transform(),
        vector[object::id_from_address(@0xd1)],
        vector[111],
        vector[sig::generic_input_sha256()],
        vector[object::id_from_address(@0xd2)],
        vector[222],
        vector[sig::generic_output_sha256()],
        sig::generic_digest(),
        sig::timestamp_ms(),
        sig::generic_signature_a(),
        clock,
        scenario.ctx(),
    ).finalize();
    ts::return_shared(attester);
}

#[test, expected_failure(abort_code = version::EWrongVersion)]
fun an_attester_awaiting_migration_refuses_rotate_key() {
    let (mut scenario, clock, id) = attester_at(OLD);
    rotate_to_key_b(&mut scenario, &clock, id);
    abort
}

#[test, expected_failure(abort_code = version::EWrongVersion)]
fun an_attester_awaiting_migration_refuses_revoke() {
    let (mut scenario, clock, id) = attester_at(OLD);
    let cap = flows::admin_tx(&mut scenario);
    let mut attester = scenario.take_shared_by_id<Attester>(id);
    attester::revoke(&cap, &mut attester, &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = version::EWrongVersion)]
fun an_attester_awaiting_migration_records_no_attestation() {
    let (mut scenario, clock, id) = attester_at(OLD);
    record_generic(&mut scenario, &clock, id);
    abort
}

#[test]
fun migrate_brings_an_attester_back_into_use() {
    let (mut scenario, clock, id) = attester_at(OLD);
    migrate_attester(&mut scenario, id);
    scenario.next_tx(flows::admin());
    let attester = scenario.take_shared_by_id<Attester>(id);
    assert!(attester.version() == version::current());
    ts::return_shared(attester);
    record_generic(&mut scenario, &clock, id);
    rotate_to_key_b(&mut scenario, &clock, id);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = version::ENotOlder)]
fun migrating_a_current_attester_aborts() {
    let (mut scenario, clock) = flows::begin();
    let id = flows::register_attester(&mut scenario, &clock);
    migrate_attester(&mut scenario, id);
    abort
}

#[test, expected_failure(abort_code = version::EWrongVersion)]
fun an_old_package_cannot_use_a_migrated_attester() {
    let (mut scenario, clock, id) = attester_at(newer());
    record_generic(&mut scenario, &clock, id);
    abort
}

#[test, expected_failure(abort_code = version::ENotOlder)]
fun an_old_package_cannot_migrate_a_migrated_attester_back() {
    let (mut scenario, _clock, id) = attester_at(newer());
    migrate_attester(&mut scenario, id);
    abort
}

// === AttesterRegistry ===

/// In a new transaction, sets the registry's version to `version`.
fun set_registry_version(scenario: &mut Scenario, version: u64) {
    scenario.next_tx(flows::admin());
    let mut registry = scenario.take_shared<AttesterRegistry>();
    registry.set_registry_version_for_testing(version);
    ts::return_shared(registry);
}

/// In a new transaction, ADMIN registers key a. Returns the attester's id.
fun register_key_a(scenario: &mut Scenario, clock: &Clock): ID {
    let cap = flows::admin_tx(scenario);
    let mut registry = scenario.take_shared<AttesterRegistry>();
    let id = attester::register(
        &cap,
        &mut registry,
        str(b"ci-attester"),
        sig::key_a(),
        clock,
        scenario.ctx(),
    );
    ts::return_shared(registry);
    scenario.return_to_sender(cap);
    id
}

/// In a new transaction, ADMIN migrates the registry.
fun migrate_registry(scenario: &mut Scenario) {
    let cap = flows::admin_tx(scenario);
    let mut registry = scenario.take_shared<AttesterRegistry>();
    attester::migrate_registry(&cap, &mut registry);
    ts::return_shared(registry);
    scenario.return_to_sender(cap);
}

#[test, expected_failure(abort_code = version::EWrongVersion)]
fun a_registry_awaiting_migration_refuses_register() {
    let (mut scenario, clock) = flows::begin();
    set_registry_version(&mut scenario, OLD);
    register_key_a(&mut scenario, &clock);
    abort
}

#[test, expected_failure(abort_code = version::EWrongVersion)]
fun a_registry_awaiting_migration_refuses_rotate_key() {
    let (mut scenario, clock) = flows::begin();
    let id = flows::register_attester(&mut scenario, &clock);
    set_registry_version(&mut scenario, OLD);
    rotate_to_key_b(&mut scenario, &clock, id);
    abort
}

#[test, expected_failure(abort_code = version::EWrongVersion)]
fun a_registry_awaiting_migration_refuses_an_enclave() {
    let (mut scenario, clock) = flows::begin();
    let cap = flows::admin_tx(&mut scenario);
    let pcr = vector::tabulate!(48, |_| 7u8);
    let config_id = enclave::create_config(
        &cap,
        str(b"image"),
        pcr,
        pcr,
        pcr,
        &clock,
        scenario.ctx(),
    );
    scenario.return_to_sender(cap);
    set_registry_version(&mut scenario, OLD);
    scenario.next_tx(flows::outsider());
    let config = scenario.take_immutable_by_id<EnclaveConfig>(config_id);
    let mut registry = scenario.take_shared<AttesterRegistry>();
    enclave::register_measured_for_testing(
        &config,
        &mut registry,
        vector[pcr, pcr, pcr],
        option::some(sig::key_c()),
        str(b"enclave"),
        &clock,
        scenario.ctx(),
    );
    abort
}

#[test]
fun migrate_registry_brings_the_registry_back_into_use() {
    let (mut scenario, clock) = flows::begin();
    set_registry_version(&mut scenario, OLD);
    migrate_registry(&mut scenario);
    let id = register_key_a(&mut scenario, &clock);
    rotate_to_key_b(&mut scenario, &clock, id);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = version::ENotOlder)]
fun migrating_a_current_registry_aborts() {
    let (mut scenario, _clock) = flows::begin();
    migrate_registry(&mut scenario);
    abort
}

#[test, expected_failure(abort_code = version::EWrongVersion)]
fun an_old_package_cannot_use_a_migrated_registry() {
    let (mut scenario, clock) = flows::begin();
    set_registry_version(&mut scenario, newer());
    register_key_a(&mut scenario, &clock);
    abort
}

// === Dataset ===

/// A scenario with the story's attester and raw dataset, the dataset at `version`.
fun dataset_at(version: u64): (Scenario, Clock) {
    let (mut scenario, clock) = flows::begin();
    flows::register_attester(&mut scenario, &clock);
    flows::register_dataset(&mut scenario, &clock);
    scenario.next_tx(flows::creator());
    let mut dataset = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    dataset.set_version_for_testing(version);
    ts::return_shared(dataset);
    (scenario, clock)
}

/// In a new transaction, ADMIN migrates the raw dataset.
fun migrate_dataset(scenario: &mut Scenario) {
    let cap = flows::admin_tx(scenario);
    let mut dataset = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    dataset::migrate(&cap, &mut dataset);
    ts::return_shared(dataset);
    scenario.return_to_sender(cap);
}

/// In a new transaction, the creator publishes a new version of the raw dataset.
fun publish_version(scenario: &mut Scenario, clock: &Clock) {
    scenario.next_tx(flows::creator());
    let mut dataset = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    dataset.publish_version(
        sig::derived_blob(),
        sig::derived_sha256(),
        900,
        str(b"text/csv"),
        clock,
        scenario.ctx(),
    );
    ts::return_shared(dataset);
}

/// In a new transaction, the creator takes the raw dataset (mutably, to change it).
fun take_raw(scenario: &mut Scenario): Dataset {
    scenario.next_tx(flows::creator());
    scenario.take_shared_by_id<Dataset>(sig::dataset_id())
}

/// In a new transaction, the creator records the story transform and derives the story's
/// derived dataset from the raw one.
fun derive(scenario: &mut Scenario, clock: &Clock) {
    let parent = take_raw(scenario);
    let mut transform = flows::record_transform(scenario, clock);
    flows::finish_story_derived(scenario, clock, &mut transform, &parent);
    transform.finalize();
    ts::return_shared(parent);
}

#[test, expected_failure(abort_code = version::EWrongVersion)]
fun a_dataset_awaiting_migration_refuses_publish_version() {
    let (mut scenario, clock) = dataset_at(OLD);
    publish_version(&mut scenario, &clock);
    abort
}

#[test, expected_failure(abort_code = version::EWrongVersion)]
fun a_dataset_awaiting_migration_refuses_retract() {
    let (mut scenario, clock) = dataset_at(OLD);
    let mut dataset = take_raw(&mut scenario);
    dataset.retract(str(b"consent withdrawn"), &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = version::EWrongVersion)]
fun a_dataset_awaiting_migration_refuses_set_policy() {
    let (mut scenario, clock) = dataset_at(OLD);
    let mut dataset = take_raw(&mut scenario);
    dataset.set_policy(option::none(), &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = version::EWrongVersion)]
fun a_dataset_awaiting_migration_refuses_set_terms() {
    let (mut scenario, clock) = dataset_at(OLD);
    let mut dataset = take_raw(&mut scenario);
    let closed = terms::new(
        terms::not_allowed(),
        terms::not_allowed(),
        terms::not_allowed(),
        terms::not_allowed(),
    );
    dataset.set_terms(closed, &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = version::EWrongVersion)]
fun a_dataset_awaiting_migration_is_no_parent() {
    let (mut scenario, clock) = dataset_at(OLD);
    derive(&mut scenario, &clock);
    abort
}

#[test, expected_failure(abort_code = version::EWrongVersion)]
fun a_dataset_awaiting_migration_gets_no_derived_version() {
    let (mut scenario, clock) = dataset_at(version::current());
    let mut parent = take_raw(&mut scenario);
    let mut transform = flows::record_transform(&mut scenario, &clock);
    let (blob, sha256) = (sig::derived_blob(), sig::derived_sha256());
    let mut builder = dataset::begin_derived(&mut transform, blob, sha256, scenario.ctx());
    builder.add_parent(&parent, scenario.ctx());
    parent.set_version_for_testing(OLD);
    builder.finish_derived_version(&mut parent, 900, str(b"text/csv"), &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = version::EWrongVersion)]
fun a_dataset_awaiting_migration_trains_no_model() {
    let (mut scenario, clock) = flows::begin();
    flows::register_attester(&mut scenario, &clock);
    flows::register_dataset(&mut scenario, &clock);
    flows::derive_dataset(&mut scenario, &clock);
    scenario.next_tx(flows::creator());
    let mut derived = scenario.take_shared_by_id<Dataset>(sig::derived_id());
    derived.set_version_for_testing(OLD);
    let mut training = flows::record_training(&mut scenario, &clock);
    let mut builder = model::begin(
        &mut training,
        sig::weights_blob(),
        sig::weights_sha256(),
        scenario.ctx(),
    );
    builder.add_dataset(&derived, scenario.ctx());
    abort
}

#[test]
fun migrate_brings_a_dataset_back_into_use() {
    let (mut scenario, clock) = dataset_at(OLD);
    migrate_dataset(&mut scenario);
    let dataset = take_raw(&mut scenario);
    assert!(dataset.version() == version::current());
    ts::return_shared(dataset);
    publish_version(&mut scenario, &clock);
    flows::end(scenario, clock);
}

#[test]
fun a_migrated_dataset_is_a_parent_again() {
    let (mut scenario, clock) = dataset_at(OLD);
    migrate_dataset(&mut scenario);
    derive(&mut scenario, &clock);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = version::ENotOlder)]
fun migrating_a_current_dataset_aborts() {
    let (mut scenario, _clock) = dataset_at(version::current());
    migrate_dataset(&mut scenario);
    abort
}

#[test, expected_failure(abort_code = version::EWrongVersion)]
fun an_old_package_cannot_use_a_migrated_dataset() {
    let (mut scenario, clock) = dataset_at(newer());
    publish_version(&mut scenario, &clock);
    abort
}

#[test, expected_failure(abort_code = version::EWrongVersion)]
fun an_old_package_cannot_derive_from_a_migrated_dataset() {
    let (mut scenario, clock) = dataset_at(newer());
    derive(&mut scenario, &clock);
    abort
}

// === Allowlist ===

/// A scenario with an allowlist created by the creator, who keeps its cap, with the creator
/// as its only member, at `version`. Returns the allowlist's id.
fun allowlist_at(version: u64): (Scenario, Clock, ID) {
    let (mut scenario, clock) = flows::begin();
    scenario.next_tx(flows::creator());
    let (mut list, cap) = allowlist::new(str(b"reviewers"), &clock, scenario.ctx());
    let id = object::id(&list);
    list.add(&cap, flows::creator(), &clock, scenario.ctx());
    list.set_version_for_testing(version);
    list.share();
    transfer::public_transfer(cap, flows::creator());
    (scenario, clock, id)
}

/// In a new transaction, `holder` migrates the allowlist `id` with the allowlist cap it holds.
fun migrate_allowlist(scenario: &mut Scenario, id: ID, holder: address) {
    scenario.next_tx(holder);
    let mut list = scenario.take_shared_by_id<Allowlist>(id);
    let cap = scenario.take_from_sender<allowlist::Cap>();
    list.migrate(&cap);
    scenario.return_to_sender(cap);
    ts::return_shared(list);
}

/// In a new transaction, the creator adds the outsider to the allowlist `id`.
fun add_outsider(scenario: &mut Scenario, clock: &Clock, id: ID) {
    scenario.next_tx(flows::creator());
    let mut list = scenario.take_shared_by_id<Allowlist>(id);
    let cap = scenario.take_from_sender<allowlist::Cap>();
    list.add(&cap, flows::outsider(), clock, scenario.ctx());
    scenario.return_to_sender(cap);
    ts::return_shared(list);
}

/// In a new transaction, the creator asks for the key of the allowlist's bare id.
fun approve_allowlist(scenario: &mut Scenario, id: ID) {
    scenario.next_tx(flows::creator());
    let list = scenario.take_shared_by_id<Allowlist>(id);
    allowlist::seal_approve_for_testing(id.to_bytes(), &list, scenario.ctx());
    ts::return_shared(list);
}

#[test, expected_failure(abort_code = version::EWrongVersion)]
fun an_allowlist_awaiting_migration_refuses_add() {
    let (mut scenario, clock, id) = allowlist_at(OLD);
    add_outsider(&mut scenario, &clock, id);
    abort
}

#[test, expected_failure(abort_code = version::EWrongVersion)]
fun an_allowlist_awaiting_migration_refuses_remove() {
    let (mut scenario, clock, id) = allowlist_at(OLD);
    scenario.next_tx(flows::creator());
    let mut list = scenario.take_shared_by_id<Allowlist>(id);
    let cap = scenario.take_from_sender<allowlist::Cap>();
    list.remove(&cap, flows::creator(), &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = version::EWrongVersion)]
fun an_allowlist_awaiting_migration_grants_no_key() {
    let (mut scenario, _clock, id) = allowlist_at(OLD);
    approve_allowlist(&mut scenario, id);
    abort
}

#[test]
fun migrate_with_its_cap_brings_an_allowlist_back_into_use() {
    let (mut scenario, clock, id) = allowlist_at(OLD);
    migrate_allowlist(&mut scenario, id, flows::creator());
    approve_allowlist(&mut scenario, id);
    add_outsider(&mut scenario, &clock, id);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = allowlist::EInvalidCap)]
fun another_allowlists_cap_cannot_migrate_an_allowlist() {
    let (mut scenario, clock, id) = allowlist_at(OLD);
    scenario.next_tx(flows::outsider());
    transfer::public_transfer(
        allowlist::create(str(b"mine"), &clock, scenario.ctx()),
        flows::outsider(),
    );
    migrate_allowlist(&mut scenario, id, flows::outsider());
    abort
}

#[test, expected_failure(abort_code = version::ENotOlder)]
fun migrating_a_current_allowlist_aborts() {
    let (mut scenario, _clock, id) = allowlist_at(version::current());
    migrate_allowlist(&mut scenario, id, flows::creator());
    abort
}

#[test, expected_failure(abort_code = version::EWrongVersion)]
fun an_old_package_cannot_use_a_migrated_allowlist() {
    let (mut scenario, _clock, id) = allowlist_at(newer());
    approve_allowlist(&mut scenario, id);
    abort
}

// === Service ===

/// Fee of the test service, MIST.
const FEE_MIST: u64 = 1_000;

/// A scenario with a service created by the creator, who keeps its cap, and one
/// subscription held by the outsider, the service at `version`. Returns the service's id and
/// the subscription's.
fun service_at(version: u64): (Scenario, Clock, ID, ID) {
    let (mut scenario, clock) = flows::begin();
    scenario.next_tx(flows::creator());
    let cap = subscription::create(str(b"weekly"), FEE_MIST, 60_000, &clock, scenario.ctx());
    let id = cap_service_id(&mut scenario, cap);
    let sub_id = subscribe(&mut scenario, &clock, id);
    scenario.next_tx(flows::creator());
    let mut service = scenario.take_shared_by_id<Service>(id);
    service.set_version_for_testing(version);
    ts::return_shared(service);
    (scenario, clock, id, sub_id)
}

/// Gives `cap` to the creator and returns the id of the service it governs.
fun cap_service_id(scenario: &mut Scenario, cap: subscription::Cap): ID {
    transfer::public_transfer(cap, flows::creator());
    let effects = scenario.next_tx(flows::creator());
    effects.shared()[0]
}

/// In a new transaction, the outsider pays for a subscription to the service `id` and keeps
/// it. Returns its id.
fun subscribe(scenario: &mut Scenario, clock: &Clock, id: ID): ID {
    scenario.next_tx(flows::outsider());
    let mut service = scenario.take_shared_by_id<Service>(id);
    let sub = service.subscribe(
        coin::mint_for_testing<SUI>(FEE_MIST, scenario.ctx()),
        clock,
        scenario.ctx(),
    );
    let sub_id = object::id(&sub);
    sub.transfer(flows::outsider());
    ts::return_shared(service);
    sub_id
}

/// In a new transaction, the creator withdraws the fees of the service `id`.
fun withdraw(scenario: &mut Scenario, clock: &Clock, id: ID) {
    scenario.next_tx(flows::creator());
    let mut service = scenario.take_shared_by_id<Service>(id);
    let cap = scenario.take_from_sender<subscription::Cap>();
    service.withdraw(&cap, clock, scenario.ctx()).burn_for_testing();
    scenario.return_to_sender(cap);
    ts::return_shared(service);
}

/// In a new transaction, the outsider asks for the key of the service's bare id with the
/// subscription `sub_id`.
fun approve_service(scenario: &mut Scenario, clock: &Clock, id: ID, sub_id: ID) {
    scenario.next_tx(flows::outsider());
    let sub = scenario.take_from_sender_by_id<Subscription>(sub_id);
    let service = scenario.take_shared_by_id<Service>(id);
    subscription::seal_approve_for_testing(id.to_bytes(), &sub, &service, clock);
    ts::return_shared(service);
    scenario.return_to_sender(sub);
}

/// In a new transaction, `holder` migrates the service `id` with the service cap it holds.
fun migrate_service(scenario: &mut Scenario, id: ID, holder: address) {
    scenario.next_tx(holder);
    let mut service = scenario.take_shared_by_id<Service>(id);
    let cap = scenario.take_from_sender<subscription::Cap>();
    service.migrate(&cap);
    scenario.return_to_sender(cap);
    ts::return_shared(service);
}

#[test, expected_failure(abort_code = version::EWrongVersion)]
fun a_service_awaiting_migration_refuses_subscribe() {
    let (mut scenario, clock, id, _) = service_at(OLD);
    subscribe(&mut scenario, &clock, id);
    abort
}

#[test, expected_failure(abort_code = version::EWrongVersion)]
fun a_service_awaiting_migration_refuses_withdraw() {
    let (mut scenario, clock, id, _) = service_at(OLD);
    withdraw(&mut scenario, &clock, id);
    abort
}

#[test, expected_failure(abort_code = version::EWrongVersion)]
fun a_service_awaiting_migration_grants_no_key() {
    let (mut scenario, clock, id, sub_id) = service_at(OLD);
    approve_service(&mut scenario, &clock, id, sub_id);
    abort
}

#[test]
fun migrate_with_its_cap_brings_a_service_back_into_use() {
    let (mut scenario, clock, id, sub_id) = service_at(OLD);
    migrate_service(&mut scenario, id, flows::creator());
    approve_service(&mut scenario, &clock, id, sub_id);
    subscribe(&mut scenario, &clock, id);
    withdraw(&mut scenario, &clock, id);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = subscription::EInvalidCap)]
fun another_services_cap_cannot_migrate_a_service() {
    let (mut scenario, clock, id, _) = service_at(OLD);
    scenario.next_tx(flows::outsider());
    let cap = subscription::create(str(b"mine"), FEE_MIST, 60_000, &clock, scenario.ctx());
    transfer::public_transfer(cap, flows::outsider());
    migrate_service(&mut scenario, id, flows::outsider());
    abort
}

#[test, expected_failure(abort_code = version::ENotOlder)]
fun migrating_a_current_service_aborts() {
    let (mut scenario, _clock, id, _) = service_at(version::current());
    migrate_service(&mut scenario, id, flows::creator());
    abort
}

#[test, expected_failure(abort_code = version::EWrongVersion)]
fun an_old_package_cannot_use_a_migrated_service() {
    let (mut scenario, clock, id, sub_id) = service_at(newer());
    approve_service(&mut scenario, &clock, id, sub_id);
    abort
}
