#[test_only]
/// Golden vectors: one sample of every event and object, exactly as the real code makes it
/// while playing the story of `test_flows`. `pnpm golden:capture` reads `vectors()` out of the
/// Move VM and writes packages/sdk/test/fixtures/golden-vectors.json, against which the sdk's
/// decoders are tested, so that Move and TypeScript cannot drift silently.
///
/// The story's datasets carry terms with every kind of permission (constrained, not allowed,
/// allowed), so the model trained on them records a usage constraint; the enclave attester is
/// registered from the measurements a Nitro document would carry (the WASM VM cannot verify
/// one).
module verity::golden_tests;

use std::type_name;
use sui::bcs;
use sui::clock::Clock;
use sui::coin;
use sui::event;
use sui::sui::SUI;
use sui::test_scenario::{Self as ts, Scenario};
use verity::allowlist::{
    Self,
    Allowlist,
    AllowlistCreated,
    AllowlistMemberAdded,
    AllowlistMemberRemoved,
};
use verity::attestation::{Attestation, AttestationRecorded};
use verity::attester::{
    Self,
    AdminCap,
    Attester,
    AttesterKeyRotated,
    AttesterRegistered,
    AttesterRegistry,
    AttesterRevoked,
};
use verity::dataset::{
    Self,
    Dataset,
    DatasetPolicySet,
    DatasetRegistered,
    DatasetRetracted,
    DatasetTermsSet,
};
use verity::enclave::{Self, EnclaveConfig, EnclaveConfigCreated, EnclaveConfigRetired};
use verity::inference::{Inference, InferenceRecorded};
use verity::model::{Self, Model, ModelRegistered};
use verity::subscription::{Self, FeesWithdrawn, Service, ServiceCreated, Subscribed, Subscription};
use verity::terms::{Self, AiTerms};
use verity::test_flows::{Self as flows, str};
use verity::test_signatures as sig;
use verity::timelock::{Self, Timelock, TimelockCreated};

/// A member added to, then removed from, the allowlist.
const MEMBER: address = @0xBEEF;
/// Unlock time of the timelock: one day after the signed time, ms.
const UNLOCK_MS: u64 = 1_700_086_400_000;
/// Price of a subscription: 1 SUI, in MIST.
const FEE_MIST: u64 = 1_000_000_000;
/// Subscription lifetime: 30 days, in ms.
const TTL_MS: u64 = 2_592_000_000;

