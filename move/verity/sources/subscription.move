/// Subscription: a Seal policy that lets anyone who paid decrypt for a limited time.
///
/// Pattern: Seal's `subscription`. `create` shares a `Service` with a fee (MIST) and a
/// time-to-live (ms) and returns the `Cap` that governs it. Anyone pays the exact fee to
/// `subscribe` and gets a `Subscription`, owned by an address (see `transfer`), which lets its
/// owner decrypt every blob encrypted under an identity that starts with the service's id (see
/// `verity::seal_identity`) until it expires. Fees accumulate in the service; only the cap
/// holder withdraws them. Fee and time-to-live are fixed at creation.
/// Related policies: `verity::allowlist` (named members) and `verity::timelock` (anyone, after
/// a time).
module verity::subscription;

use std::string::String;
use sui::balance::{Self, Balance};
use sui::clock::Clock;
use sui::coin::{Self, Coin};
use sui::event;
use sui::sui::SUI;
use verity::seal_identity;
use verity::version;

#[error(code = 1)]
const ENoAccess: vector<u8> =
    b"the subscription is expired, of another service, or the identity is not under this service";
#[error(code = 2)]
const EInvalidCap: vector<u8> = b"the cap governs another service";
#[error(code = 3)]
const EWrongFee: vector<u8> = b"the payment does not equal the service's fee";
#[error(code = 4)]
const EZeroTtl: vector<u8> = b"a subscription's time-to-live must be positive";

/// A paid, expiring access service (shared object).
public struct Service has key {
    id: UID,
    version: u64,
    name: String,
    /// Price of one subscription, in MIST.
    fee_mist: u64,
    /// How long a subscription lasts, in ms; `u64::MAX` never expires.
    ttl_ms: u64,
    /// Fees paid and not yet withdrawn.
    balance: Balance<SUI>,
}

/// Authority to withdraw the fees of the service `service_id`.
public struct Cap has key, store {
    id: UID,
    service_id: ID,
}

/// A paid subscription (owned object; moved only with `transfer`).
public struct Subscription has key {
    id: UID,
    service_id: ID,
    /// Who paid for it.
    subscriber: address,
    /// When it was bought, ms since the Unix epoch.
    created_ms: u64,
    /// From this time on (ms since the Unix epoch) it grants nothing.
    expires_ms: u64,
}

/// Emitted when a service is created.
public struct ServiceCreated has copy, drop {
    service_id: ID,
    cap_id: ID,
    name: String,
    fee_mist: u64,
    ttl_ms: u64,
    creator: address,
    timestamp_ms: u64,
}

/// Emitted for every subscription bought.
public struct Subscribed has copy, drop {
    service_id: ID,
    subscription_id: ID,
    subscriber: address,
    fee_mist: u64,
    expires_ms: u64,
    timestamp_ms: u64,
}

/// Emitted when the cap holder withdraws the accumulated fees.
public struct FeesWithdrawn has copy, drop {
    service_id: ID,
    amount_mist: u64,
    recipient: address,
    timestamp_ms: u64,
}

/// Creates a service selling subscriptions for `fee_mist` MIST that last `ttl_ms` ms
/// (`u64::MAX`: forever), shares it and returns the `Cap` that governs it.
/// Aborts with `EZeroTtl` when `ttl_ms` is 0.
public fun create(
    name: String,
    fee_mist: u64,
    ttl_ms: u64,
    clock: &Clock,
    ctx: &mut TxContext,
): Cap {
    assert!(ttl_ms > 0, EZeroTtl);
    let service = Service {
        id: object::new(ctx),
        version: version::current(),
        name,
        fee_mist,
        ttl_ms,
        balance: balance::zero(),
    };
    let cap = Cap { id: object::new(ctx), service_id: object::id(&service) };
    event::emit(ServiceCreated {
        service_id: cap.service_id,
        cap_id: object::id(&cap),
        name,
        fee_mist,
        ttl_ms,
        creator: ctx.sender(),
        timestamp_ms: clock.timestamp_ms(),
    });
    transfer::share_object(service);
    cap
}

