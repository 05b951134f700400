#[test_only]
/// An attacker's view of the package. Every test performs one attack with the public API, as a
/// PTB could (test_scenario is only used to sequence transactions and to hand objects back).
///
/// The first review found six attacks that went through (a generative fine-tune laundering a
/// ban, a fine-tune dropping its base's constraints, an unsigned `generative` flag, an enclave
/// image that could not be retired, unsigned attestations naming others' objects, retraction
/// of ancestors); the package now stops the first five, and the sixth is pinned as the rule.
/// The other tests assert the abort that stops an attack not already tried elsewhere in
/// `tests/`.
module verity::adversarial_tests;

use std::string::String;
use sui::clock::Clock;
use sui::test_scenario::{Self as ts, Scenario};
use verity::allowlist;
use verity::attestation::{Self, Attestation};
use verity::attester::{Self, Attester, AttesterRegistry};
use verity::dataset::{Self, Dataset};
use verity::enclave::{Self, EnclaveConfig};
use verity::model::{Self, Model};
use verity::terms::{Self, AiTerms};
use verity::test_flows::{Self as flows, str};
use verity::test_signatures as sig;
use verity::timelock::{Self, Timelock};

/// A blob id no story step uses: the weights of a fine-tune.
const TUNED_BLOB: u256 = 4242;

// === Helpers ===

/// `texts` as `String`s.
fun strings(texts: vector<vector<u8>>): vector<String> {
    texts.map!(|t| t.to_string())
}

/// Terms with `ai_training` and `ai_generative_training` as given, the rest allowed.
fun training_terms(training: terms::Permission, generative: terms::Permission): AiTerms {
    terms::new(training, generative, terms::allowed(), terms::allowed())
}

/// Step 3 of the story (CREATOR records the transform signed by key a and registers the
/// derived dataset), but the derived dataset is registered under `terms` (any terms at least
/// as strict as the raw dataset's open terms). The signatures still verify: they name the
/// derived dataset's id, not its terms.
fun derive_with_terms(scenario: &mut Scenario, clock: &Clock, terms: AiTerms): ID {
    scenario.next_tx(flows::creator());
    let parent = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    let mut transform = flows::record_transform(scenario, clock);
    let mut builder = dataset::begin_derived(
        &mut transform,
        sig::derived_blob(),
        sig::derived_sha256(),
        scenario.ctx(),
    );
    builder.add_parent(&parent, scenario.ctx());
    let id = builder.finish_derived(
        str(b"clean"),
        900,
        str(b"text/csv"),
        str(b"CC-BY-4.0"),
        terms,
        option::none(),
        clock,
        scenario.ctx(),
    );
    assert!(id == sig::derived_id());
    transform.finalize();
    ts::return_shared(parent);
    id
}

/// In a new transaction, CREATOR records the story training signed by key a (kind training:
/// not generative) and registers its weights as a model trained on the derived dataset.
fun train_signed(scenario: &mut Scenario, clock: &Clock): ID {
    scenario.next_tx(flows::creator());
    let derived = scenario.take_shared_by_id<Dataset>(sig::derived_id());
    let mut training = flows::record_training(scenario, clock);
    let mut builder = model::begin(
        &mut training,
        sig::weights_blob(),
        sig::weights_sha256(),
        scenario.ctx(),
    );
    builder.add_dataset(&derived, scenario.ctx());
    let id = builder.finish(
        str(b"m"),
        4096,
        str(b"transformer"),
        str(b"pytorch"),
        clock,
        scenario.ctx(),
    );
    assert!(training.is_signed());
    training.finalize();
    ts::return_shared(derived);
    id
}

/// Steps 0-4 with the derived dataset under `terms`. Returns the signed model's id.
fun story_with(terms: AiTerms): (Scenario, Clock, ID) {
    let (mut scenario, clock) = flows::begin();
    flows::register_attester(&mut scenario, &clock);
    flows::register_dataset(&mut scenario, &clock);
    derive_with_terms(&mut scenario, &clock, terms);
    let id = train_signed(&mut scenario, &clock);
    (scenario, clock, id)
}

/// Terms that forbid generative training and constrain any training to non-commercial use.
fun restricted_terms(): AiTerms {
    training_terms(terms::constrained(strings(vector[b"non-commercial"])), terms::not_allowed())
}

