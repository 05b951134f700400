#[test_only]
module verity::dataset_tests;

use sui::clock::Clock;
use sui::test_scenario::{Self as ts, Scenario};
use verity::attestation::{Self, Attestation};
use verity::attester::{Self, Attester};
use verity::dataset::{Self, Dataset};
use verity::terms::{Self, AiTerms};
use verity::test_flows::{Self as flows, str};
use verity::test_signatures as sig;
use verity::version;

/// Steps 0-2: the attester and CREATOR's raw dataset.
fun with_dataset(): (Scenario, Clock) {
    let (mut scenario, clock) = flows::begin();
    flows::register_attester(&mut scenario, &clock);
    flows::register_dataset(&mut scenario, &clock);
    (scenario, clock)
}

/// Steps 0-2 with the raw dataset under `terms`.
fun with_raw_terms(terms: AiTerms): (Scenario, Clock) {
    let (mut scenario, clock) = flows::begin();
    flows::register_attester(&mut scenario, &clock);
    scenario.next_tx(flows::creator());
    let raw = flows::register_as(&mut scenario, &clock, sig::raw_blob(), sig::raw_sha256(), terms);
    assert!(raw == sig::dataset_id());
    (scenario, clock)
}

/// Terms that forbid AI training and allow the rest.
fun no_training(): AiTerms {
    terms::new(terms::not_allowed(), terms::allowed(), terms::allowed(), terms::allowed())
}

/// A second dataset by the current sender (the input blob, open terms).
fun register_second(scenario: &mut Scenario, clock: &Clock): ID {
    flows::register_as(scenario, clock, sig::input_blob(), sig::input_sha256(), flows::open_terms())
}

/// An unsigned transform by the current sender that read the raw dataset (as registered) and
/// wrote `output_blobs` (each with the derived SHA-256).
fun transform_of_raw(
    scenario: &mut Scenario,
    clock: &Clock,
    output_blobs: vector<u256>,
): Attestation {
    flows::self_attestation(
        scenario,
        clock,
        attestation::kind_transform(),
        vector[sig::dataset_id()],
        vector[sig::raw_blob()],
        vector[sig::raw_sha256()],
        output_blobs,
    )
}

/// Finishes `builder` as a dataset named "clean" under `terms`.
fun finish(
    builder: dataset::DerivedDataset,
    terms: AiTerms,
    scenario: &mut Scenario,
    clock: &Clock,
): ID {
    builder.finish_derived(
        str(b"clean"),
        900,
        str(b"text/csv"),
        str(b"CC-BY-4.0"),
        terms,
        option::none(),
        clock,
        scenario.ctx(),
    )
}

/// Derives a dataset of the derived blob from the raw dataset through `transform`, by the
/// current sender, under `terms`.
fun derive_from_raw(
    scenario: &mut Scenario,
    clock: &Clock,
    transform: &mut Attestation,
    terms: AiTerms,
): ID {
    let raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    let mut builder = dataset::begin_derived(
        transform,
        sig::derived_blob(),
        sig::derived_sha256(),
        scenario.ctx(),
    );
    builder.add_parent(&raw, scenario.ctx());
    let id = finish(builder, terms, scenario, clock);
    ts::return_shared(raw);
    id
}

/// Retracts the raw dataset as `sender`.
fun retract_raw(scenario: &mut Scenario, clock: &Clock, sender: address) {
    scenario.next_tx(sender);
    let mut raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    raw.retract(str(b"consent withdrawn"), clock, scenario.ctx());
    ts::return_shared(raw);
}

/// Publishes a new version of the raw dataset as `sender`.
fun publish_raw_version(scenario: &mut Scenario, clock: &Clock, sender: address): ID {
    scenario.next_tx(sender);
    let mut raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    let id = raw.publish_version(
        7,
        sig::derived_sha256(),
        2048,
        str(b"text/csv"),
        clock,
        scenario.ctx(),
    );
    ts::return_shared(raw);
    id
}

