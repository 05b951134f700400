#[test_only]
module verity::dataset_tests;

use sui::clock::Clock;
use sui::test_scenario::{Self as ts, Scenario};
use verity::attestation;
use verity::dataset::{Self, Dataset};
use verity::test_flows::{Self as flows, str};
use verity::test_signatures as sig;

/// A scenario with the attester and the raw dataset registered (steps 0-2).
fun with_dataset(): (Scenario, Clock) {
    let (mut scenario, clock) = flows::begin();
    flows::register_attester(&mut scenario, &clock);
    flows::register_dataset(&mut scenario, &clock);
    (scenario, clock)
}

/// Registers a dataset with `name` and `sha256` (other fields fixed) as CREATOR.
fun register_with(scenario: &mut Scenario, clock: &Clock, name: vector<u8>, sha256: vector<u8>): ID {
    scenario.next_tx(flows::creator());
    dataset::register(str(name), 1, sha256, 1, str(b"text/csv"), str(b"MIT"), option::none(), clock, scenario.ctx())
}

/// Retracts the raw dataset as `sender`.
fun retract_raw(scenario: &mut Scenario, clock: &Clock, sender: address, reason: vector<u8>) {
    scenario.next_tx(sender);
    let mut raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    raw.retract(str(reason), clock, scenario.ctx());
    ts::return_shared(raw);
}

/// Publishes a new version of the raw dataset as `sender`.
fun publish_raw_version(scenario: &mut Scenario, clock: &Clock, sender: address): ID {
    scenario.next_tx(sender);
    let mut raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    let next = raw.publish_version(sig::derived_blob(), sig::derived_sha256(), 900, str(b"text/csv"), clock, scenario.ctx());
    ts::return_shared(raw);
    next
}

#[test]
fun register_shares_the_dataset_with_its_fields() {
    let (mut scenario, clock) = with_dataset();
    let effects = scenario.next_tx(flows::creator());
    assert!(effects.num_user_events() == 1);
    assert!(effects.shared().contains(&sig::dataset_id()));
    let raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    assert!(raw.creator() == flows::creator());
    assert!(raw.blob_id() == sig::raw_blob());
    assert!(raw.sha256() == sig::raw_sha256());
    assert!(raw.policy().is_none());
    assert!(raw.parents().is_empty());
    assert!(raw.revision() == 1);
    assert!(!raw.is_retracted());
    ts::return_shared(raw);
    flows::end(scenario, clock);
}

#[test]
fun register_emits_one_event_with_a_policy() {
    let (mut scenario, clock) = flows::begin();
    scenario.next_tx(flows::creator());
    let policy = object::id_from_address(@0x5EA1);
    let id = dataset::register(str(b"p"), 1, sig::raw_sha256(), 1, str(b"a/b"), str(b"MIT"), option::some(policy), &clock, scenario.ctx());
    assert!(scenario.next_tx(flows::creator()).num_user_events() == 1);
    let ds = scenario.take_shared_by_id<Dataset>(id);
    assert!(ds.policy() == option::some(policy));
    ts::return_shared(ds);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = dataset::EInvalidSha256)]
fun register_rejects_a_short_sha256() {
    let (mut scenario, clock) = flows::begin();
    register_with(&mut scenario, &clock, b"x", x"abcd");
    abort
}

#[test, expected_failure(abort_code = dataset::EEmptyName)]
fun register_rejects_an_empty_name() {
    let (mut scenario, clock) = flows::begin();
    register_with(&mut scenario, &clock, b"", sig::raw_sha256());
    abort
}

#[test]
fun derived_dataset_records_its_proven_parent_and_transform() {
    let (mut scenario, clock) = with_dataset();
    let id = flows::derive_dataset(&mut scenario, &clock);
    // AttestationRecorded + DatasetRegistered
    assert!(scenario.next_tx(flows::creator()).num_user_events() == 2);
    let derived = scenario.take_shared_by_id<Dataset>(id);
    assert!(derived.parents() == vector[sig::dataset_id()]);
    assert!(derived.blob_id() == sig::derived_blob());
    ts::return_shared(derived);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = dataset::ENotTransform)]
fun begin_derived_rejects_a_training_attestation() {
    let (mut scenario, clock) = with_dataset();
    let training = flows::self_attestation(&mut scenario, &clock, attestation::kind_training(), vector[sig::dataset_id()], vector[9]);
    let builder = dataset::begin_derived(&training);
    abort
}

#[test, expected_failure(abort_code = dataset::EParentNotAttested)]
fun add_parent_rejects_a_parent_the_transform_did_not_use() {
    let (mut scenario, clock) = with_dataset();
    scenario.next_tx(flows::creator());
    let raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    let transform = flows::self_attestation(&mut scenario, &clock, attestation::kind_transform(), vector[], vector[9]);
    let mut builder = dataset::begin_derived(&transform);
    builder.add_parent(&raw);
    abort
}

#[test, expected_failure(abort_code = dataset::EDuplicateParent)]
fun add_parent_rejects_the_same_parent_twice() {
    let (mut scenario, clock) = with_dataset();
    scenario.next_tx(flows::creator());
    let raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    let transform = flows::self_attestation(&mut scenario, &clock, attestation::kind_transform(), vector[sig::dataset_id()], vector[9]);
    let mut builder = dataset::begin_derived(&transform);
    builder.add_parent(&raw);
    builder.add_parent(&raw);
    abort
}