/// Every sample (19 events, then 13 objects) as three entries: the module name, the struct
/// name and the BCS bytes.
///
/// Transactions: 0-5 the story of `test_flows` (with `story_terms` on both datasets and a
/// discriminative model, signed as kind training); 6 CREATOR sets the raw dataset's policy,
/// tightens its terms and retracts it; 7 ADMIN publishes an enclave configuration, rotates and
/// revokes the story's attester; 8 OUTSIDER registers the enclave; 9 ADMIN retires the
/// enclave configuration; 10 CREATOR creates an allowlist; 11 edits it and creates a timelock
/// and a subscription service; 12 OUTSIDER subscribes; 13 CREATOR withdraws the fees; 14 reads
/// the objects.
public fun vectors(): vector<vector<u8>> {
    let mut out = vector[];
    let (mut scenario, clock) = flows::begin();
    flows::register_attester(&mut scenario, &clock);
    register_dataset(&mut scenario, &clock);
    derive_dataset(&mut scenario, &clock);
    sample<AttestationRecorded>(&mut out);
    sample<DatasetRegistered>(&mut out);
    train_model(&mut scenario, &clock);
    sample<ModelRegistered>(&mut out);
    flows::infer(&mut scenario, &clock);
    sample<InferenceRecorded>(&mut out);

    scenario.next_tx(flows::creator());
    let mut raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    raw.set_policy(option::some(object::id_from_address(@0x5EA1)), &clock, scenario.ctx());
    sample<DatasetPolicySet>(&mut out);
    raw.set_terms(tightened_terms(), &clock, scenario.ctx());
    sample<DatasetTermsSet>(&mut out);
    raw.retract(str(b"consent withdrawn"), &clock, scenario.ctx());
    sample<DatasetRetracted>(&mut out);
    ts::return_shared(raw);

    let cap = flows::admin_tx(&mut scenario);
    enclave::create_config(
        &cap,
        str(b"verity-enclave-v1"),
        pcr(1),
        pcr(2),
        pcr(3),
        &clock,
        scenario.ctx(),
    );
    sample<EnclaveConfigCreated>(&mut out);
    let mut registry = scenario.take_shared<AttesterRegistry>();
    let mut attester = scenario.take_shared_by_id<Attester>(sig::attester_id());
    attester::rotate_key(&cap, &mut registry, &mut attester, sig::key_b(), &clock, scenario.ctx());
    sample<AttesterKeyRotated>(&mut out);
    attester::revoke(&cap, &mut attester, &clock, scenario.ctx());
    sample<AttesterRevoked>(&mut out);
    ts::return_shared(attester);
    ts::return_shared(registry);
    scenario.return_to_sender<AdminCap>(cap);

    // Anyone registers an enclave from its document: here, the outsider.
    scenario.next_tx(flows::outsider());
    let config = scenario.take_immutable<EnclaveConfig>();
    let mut registry = scenario.take_shared<AttesterRegistry>();
    enclave::register_measured_for_testing(
        &config,
        &mut registry,
        vector[pcr(1), pcr(2), pcr(3)],
        option::some(sig::key_c()),
        str(b"nitro-attester"),
        &clock,
        scenario.ctx(),
    );
    sample<AttesterRegistered>(&mut out);
    ts::return_shared(registry);
    ts::return_immutable(config);

    // The image turns out unsafe: the admin retires its configuration (the enclave registered
    // above stays until revoked).
    let cap = flows::admin_tx(&mut scenario);
    let config = scenario.take_immutable<EnclaveConfig>();
    let mut registry = scenario.take_shared<AttesterRegistry>();
    enclave::retire_config(&cap, &mut registry, &config, &clock, scenario.ctx());
    sample<EnclaveConfigRetired>(&mut out);
    ts::return_shared(registry);
    ts::return_immutable(config);
    scenario.return_to_sender<AdminCap>(cap);

    // Seal policies: tx 10 creates an allowlist; tx 11 edits it and creates a timelock and a
    // subscription service; tx 12 subscribes (as the outsider); tx 13 withdraws the fees.
    scenario.next_tx(flows::creator());
    let allowlist_cap = allowlist::create(str(b"researchers"), &clock, scenario.ctx());
    sample<AllowlistCreated>(&mut out);
    scenario.next_tx(flows::creator());
    let mut list = scenario.take_shared<Allowlist>();
    list.add(&allowlist_cap, MEMBER, &clock, scenario.ctx());
    sample<AllowlistMemberAdded>(&mut out);
    list.remove(&allowlist_cap, MEMBER, &clock, scenario.ctx());
    sample<AllowlistMemberRemoved>(&mut out);
    ts::return_shared(list);
    timelock::create(UNLOCK_MS, &clock, scenario.ctx());
    sample<TimelockCreated>(&mut out);
    let service_cap = subscription::create(
        str(b"premium"),
        FEE_MIST,
        TTL_MS,
        &clock,
        scenario.ctx(),
    );
    sample<ServiceCreated>(&mut out);
    scenario.next_tx(flows::outsider());
    let mut service = scenario.take_shared<Service>();
    let fee = coin::mint_for_testing<SUI>(FEE_MIST, scenario.ctx());
    service.subscribe(fee, &clock, scenario.ctx()).transfer(flows::outsider());
    sample<Subscribed>(&mut out);
    ts::return_shared(service);
    scenario.next_tx(flows::creator());
    let mut service = scenario.take_shared<Service>();
    service.withdraw(&service_cap, &clock, scenario.ctx()).burn_for_testing();
    sample<FeesWithdrawn>(&mut out);
    ts::return_shared(service);

    // Objects, as they stand at the end of the story (tx 14).
    scenario.next_tx(flows::creator());
    let attester = scenario.take_shared_by_id<Attester>(sig::attester_id());
    record(&mut out, &attester);
    ts::return_shared(attester);
    let registry = scenario.take_shared<AttesterRegistry>();
    record(&mut out, &registry);
    ts::return_shared(registry);
    let config = scenario.take_immutable<EnclaveConfig>();
    record(&mut out, &config);
    ts::return_immutable(config);
    let transform = scenario.take_immutable_by_id<Attestation>(sig::transform_id());
    record(&mut out, &transform);
    ts::return_immutable(transform);
    let derived = scenario.take_shared_by_id<Dataset>(sig::derived_id());
    record(&mut out, &derived);
    ts::return_shared(derived);
    let model = scenario.take_immutable<Model>();
    record(&mut out, &model);
    ts::return_immutable(model);
    let inference = scenario.take_immutable<Inference>();
    record(&mut out, &inference);
    ts::return_immutable(inference);
    let list = scenario.take_shared<Allowlist>();
    record(&mut out, &list);
    ts::return_shared(list);
    record(&mut out, &allowlist_cap);
    let timelock = scenario.take_immutable<Timelock>();
    record(&mut out, &timelock);
    ts::return_immutable(timelock);
    let service = scenario.take_shared<Service>();
    record(&mut out, &service);
    ts::return_shared(service);
    record(&mut out, &service_cap);
    let subscription = scenario.take_from_address<Subscription>(flows::outsider());
    record(&mut out, &subscription);
    ts::return_to_address(flows::outsider(), subscription);
    transfer::public_transfer(allowlist_cap, flows::creator());
    transfer::public_transfer(service_cap, flows::creator());

    flows::end(scenario, clock);
    out
}