#[test]
fun register_shares_the_dataset_with_its_fields_and_no_lineage() {
    let (mut scenario, clock) = with_dataset();
    let effects = scenario.next_tx(flows::creator());
    assert!(effects.num_user_events() == 1);
    assert!(effects.shared().contains(&sig::dataset_id()));
    let raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    assert!(raw.creator() == flows::creator());
    assert!(raw.blob_id() == sig::raw_blob());
    assert!(raw.sha256() == sig::raw_sha256());
    assert!(raw.terms() == flows::open_terms());
    assert!(raw.parents().is_empty() && raw.transform().is_none() && !raw.lineage_signed());
    assert!(raw.revision() == 1 && raw.previous().is_none() && raw.next().is_none());
    assert!(raw.version() == version::current());
    assert!(!raw.is_retracted());
    ts::return_shared(raw);
    flows::end(scenario, clock);
}

#[test]
fun register_records_the_seal_policy() {
    let (mut scenario, clock) = flows::begin();
    let policy = option::some(object::id_from_address(@0x5EA1));
    let id = dataset::register(
        str(b"d"),
        1,
        sig::raw_sha256(),
        1,
        str(b"text/csv"),
        str(b"MIT"),
        no_training(),
        policy,
        &clock,
        scenario.ctx(),
    );
    scenario.next_tx(flows::creator());
    let dataset = scenario.take_shared_by_id<Dataset>(id);
    assert!(dataset.policy() == policy);
    assert!(dataset.terms() == no_training());
    ts::return_shared(dataset);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = dataset::EInvalidSha256)]
fun register_rejects_a_short_sha256() {
    let (mut scenario, clock) = flows::begin();
    flows::register_as(&mut scenario, &clock, 1, x"01", flows::open_terms());
    abort
}

#[test, expected_failure(abort_code = dataset::EEmptyName)]
fun register_rejects_an_empty_name() {
    let (mut scenario, clock) = flows::begin();
    dataset::register(
        str(b""),
        1,
        sig::raw_sha256(),
        1,
        str(b"text/csv"),
        str(b"MIT"),
        flows::open_terms(),
        option::none(),
        &clock,
        scenario.ctx(),
    );
    abort
}

#[test]
fun a_derived_dataset_records_its_proven_parent_and_signed_transform() {
    let (mut scenario, clock) = with_dataset();
    flows::derive_dataset(&mut scenario, &clock);
    let effects = scenario.next_tx(flows::creator());
    assert!(effects.num_user_events() == 2);
    let derived = scenario.take_shared_by_id<Dataset>(sig::derived_id());
    assert!(derived.parents() == vector[sig::dataset_id()]);
    assert!(derived.transform() == option::some(sig::transform_id()));
    assert!(derived.lineage_signed());
    assert!(derived.blob_id() == sig::derived_blob() && derived.sha256() == sig::derived_sha256());
    ts::return_shared(derived);
    let transform = scenario.take_immutable_by_id<Attestation>(sig::transform_id());
    assert!(transform.is_finalized());
    ts::return_immutable(transform);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = dataset::ENotTransform)]
fun begin_derived_rejects_a_training_attestation() {
    let (mut scenario, clock) = with_dataset();
    scenario.next_tx(flows::creator());
    let mut training = flows::self_attestation(
        &mut scenario,
        &clock,
        attestation::kind_training(),
        vector[],
        vector[],
        vector[],
        vector[sig::derived_blob()],
    );
    let _builder = dataset::begin_derived(
        &mut training,
        sig::derived_blob(),
        sig::derived_sha256(),
        scenario.ctx(),
    );
    abort
}

#[test, expected_failure(abort_code = attestation::EOutputNotAttested)]
fun a_blob_the_transform_did_not_produce_is_refused() {
    let (mut scenario, clock) = with_dataset();
    scenario.next_tx(flows::creator());
    let mut transform = transform_of_raw(&mut scenario, &clock, vector[sig::derived_blob()]);
    let _builder = dataset::begin_derived(
        &mut transform,
        sig::weights_blob(),
        sig::derived_sha256(),
        scenario.ctx(),
    );
    abort
}

