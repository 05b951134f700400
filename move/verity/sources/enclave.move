/// Enclaves: Nautilus-style attesters whose key is proven to live in an AWS Nitro enclave
/// running a known image.
///
/// Pattern: Nautilus's `enclave.move`. The `AdminCap` holder publishes an `EnclaveConfig`: the
/// PCR0, PCR1 and PCR2 measurements (SHA-384, 48 bytes each) of an enclave image built
/// reproducibly from known sources; it is frozen, so the measurements never change (a new
/// image gets a new configuration, and the admin revokes the old image's attesters). Anyone
/// then registers an enclave attester by passing a Nitro attestation document, verified by
/// `sui::nitro_attestation::load_nitro_attestation` in the same PTB (certificate chain to
/// AWS's root, signature, and freshness against the `Clock`): its PCR0-2 must equal the
/// configuration's and its `public_key` (32 bytes, ed25519, generated inside the enclave)
/// becomes the attester's key. The admin never chooses an enclave's key. When an image turns
/// out to be unsafe, the admin retires its configuration (`retire_config`): no new enclave
/// registers under it, and the admin revokes the attesters already registered. All-zero PCRs
/// (what an enclave in debug mode reports, whose memory its host can read) are refused.
module verity::enclave;

use std::string::String;
use sui::clock::Clock;
use sui::event;
use sui::nitro_attestation::NitroAttestationDocument;
use verity::attester::{Self, AdminCap, AttesterRegistry};

/// Length of a Nitro PCR measurement (SHA-384), in bytes.
const PCR_LENGTH: u64 = 48;

#[error(code = 1)]
const EInvalidPcr: vector<u8> = b"a PCR measurement is exactly 48 bytes (SHA-384)";
#[error(code = 2)]
const EEmptyName: vector<u8> = b"an enclave configuration needs a non-empty name";
#[error(code = 3)]
const EPcrMismatch: vector<u8> = b"the document's PCR0-2 differ from the enclave configuration's";
#[error(code = 4)]
const ENoPublicKey: vector<u8> = b"the attestation document carries no public key";
#[error(code = 5)]
const EDebugPcrs: vector<u8> =
    b"all-zero PCRs are a debug-mode enclave's, whose memory its host can read";
#[error(code = 6)]
const EConfigRetired: vector<u8> = b"the enclave configuration is retired";

/// The measurements of one enclave image (immutable object).
public struct EnclaveConfig has key {
    id: UID,
    name: String,
    /// `[PCR0, PCR1, PCR2]`, 48 bytes each.
    pcrs: vector<vector<u8>>,
}

/// Emitted when the admin retires an enclave configuration.
public struct EnclaveConfigRetired has copy, drop {
    config_id: ID,
    admin: address,
    timestamp_ms: u64,
}

/// Emitted when an enclave configuration is published.
public struct EnclaveConfigCreated has copy, drop {
    config_id: ID,
    name: String,
    pcrs: vector<vector<u8>>,
    admin: address,
    timestamp_ms: u64,
}

/// Publishes the measurements of an enclave image (PCR0, PCR1, PCR2, 48 bytes each) under
/// `name`, frozen. Returns its id. Aborts with `EInvalidPcr`, `EDebugPcrs` (all three zero) or
/// `EEmptyName`.
public fun create_config(
    _: &AdminCap,
    name: String,
    pcr0: vector<u8>,
    pcr1: vector<u8>,
    pcr2: vector<u8>,
    clock: &Clock,
    ctx: &mut TxContext,
): ID {
    assert!(!name.is_empty(), EEmptyName);
    let pcrs = vector[pcr0, pcr1, pcr2];
    pcrs.do_ref!(|pcr| assert!(pcr.length() == PCR_LENGTH, EInvalidPcr));
    assert!(pcrs.any!(|pcr| pcr.any!(|byte| *byte != 0)), EDebugPcrs);
    let config = EnclaveConfig { id: object::new(ctx), name, pcrs };
    let config_id = object::id(&config);
    event::emit(EnclaveConfigCreated {
        config_id,
        name,
        pcrs,
        admin: ctx.sender(),
        timestamp_ms: clock.timestamp_ms(),
    });
    transfer::freeze_object(config);
    config_id
}

/// Registers the enclave that produced `document` (the result of
/// `0x2::nitro_attestation::load_nitro_attestation` in the same PTB) as an attester named
/// `name`, and shares it. Anyone may call it: the document proves the key. Returns the
/// attester's id. Aborts with `EPcrMismatch`, `ENoPublicKey`,
/// `attester::EInvalidPublicKey` (not 32 bytes), `attester::EKeyInUse` (a document already
/// registered), `EConfigRetired`, `attester::EEmptyName` or `version::EWrongVersion`.
public fun register(
    config: &EnclaveConfig,
    registry: &mut AttesterRegistry,
    document: NitroAttestationDocument,
    name: String,
    clock: &Clock,
    ctx: &mut TxContext,
): ID {
    let mut measured = vector[vector[], vector[], vector[]];
    document.pcrs().do_ref!(|entry| {
        let index = entry.index() as u64;
        if (index < 3) *vector::borrow_mut(&mut measured, index) = *entry.value();
    });
    register_measured(config, registry, measured, *document.public_key(), name, clock, ctx)
}

/// Retires `config`: no enclave registers under it from now on (revoke the attesters already
/// registered with `attester::revoke`). Aborts with `EConfigRetired` when it is already, or
/// `version::EWrongVersion`.
public fun retire_config(
    _: &AdminCap,
    registry: &mut AttesterRegistry,
    config: &EnclaveConfig,
    clock: &Clock,
    ctx: &TxContext,
) {
    assert!(registry.retire_enclave_config(object::id(config)), EConfigRetired);
    event::emit(EnclaveConfigRetired {
        config_id: object::id(config),
        admin: ctx.sender(),
        timestamp_ms: clock.timestamp_ms(),
    });
}

/// The image's measurements `[PCR0, PCR1, PCR2]`.
public fun pcrs(self: &EnclaveConfig): vector<vector<u8>> { self.pcrs }

/// The image's name.
public fun name(self: &EnclaveConfig): String { self.name }

/// Registers an enclave whose document measured `pcrs` (PCR0-2) and carried `public_key`.
fun register_measured(
    config: &EnclaveConfig,
    registry: &mut AttesterRegistry,
    pcrs: vector<vector<u8>>,
    public_key: Option<vector<u8>>,
    name: String,
    clock: &Clock,
    ctx: &mut TxContext,
): ID {
    assert!(!registry.is_enclave_config_retired(object::id(config)), EConfigRetired);
    assert!(pcrs == config.pcrs, EPcrMismatch);
    assert!(public_key.is_some(), ENoPublicKey);
    attester::new_enclave(
        registry,
        name,
        public_key.destroy_some(),
        object::id(config),
        pcrs,
        clock,
        ctx,
    )
}

#[test_only]
/// `register` from the PCR0-2 and public key of a document: the WASM Move VM the tests run in
/// has the Nitro native switched off (it aborts with `nitro_attestation::ENotSupportedError`),
/// so tests feed the values that real documents carry.
public fun register_measured_for_testing(
    config: &EnclaveConfig,
    registry: &mut AttesterRegistry,
    pcrs: vector<vector<u8>>,
    public_key: Option<vector<u8>>,
    name: String,
    clock: &Clock,
    ctx: &mut TxContext,
): ID {
    register_measured(config, registry, pcrs, public_key, name, clock, ctx)
}