/// Buys a subscription with `fee`, which must hold exactly `fee_mist` MIST and goes to the
/// service. It expires `ttl_ms` ms from now (never, when that passes `u64::MAX`). Hand it to
/// its owner with `transfer`. Aborts with `EWrongFee` or `version::EWrongVersion`.
public fun subscribe(
    self: &mut Service,
    fee: Coin<SUI>,
    clock: &Clock,
    ctx: &mut TxContext,
): Subscription {
    version::assert_current(self.version);
    assert!(fee.value() == self.fee_mist, EWrongFee);
    self.balance.join(fee.into_balance());
    let created_ms = clock.timestamp_ms();
    let expires_ms = if (self.ttl_ms > std::u64::max_value!() - created_ms) std::u64::max_value!()
    else created_ms + self.ttl_ms;
    let sub = Subscription {
        id: object::new(ctx),
        service_id: object::id(self),
        subscriber: ctx.sender(),
        created_ms,
        expires_ms,
    };
    event::emit(Subscribed {
        service_id: sub.service_id,
        subscription_id: object::id(&sub),
        subscriber: sub.subscriber,
        fee_mist: self.fee_mist,
        expires_ms,
        timestamp_ms: created_ms,
    });
    sub
}

/// Sends the subscription to `to`, who may then decrypt with it.
public fun transfer(sub: Subscription, to: address) {
    transfer::transfer(sub, to)
}

/// Withdraws every fee paid so far and returns it as one coin (0 MIST when there is none).
/// Aborts with `EInvalidCap` or `version::EWrongVersion`.
public fun withdraw(self: &mut Service, cap: &Cap, clock: &Clock, ctx: &mut TxContext): Coin<SUI> {
    version::assert_current(self.version);
    assert!(cap.service_id == object::id(self), EInvalidCap);
    let fees = coin::from_balance(self.balance.withdraw_all(), ctx);
    event::emit(FeesWithdrawn {
        service_id: cap.service_id,
        amount_mist: fees.value(),
        recipient: ctx.sender(),
        timestamp_ms: clock.timestamp_ms(),
    });
    fees
}

/// Moves the service to this package's version (after an upgrade that bumped it). Aborts with
/// `EInvalidCap` or `version::ENotOlder`.
public fun migrate(self: &mut Service, cap: &Cap) {
    assert!(cap.service_id == object::id(self), EInvalidCap);
    self.version = version::migrated(self.version);
}

/// Price of one subscription, in MIST.
public fun fee_mist(self: &Service): u64 { self.fee_mist }

/// Fees paid and not yet withdrawn, in MIST.
public fun balance_mist(self: &Service): u64 { self.balance.value() }

/// When the subscription stops granting access, ms since the Unix epoch.
public fun expires_ms(sub: &Subscription): u64 { sub.expires_ms }

/// Seal policy check, dry-run by the key servers: grants the key for identity `id` (the
/// service's 32-byte id followed by any nonce) to the owner of `sub`, a subscription to
/// `service`, until `expires_ms`. Aborts with `ENoAccess` otherwise, or `version::EWrongVersion`.
entry fun seal_approve(id: vector<u8>, sub: &Subscription, service: &Service, clock: &Clock) {
    version::assert_current(service.version);
    assert!(seal_identity::has_prefix(&object::id(service).to_bytes(), &id), ENoAccess);
    assert!(sub.service_id == object::id(service), ENoAccess);
    assert!(clock.timestamp_ms() < sub.expires_ms, ENoAccess);
}

#[test_only]
/// Calls the private entry `seal_approve` with the same arguments, for tests.
public fun seal_approve_for_testing(
    id: vector<u8>,
    sub: &Subscription,
    service: &Service,
    clock: &Clock,
) {
    seal_approve(id, sub, service, clock)
}

#[test_only]
/// Sets the service's version, to test migrations and version checks.
public fun set_version_for_testing(self: &mut Service, version: u64) {
    self.version = version;
}