#[test, expected_failure(abort_code = attestation::EOutputSha256Mismatch)]
fun content_other_than_the_signed_sha256_is_refused() {
    let (mut scenario, clock) = with_dataset();
    scenario.next_tx(flows::creator());
    let mut transform = flows::record_transform(&mut scenario, &clock);
    let _builder = dataset::begin_derived(
        &mut transform,
        sig::derived_blob(),
        sig::raw_sha256(),
        scenario.ctx(),
    );
    abort
}

#[test, expected_failure(abort_code = attestation::EOutputClaimed)]
fun each_attested_output_is_claimed_at_most_once() {
    let (mut scenario, clock) = with_dataset();
    scenario.next_tx(flows::creator());
    let mut transform = flows::record_transform(&mut scenario, &clock);
    let raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    flows::finish_story_derived(&mut scenario, &clock, &mut transform, &raw);
    flows::finish_story_derived(&mut scenario, &clock, &mut transform, &raw);
    abort
}

#[test]
fun one_transform_backs_one_dataset_per_output_blob() {
    let (mut scenario, clock) = with_dataset();
    scenario.next_tx(flows::creator());
    let mut transform = transform_of_raw(
        &mut scenario,
        &clock,
        vector[sig::derived_blob(), sig::output_blob()],
    );
    let raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    let mut first = dataset::begin_derived(
        &mut transform,
        sig::derived_blob(),
        sig::derived_sha256(),
        scenario.ctx(),
    );
    first.add_parent(&raw, scenario.ctx());
    finish(first, flows::open_terms(), &mut scenario, &clock);
    let mut second = dataset::begin_derived(
        &mut transform,
        sig::output_blob(),
        sig::derived_sha256(),
        scenario.ctx(),
    );
    second.add_parent(&raw, scenario.ctx());
    finish(second, flows::open_terms(), &mut scenario, &clock);
    transform.finalize();
    ts::return_shared(raw);
    assert!(scenario.next_tx(flows::creator()).num_user_events() == 3);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = attestation::EFinalized)]
fun an_outsider_cannot_reuse_a_recorded_transform() {
    let (mut scenario, clock) = with_dataset();
    flows::derive_dataset(&mut scenario, &clock);
    scenario.next_tx(flows::outsider());
    let mut transform = scenario.take_immutable_by_id<Attestation>(sig::transform_id());
    let _builder = dataset::begin_derived(
        &mut transform,
        sig::derived_blob(),
        sig::derived_sha256(),
        scenario.ctx(),
    );
    abort
}

#[test, expected_failure(abort_code = attestation::ENotSubmitter)]
fun only_the_party_that_recorded_an_attestation_can_build_on_it() {
    let (mut scenario, clock) = with_dataset();
    scenario.next_tx(flows::creator());
    let mut transform = flows::record_transform(&mut scenario, &clock);
    scenario.next_tx(flows::outsider());
    let _builder = dataset::begin_derived(
        &mut transform,
        sig::derived_blob(),
        sig::derived_sha256(),
        scenario.ctx(),
    );
    abort
}

#[test, expected_failure(abort_code = attestation::EFinalized)]
fun a_revoked_attesters_transform_backs_no_new_dataset() {
    let (mut scenario, clock) = with_dataset();
    flows::derive_dataset(&mut scenario, &clock);
    let cap = flows::admin_tx(&mut scenario);
    let mut attester = scenario.take_shared<Attester>();
    attester::revoke(&cap, &mut attester, &clock, scenario.ctx());
    ts::return_shared(attester);
    scenario.return_to_sender(cap);
    scenario.next_tx(flows::creator());
    let mut transform = scenario.take_immutable_by_id<Attestation>(sig::transform_id());
    let _builder = dataset::begin_derived(
        &mut transform,
        sig::derived_blob(),
        sig::derived_sha256(),
        scenario.ctx(),
    );
    abort
}