/// A signed, non-generative model trained on data under `restricted_terms`, then, in a new
/// transaction, CREATOR's fine-tune of `kind` of it, reading only the base weights. Returns the
/// fine-tune's id.
fun fine_tune_restricted_base(kind: u8): (Scenario, Clock, ID) {
    let (mut scenario, clock, base_id) = story_with(restricted_terms());
    scenario.next_tx(flows::creator());
    let base = scenario.take_immutable_by_id<Model>(base_id);
    let mut fine_tune = flows::self_attestation(
        &mut scenario,
        &clock,
        kind,
        vector[base_id],
        vector[sig::weights_blob()],
        vector[sig::weights_sha256()],
        vector[TUNED_BLOB],
    );
    let builder = model::begin_fine_tune(
        &mut fine_tune,
        &base,
        TUNED_BLOB,
        sig::derived_sha256(),
        scenario.ctx(),
    );
    let id = builder.finish(
        str(b"chatbot"),
        4096,
        str(b"transformer"),
        str(b"pytorch"),
        &clock,
        scenario.ctx(),
    );
    fine_tune.finalize();
    ts::return_immutable(base);
    (scenario, clock, id)
}

/// A 48-byte PCR filled with `b`.
fun pcr(b: u8): vector<u8> { vector::tabulate!(48, |_| b) }

/// As `sender`, registers the enclave whose (verified) document measured the image of
/// `config_id` and carried `public_key`.
fun register_enclave(
    scenario: &mut Scenario,
    clock: &Clock,
    config_id: ID,
    public_key: vector<u8>,
    name: vector<u8>,
): ID {
    scenario.next_tx(flows::outsider());
    let config = scenario.take_immutable_by_id<EnclaveConfig>(config_id);
    let mut registry = scenario.take_shared<AttesterRegistry>();
    let id = enclave::register_measured_for_testing(
        &config,
        &mut registry,
        vector[pcr(1), pcr(2), pcr(3)],
        option::some(public_key),
        str(name),
        clock,
        scenario.ctx(),
    );
    ts::return_shared(registry);
    ts::return_immutable(config);
    id
}

/// Records the generic payload by CREATOR against the registered attester with `signature`.
fun record_generic(scenario: &mut Scenario, clock: &Clock, signature: vector<u8>): Attestation {
    scenario.next_tx(flows::creator());
    let mut attester = scenario.take_shared<Attester>();
    let attestation = attestation::record(
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
        signature,
        clock,
        scenario.ctx(),
    );
    ts::return_shared(attester);
    attestation
}

// === Attacks the first review found, stopped since ===

/// Terms laundering through a fine-tune: a dataset forbids generative training; a signed,
/// discriminative model trains on it (allowed); a generative fine-tune of that model would
/// turn the forbidden data into a generative model without ever checking it. A generative
/// fine-tune needs a generative base, whose data were checked for generative training.
#[test, expected_failure(abort_code = model::EGenerativeFromDiscriminativeBase)]
fun a_generative_fine_tune_cannot_launder_a_generative_training_ban() {
    let (_scenario, _clock, _tuned) = fine_tune_restricted_base(
        attestation::kind_generative_fine_tune(),
    );
    abort
}

/// Terms laundering through a fine-tune: the base model records the constraint its training
/// data impose ("non-commercial"); its fine-tune inherits it.
#[test]
fun a_fine_tune_keeps_the_base_models_usage_constraints() {
    let (mut scenario, clock, tuned_id) = fine_tune_restricted_base(attestation::kind_fine_tune());
    scenario.next_tx(flows::outsider());
    let tuned = scenario.take_immutable_by_id<Model>(tuned_id);
    let base = scenario.take_immutable_by_id<Model>(sig::model_id());
    assert!(base.constraints().length() == 1);
    assert!(tuned.constraints() == base.constraints());
    assert!(!tuned.is_generative());
    ts::return_immutable(base);
    ts::return_immutable(tuned);
    flows::end(scenario, clock);
}