#[test, expected_failure(abort_code = dataset::ERetracted)]
fun add_parent_rejects_a_retracted_parent() {
    let (mut scenario, clock) = with_dataset();
    retract_raw(&mut scenario, &clock, flows::creator(), b"consent withdrawn");
    scenario.next_tx(flows::creator());
    let raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    let transform = flows::self_attestation(&mut scenario, &clock, attestation::kind_transform(), vector[sig::dataset_id()], vector[9]);
    let mut builder = dataset::begin_derived(&transform);
    builder.add_parent(&raw);
    abort
}

#[test, expected_failure(abort_code = dataset::ENoParents)]
fun finish_derived_rejects_no_parents() {
    let (mut scenario, clock) = with_dataset();
    let transform = flows::self_attestation(&mut scenario, &clock, attestation::kind_transform(), vector[], vector[9]);
    let builder = dataset::begin_derived(&transform);
    builder.finish_derived(str(b"d"), 9, sig::derived_sha256(), 1, str(b"a/b"), str(b"MIT"), option::none(), &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = dataset::EOutputNotAttested)]
fun finish_derived_rejects_a_blob_the_transform_did_not_produce() {
    let (mut scenario, clock) = with_dataset();
    scenario.next_tx(flows::creator());
    let raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    let transform = flows::self_attestation(&mut scenario, &clock, attestation::kind_transform(), vector[sig::dataset_id()], vector[9]);
    let mut builder = dataset::begin_derived(&transform);
    builder.add_parent(&raw);
    builder.finish_derived(str(b"d"), 10, sig::derived_sha256(), 1, str(b"a/b"), str(b"MIT"), option::none(), &clock, scenario.ctx());
    abort
}

#[test]
fun publish_version_links_both_versions_and_carries_the_metadata_over() {
    let (mut scenario, clock) = with_dataset();
    let next = publish_raw_version(&mut scenario, &clock, flows::creator());
    assert!(scenario.next_tx(flows::creator()).num_user_events() == 1);
    let raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    let v2 = scenario.take_shared_by_id<Dataset>(next);
    assert!(raw.next() == option::some(next));
    assert!(v2.previous() == option::some(sig::dataset_id()));
    assert!(v2.revision() == 2);
    assert!(v2.blob_id() == sig::derived_blob());
    assert!(v2.creator() == flows::creator());
    ts::return_shared(raw);
    ts::return_shared(v2);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = dataset::ENotCreator)]
fun publish_version_by_someone_else_aborts() {
    let (mut scenario, clock) = with_dataset();
    publish_raw_version(&mut scenario, &clock, flows::outsider());
    abort
}

#[test, expected_failure(abort_code = dataset::EAlreadySuperseded)]
fun publish_version_twice_from_the_same_version_aborts() {
    let (mut scenario, clock) = with_dataset();
    publish_raw_version(&mut scenario, &clock, flows::creator());
    publish_raw_version(&mut scenario, &clock, flows::creator());
    abort
}

#[test, expected_failure(abort_code = dataset::ERetracted)]
fun publish_version_of_a_retracted_dataset_aborts() {
    let (mut scenario, clock) = with_dataset();
    retract_raw(&mut scenario, &clock, flows::creator(), b"consent withdrawn");
    publish_raw_version(&mut scenario, &clock, flows::creator());
    abort
}

#[test]
fun retract_by_the_creator_marks_it_and_emits_an_event() {
    let (mut scenario, clock) = with_dataset();
    retract_raw(&mut scenario, &clock, flows::creator(), b"consent withdrawn");
    assert!(scenario.next_tx(flows::creator()).num_user_events() == 1);
    let raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    assert!(raw.is_retracted());
    ts::return_shared(raw);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = dataset::ENotCreator)]
fun retract_by_someone_else_aborts() {
    let (mut scenario, clock) = with_dataset();
    retract_raw(&mut scenario, &clock, flows::outsider(), b"mine now");
    abort
}

#[test, expected_failure(abort_code = dataset::ERetracted)]
fun retract_twice_aborts() {
    let (mut scenario, clock) = with_dataset();
    retract_raw(&mut scenario, &clock, flows::creator(), b"once");
    retract_raw(&mut scenario, &clock, flows::creator(), b"twice");
    abort
}

#[test, expected_failure(abort_code = dataset::EEmptyReason)]
fun retract_without_a_reason_aborts() {
    let (mut scenario, clock) = with_dataset();
    retract_raw(&mut scenario, &clock, flows::creator(), b"");
    abort
}

#[test]
fun set_policy_sets_and_clears_the_policy() {
    let (mut scenario, clock) = with_dataset();
    scenario.next_tx(flows::creator());
    let mut raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    let policy = option::some(object::id_from_address(@0x5EA1));
    raw.set_policy(policy, &clock, scenario.ctx());
    assert!(raw.policy() == policy);
    raw.set_policy(option::none(), &clock, scenario.ctx());
    assert!(raw.policy().is_none());
    ts::return_shared(raw);
    assert!(scenario.next_tx(flows::creator()).num_user_events() == 2);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = dataset::ENotCreator)]
fun set_policy_by_someone_else_aborts() {
    let (mut scenario, clock) = with_dataset();
    scenario.next_tx(flows::outsider());
    let mut raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    raw.set_policy(option::none(), &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = dataset::ERetracted)]
fun set_policy_on_a_retracted_dataset_aborts() {
    let (mut scenario, clock) = with_dataset();
    retract_raw(&mut scenario, &clock, flows::creator(), b"gone");
    scenario.next_tx(flows::creator());
    let mut raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    raw.set_policy(option::none(), &clock, scenario.ctx());
    abort
}