#[test, expected_failure(abort_code = dataset::EParentNotAttested)]
fun a_parent_the_transform_did_not_use_is_refused() {
    let (mut scenario, clock) = with_dataset();
    scenario.next_tx(flows::creator());
    let mut transform = flows::self_attestation(
        &mut scenario,
        &clock,
        attestation::kind_transform(),
        vector[object::id_from_address(@0xd1)],
        vector[sig::raw_blob()],
        vector[sig::raw_sha256()],
        vector[sig::derived_blob()],
    );
    derive_from_raw(&mut scenario, &clock, &mut transform, flows::open_terms());
    abort
}

#[test, expected_failure(abort_code = dataset::EParentContentNotAttested)]
fun a_parent_whose_content_the_transform_did_not_read_is_refused() {
    let (mut scenario, clock) = with_dataset();
    scenario.next_tx(flows::creator());
    let mut transform = flows::self_attestation(
        &mut scenario,
        &clock,
        attestation::kind_transform(),
        vector[sig::dataset_id()],
        vector[sig::raw_blob()],
        vector[sig::derived_sha256()],
        vector[sig::derived_blob()],
    );
    derive_from_raw(&mut scenario, &clock, &mut transform, flows::open_terms());
    abort
}

#[test, expected_failure(abort_code = dataset::EDuplicateParent)]
fun the_same_parent_twice_is_refused() {
    let (mut scenario, clock) = with_dataset();
    scenario.next_tx(flows::creator());
    let mut transform = transform_of_raw(&mut scenario, &clock, vector[sig::derived_blob()]);
    let raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    let mut builder = dataset::begin_derived(
        &mut transform,
        sig::derived_blob(),
        sig::derived_sha256(),
        scenario.ctx(),
    );
    builder.add_parent(&raw, scenario.ctx());
    builder.add_parent(&raw, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = dataset::ERetracted)]
fun a_retracted_parent_is_refused() {
    let (mut scenario, clock) = with_dataset();
    retract_raw(&mut scenario, &clock, flows::creator());
    scenario.next_tx(flows::creator());
    let mut transform = flows::record_transform(&mut scenario, &clock);
    derive_from_raw(&mut scenario, &clock, &mut transform, flows::open_terms());
    abort
}

#[test, expected_failure(abort_code = dataset::EInputsNotProven)]
fun a_subset_of_the_transforms_inputs_is_refused() {
    let (mut scenario, clock) = with_dataset();
    scenario.next_tx(flows::creator());
    let second = register_second(&mut scenario, &clock);
    scenario.next_tx(flows::creator());
    let mut transform = flows::self_attestation(
        &mut scenario,
        &clock,
        attestation::kind_transform(),
        vector[sig::dataset_id(), second],
        vector[sig::raw_blob(), sig::input_blob()],
        vector[sig::raw_sha256(), sig::input_sha256()],
        vector[sig::derived_blob()],
    );
    derive_from_raw(&mut scenario, &clock, &mut transform, flows::open_terms());
    abort
}

#[test]
fun every_input_proven_registers_a_dataset_with_both_parents() {
    let (mut scenario, clock) = with_dataset();
    scenario.next_tx(flows::creator());
    let second_id = register_second(&mut scenario, &clock);
    scenario.next_tx(flows::creator());
    let mut transform = flows::self_attestation(
        &mut scenario,
        &clock,
        attestation::kind_transform(),
        vector[sig::dataset_id(), second_id],
        vector[sig::raw_blob(), sig::input_blob()],
        vector[sig::raw_sha256(), sig::input_sha256()],
        vector[sig::derived_blob()],
    );
    let raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    let second = scenario.take_shared_by_id<Dataset>(second_id);
    let mut builder = dataset::begin_derived(
        &mut transform,
        sig::derived_blob(),
        sig::derived_sha256(),
        scenario.ctx(),
    );
    builder.add_parent(&second, scenario.ctx());
    builder.add_parent(&raw, scenario.ctx());
    let id = finish(builder, flows::open_terms(), &mut scenario, &clock);
    transform.finalize();
    ts::return_shared(raw);
    ts::return_shared(second);
    scenario.next_tx(flows::creator());
    let derived = scenario.take_shared_by_id<Dataset>(id);
    assert!(derived.parents() == vector[second_id, sig::dataset_id()]);
    assert!(!derived.lineage_signed());
    ts::return_shared(derived);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = dataset::ENotOwnParent)]
