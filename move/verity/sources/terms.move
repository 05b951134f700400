/// Terms for AI use of a dataset, in the vocabulary of the C2PA / CAWG training-and-data-mining
/// assertion (`cawg.training-mining`): `ai_training`, `ai_generative_training`, `ai_inference`
/// and `data_mining`, each allowed, not allowed, or constrained (with the constraints' text).
///
/// Pattern: a value type with a strictness order. Not allowed is stricter than constrained,
/// constrained stricter than allowed, and a constrained term with more constraints stricter
/// than one with a subset of them. Terms only ever get stricter: a derived dataset's terms are
/// at least as strict as each parent's (`dataset::finish_derived`), and a creator may tighten a
/// dataset's terms but never loosen them (`dataset::set_terms`), so no use already made of it
/// is ever made to look allowed by a later change, and no derivation launders its parents'
/// terms. `model` enforces them: training on data whose `ai_training` term (or, for a
/// generative model, `ai_generative_training`) is not allowed aborts, and constrained uses are
/// recorded on the model.
module verity::terms;

use std::string::String;

/// Strictness rank of `Permission::Allowed`.
const RANK_ALLOWED: u8 = 0;
/// Strictness rank of `Permission::Constrained`.
const RANK_CONSTRAINED: u8 = 1;
/// Strictness rank of `Permission::NotAllowed`.
const RANK_NOT_ALLOWED: u8 = 2;

#[error(code = 1)]
const EEmptyConstraint: vector<u8> = b"a constrained use needs at least one non-empty constraint";

/// Whether one kind of use is permitted (C2PA's `use`: allowed, notAllowed, constrained).
public enum Permission has copy, drop, store {
    Allowed,
    NotAllowed,
    /// Allowed under every one of these constraints (C2PA's `constraint_info`), each non-empty.
    Constrained(vector<String>),
}

/// A dataset's terms for AI use, one `Permission` per C2PA / CAWG entry.
public struct AiTerms has copy, drop, store {
    /// `ai_training`: training any model on the data.
    ai_training: Permission,
    /// `ai_generative_training`: training a generative model on the data.
    ai_generative_training: Permission,
    /// `ai_inference`: using the data as input to a trained model.
    ai_inference: Permission,
    /// `data_mining`: text and data mining, analysis, transformation.
    data_mining: Permission,
}

/// `Permission::Allowed`.
public fun allowed(): Permission { Permission::Allowed }

/// `Permission::NotAllowed`.
public fun not_allowed(): Permission { Permission::NotAllowed }

/// `Permission::Constrained(constraints)`. Aborts with `EEmptyConstraint` when `constraints`
/// is empty or holds an empty string.
public fun constrained(constraints: vector<String>): Permission {
    assert!(!constraints.is_empty(), EEmptyConstraint);
    constraints.do_ref!(|c| assert!(!c.is_empty(), EEmptyConstraint));
    Permission::Constrained(constraints)
}

/// Terms from one permission per kind of use (build each with `allowed`, `not_allowed` or
/// `constrained`; a PTB chains the calls).
public fun new(
    ai_training: Permission,
    ai_generative_training: Permission,
    ai_inference: Permission,
    data_mining: Permission,
): AiTerms {
    AiTerms { ai_training, ai_generative_training, ai_inference, data_mining }
}

/// Terms that allow every use.
public fun allow_all(): AiTerms { new(allowed(), allowed(), allowed(), allowed()) }

/// The `ai_training` permission.
public fun ai_training(self: &AiTerms): &Permission { &self.ai_training }

/// The `ai_generative_training` permission.
public fun ai_generative_training(self: &AiTerms): &Permission { &self.ai_generative_training }

/// The `ai_inference` permission.
public fun ai_inference(self: &AiTerms): &Permission { &self.ai_inference }

/// The `data_mining` permission.
public fun data_mining(self: &AiTerms): &Permission { &self.data_mining }

/// Whether the permission is `NotAllowed`.
public fun is_not_allowed(self: &Permission): bool { self.rank() == RANK_NOT_ALLOWED }

/// The constraints of a `Constrained` permission; empty for the others.
public fun constraints(self: &Permission): vector<String> {
    match (self) {
        Permission::Constrained(constraints) => *constraints,
        _ => vector[],
    }
}

/// Whether `self` permits no more than `other`: a stricter rank, or the same rank and, when
/// both are constrained, every constraint of `other` among `self`'s.
public fun permission_at_least_as_strict(self: &Permission, other: &Permission): bool {
    let (mine, theirs) = (self.rank(), other.rank());
    if (mine != theirs) return mine > theirs;
    let own = self.constraints();
    other.constraints().all!(|c| own.contains(c))
}

/// Whether every permission of `self` is at least as strict as the same one of `other`.
public fun at_least_as_strict(self: &AiTerms, other: &AiTerms): bool {
    self.ai_training.permission_at_least_as_strict(&other.ai_training)
        && self.ai_generative_training.permission_at_least_as_strict(&other.ai_generative_training)
        && self.ai_inference.permission_at_least_as_strict(&other.ai_inference)
        && self.data_mining.permission_at_least_as_strict(&other.data_mining)
}

fun rank(self: &Permission): u8 {
    match (self) {
        Permission::Allowed => RANK_ALLOWED,
        Permission::Constrained(_) => RANK_CONSTRAINED,
        Permission::NotAllowed => RANK_NOT_ALLOWED,
    }
}
