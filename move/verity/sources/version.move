/// Package version: the one number every shared object of this package is checked against.
///
/// Pattern: versioned shared objects (Sui's "Versioning" guide, as Seal's patterns use it).
/// Every shared object carries `version`; every function that reads or changes one asserts it
/// equals `VERSION`. An upgrade that must retire the old code bumps `VERSION`; the objects'
/// admins then call the module's `migrate`, after which the old package's functions refuse
/// them (their `VERSION` no longer matches) and the new ones accept them.
module verity::version;

/// The version of this package's code. Bumped by an upgrade that retires the previous code.
const VERSION: u64 = 1;

#[error(code = 1)]
const EWrongVersion: vector<u8> =
    b"the object's version does not match this package's; migrate it or use the matching package";
#[error(code = 2)]
const ENotOlder: vector<u8> = b"the object is already at this package's version";

/// The version of this package's code (1 at first publish).
public fun current(): u64 { VERSION }

/// Aborts with `EWrongVersion` unless `version` equals this package's `VERSION`.
public(package) fun assert_current(version: u64) {
    assert!(version == VERSION, EWrongVersion);
}

/// The version an object migrates to: this package's `VERSION`. Aborts with `ENotOlder` unless
/// `version` is older.
public(package) fun migrated(version: u64): u64 {
    assert!(version < VERSION, ENotOlder);
    VERSION
}
