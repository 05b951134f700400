#[test_only]
module verity::terms_tests;

use std::string::String;
use verity::terms::{Self, AiTerms, Permission};
use verity::test_flows::str;

/// `Constrained` by the given texts.
fun constrained(texts: vector<vector<u8>>): Permission {
    terms::constrained(texts.map!(|t| str(t)))
}

/// Terms that allow every use but the one at `index` (0 ai_training, 1 ai_generative_training,
/// 2 ai_inference, 3 data_mining), which is `permission`.
fun all_allowed_but(index: u64, permission: Permission): AiTerms {
    let mut uses = vector[terms::allowed(), terms::allowed(), terms::allowed(), terms::allowed()];
    *&mut uses[index] = permission;
    terms::new(uses[0], uses[1], uses[2], uses[3])
}

#[test]
fun allowed_permits_without_constraints() {
    let allowed = terms::allowed();
    assert!(!allowed.is_not_allowed());
    assert!(allowed.constraints().is_empty());
}

#[test]
fun not_allowed_is_not_allowed_and_has_no_constraints() {
    let not_allowed = terms::not_allowed();
    assert!(not_allowed.is_not_allowed());
    assert!(not_allowed.constraints().is_empty());
}

#[test]
fun constrained_keeps_its_constraints_in_order() {
    let permission = constrained(vector[b"attribution", b"non-commercial"]);
    assert!(!permission.is_not_allowed());
    assert!(permission.constraints() == vector[str(b"attribution"), str(b"non-commercial")]);
}

#[test, expected_failure(abort_code = terms::EEmptyConstraint)]
fun constrained_refuses_an_empty_list() {
    terms::constrained(vector<String>[]);
}

#[test, expected_failure(abort_code = terms::EEmptyConstraint)]
fun constrained_refuses_an_empty_text() {
    constrained(vector[b"attribution", b""]);
}

#[test]
fun new_keeps_each_permission_for_its_use() {
    let terms = terms::new(
        terms::not_allowed(),
        constrained(vector[b"attribution"]),
        terms::allowed(),
        constrained(vector[b"research only"]),
    );
    assert!(*terms.ai_training() == terms::not_allowed());
    assert!(*terms.ai_generative_training() == constrained(vector[b"attribution"]));
    assert!(*terms.ai_inference() == terms::allowed());
    assert!(*terms.data_mining() == constrained(vector[b"research only"]));
}

#[test]
fun allow_all_allows_every_use() {
    let terms = terms::allow_all();
    assert!(*terms.ai_training() == terms::allowed());
    assert!(*terms.ai_generative_training() == terms::allowed());
    assert!(*terms.ai_inference() == terms::allowed());
    assert!(*terms.data_mining() == terms::allowed());
}

#[test]
fun not_allowed_is_stricter_than_constrained_which_is_stricter_than_allowed() {
    let (allowed, constrained, not_allowed) = (
        terms::allowed(),
        constrained(vector[b"x"]),
        terms::not_allowed(),
    );
    assert!(not_allowed.permission_at_least_as_strict(&constrained));
    assert!(not_allowed.permission_at_least_as_strict(&allowed));
    assert!(constrained.permission_at_least_as_strict(&allowed));
    assert!(!constrained.permission_at_least_as_strict(&not_allowed));
    assert!(!allowed.permission_at_least_as_strict(&constrained));
    assert!(!allowed.permission_at_least_as_strict(&not_allowed));
}

#[test]
fun every_permission_is_at_least_as_strict_as_itself() {
    vector[terms::allowed(), constrained(vector[b"x", b"y"]), terms::not_allowed()].do!(|p| {
        assert!(p.permission_at_least_as_strict(&p));
    });
}

#[test]
fun a_constrained_superset_is_stricter_and_a_subset_is_not() {
    let (one, two) = (
        constrained(vector[b"attribution"]),
        constrained(vector[b"attribution", b"non-commercial"]),
    );
    assert!(two.permission_at_least_as_strict(&one));
    assert!(!one.permission_at_least_as_strict(&two));
}

#[test]
fun constraints_in_another_order_are_equally_strict() {
    let (ab, ba) = (constrained(vector[b"a", b"b"]), constrained(vector[b"b", b"a"]));
    assert!(ab.permission_at_least_as_strict(&ba));
    assert!(ba.permission_at_least_as_strict(&ab));
}

#[test]
fun different_constraints_are_not_stricter_either_way() {
    let (a, b) = (constrained(vector[b"attribution"]), constrained(vector[b"non-commercial"]));
    assert!(!a.permission_at_least_as_strict(&b));
    assert!(!b.permission_at_least_as_strict(&a));
}

#[test]
fun at_least_as_strict_holds_for_equal_terms() {
    let terms = terms::new(
        terms::not_allowed(),
        constrained(vector[b"x"]),
        terms::allowed(),
        terms::allowed(),
    );
    assert!(terms.at_least_as_strict(&terms));
    assert!(terms::allow_all().at_least_as_strict(&terms::allow_all()));
}

#[test]
fun at_least_as_strict_checks_every_use() {
    let open = terms::allow_all();
    4u64.do!(|index| {
        let closed = all_allowed_but(index, terms::not_allowed());
        assert!(closed.at_least_as_strict(&open));
        assert!(!open.at_least_as_strict(&closed));
        let constrained = all_allowed_but(index, constrained(vector[b"x"]));
        assert!(closed.at_least_as_strict(&constrained));
        assert!(!constrained.at_least_as_strict(&closed));
        assert!(constrained.at_least_as_strict(&open));
        assert!(!open.at_least_as_strict(&constrained));
    });
}

#[test]
fun terms_tighter_in_one_use_and_looser_in_another_are_not_stricter() {
    let training_closed = all_allowed_but(0, terms::not_allowed());
    let mining_closed = all_allowed_but(3, terms::not_allowed());
    assert!(!training_closed.at_least_as_strict(&mining_closed));
    assert!(!mining_closed.at_least_as_strict(&training_closed));
}
