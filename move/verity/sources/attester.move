/// Attesters: the registered ed25519 keys whose signatures make an attestation trustworthy.
///
/// Pattern: admin-capability registry, as Nautilus registers enclave keys. The holder of the
/// package's single `AdminCap` (created at publish) registers plain-key attesters (a person, a
/// CI job, a server), rotates their keys and revokes any attester. Enclave attesters are
/// registered by anyone from an AWS Nitro attestation document (`verity::enclave`): their key
/// comes from the document, never from the admin, and cannot be rotated.
///
/// Every key ever registered or rotated to is kept in the shared `AttesterRegistry`, so a key
/// belongs to one attester forever: nobody can register, or rotate to, a key another attester
/// holds or held, and a signature therefore names its attester unambiguously. Each attester
/// also keeps the digest of every message it has had recorded (`consume`), so the same signed
/// message is recorded at most once.
module verity::attester;

use std::string::String;
use sui::clock::Clock;
use sui::dynamic_field;
use sui::ed25519;
use sui::event;
use sui::hash;
use sui::table::{Self, Table};
use verity::version;

/// Length of an ed25519 public key, in bytes.
const PUBLIC_KEY_LENGTH: u64 = 32;

#[error(code = 1)]
const EInvalidPublicKey: vector<u8> = b"an ed25519 public key is exactly 32 bytes";
#[error(code = 2)]
const EEmptyName: vector<u8> = b"an attester needs a non-empty name";
#[error(code = 3)]
const ERevoked: vector<u8> = b"the attester is revoked";
#[error(code = 4)]
const EKeyInUse: vector<u8> =
    b"the public key belongs to an attester already (keys are never reused)";
#[error(code = 5)]
const EEnclaveKey: vector<u8> =
    b"an enclave attester's key comes from its attestation document and cannot be rotated";
#[error(code = 6)]
const EInvalidSignature: vector<u8> =
    b"the signature does not verify against the attester's current key";
#[error(code = 7)]
const EReplayed: vector<u8> = b"this signed message was recorded already";

/// Authority to register plain-key attesters, rotate their keys, revoke attesters, create
/// enclave configurations and migrate this module's objects. One is minted at publish.
public struct AdminCap has key, store { id: UID }

/// Every public key ever held by an attester (shared object, one per package).
public struct AttesterRegistry has key {
    id: UID,
    version: u64,
    /// Public key (32 bytes) -> the attester that holds or held it.
    keys: Table<vector<u8>, ID>,
}

/// Dynamic-field key on the `AttesterRegistry`: the enclave configuration `config` is retired
/// (no new enclave registers under it).
public struct RetiredConfig has copy, drop, store { config: ID }

/// A registered signing key (shared object).
public struct Attester has key {
    id: UID,
    version: u64,
    name: String,
    /// Current ed25519 public key, 32 bytes.
    public_key: vector<u8>,
    /// The `enclave::EnclaveConfig` whose image holds the key, for an enclave attester.
    enclave_config: Option<ID>,
    /// Enclave measurements `[PCR0, PCR1, PCR2]` (48 bytes each), or empty for a plain key.
    pcrs: vector<vector<u8>>,
    /// 0 at registration, +1 on every key rotation.
    key_version: u64,
    revoked: bool,
    /// blake2b-256 of every signed message recorded under this attester -> true.
    recorded: Table<vector<u8>, bool>,
}

