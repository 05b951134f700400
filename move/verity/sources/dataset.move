/// Datasets: immutable data artifacts stored as Walrus blobs, with their lineage and their
/// terms for AI use.
///
/// Pattern: shared, owner-governed records. Anyone registers a dataset (a Walrus blob id, the
/// SHA-256 of its content, size, media type, name, license, AI-use terms, optional Seal
/// policy) and becomes its creator. Only the creator publishes a new version (linked both ways
/// to the previous one), changes its Seal policy, tightens its terms or retracts it, e.g. when
/// consent is withdrawn.
///
/// A derived dataset is registered with a hot-potato builder, in the PTB that records its
/// transform attestation: `begin_derived(&mut transform, blob_id, sha256)` claims one output
/// of the transform (the blob and its SHA-256 as signed), `add_parent(&parent)` proves each
/// input by reference, and `finish_derived` (or `finish_derived_version`) requires every input
/// of the transform to be proven, none retracted, and terms at least as strict as every
/// parent's. An unsigned (self-recorded) transform links only the sender's own datasets. A new
/// version registered with `publish_version` carries no derivation: lineage is never inherited
/// by content nobody attested.
module verity::dataset;

use std::string::String;
use sui::clock::Clock;
use sui::event;
use verity::attestation::{Self, Attestation, BlobDigest};
use verity::attester::AdminCap;
use verity::terms::AiTerms;
use verity::version;

/// Length of a SHA-256 digest, in bytes.
const SHA256_LENGTH: u64 = 32;

#[error(code = 1)]
const EInvalidSha256: vector<u8> = b"sha256 is exactly 32 bytes";
#[error(code = 2)]
const EEmptyName: vector<u8> = b"a dataset needs a non-empty name";
#[error(code = 3)]
const ENotCreator: vector<u8> = b"only the dataset's creator may do this";
#[error(code = 4)]
const ERetracted: vector<u8> = b"the dataset is retracted";
#[error(code = 5)]
const EAlreadySuperseded: vector<u8> = b"a newer version of this dataset already exists";
#[error(code = 6)]
const EEmptyReason: vector<u8> = b"a retraction needs a reason";
#[error(code = 7)]
const ENotTransform: vector<u8> = b"a derived dataset needs an attestation of kind transform";
#[error(code = 8)]
const EParentNotAttested: vector<u8> =
    b"the parent is not among the transform attestation's inputs";
#[error(code = 9)]
const EDuplicateParent: vector<u8> = b"the parent was already added";
#[error(code = 10)]
const EInputsNotProven: vector<u8> = b"every input of the transform must be added as a parent";
#[error(code = 11)]
const EParentContentNotAttested: vector<u8> =
    b"the parent's blob and sha256 are not among the transform's input blobs";
#[error(code = 12)]
const ENotOwnParent: vector<u8> = b"an unsigned transform can only link the sender's own datasets";
#[error(code = 13)]
const ETermsLooserThanParent: vector<u8> =
    b"a derived dataset's terms must be at least as strict as every parent's";
#[error(code = 14)]
const ETermsLoosened: vector<u8> = b"terms can be tightened, never loosened";

/// A registered dataset (shared object).
public struct Dataset has key {
    id: UID,
    version: u64,
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
    /// Terms for AI use (C2PA / CAWG training-and-data-mining vocabulary).
    terms: AiTerms,
    /// Seal access policy (allowlist, timelock or subscription service) guarding the blob.
    policy: Option<ID>,
    /// Datasets this one was derived from.
    parents: vector<ID>,
    /// Transform attestation that produced it, when derived.
    transform: Option<ID>,
    /// Whether the transform was signed by an attester (false when self-recorded or none).
    lineage_signed: bool,
    /// Version this one replaces, if any.
    previous: Option<ID>,
    /// Version that replaced this one, if any.
    next: Option<ID>,
    /// 1 for a first version, +1 per new version.
    revision: u64,
    retracted: bool,
}