/// Whether a model is generative (and so whether `ai_generative_training` applies) is the kind
/// the attester signed, not the submitter's word: the story's training is signed as kind
/// training, so its model is discriminative, whatever the submitter would like.
#[test]
fun the_generative_flag_is_the_signed_kind() {
    let (mut scenario, clock, id) = story_with(
        training_terms(terms::allowed(), terms::not_allowed()),
    );
    scenario.next_tx(flows::outsider());
    let model = scenario.take_immutable_by_id<Model>(id);
    assert!(model.lineage_signed() && !model.is_generative());
    ts::return_immutable(model);
    flows::end(scenario, clock);
}

/// A broken enclave image: the admin retires its configuration, and nobody can register a new
/// instance of it (on chain the document comes from `load_nitro_attestation`; the VM the
/// tests run in lacks that native, so `register_measured_for_testing` stands in with the
/// measurements such a document carries).
#[test, expected_failure(abort_code = enclave::EConfigRetired)]
fun a_retired_enclave_image_registers_no_new_attester() {
    let (mut scenario, clock) = flows::begin();
    let cap = flows::admin_tx(&mut scenario);
    let config_id = enclave::create_config(
        &cap,
        str(b"image-v1"),
        pcr(1),
        pcr(2),
        pcr(3),
        &clock,
        scenario.ctx(),
    );
    scenario.return_to_sender(cap);
    register_enclave(&mut scenario, &clock, config_id, sig::key_a(), b"enclave-1");
    let cap = flows::admin_tx(&mut scenario);
    let mut registry = scenario.take_shared<AttesterRegistry>();
    let config = scenario.take_immutable_by_id<EnclaveConfig>(config_id);
    enclave::retire_config(&cap, &mut registry, &config, &clock, scenario.ctx());
    ts::return_immutable(config);
    ts::return_shared(registry);
    scenario.return_to_sender(cap);
    register_enclave(&mut scenario, &clock, config_id, sig::key_c(), b"enclave-2");
    abort
}

/// An outsider states, unsigned, that the victim's raw dataset was produced from the victim's
/// derived dataset (a reversed, cyclic lineage on someone else's objects): unsigned
/// attestations name no existing objects as outputs.
#[test, expected_failure(abort_code = attestation::EUnsignedOutputs)]
fun an_outsider_cannot_attach_unsigned_lineage_to_others_objects() {
    let (mut scenario, clock) = flows::through_model();
    scenario.next_tx(flows::outsider());
    let transform = attestation::record_self(
        attestation::kind_transform(),
        vector[sig::derived_id()],
        vector[sig::derived_blob()],
        vector[sig::derived_sha256()],
        vector[sig::dataset_id()],
        vector[sig::raw_blob()],
        vector[sig::raw_sha256()],
        sig::transform_sha256(),
        &clock,
        scenario.ctx(),
    );
    transform.finalize();
    abort
}

/// Retraction is checked on the direct inputs of a derivation or a training (the chain sees
/// them), not on their ancestors: a dataset derived before its parent was retracted still
/// trains a model. The indexer taints everything downstream of a retraction, and audits read
/// that taint; this test pins the on-chain rule so that changing it is a decision.
#[test]
fun retraction_is_checked_on_direct_inputs_only() {
    let (mut scenario, clock) = flows::begin();
    flows::register_attester(&mut scenario, &clock);
    flows::register_dataset(&mut scenario, &clock);
    flows::derive_dataset(&mut scenario, &clock);
    scenario.next_tx(flows::creator());
    let mut raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    raw.retract(str(b"consent withdrawn"), &clock, scenario.ctx());
    ts::return_shared(raw);
    let id = train_signed(&mut scenario, &clock);
    scenario.next_tx(flows::outsider());
    let model = scenario.take_immutable_by_id<Model>(id);
    assert!(model.datasets() == vector[sig::derived_id()] && model.lineage_signed());
    ts::return_immutable(model);
    flows::end(scenario, clock);
}

// === Attacks that are stopped (not tried elsewhere) ===