fun an_unsigned_transform_cannot_link_another_creators_dataset() {
    let (mut scenario, clock) = with_dataset();
    scenario.next_tx(flows::outsider());
    let mut transform = transform_of_raw(&mut scenario, &clock, vector[sig::derived_blob()]);
    derive_from_raw(&mut scenario, &clock, &mut transform, flows::open_terms());
    abort
}

#[test]
fun an_unsigned_transform_of_own_data_is_recorded_as_claimed() {
    let (mut scenario, clock) = with_dataset();
    scenario.next_tx(flows::creator());
    let mut transform = transform_of_raw(&mut scenario, &clock, vector[sig::derived_blob()]);
    let id = derive_from_raw(&mut scenario, &clock, &mut transform, flows::open_terms());
    transform.finalize();
    scenario.next_tx(flows::creator());
    let derived = scenario.take_shared_by_id<Dataset>(id);
    assert!(derived.parents() == vector[sig::dataset_id()]);
    assert!(!derived.lineage_signed());
    ts::return_shared(derived);
    flows::end(scenario, clock);
}

#[test]
fun a_signed_transform_links_another_creators_dataset() {
    let (mut scenario, clock) = flows::begin();
    flows::register_attester(&mut scenario, &clock);
    scenario.next_tx(flows::outsider());
    let raw_id = flows::register_as(
        &mut scenario,
        &clock,
        sig::raw_blob(),
        sig::raw_sha256(),
        flows::open_terms(),
    );
    assert!(raw_id == sig::dataset_id());
    flows::derive_dataset(&mut scenario, &clock);
    scenario.next_tx(flows::creator());
    let derived = scenario.take_shared_by_id<Dataset>(sig::derived_id());
    assert!(derived.creator() == flows::creator() && derived.lineage_signed());
    ts::return_shared(derived);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = dataset::ETermsLooserThanParent)]
fun a_derivation_cannot_launder_its_parents_terms() {
    let (mut scenario, clock) = with_raw_terms(no_training());
    scenario.next_tx(flows::creator());
    let mut transform = transform_of_raw(&mut scenario, &clock, vector[sig::derived_blob()]);
    derive_from_raw(&mut scenario, &clock, &mut transform, flows::open_terms());
    abort
}

#[test]
fun a_derivation_keeps_or_tightens_its_parents_terms() {
    let (mut scenario, clock) = with_raw_terms(no_training());
    scenario.next_tx(flows::creator());
    let mut transform = transform_of_raw(&mut scenario, &clock, vector[sig::derived_blob()]);
    let stricter = terms::new(
        terms::not_allowed(),
        terms::not_allowed(),
        terms::allowed(),
        terms::allowed(),
    );
    let id = derive_from_raw(&mut scenario, &clock, &mut transform, stricter);
    transform.finalize();
    scenario.next_tx(flows::creator());
    let derived = scenario.take_shared_by_id<Dataset>(id);
    assert!(derived.terms() == stricter);
    ts::return_shared(derived);
    flows::end(scenario, clock);
}

#[test]
fun publish_version_links_both_versions_and_inherits_no_lineage() {
    let (mut scenario, clock) = with_dataset();
    flows::derive_dataset(&mut scenario, &clock);
    scenario.next_tx(flows::creator());
    let mut derived = scenario.take_shared_by_id<Dataset>(sig::derived_id());
    let next_id = derived.publish_version(
        7,
        sig::raw_sha256(),
        10,
        str(b"text/csv"),
        &clock,
        scenario.ctx(),
    );
    assert!(derived.next() == option::some(next_id));
    ts::return_shared(derived);
    scenario.next_tx(flows::creator());
    let next = scenario.take_shared_by_id<Dataset>(next_id);
    assert!(next.previous() == option::some(sig::derived_id()));
    assert!(next.revision() == 2);
    assert!(next.parents().is_empty() && next.transform().is_none() && !next.lineage_signed());
    assert!(next.terms() == flows::open_terms());
    ts::return_shared(next);
    flows::end(scenario, clock);
}

