/// Datasets: immutable data artifacts stored as Walrus blobs, with their lineage.
///
/// Pattern: shared, owner-governed records. Anyone registers a dataset (a Walrus blob id, the
/// SHA-256 of its content, size, media type, name, license, optional Seal policy) and becomes
/// its creator. Only the creator publishes a new version (linked both ways to the previous
/// one), changes its Seal policy or retracts it, e.g. when consent is withdrawn.
///
/// A derived dataset is registered with a hot-potato builder so that every parent is proven
/// on chain, passed by reference rather than claimed by id:
/// `begin_derived(&transform)` -> `add_parent(&parent)` for each parent -> `finish_derived`.
/// The transform attestation must be of kind transform, list every parent among its inputs
/// and list the new blob among its output blobs; retracted parents are refused.
module verity::dataset;

use std::string::String;
use sui::clock::Clock;
use sui::event;
use verity::attestation::{Self, Attestation};

/// Length of a SHA-256 digest, in bytes.
const SHA256_LENGTH: u64 = 32;

#[error]
const EInvalidSha256: vector<u8> = b"sha256 is exactly 32 bytes";
#[error]
const EEmptyName: vector<u8> = b"a dataset needs a non-empty name";
#[error]
const ENotCreator: vector<u8> = b"only the dataset's creator may do this";
#[error]
const ERetracted: vector<u8> = b"the dataset is retracted";
#[error]
const EAlreadySuperseded: vector<u8> = b"a newer version of this dataset already exists";
#[error]
const EEmptyReason: vector<u8> = b"a retraction needs a reason";
#[error]
const ENotTransform: vector<u8> = b"a derived dataset needs an attestation of kind transform";
#[error]
const EParentNotAttested: vector<u8> = b"the parent is not among the transform attestation's inputs";
#[error]
const EDuplicateParent: vector<u8> = b"the parent was already added";
#[error]
const ENoParents: vector<u8> = b"a derived dataset needs at least one parent";
#[error]
const EOutputNotAttested: vector<u8> = b"the blob is not among the transform attestation's output blobs";

/// A registered dataset (shared object).
public struct Dataset has key {
    id: UID,
    creator: address,
    name: String,
    /// Walrus blob id of the content.
    blob_id: u256,
    /// SHA-256 of the content, 32 bytes.
    sha256: vector<u8>,
    /// Content size in bytes.
    size: u64,
    media_type: String,
    /// License identifier, SPDX where one exists (e.g. `CC-BY-4.0`).
    license: String,
    /// Seal access policy (allowlist, timelock or subscription service) guarding the blob.
    policy: Option<ID>,
    /// Datasets this one was derived from.
    parents: vector<ID>,
    /// Transform attestation that produced it, when derived.
    transform: Option<ID>,
    /// Version this one replaces, if any.
    previous: Option<ID>,
    /// Version that replaced this one, if any.
    next: Option<ID>,
    /// 1 for a first version, +1 per new version.
    revision: u64,
    retracted: bool,
}

/// In-flight registration of a derived dataset; must be consumed by `finish_derived`.
public struct DerivedDataset {
    transform: ID,
    inputs: vector<ID>,
    output_blobs: vector<u256>,
    parents: vector<ID>,
}

/// Emitted for every new dataset: a first registration, a derived dataset or a new version.
public struct DatasetRegistered has copy, drop {
    dataset_id: ID,
    creator: address,
    name: String,
    blob_id: u256,
    sha256: vector<u8>,
    size: u64,
    media_type: String,
    license: String,
    policy: Option<ID>,
    parents: vector<ID>,
    transform: Option<ID>,
    previous: Option<ID>,
    revision: u64,
    timestamp_ms: u64,
}

/// Emitted when the creator retracts a dataset.
public struct DatasetRetracted has copy, drop {
    dataset_id: ID,
    creator: address,
    reason: String,
    timestamp_ms: u64,
}

/// Emitted when the creator sets or clears the dataset's Seal policy.
public struct DatasetPolicySet has copy, drop {
    dataset_id: ID,
    policy: Option<ID>,
    creator: address,
    timestamp_ms: u64,
}

/// Registers a dataset stored as Walrus blob `blob_id` (u256) whose content has SHA-256
/// `sha256` (32 bytes) and `size` bytes. Shares it and returns its id.
/// Aborts with `EInvalidSha256` or `EEmptyName`.
public fun register(
    name: String,
    blob_id: u256,
    sha256: vector<u8>,
    size: u64,
    media_type: String,
    license: String,
    policy: Option<ID>,
    clock: &Clock,
    ctx: &mut TxContext,
): ID {
    new(name, blob_id, sha256, size, media_type, license, policy, vector[], option::none(), option::none(), 1, clock, ctx)
}

/// Starts registering a dataset derived by `transform`.
/// Aborts with `ENotTransform` when the attestation is of another kind.
public fun begin_derived(transform: &Attestation): DerivedDataset {
    assert!(transform.kind() == attestation::kind_transform(), ENotTransform);
    DerivedDataset {
        transform: object::id(transform),
        inputs: transform.inputs(),
        output_blobs: transform.output_blobs(),
        parents: vector[],
    }
}

/// Adds a parent, proven by reference. Aborts with `ERetracted`, `EParentNotAttested` (not an
/// input of the transform) or `EDuplicateParent`.
public fun add_parent(self: &mut DerivedDataset, parent: &Dataset) {
    let parent_id = object::id(parent);
    assert!(!parent.retracted, ERetracted);
    assert!(self.inputs.contains(&parent_id), EParentNotAttested);
    assert!(!self.parents.contains(&parent_id), EDuplicateParent);
    self.parents.push_back(parent_id);
}

