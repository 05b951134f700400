/// Seal identities of Verity's access policies.
///
/// Seal encrypts a blob under an identity `[package id][id]`; the key server strips the package
/// id and passes the rest, `id`, as the first argument of the policy's `seal_approve`. Every
/// Verity policy (`allowlist`, `timelock`, `subscription`) lays `id` out as the 32 bytes of the
/// policy object's id followed by any nonce, so one policy object governs any number of blobs
/// and no identity can be claimed for a policy it was not encrypted under.
module verity::seal_identity;

/// Whether `prefix` is a prefix of `id` (true when they are equal).
public(package) fun has_prefix(prefix: &vector<u8>, id: &vector<u8>): bool {
    let len = prefix.length();
    if (len > id.length()) return false;
    let mut i = 0;
    while (i < len) {
        if (prefix[i] != id[i]) return false;
        i = i + 1;
    };
    true
}