/// A transform that lists one input twice can never be finished: the parents are distinct,
/// so they never number as many as the inputs (no way to pass the count check while an input
/// stays unproven).
#[test, expected_failure(abort_code = dataset::EInputsNotProven)]
fun a_transform_listing_an_input_twice_is_never_finished() {
    let (mut scenario, clock) = flows::begin();
    // The raw dataset is the first object of transaction 2, as in the story.
    scenario.next_tx(flows::creator());
    flows::register_dataset(&mut scenario, &clock);
    scenario.next_tx(flows::creator());
    let raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    let mut transform = flows::self_attestation(
        &mut scenario,
        &clock,
        attestation::kind_transform(),
        vector[sig::dataset_id(), sig::dataset_id()],
        vector[sig::raw_blob()],
        vector[sig::raw_sha256()],
        vector[sig::derived_blob()],
    );
    let mut builder = dataset::begin_derived(
        &mut transform,
        sig::derived_blob(),
        sig::derived_sha256(),
        scenario.ctx(),
    );
    builder.add_parent(&raw, scenario.ctx());
    builder.finish_derived(
        str(b"d"),
        1,
        str(b"text/csv"),
        str(b"CC0"),
        flows::open_terms(),
        option::none(),
        &clock,
        scenario.ctx(),
    );
    abort
}

/// A fine-tune that lists its base twice: `begin_fine_tune` removes one occurrence, the other
/// can never be proven (it is no dataset), so it is never finished.
#[test, expected_failure(abort_code = model::EInputsNotProven)]
fun a_fine_tune_listing_its_base_twice_is_never_finished() {
    let (mut scenario, clock) = flows::through_model();
    scenario.next_tx(flows::creator());
    let base = scenario.take_immutable<Model>();
    let mut fine_tune = flows::self_attestation(
        &mut scenario,
        &clock,
        attestation::kind_fine_tune(),
        vector[sig::model_id(), sig::model_id()],
        vector[sig::weights_blob()],
        vector[sig::weights_sha256()],
        vector[TUNED_BLOB],
    );
    let builder = model::begin_fine_tune(
        &mut fine_tune,
        &base,
        TUNED_BLOB,
        sig::derived_sha256(),
        scenario.ctx(),
    );
    builder.finish(str(b"t"), 1, str(b"a"), str(b"f"), &clock, scenario.ctx());
    abort
}

/// An output blob listed twice (same blob, same SHA-256) still backs one dataset: the claim
/// always finds the first entry, which is claimed already.
#[test, expected_failure(abort_code = attestation::EOutputClaimed)]
fun an_output_blob_listed_twice_backs_one_dataset_only() {
    let (mut scenario, clock) = flows::begin();
    scenario.next_tx(flows::creator());
    let mut transform = flows::self_attestation(
        &mut scenario,
        &clock,
        attestation::kind_transform(),
        vector[],
        vector[],
        vector[],
        vector[sig::derived_blob(), sig::derived_blob()],
    );
    let builder = dataset::begin_derived(
        &mut transform,
        sig::derived_blob(),
        sig::derived_sha256(),
        scenario.ctx(),
    );
    builder.finish_derived(
        str(b"d"),
        1,
        str(b"text/csv"),
        str(b"CC0"),
        flows::open_terms(),
        option::none(),
        &clock,
        scenario.ctx(),
    );
    let _second = dataset::begin_derived(
        &mut transform,
        sig::derived_blob(),
        sig::derived_sha256(),
        scenario.ctx(),
    );
    abort
}

/// A blob listed twice with two different digests: only the first digest can be claimed, so
/// an attestation cannot offer a choice of contents for one blob.
#[test, expected_failure(abort_code = attestation::EOutputSha256Mismatch)]
fun the_second_digest_of_a_blob_listed_twice_is_never_claimable() {
    let (mut scenario, clock) = flows::begin();
    scenario.next_tx(flows::creator());
    let mut transform = attestation::record_self(
        attestation::kind_transform(),
        vector[],
        vector[],
        vector[],
        vector[],
        vector[sig::derived_blob(), sig::derived_blob()],
        vector[sig::derived_sha256(), sig::raw_sha256()],
        sig::transform_sha256(),
        &clock,
        scenario.ctx(),
    );
    let _builder = dataset::begin_derived(
        &mut transform,
        sig::derived_blob(),
        sig::raw_sha256(),
        scenario.ctx(),
    );
    abort
}

