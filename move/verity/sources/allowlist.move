/// Allowlist: a Seal policy that lets a set of addresses decrypt.
///
/// Pattern: Seal's `whitelist`. `create` shares an `Allowlist` and returns the `Cap` that
/// governs it; only the holder of that cap adds and removes members. To add members in the
/// same transaction, `new` returns the allowlist unshared with its cap, and `share` shares it
/// after the `add` calls (an object shared in a transaction cannot be used by later commands).
/// Any member may decrypt every blob encrypted under an identity that starts with the
/// allowlist's id (see `verity::seal_identity`); removing a member denies them from the next key
/// request on.
/// Related policies: `verity::timelock` (anyone, after a time) and `verity::subscription`
/// (anyone who paid, until the subscription expires).
module verity::allowlist;

use std::string::String;
use sui::clock::Clock;
use sui::event;
use sui::table::{Self, Table};
use verity::seal_identity;
use verity::version;

#[error(code = 1)]
const ENoAccess: vector<u8> =
    b"the sender is not a member, or the identity is not under this allowlist";
#[error(code = 2)]
const EInvalidCap: vector<u8> = b"the cap governs another allowlist";
#[error(code = 3)]
const EAlreadyMember: vector<u8> = b"the address is already a member";
#[error(code = 4)]
const ENotMember: vector<u8> = b"the address is not a member";

/// A set of addresses allowed to decrypt (shared object).
public struct Allowlist has key {
    id: UID,
    version: u64,
    name: String,
    /// Members; the value is always `true`.
    members: Table<address, bool>,
}

/// Authority to add and remove members of the allowlist `allowlist_id`.
public struct Cap has key, store {
    id: UID,
    allowlist_id: ID,
}

/// Emitted when an allowlist is created.
public struct AllowlistCreated has copy, drop {
    allowlist_id: ID,
    cap_id: ID,
    name: String,
    creator: address,
    timestamp_ms: u64,
}

/// Emitted when the cap holder adds a member.
public struct AllowlistMemberAdded has copy, drop {
    allowlist_id: ID,
    member: address,
    admin: address,
    timestamp_ms: u64,
}

/// Emitted when the cap holder removes a member; they are denied from then on.
public struct AllowlistMemberRemoved has copy, drop {
    allowlist_id: ID,
    member: address,
    admin: address,
    timestamp_ms: u64,
}

/// Creates an empty allowlist named `name` and the `Cap` that governs it, and emits
/// `AllowlistCreated`. The allowlist is not shared yet: the caller may `add` members in the same
/// transaction, then must `share` it (it has neither `store` nor `drop`, so nothing else can
/// consume it and the transaction fails otherwise).
public fun new(name: String, clock: &Clock, ctx: &mut TxContext): (Allowlist, Cap) {
    let allowlist = Allowlist {
        id: object::new(ctx),
        version: version::current(),
        name,
        members: table::new(ctx),
    };
    let cap = Cap { id: object::new(ctx), allowlist_id: object::id(&allowlist) };
    event::emit(AllowlistCreated {
        allowlist_id: cap.allowlist_id,
        cap_id: object::id(&cap),
        name,
        creator: ctx.sender(),
        timestamp_ms: clock.timestamp_ms(),
    });
    (allowlist, cap)
}

/// Shares an allowlist made by `new`, so key servers and the cap holder can reach it.
public fun share(allowlist: Allowlist) {
    transfer::share_object(allowlist);
}

/// Creates an empty allowlist named `name`, shares it and returns the `Cap` that governs it:
/// `new` followed by `share`.
public fun create(name: String, clock: &Clock, ctx: &mut TxContext): Cap {
    let (allowlist, cap) = new(name, clock, ctx);
    allowlist.share();
    cap
}

/// Adds `member`. Aborts with `EInvalidCap`, `EAlreadyMember` or `version::EWrongVersion`.
public fun add(self: &mut Allowlist, cap: &Cap, member: address, clock: &Clock, ctx: &TxContext) {
    self.check_cap(cap);
    assert!(!self.members.contains(member), EAlreadyMember);
    self.members.add(member, true);
    event::emit(AllowlistMemberAdded {
        allowlist_id: object::id(self),
        member,
        admin: ctx.sender(),
        timestamp_ms: clock.timestamp_ms(),
    });
}

/// Removes `member`; their next key request is denied. Aborts with `EInvalidCap`,
/// `ENotMember` or `version::EWrongVersion`.
public fun remove(
    self: &mut Allowlist,
    cap: &Cap,
    member: address,
    clock: &Clock,
    ctx: &TxContext,
) {
    self.check_cap(cap);
    assert!(self.members.contains(member), ENotMember);
    self.members.remove(member);
    event::emit(AllowlistMemberRemoved {
        allowlist_id: object::id(self),
        member,
        admin: ctx.sender(),
        timestamp_ms: clock.timestamp_ms(),
    });
}

/// Whether `addr` is a member.
public fun is_member(self: &Allowlist, addr: address): bool {
    self.members.contains(addr)
}

/// Seal policy check, dry-run by the key servers: grants the key for identity `id` (the
/// allowlist's 32-byte id followed by any nonce) when the sender is a member.
/// Aborts with `ENoAccess` otherwise, or `version::EWrongVersion`.
entry fun seal_approve(id: vector<u8>, self: &Allowlist, ctx: &TxContext) {
    version::assert_current(self.version);
    assert!(seal_identity::has_prefix(&object::id(self).to_bytes(), &id), ENoAccess);
    assert!(self.is_member(ctx.sender()), ENoAccess);
}

/// Moves the allowlist to this package's version (after an upgrade that bumped it). Aborts
/// with `EInvalidCap` or `version::ENotOlder`.
public fun migrate(self: &mut Allowlist, cap: &Cap) {
    assert!(cap.allowlist_id == object::id(self), EInvalidCap);
    self.version = version::migrated(self.version);
}

fun check_cap(self: &Allowlist, cap: &Cap) {
    version::assert_current(self.version);
    assert!(cap.allowlist_id == object::id(self), EInvalidCap);
}

#[test_only]
/// Calls the private entry `seal_approve` with the same arguments, for tests.
public fun seal_approve_for_testing(id: vector<u8>, self: &Allowlist, ctx: &TxContext) {
    seal_approve(id, self, ctx)
}

#[test_only]
/// Sets the allowlist's version, to test migrations and version checks.
public fun set_version_for_testing(self: &mut Allowlist, version: u64) {
    self.version = version;
}
