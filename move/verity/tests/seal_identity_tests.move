#[test_only]
module verity::seal_identity_tests;

use verity::seal_identity::has_prefix;

#[test]
fun equal_bytes_are_a_prefix() {
    assert!(has_prefix(&x"0102", &x"0102"));
}

#[test]
fun a_prefix_followed_by_a_nonce_matches() {
    assert!(has_prefix(&x"0102", &x"010203ff"));
}

#[test]
fun the_empty_prefix_matches_anything() {
    assert!(has_prefix(&vector[], &vector[]));
    assert!(has_prefix(&vector[], &x"01"));
}

#[test]
fun a_different_byte_does_not_match() {
    assert!(!has_prefix(&x"0102", &x"0103ff"));
    assert!(!has_prefix(&x"0102", &x"1102ff"));
}

#[test]
fun an_id_shorter_than_the_prefix_does_not_match() {
    assert!(!has_prefix(&x"010203", &x"0102"));
    assert!(!has_prefix(&x"01", &vector[]));
}
