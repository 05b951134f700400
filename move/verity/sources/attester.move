/// Attesters: the registered ed25519 keys whose signatures make an attestation trustworthy.
///
/// Pattern: admin-capability registry, as Nautilus registers enclave keys. The holder of the
/// package's single `AdminCap` (created at publish) registers an attester, rotates its key and
/// revokes it. An attester is either a plain key (a person, a CI job, a server) or a
/// Nautilus-style enclave, in which case its PCR0-PCR2 measurements are recorded with the key
/// so that verifiers can check which enclave image produced a signature.
///
/// Attesters are shared objects: anyone may pass `&Attester` to `attestation::record`, which
/// verifies the signature against the current key. Revocation takes effect at once.
module verity::attester;

use std::string::String;
use sui::clock::Clock;
use sui::ed25519;
use sui::event;

/// Length of an ed25519 public key, in bytes.
const PUBLIC_KEY_LENGTH: u64 = 32;
/// Length of a Nitro enclave PCR measurement (SHA-384), in bytes.
const PCR_LENGTH: u64 = 48;

#[error]
const EInvalidPublicKey: vector<u8> = b"an ed25519 public key is exactly 32 bytes";
#[error]
const EInvalidPcr: vector<u8> = b"a PCR measurement is exactly 48 bytes (SHA-384)";
#[error]
const EEmptyName: vector<u8> = b"an attester needs a non-empty name";
#[error]
const ERevoked: vector<u8> = b"the attester is revoked";
#[error]
const ESameKey: vector<u8> = b"the new public key equals the current one";

/// Authority to register, rotate and revoke attesters. One is minted at publish.
public struct AdminCap has key, store { id: UID }

/// A registered signing key (shared object).
public struct Attester has key {
    id: UID,
    name: String,
    /// Current ed25519 public key, 32 bytes.
    public_key: vector<u8>,
    /// Enclave measurements `[PCR0, PCR1, PCR2]` (48 bytes each), or empty for a plain key.
    pcrs: vector<vector<u8>>,
    /// 0 at registration, +1 on every key rotation.
    key_version: u64,
    revoked: bool,
}

/// Emitted when an attester is registered.
public struct AttesterRegistered has copy, drop {
    attester_id: ID,
    name: String,
    public_key: vector<u8>,
    pcrs: vector<vector<u8>>,
    admin: address,
    timestamp_ms: u64,
}

/// Emitted when an attester's key is replaced; signatures by the old key stop verifying.
public struct AttesterKeyRotated has copy, drop {
    attester_id: ID,
    old_public_key: vector<u8>,
    new_public_key: vector<u8>,
    key_version: u64,
    admin: address,
    timestamp_ms: u64,
}

/// Emitted when an attester is revoked; it can sign nothing from then on.
public struct AttesterRevoked has copy, drop {
    attester_id: ID,
    public_key: vector<u8>,
    admin: address,
    timestamp_ms: u64,
}

fun init(ctx: &mut TxContext) {
    transfer::public_transfer(AdminCap { id: object::new(ctx) }, ctx.sender());
}

/// Registers a plain ed25519 key (32 bytes) under `name` and shares the new `Attester`.
/// Returns its id. Aborts with `EInvalidPublicKey` or `EEmptyName`.
public fun register(
    _: &AdminCap,
    name: String,
    public_key: vector<u8>,
    clock: &Clock,
    ctx: &mut TxContext,
): ID {
    new(name, public_key, vector[], clock, ctx)
}

/// Registers a Nautilus-style enclave: its ed25519 key plus the PCR0, PCR1 and PCR2
/// measurements (48 bytes each) of the enclave image that holds it. Shares the `Attester` and
/// returns its id. Aborts with `EInvalidPublicKey`, `EInvalidPcr` or `EEmptyName`.
public fun register_enclave(
    _: &AdminCap,
    name: String,
    public_key: vector<u8>,
    pcr0: vector<u8>,
    pcr1: vector<u8>,
    pcr2: vector<u8>,
    clock: &Clock,
    ctx: &mut TxContext,
): ID {
    let pcrs = vector[pcr0, pcr1, pcr2];
    pcrs.do_ref!(|pcr| assert!(pcr.length() == PCR_LENGTH, EInvalidPcr));
    new(name, public_key, pcrs, clock, ctx)
}

/// Replaces the attester's key with `new_public_key` (32 bytes) and bumps `key_version`.
/// Aborts with `ERevoked`, `EInvalidPublicKey` or `ESameKey`.
public fun rotate_key(
    _: &AdminCap,
    self: &mut Attester,
    new_public_key: vector<u8>,
    clock: &Clock,
    ctx: &TxContext,
) {
    assert!(!self.revoked, ERevoked);
    assert!(new_public_key.length() == PUBLIC_KEY_LENGTH, EInvalidPublicKey);
    assert!(new_public_key != self.public_key, ESameKey);
    let old_public_key = self.public_key;
    self.public_key = new_public_key;
    self.key_version = self.key_version + 1;
    event::emit(AttesterKeyRotated {
        attester_id: self.id.to_inner(),
        old_public_key,
        new_public_key,
        key_version: self.key_version,
        admin: ctx.sender(),
        timestamp_ms: clock.timestamp_ms(),
    });
}

/// Revokes the attester for good: `attestation::record` rejects it from now on.
/// Aborts with `ERevoked` when already revoked.
public fun revoke(_: &AdminCap, self: &mut Attester, clock: &Clock, ctx: &TxContext) {
    assert!(!self.revoked, ERevoked);
    self.revoked = true;
    event::emit(AttesterRevoked {
        attester_id: self.id.to_inner(),
        public_key: self.public_key,
        admin: ctx.sender(),
        timestamp_ms: clock.timestamp_ms(),
    });
}

/// The attester's current ed25519 public key (32 bytes).
public fun public_key(self: &Attester): vector<u8> { self.public_key }

/// The enclave measurements `[PCR0, PCR1, PCR2]`, or empty for a plain key.
public fun pcrs(self: &Attester): vector<vector<u8>> { self.pcrs }

/// Whether the attester has been revoked.
public fun is_revoked(self: &Attester): bool { self.revoked }

/// How many times the key was rotated.
public fun key_version(self: &Attester): u64 { self.key_version }

/// The attester's display name.
public fun name(self: &Attester): String { self.name }

/// Whether `signature` (64 bytes) is a valid ed25519 signature of `message` under the
/// current key. Aborts with `ERevoked` when the attester is revoked.
public fun verify(self: &Attester, signature: &vector<u8>, message: &vector<u8>): bool {
    assert!(!self.revoked, ERevoked);
    ed25519::ed25519_verify(signature, &self.public_key, message)
}

fun new(
    name: String,
    public_key: vector<u8>,
    pcrs: vector<vector<u8>>,
    clock: &Clock,
    ctx: &mut TxContext,
): ID {
    assert!(!name.is_empty(), EEmptyName);
    assert!(public_key.length() == PUBLIC_KEY_LENGTH, EInvalidPublicKey);
    let attester = Attester { id: object::new(ctx), name, public_key, pcrs, key_version: 0, revoked: false };
    let attester_id = attester.id.to_inner();
    event::emit(AttesterRegistered {
        attester_id,
        name,
        public_key,
        pcrs,
        admin: ctx.sender(),
        timestamp_ms: clock.timestamp_ms(),
    });
    transfer::share_object(attester);
    attester_id
}

#[test_only]
/// Runs the module initializer (mints the `AdminCap` to the sender) in tests.
public fun init_for_testing(ctx: &mut TxContext) {
    init(ctx)
}