#[test]
fun a_new_version_is_proven_again_by_a_transform_that_attests_its_blob() {
    let (mut scenario, clock) = with_dataset();
    scenario.next_tx(flows::creator());
    let second_id = register_second(&mut scenario, &clock);
    scenario.next_tx(flows::creator());
    let mut transform = flows::self_attestation(
        &mut scenario,
        &clock,
        attestation::kind_transform(),
        vector[second_id],
        vector[sig::input_blob()],
        vector[sig::input_sha256()],
        vector[sig::derived_blob()],
    );
    let mut raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    let second = scenario.take_shared_by_id<Dataset>(second_id);
    let mut builder = dataset::begin_derived(
        &mut transform,
        sig::derived_blob(),
        sig::derived_sha256(),
        scenario.ctx(),
    );
    builder.add_parent(&second, scenario.ctx());
    let next_id = builder.finish_derived_version(
        &mut raw,
        900,
        str(b"text/csv"),
        &clock,
        scenario.ctx(),
    );
    transform.finalize();
    ts::return_shared(raw);
    ts::return_shared(second);
    scenario.next_tx(flows::creator());
    let next = scenario.take_shared_by_id<Dataset>(next_id);
    assert!(next.previous() == option::some(sig::dataset_id()) && next.revision() == 2);
    assert!(next.parents() == vector[second_id]);
    assert!(next.transform().is_some() && !next.lineage_signed());
    assert!(next.blob_id() == sig::derived_blob() && next.sha256() == sig::derived_sha256());
    ts::return_shared(next);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = dataset::ETermsLooserThanParent)]
fun a_derived_version_cannot_carry_terms_looser_than_its_parents() {
    let (mut scenario, clock) = with_dataset();
    scenario.next_tx(flows::creator());
    let second_id = flows::register_as(
        &mut scenario,
        &clock,
        sig::input_blob(),
        sig::input_sha256(),
        no_training(),
    );
    scenario.next_tx(flows::creator());
    let mut transform = flows::self_attestation(
        &mut scenario,
        &clock,
        attestation::kind_transform(),
        vector[second_id],
        vector[sig::input_blob()],
        vector[sig::input_sha256()],
        vector[sig::derived_blob()],
    );
    let mut raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    let second = scenario.take_shared_by_id<Dataset>(second_id);
    let mut builder = dataset::begin_derived(
        &mut transform,
        sig::derived_blob(),
        sig::derived_sha256(),
        scenario.ctx(),
    );
    builder.add_parent(&second, scenario.ctx());
    builder.finish_derived_version(&mut raw, 900, str(b"text/csv"), &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = dataset::ENotCreator)]
fun a_derived_version_of_another_creators_dataset_aborts() {
    let (mut scenario, clock) = with_dataset();
    scenario.next_tx(flows::outsider());
    let second_id = register_second(&mut scenario, &clock);
    scenario.next_tx(flows::outsider());
    let mut transform = flows::self_attestation(
        &mut scenario,
        &clock,
        attestation::kind_transform(),
        vector[second_id],
        vector[sig::input_blob()],
        vector[sig::input_sha256()],
        vector[sig::derived_blob()],
    );
    let mut raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    let second = scenario.take_shared_by_id<Dataset>(second_id);
    let mut builder = dataset::begin_derived(
        &mut transform,
        sig::derived_blob(),
        sig::derived_sha256(),
        scenario.ctx(),
    );
    builder.add_parent(&second, scenario.ctx());
    builder.finish_derived_version(&mut raw, 900, str(b"text/csv"), &clock, scenario.ctx());
    abort
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
    retract_raw(&mut scenario, &clock, flows::creator());
    publish_raw_version(&mut scenario, &clock, flows::creator());
    abort
}

#[test, expected_failure(abort_code = dataset::EInvalidSha256)]
fun publish_version_rejects_a_short_sha256() {
    let (mut scenario, clock) = with_dataset();
    scenario.next_tx(flows::creator());
    let mut raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    raw.publish_version(7, x"01", 1, str(b"text/csv"), &clock, scenario.ctx());
    abort
}