/// Registers the derived dataset, shares it and returns its id. Aborts with `ENoParents`,
/// `EOutputNotAttested` (blob not an output of the transform), `EInvalidSha256` or
/// `EEmptyName`.
public fun finish_derived(
    self: DerivedDataset,
    name: String,
    blob_id: u256,
    sha256: vector<u8>,
    size: u64,
    media_type: String,
    license: String,
    policy: Option<ID>,
    clock: &Clock,
    ctx: &mut TxContext,
): ID {
    let DerivedDataset { transform, inputs: _, output_blobs, parents } = self;
    assert!(!parents.is_empty(), ENoParents);
    assert!(output_blobs.contains(&blob_id), EOutputNotAttested);
    new(name, blob_id, sha256, size, media_type, license, policy, parents, option::some(transform), option::none(), 1, clock, ctx)
}

/// Publishes a new version of `previous` with new content; name, license, Seal policy and
/// lineage are carried over, `revision` goes up by one, and both versions link to each other.
/// Returns the new dataset's id. Aborts with `ENotCreator`, `ERetracted`,
/// `EAlreadySuperseded` or `EInvalidSha256`.
public fun publish_version(
    previous: &mut Dataset,
    blob_id: u256,
    sha256: vector<u8>,
    size: u64,
    media_type: String,
    clock: &Clock,
    ctx: &mut TxContext,
): ID {
    assert!(previous.creator == ctx.sender(), ENotCreator);
    assert!(!previous.retracted, ERetracted);
    assert!(previous.next.is_none(), EAlreadySuperseded);
    let next = new(
        previous.name,
        blob_id,
        sha256,
        size,
        media_type,
        previous.license,
        previous.policy,
        previous.parents,
        previous.transform,
        option::some(object::id(previous)),
        previous.revision + 1,
        clock,
        ctx,
    );
    previous.next = option::some(next);
    next
}

/// Retracts the dataset, e.g. when consent is withdrawn; it can no longer be a parent or get
/// new versions. Aborts with `ENotCreator`, `ERetracted` or `EEmptyReason`.
public fun retract(self: &mut Dataset, reason: String, clock: &Clock, ctx: &TxContext) {
    assert!(self.creator == ctx.sender(), ENotCreator);
    assert!(!self.retracted, ERetracted);
    assert!(!reason.is_empty(), EEmptyReason);
    self.retracted = true;
    event::emit(DatasetRetracted {
        dataset_id: object::id(self),
        creator: self.creator,
        reason,
        timestamp_ms: clock.timestamp_ms(),
    });
}

/// Sets (or, with none, clears) the Seal policy guarding the dataset's blob.
/// Aborts with `ENotCreator` or `ERetracted`.
public fun set_policy(self: &mut Dataset, policy: Option<ID>, clock: &Clock, ctx: &TxContext) {
    assert!(self.creator == ctx.sender(), ENotCreator);
    assert!(!self.retracted, ERetracted);
    self.policy = policy;
    event::emit(DatasetPolicySet {
        dataset_id: object::id(self),
        policy,
        creator: self.creator,
        timestamp_ms: clock.timestamp_ms(),
    });
}

/// Who registered the dataset.
public fun creator(self: &Dataset): address { self.creator }

/// Walrus blob id of the content.
public fun blob_id(self: &Dataset): u256 { self.blob_id }

/// SHA-256 of the content (32 bytes).
public fun sha256(self: &Dataset): vector<u8> { self.sha256 }

/// Seal policy guarding the content, if any.
public fun policy(self: &Dataset): Option<ID> { self.policy }

/// Datasets this one was derived from.
public fun parents(self: &Dataset): vector<ID> { self.parents }

/// Version this one replaced, if any.
public fun previous(self: &Dataset): Option<ID> { self.previous }

/// Version that replaced this one, if any.
public fun next(self: &Dataset): Option<ID> { self.next }

/// 1 for a first version, +1 per new version.
public fun revision(self: &Dataset): u64 { self.revision }

/// Whether the creator has retracted it.
public fun is_retracted(self: &Dataset): bool { self.retracted }

fun new(
    name: String,
    blob_id: u256,
    sha256: vector<u8>,
    size: u64,
    media_type: String,
    license: String,
    policy: Option<ID>,
    parents: vector<ID>,
    transform: Option<ID>,
    previous: Option<ID>,
    revision: u64,
    clock: &Clock,
    ctx: &mut TxContext,
): ID {
    assert!(!name.is_empty(), EEmptyName);
    assert!(sha256.length() == SHA256_LENGTH, EInvalidSha256);
    let dataset = Dataset {
        id: object::new(ctx),
        creator: ctx.sender(),
        name,
        blob_id,
        sha256,
        size,
        media_type,
        license,
        policy,
        parents,
        transform,
        previous,
        next: option::none(),
        revision,
        retracted: false,
    };
    let dataset_id = object::id(&dataset);
    event::emit(DatasetRegistered {
        dataset_id,
        creator: dataset.creator,
        name,
        blob_id,
        sha256,
        size,
        media_type,
        license,
        policy,
        parents,
        transform,
        previous,
        revision,
        timestamp_ms: clock.timestamp_ms(),
    });
    transfer::share_object(dataset);
    dataset_id
}