/// The story datasets' terms: training under two constraints, generative training under one,
/// inference allowed, data mining not allowed.
fun story_terms(): AiTerms {
    terms::new(
        terms::constrained(vector[str(b"attribution"), str(b"non-commercial")]),
        terms::constrained(vector[str(b"no style imitation")]),
        terms::allowed(),
        terms::not_allowed(),
    )
}

/// `story_terms` with inference constrained too: stricter, so `set_terms` accepts it.
fun tightened_terms(): AiTerms {
    terms::new(
        terms::constrained(vector[str(b"attribution"), str(b"non-commercial")]),
        terms::constrained(vector[str(b"no style imitation")]),
        terms::constrained(vector[str(b"cite the source")]),
        terms::not_allowed(),
    )
}

/// A 48-byte PCR measurement, every byte `byte`.
fun pcr(byte: u8): vector<u8> { vector::tabulate!(48, |_| byte) }

/// Step 2 of the story, under `story_terms`.
fun register_dataset(scenario: &mut Scenario, clock: &Clock) {
    scenario.next_tx(flows::creator());
    let id = flows::register_as(scenario, clock, sig::raw_blob(), sig::raw_sha256(), story_terms());
    assert!(id == sig::dataset_id());
}

/// Step 3 of the story: the derived dataset keeps its parent's `story_terms`.
fun derive_dataset(scenario: &mut Scenario, clock: &Clock) {
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
        story_terms(),
        option::none(),
        clock,
        scenario.ctx(),
    );
    assert!(object::id(&transform) == sig::transform_id());
    assert!(id == sig::derived_id());
    transform.finalize();
    ts::return_shared(parent);
}

/// Step 4 of the story (a discriminative model, as the training's signed kind says): the
/// derived dataset's `ai_training` constraint is recorded.
fun train_model(scenario: &mut Scenario, clock: &Clock) {
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
        str(b"churn-classifier"),
        4096,
        str(b"logistic-regression"),
        str(b"verity-demo"),
        clock,
        scenario.ctx(),
    );
    assert!(object::id(&training) == sig::training_id());
    assert!(id == sig::model_id());
    training.finalize();
    ts::return_shared(derived);
}

/// Appends the type name and BCS bytes of the last `T` event emitted in this transaction.
fun sample<T: copy + drop>(out: &mut vector<vector<u8>>) {
    let events = event::events_by_type<T>();
    record(out, &events[events.length() - 1]);
}

/// Appends the module name, struct name and BCS bytes of `value`.
fun record<T>(out: &mut vector<vector<u8>>, value: &T) {
    let name = type_name::with_defining_ids<T>();
    out.push_back(*name.module_string().as_bytes());
    out.push_back(*name.datatype_string().as_bytes());
    out.push_back(bcs::to_bytes(value));
}

#[test]
/// Checks there is one sample per event and object type (`std::debug::print` shows them with
/// the native `sui move test`).
fun golden_vectors() {
    let vectors = vectors();
    vectors.do_ref!(|v| std::debug::print(v));
    assert!(vectors.length() == 3 * (19 + 13));
}