/// In-flight registration of a derived dataset; must be consumed by `finish_derived` or
/// `finish_derived_version` in the same PTB.
public struct DerivedDataset {
    transform: ID,
    signed: bool,
    inputs: vector<ID>,
    input_blobs: vector<BlobDigest>,
    blob_id: u256,
    sha256: vector<u8>,
    parents: vector<ID>,
    /// The parents' terms, for the strictness check at the end.
    parent_terms: vector<AiTerms>,
}

/// What a dataset's content is.
public struct Content has copy, drop {
    blob_id: u256,
    sha256: vector<u8>,
    size: u64,
    media_type: String,
}

/// Where a dataset comes from.
public struct Lineage has copy, drop {
    parents: vector<ID>,
    transform: Option<ID>,
    signed: bool,
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
    terms: AiTerms,
    policy: Option<ID>,
    parents: vector<ID>,
    transform: Option<ID>,
    lineage_signed: bool,
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

/// Emitted when the creator tightens the dataset's terms for AI use.
public struct DatasetTermsSet has copy, drop {
    dataset_id: ID,
    terms: AiTerms,
    creator: address,
    timestamp_ms: u64,
}

/// Registers a dataset stored as Walrus blob `blob_id` (u256) whose content has SHA-256
/// `sha256` (32 bytes) and `size` bytes, under `terms` for AI use. Shares it and returns its
/// id. It has no lineage. Aborts with `EInvalidSha256` or `EEmptyName`.
public fun register(
    name: String,
    blob_id: u256,
    sha256: vector<u8>,
    size: u64,
    media_type: String,
    license: String,
    terms: AiTerms,
    policy: Option<ID>,
    clock: &Clock,
    ctx: &mut TxContext,
): ID {
    let lineage = Lineage { parents: vector[], transform: option::none(), signed: false };
    let content = Content { blob_id, sha256, size, media_type };
    new(name, content, license, terms, policy, lineage, option::none(), 1, clock, ctx)
}

/// Starts registering the dataset `transform` produced as its output blob `blob_id` with
/// content SHA-256 `sha256` (both as signed), claiming that output. Aborts with
/// `ENotTransform`, `attestation::EFinalized`, `attestation::ENotSubmitter`,
/// `attestation::EOutputNotAttested`, `attestation::EOutputSha256Mismatch` or
/// `attestation::EOutputClaimed`.
public fun begin_derived(
    transform: &mut Attestation,
    blob_id: u256,
    sha256: vector<u8>,
    ctx: &TxContext,
): DerivedDataset {
    assert!(transform.kind() == attestation::kind_transform(), ENotTransform);
    transform.claim_output(blob_id, sha256, ctx);
    DerivedDataset {
        transform: object::id(transform),
        signed: transform.is_signed(),
        inputs: transform.inputs(),
        input_blobs: transform.input_blobs(),
        blob_id,
        sha256,
        parents: vector[],
        parent_terms: vector[],
    }
}

/// Adds a parent, proven by reference: it must be an input of the transform, its blob and
/// SHA-256 among the transform's input blobs, not retracted, and (for an unsigned transform)
/// the sender's own. Aborts with `ERetracted`, `EParentNotAttested`,
/// `EParentContentNotAttested`, `EDuplicateParent`, `ENotOwnParent` or
/// `version::EWrongVersion`.
public fun add_parent(self: &mut DerivedDataset, parent: &Dataset, ctx: &TxContext) {
    parent.assert_usable();
    let parent_id = object::id(parent);
    assert!(self.inputs.contains(&parent_id), EParentNotAttested);
    assert!(parent.is_among(&self.input_blobs), EParentContentNotAttested);
    assert!(!self.parents.contains(&parent_id), EDuplicateParent);
    assert!(self.signed || parent.creator == ctx.sender(), ENotOwnParent);
    self.parents.push_back(parent_id);
    self.parent_terms.push_back(parent.terms);
}

/// Registers the derived dataset (`size` bytes of `media_type`, under `license` and `terms`),
/// shares it and returns its id. Aborts with `EInputsNotProven` (an input of the transform
/// was not added), `ETermsLooserThanParent` or `EEmptyName`.
public fun finish_derived(
    self: DerivedDataset,
    name: String,
    size: u64,
    media_type: String,
    license: String,
    terms: AiTerms,
    policy: Option<ID>,
    clock: &Clock,
    ctx: &mut TxContext,
): ID {
    let (lineage, blob_id, sha256) = self.into_lineage(&terms);
    let content = Content { blob_id, sha256, size, media_type };
    new(name, content, license, terms, policy, lineage, option::none(), 1, clock, ctx)
}

/// Registers the derived dataset as the next version of `previous` (name, license, terms and
/// Seal policy carried over), linking both ways; returns its id. Aborts with
/// `EInputsNotProven`, `ETermsLooserThanParent`, `ENotCreator`, `ERetracted`,
/// `EAlreadySuperseded` or `version::EWrongVersion`.
public fun finish_derived_version(
    self: DerivedDataset,
    previous: &mut Dataset,
    size: u64,
    media_type: String,
    clock: &Clock,
    ctx: &mut TxContext,
): ID {
    let (lineage, blob_id, sha256) = self.into_lineage(&previous.terms);
    previous.supersede(Content { blob_id, sha256, size, media_type }, lineage, clock, ctx)
}

/// Publishes a new version of `previous` with new content and no derivation (its lineage is
/// not inherited: register it with `begin_derived` + `finish_derived_version` to prove it);
/// name, license, terms and Seal policy are carried over, `revision` goes up by one, and both
/// versions link to each other. Returns the new dataset's id. Aborts with `ENotCreator`,
/// `ERetracted`, `EAlreadySuperseded`, `EInvalidSha256` or `version::EWrongVersion`.
public fun publish_version(
    previous: &mut Dataset,
    blob_id: u256,
    sha256: vector<u8>,
    size: u64,
    media_type: String,
    clock: &Clock,
    ctx: &mut TxContext,
): ID {
    let lineage = Lineage { parents: vector[], transform: option::none(), signed: false };
    previous.supersede(Content { blob_id, sha256, size, media_type }, lineage, clock, ctx)
}

/// Retracts the dataset, e.g. when consent is withdrawn; it can no longer be a parent or a
/// training input, or get new versions. Aborts with `ENotCreator`, `ERetracted`,
/// `EEmptyReason` or `version::EWrongVersion`.
public fun retract(self: &mut Dataset, reason: String, clock: &Clock, ctx: &TxContext) {
    self.assert_creator(ctx);
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
/// Aborts with `ENotCreator`, `ERetracted` or `version::EWrongVersion`.
public fun set_policy(self: &mut Dataset, policy: Option<ID>, clock: &Clock, ctx: &TxContext) {
    self.assert_creator(ctx);
    self.policy = policy;
    event::emit(DatasetPolicySet {
        dataset_id: object::id(self),
        policy,
        creator: self.creator,
        timestamp_ms: clock.timestamp_ms(),
    });
}

/// Replaces the dataset's terms with `terms`, which must be at least as strict in every use
/// (`terms::at_least_as_strict`): terms are tightened, never loosened, so no use already made
/// of the data is ever made to look allowed. Aborts with `ETermsLoosened`, `ENotCreator`,
/// `ERetracted` or `version::EWrongVersion`.
public fun set_terms(self: &mut Dataset, terms: AiTerms, clock: &Clock, ctx: &TxContext) {
    self.assert_creator(ctx);
    assert!(terms.at_least_as_strict(&self.terms), ETermsLoosened);
    self.terms = terms;
    event::emit(DatasetTermsSet {
        dataset_id: object::id(self),
        terms,
        creator: self.creator,
        timestamp_ms: clock.timestamp_ms(),
    });
}

/// Moves the dataset to this package's version (after an upgrade that bumped it). Aborts with
/// `version::ENotOlder` when it is already there.
public fun migrate(_: &AdminCap, self: &mut Dataset) {
    self.version = version::migrated(self.version);
}

/// Who registered the dataset.
public fun creator(self: &Dataset): address { self.creator }

/// Walrus blob id of the content.
public fun blob_id(self: &Dataset): u256 { self.blob_id }

/// SHA-256 of the content (32 bytes).
public fun sha256(self: &Dataset): vector<u8> { self.sha256 }

/// Terms for AI use.
public fun terms(self: &Dataset): AiTerms { self.terms }

/// Seal policy guarding the content, if any.
public fun policy(self: &Dataset): Option<ID> { self.policy }

/// Datasets this one was derived from.
public fun parents(self: &Dataset): vector<ID> { self.parents }

/// The transform attestation that produced it, if derived.
public fun transform(self: &Dataset): Option<ID> { self.transform }

/// Whether its derivation was signed by an attester (false when self-recorded or none).
public fun lineage_signed(self: &Dataset): bool { self.lineage_signed }

/// Version this one replaced, if any.
public fun previous(self: &Dataset): Option<ID> { self.previous }

/// Version that replaced this one, if any.
public fun next(self: &Dataset): Option<ID> { self.next }

/// 1 for a first version, +1 per new version.
public fun revision(self: &Dataset): u64 { self.revision }

/// Whether the creator has retracted it.
public fun is_retracted(self: &Dataset): bool { self.retracted }

/// The object's version (`version::current()` unless awaiting migration).
public fun version(self: &Dataset): u64 { self.version }

/// Aborts unless the dataset can back new lineage: `version::EWrongVersion` when it awaits
/// migration, `ERetracted` when retracted.
public(package) fun assert_usable(self: &Dataset) {
    version::assert_current(self.version);
    assert!(!self.retracted, ERetracted);
}

/// Whether the dataset's blob id and SHA-256 are among `blobs` (an attestation's input blobs).
public(package) fun is_among(self: &Dataset, blobs: &vector<BlobDigest>): bool {
    attestation::has_blob(blobs, self.blob_id, self.sha256)
}

fun assert_creator(self: &Dataset, ctx: &TxContext) {
    version::assert_current(self.version);
    assert!(self.creator == ctx.sender(), ENotCreator);
    assert!(!self.retracted, ERetracted);
}

/// Ends a derivation: every input proven, and `terms` at least as strict as every parent's.
fun into_lineage(self: DerivedDataset, terms: &AiTerms): (Lineage, u256, vector<u8>) {
    let DerivedDataset {
        transform,
        signed,
        inputs,
        input_blobs: _,
        blob_id,
        sha256,
        parents,
        parent_terms,
    } = self;
    assert!(parents.length() == inputs.length(), EInputsNotProven);
    parent_terms.do_ref!(
        |parent| assert!(terms.at_least_as_strict(parent), ETermsLooserThanParent),
    );
    (Lineage { parents, transform: option::some(transform), signed }, blob_id, sha256)
}

/// Registers the next version of `self` with `content` and `lineage`, linking both ways.
fun supersede(
    self: &mut Dataset,
    content: Content,
    lineage: Lineage,
    clock: &Clock,
    ctx: &mut TxContext,
): ID {
    self.assert_creator(ctx);
    assert!(self.next.is_none(), EAlreadySuperseded);
    let previous = option::some(object::id(self));
    let next = new(
        self.name,
        content,
        self.license,
        self.terms,
        self.policy,
        lineage,
        previous,
        self.revision + 1,
        clock,
        ctx,
    );
    self.next = option::some(next);
    next
}

fun new(
    name: String,
    content: Content,
    license: String,
    terms: AiTerms,
    policy: Option<ID>,
    lineage: Lineage,
    previous: Option<ID>,
    revision: u64,
    clock: &Clock,
    ctx: &mut TxContext,
): ID {
    assert!(!name.is_empty(), EEmptyName);
    let Content { blob_id, sha256, size, media_type } = content;
    assert!(sha256.length() == SHA256_LENGTH, EInvalidSha256);
    let Lineage { parents, transform, signed } = lineage;
    let dataset = Dataset {
        id: object::new(ctx),
        version: version::current(),
        creator: ctx.sender(),
        name,
        blob_id,
        sha256,
        size,
        media_type,
        license,
        terms,
        policy,
        parents,
        transform,
        lineage_signed: signed,
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
        terms,
        policy,
        parents,
        transform,
        lineage_signed: signed,
        previous,
        revision,
        timestamp_ms: clock.timestamp_ms(),
    });
    transfer::share_object(dataset);
    dataset_id
}

#[test_only]
/// Sets the dataset's version, to test migrations and version checks.
public fun set_version_for_testing(self: &mut Dataset, version: u64) {
    self.version = version;
}
