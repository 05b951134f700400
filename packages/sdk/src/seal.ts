import { fromHex } from "@mysten/bcs";
import { normalizeSuiObjectId } from "@mysten/sui/utils";

/**
 * The Seal identity of a blob guarded by a Verity policy: the policy object's 32-byte id
 * followed by `nonce` (any bytes that tell the blobs under one policy apart). This is the
 * `id` Seal encrypts under (after the package id it prepends itself) and the first argument
 * every `seal_approve` checks.
 *
 * @param policyId allowlist, timelock or subscription service object id (0x-hex)
 * @param nonce bytes, e.g. the blob's SHA-256 or a random 16 bytes
 */
export function sealIdentity(policyId: string, nonce: Uint8Array): Uint8Array {
  const prefix = fromHex(normalizeSuiObjectId(policyId));
  const id = new Uint8Array(prefix.length + nonce.length);
  id.set(prefix);
  id.set(nonce, prefix.length);
  return id;
}