/// Emitted when an attester is registered (by the admin, or from an enclave's document).
public struct AttesterRegistered has copy, drop {
    attester_id: ID,
    name: String,
    public_key: vector<u8>,
    enclave_config: Option<ID>,
    pcrs: vector<vector<u8>>,
    /// Who registered it: the `AdminCap` holder, or whoever submitted the enclave's document.
    registrant: address,
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

/// Emitted when an attester is revoked; none of its signatures is recorded from then on.
public struct AttesterRevoked has copy, drop {
    attester_id: ID,
    public_key: vector<u8>,
    admin: address,
    timestamp_ms: u64,
}

fun init(ctx: &mut TxContext) {
    transfer::public_transfer(AdminCap { id: object::new(ctx) }, ctx.sender());
    transfer::share_object(AttesterRegistry {
        id: object::new(ctx),
        version: version::current(),
        keys: table::new(ctx),
    });
}

/// Registers a plain ed25519 key (32 bytes) under `name` and shares the new `Attester`.
/// Returns its id. Aborts with `EInvalidPublicKey`, `EEmptyName`, `EKeyInUse` (the key is or
/// was held by an attester) or `version::EWrongVersion`.
public fun register(
    _: &AdminCap,
    registry: &mut AttesterRegistry,
    name: String,
    public_key: vector<u8>,
    clock: &Clock,
    ctx: &mut TxContext,
): ID {
    new(registry, name, public_key, option::none(), vector[], clock, ctx)
}

/// Replaces a plain-key attester's key with `new_public_key` (32 bytes, never held by any
/// attester) and bumps `key_version`. Aborts with `ERevoked`, `EEnclaveKey`,
/// `EInvalidPublicKey`, `EKeyInUse` or `version::EWrongVersion`.
public fun rotate_key(
    _: &AdminCap,
    registry: &mut AttesterRegistry,
    self: &mut Attester,
    new_public_key: vector<u8>,
    clock: &Clock,
    ctx: &TxContext,
) {
    version::assert_current(self.version);
    assert!(!self.revoked, ERevoked);
    assert!(self.enclave_config.is_none(), EEnclaveKey);
    registry.claim_key(new_public_key, object::id(self));
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

/// Revokes the attester for good: no signature of it is recorded from then on. Aborts with
/// `ERevoked` when already revoked, or `version::EWrongVersion`.
public fun revoke(_: &AdminCap, self: &mut Attester, clock: &Clock, ctx: &TxContext) {
    version::assert_current(self.version);
    assert!(!self.revoked, ERevoked);
    self.revoked = true;
    event::emit(AttesterRevoked {
        attester_id: self.id.to_inner(),
        public_key: self.public_key,
        admin: ctx.sender(),
        timestamp_ms: clock.timestamp_ms(),
    });
}

/// Moves the attester to this package's version (after an upgrade that bumped it). Aborts
/// with `version::ENotOlder` when it is already there.
public fun migrate(_: &AdminCap, self: &mut Attester) {
    self.version = version::migrated(self.version);
}

/// Moves the registry to this package's version. Aborts with `version::ENotOlder` when it is
/// already there.
public fun migrate_registry(_: &AdminCap, self: &mut AttesterRegistry) {
    self.version = version::migrated(self.version);
}

/// The attester's current ed25519 public key (32 bytes).
public fun public_key(self: &Attester): vector<u8> { self.public_key }

/// The enclave configuration the attester was registered under, for an enclave.
public fun enclave_config(self: &Attester): Option<ID> { self.enclave_config }

/// Whether the key lives in an attested enclave (registered from a Nitro document).
public fun is_enclave(self: &Attester): bool { self.enclave_config.is_some() }

/// The enclave measurements `[PCR0, PCR1, PCR2]`, or empty for a plain key.
public fun pcrs(self: &Attester): vector<vector<u8>> { self.pcrs }

/// Whether the attester has been revoked.
public fun is_revoked(self: &Attester): bool { self.revoked }

/// How many times the key was rotated.
public fun key_version(self: &Attester): u64 { self.key_version }

/// The attester's display name.
public fun name(self: &Attester): String { self.name }

/// The object's version (`version::current()` unless awaiting migration).
public fun version(self: &Attester): u64 { self.version }

/// The attester that holds or held `public_key`, if any.
public fun key_holder(self: &AttesterRegistry, public_key: vector<u8>): Option<ID> {
    if (self.keys.contains(public_key)) option::some(self.keys[public_key]) else option::none()
}

/// Whether the enclave configuration `config` is retired.
public fun is_enclave_config_retired(self: &AttesterRegistry, config: ID): bool {
    dynamic_field::exists(&self.id, RetiredConfig { config })
}

/// Whether `signature` (64 bytes) is a valid ed25519 signature of `message` under the
/// attester's current key. Aborts with `ERevoked` when the attester is revoked.
public fun verify(self: &Attester, signature: &vector<u8>, message: &vector<u8>): bool {
    assert!(!self.revoked, ERevoked);
    ed25519::ed25519_verify(signature, &self.public_key, message)
}

/// Checks `signature` over `message` and marks the message recorded, so it is never accepted
/// again. Aborts with `version::EWrongVersion`, `ERevoked`, `EInvalidSignature` or `EReplayed`.
public(package) fun consume(self: &mut Attester, signature: &vector<u8>, message: &vector<u8>) {
    version::assert_current(self.version);
    assert!(self.verify(signature, message), EInvalidSignature);
    let digest = hash::blake2b256(message);
    assert!(!self.recorded.contains(digest), EReplayed);
    self.recorded.add(digest, true);
}

/// Marks the enclave configuration `config` retired, for good. Returns false when it was
/// already. Aborts with `version::EWrongVersion`.
public(package) fun retire_enclave_config(self: &mut AttesterRegistry, config: ID): bool {
    version::assert_current(self.version);
    if (self.is_enclave_config_retired(config)) return false;
    dynamic_field::add(&mut self.id, RetiredConfig { config }, true);
    true
}

/// Registers an attester whose key lives in the enclave image `enclave_config` (PCRs checked
/// by the caller) and shares it. Aborts as `register` does.
public(package) fun new_enclave(
    registry: &mut AttesterRegistry,
    name: String,
    public_key: vector<u8>,
    enclave_config: ID,
    pcrs: vector<vector<u8>>,
    clock: &Clock,
    ctx: &mut TxContext,
): ID {
    new(registry, name, public_key, option::some(enclave_config), pcrs, clock, ctx)
}

fun new(
    registry: &mut AttesterRegistry,
    name: String,
    public_key: vector<u8>,
    enclave_config: Option<ID>,
    pcrs: vector<vector<u8>>,
    clock: &Clock,
    ctx: &mut TxContext,
): ID {
    assert!(!name.is_empty(), EEmptyName);
    let attester = Attester {
        id: object::new(ctx),
        version: version::current(),
        name,
        public_key,
        enclave_config,
        pcrs,
        key_version: 0,
        revoked: false,
        recorded: table::new(ctx),
    };
    let attester_id = attester.id.to_inner();
    registry.claim_key(public_key, attester_id);
    event::emit(AttesterRegistered {
        attester_id,
        name,
        public_key,
        enclave_config,
        pcrs,
        registrant: ctx.sender(),
        timestamp_ms: clock.timestamp_ms(),
    });
    transfer::share_object(attester);
    attester_id
}

/// Records `public_key` (32 bytes, never held before) as `attester`'s, forever.
fun claim_key(self: &mut AttesterRegistry, public_key: vector<u8>, attester: ID) {
    version::assert_current(self.version);
    assert!(public_key.length() == PUBLIC_KEY_LENGTH, EInvalidPublicKey);
    assert!(!self.keys.contains(public_key), EKeyInUse);
    self.keys.add(public_key, attester);
}

#[test_only]
/// Runs the module initializer (mints the `AdminCap` to the sender, shares the registry).
public fun init_for_testing(ctx: &mut TxContext) {
    init(ctx)
}

#[test_only]
/// Sets the attester's version, to test migrations and version checks.
public fun set_version_for_testing(self: &mut Attester, version: u64) {
    self.version = version;
}

#[test_only]
/// Sets the registry's version, to test migrations and version checks.
public fun set_registry_version_for_testing(self: &mut AttesterRegistry, version: u64) {
    self.version = version;
}