/// A message recorded under the old key cannot be recorded again once the new key signs the
/// same message: the replay table is keyed by the message, not by the key or the signature.
#[test, expected_failure(abort_code = attester::EReplayed)]
fun a_message_recorded_before_a_rotation_is_not_recorded_again_with_the_new_key() {
    let (mut scenario, clock) = flows::begin();
    flows::register_attester(&mut scenario, &clock);
    record_generic(&mut scenario, &clock, sig::generic_signature_a()).finalize();
    let cap = flows::admin_tx(&mut scenario);
    let mut registry = scenario.take_shared<AttesterRegistry>();
    let mut attester = scenario.take_shared<Attester>();
    attester::rotate_key(&cap, &mut registry, &mut attester, sig::key_b(), &clock, scenario.ctx());
    ts::return_shared(attester);
    ts::return_shared(registry);
    scenario.return_to_sender(cap);
    record_generic(&mut scenario, &clock, sig::generic_signature_b()).finalize();
    abort
}

/// Duplicated constraints do not make a superset: replacing ["attribution", "non-commercial"]
/// by ["attribution", "attribution"] drops "non-commercial" and is refused.
#[test, expected_failure(abort_code = dataset::ETermsLoosened)]
fun duplicated_constraints_do_not_fake_a_superset() {
    let (mut scenario, clock) = flows::begin();
    scenario.next_tx(flows::creator());
    let terms = training_terms(
        terms::constrained(strings(vector[b"attribution", b"non-commercial"])),
        terms::allowed(),
    );
    let id = flows::register_as(&mut scenario, &clock, sig::raw_blob(), sig::raw_sha256(), terms);
    scenario.next_tx(flows::creator());
    let mut raw = scenario.take_shared_by_id<Dataset>(id);
    let looser = training_terms(
        terms::constrained(strings(vector[b"attribution", b"attribution"])),
        terms::allowed(),
    );
    raw.set_terms(looser, &clock, scenario.ctx());
    abort
}

/// A derived version cannot fork a version chain: `finish_derived_version` on a dataset that
/// has a next version already aborts, as `publish_version` does.
#[test, expected_failure(abort_code = dataset::EAlreadySuperseded)]
fun a_derived_version_of_a_superseded_dataset_aborts() {
    let (mut scenario, clock) = flows::begin();
    // The raw dataset is the first object of transaction 2, as in the story.
    scenario.next_tx(flows::creator());
    flows::register_dataset(&mut scenario, &clock);
    scenario.next_tx(flows::creator());
    let mut raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    raw.publish_version(5, sig::derived_sha256(), 1, str(b"text/csv"), &clock, scenario.ctx());
    ts::return_shared(raw);
    scenario.next_tx(flows::creator());
    let mut raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    let mut transform = flows::self_attestation(
        &mut scenario,
        &clock,
        attestation::kind_transform(),
        vector[sig::dataset_id()],
        vector[sig::raw_blob()],
        vector[sig::raw_sha256()],
        vector[sig::derived_blob()],
    );
    let mut builder = dataset::begin_derived(
        &mut transform,
        sig::derived_blob(),
        sig::derived_sha256(),
        scenario.ctx(),
    );
    builder.add_parent(&raw, scenario.ctx());
    builder.finish_derived_version(&mut raw, 1, str(b"text/csv"), &clock, scenario.ctx());
    abort
}

/// An open timelock grants no key for an identity under an allowlist: one policy's approval
/// never unlocks another policy's identities, whatever their types.
#[test, expected_failure(abort_code = timelock::ENoAccess)]
fun an_open_timelock_grants_no_key_under_an_allowlist() {
    let (mut scenario, clock) = flows::begin();
    scenario.next_tx(flows::creator());
    let (list, cap) = allowlist::new(str(b"team"), &clock, scenario.ctx());
    let allowlist_id = object::id(&list);
    list.share();
    transfer::public_transfer(cap, flows::creator());
    scenario.next_tx(flows::outsider());
    let timelock_id = timelock::create(0, &clock, scenario.ctx());
    scenario.next_tx(flows::outsider());
    let lock = scenario.take_immutable_by_id<Timelock>(timelock_id);
    let mut id = allowlist_id.to_bytes();
    id.append(sig::raw_sha256());
    timelock::seal_approve_for_testing(id, &lock, &clock);
    abort
}
