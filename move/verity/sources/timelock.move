/// Timelock: a Seal policy that lets anyone decrypt from a given time on.
///
/// Pattern: Seal's `tle` (time-lock encryption), bound to an on-chain object. `create` freezes
/// a `Timelock` holding the unlock time; nobody, its creator included, can change it, so the
/// release date is a public commitment. Freezing (rather than sharing) lets key servers read
/// it without consensus. An unlock time in the past opens it at once.
/// Related policies: `verity::allowlist` (named members) and `verity::subscription` (paid,
/// expiring access).
module verity::timelock;

use sui::clock::Clock;
use sui::event;
use verity::seal_identity;

#[error(code = 1)]
const ENoAccess: vector<u8> =
    b"the timelock has not opened yet, or the identity is not under this timelock";

/// An unlock time (frozen object).
public struct Timelock has key {
    id: UID,
    /// From this time on (ms since the Unix epoch) anyone may decrypt.
    unlock_ms: u64,
    creator: address,
}

/// Emitted when a timelock is created.
public struct TimelockCreated has copy, drop {
    timelock_id: ID,
    unlock_ms: u64,
    creator: address,
    timestamp_ms: u64,
}

/// Creates and freezes a timelock that opens at `unlock_ms` (ms since the Unix epoch).
/// Returns its id.
public fun create(unlock_ms: u64, clock: &Clock, ctx: &mut TxContext): ID {
    let timelock = Timelock { id: object::new(ctx), unlock_ms, creator: ctx.sender() };
    let timelock_id = object::id(&timelock);
    event::emit(TimelockCreated {
        timelock_id,
        unlock_ms,
        creator: timelock.creator,
        timestamp_ms: clock.timestamp_ms(),
    });
    transfer::freeze_object(timelock);
    timelock_id
}

/// The time (ms since the Unix epoch) from which anyone may decrypt.
public fun unlock_ms(self: &Timelock): u64 { self.unlock_ms }

/// Seal policy check, dry-run by the key servers: grants the key for identity `id` (the
/// timelock's 32-byte id followed by any nonce) once the clock reaches `unlock_ms`.
/// Aborts with `ENoAccess` otherwise.
entry fun seal_approve(id: vector<u8>, self: &Timelock, clock: &Clock) {
    assert!(seal_identity::has_prefix(&object::id(self).to_bytes(), &id), ENoAccess);
    assert!(clock.timestamp_ms() >= self.unlock_ms, ENoAccess);
}

#[test_only]
/// Calls the private entry `seal_approve` with the same arguments, for tests.
public fun seal_approve_for_testing(id: vector<u8>, self: &Timelock, clock: &Clock) {
    seal_approve(id, self, clock)
}
