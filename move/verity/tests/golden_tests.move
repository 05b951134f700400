#[test_only]
/// Golden vectors: one sample of every event and object, exactly as the real code makes it
/// while playing the story of `test_flows`. `pnpm golden:capture` reads `vectors()` out of the
/// Move VM and writes packages/sdk/test/fixtures/golden-vectors.json, against which the sdk's
/// decoders are tested, so that Move and TypeScript cannot drift silently.
module verity::golden_tests;

use std::type_name;
use sui::bcs;
use sui::coin;
use sui::event;
use sui::sui::SUI;
use sui::test_scenario as ts;
use verity::allowlist::{Self, Allowlist, AllowlistCreated, AllowlistMemberAdded, AllowlistMemberRemoved};
use verity::attester::{Self, AdminCap, Attester, AttesterKeyRotated, AttesterRegistered, AttesterRevoked};
use verity::attestation::{Attestation, AttestationRecorded};
use verity::dataset::{Dataset, DatasetPolicySet, DatasetRegistered, DatasetRetracted};
use verity::inference::{Inference, InferenceRecorded};
use verity::model::{Model, ModelRegistered};
use verity::subscription::{Self, FeesWithdrawn, Service, ServiceCreated, Subscribed, Subscription};
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

/// Every sample (16 events, then 11 objects) as three entries: the module name, the struct
/// name and the BCS bytes.
public fun vectors(): vector<vector<u8>> {
    let mut out = vector[];
    let (mut scenario, clock) = flows::begin();
    flows::register_attester(&mut scenario, &clock);
    sample<AttesterRegistered>(&mut out);
    flows::register_dataset(&mut scenario, &clock);
    flows::derive_dataset(&mut scenario, &clock);
    sample<AttestationRecorded>(&mut out);
    sample<DatasetRegistered>(&mut out);
    flows::train_model(&mut scenario, &clock);
    sample<ModelRegistered>(&mut out);
    flows::infer(&mut scenario, &clock);
    sample<InferenceRecorded>(&mut out);

    scenario.next_tx(flows::creator());
    let mut raw = scenario.take_shared_by_id<Dataset>(sig::dataset_id());
    raw.set_policy(option::some(object::id_from_address(@0x5EA1)), &clock, scenario.ctx());
    sample<DatasetPolicySet>(&mut out);
    raw.retract(str(b"consent withdrawn"), &clock, scenario.ctx());
    sample<DatasetRetracted>(&mut out);
    ts::return_shared(raw);

    let cap = flows::admin_tx(&mut scenario);
    let mut attester = scenario.take_shared<Attester>();
    attester::rotate_key(&cap, &mut attester, sig::key_b(), &clock, scenario.ctx());
    sample<AttesterKeyRotated>(&mut out);
    attester::revoke(&cap, &mut attester, &clock, scenario.ctx());
    sample<AttesterRevoked>(&mut out);
    ts::return_shared(attester);
    scenario.return_to_sender<AdminCap>(cap);

    // Seal policies: tx 8 creates an allowlist; tx 9 edits it and creates a timelock and a
    // subscription service; tx 10 subscribes (as the outsider); tx 11 withdraws the fees.
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
    let service_cap = subscription::create(str(b"premium"), FEE_MIST, TTL_MS, &clock, scenario.ctx());
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

    // Objects, as they stand at the end of the story (tx 12).
    scenario.next_tx(flows::creator());
    let attester = scenario.take_shared<Attester>();
    record(&mut out, &attester);
    ts::return_shared(attester);
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
/// Prints every sample (visible with the native `sui move test`) and checks there is one per
/// event and object type.
fun golden_vectors() {
    let vectors = vectors();
    vectors.do_ref!(|v| std::debug::print(v));
    assert!(vectors.length() == 3 * (16 + 11));
}