#[test]
fun retract_by_the_creator_marks_it_and_emits_an_event() {
    let (mut scenario, clock) = with_dataset();
    retract_raw(&mut scenario, &clock, flows::creator());
    let effects = scenario.next_tx(flows::creator());
    assert!(effects.num_user_events() == 1);
    let raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    assert!(raw.is_retracted());
    ts::return_shared(raw);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = dataset::ENotCreator)]
fun retract_by_someone_else_aborts() {
    let (mut scenario, clock) = with_dataset();
    retract_raw(&mut scenario, &clock, flows::outsider());
    abort
}

#[test, expected_failure(abort_code = dataset::ERetracted)]
fun retract_twice_aborts() {
    let (mut scenario, clock) = with_dataset();
    retract_raw(&mut scenario, &clock, flows::creator());
    retract_raw(&mut scenario, &clock, flows::creator());
    abort
}

#[test, expected_failure(abort_code = dataset::EEmptyReason)]
fun retract_without_a_reason_aborts() {
    let (mut scenario, clock) = with_dataset();
    scenario.next_tx(flows::creator());
    let mut raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    raw.retract(str(b""), &clock, scenario.ctx());
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
    retract_raw(&mut scenario, &clock, flows::creator());
    scenario.next_tx(flows::creator());
    let mut raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    raw.set_policy(option::none(), &clock, scenario.ctx());
    abort
}

/// Sets the raw dataset's terms as `sender`.
fun set_raw_terms(scenario: &mut Scenario, clock: &Clock, sender: address, terms: AiTerms) {
    scenario.next_tx(sender);
    let mut raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    raw.set_terms(terms, clock, scenario.ctx());
    ts::return_shared(raw);
}

#[test]
fun set_terms_tightens_the_terms_and_emits_an_event() {
    let (mut scenario, clock) = with_dataset();
    let constrained = terms::new(
        terms::constrained(vector[str(b"attribution required")]),
        terms::allowed(),
        terms::allowed(),
        terms::allowed(),
    );
    set_raw_terms(&mut scenario, &clock, flows::creator(), constrained);
    set_raw_terms(&mut scenario, &clock, flows::creator(), no_training());
    let effects = scenario.next_tx(flows::creator());
    assert!(effects.num_user_events() == 1);
    let raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    assert!(raw.terms() == no_training());
    ts::return_shared(raw);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = dataset::ETermsLoosened)]
fun terms_cannot_be_loosened_once_set() {
    let (mut scenario, clock) = with_dataset();
    set_raw_terms(&mut scenario, &clock, flows::creator(), no_training());
    set_raw_terms(&mut scenario, &clock, flows::creator(), flows::open_terms());
    abort
}

#[test, expected_failure(abort_code = dataset::ETermsLoosened)]
fun dropping_a_constraint_is_loosening() {
    let (mut scenario, clock) = with_dataset();
    let two = terms::constrained(vector[str(b"attribution required"), str(b"non-commercial")]);
    let one = terms::constrained(vector[str(b"attribution required")]);
    set_raw_terms(
        &mut scenario,
        &clock,
        flows::creator(),
        terms::new(two, terms::allowed(), terms::allowed(), terms::allowed()),
    );
    set_raw_terms(
        &mut scenario,
        &clock,
        flows::creator(),
        terms::new(one, terms::allowed(), terms::allowed(), terms::allowed()),
    );
    abort
}

#[test, expected_failure(abort_code = dataset::ENotCreator)]
fun set_terms_by_someone_else_aborts() {
    let (mut scenario, clock) = with_dataset();
    set_raw_terms(&mut scenario, &clock, flows::outsider(), no_training());
    abort
}

#[test, expected_failure(abort_code = dataset::ERetracted)]
fun set_terms_on_a_retracted_dataset_aborts() {
    let (mut scenario, clock) = with_dataset();
    retract_raw(&mut scenario, &clock, flows::creator());
    set_raw_terms(&mut scenario, &clock, flows::creator(), no_training());
    abort
}
