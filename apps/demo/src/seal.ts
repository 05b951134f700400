import type { EncryptOptions } from "@mysten/seal";
import { toHex } from "@mysten/sui/utils";
import { sealIdentity } from "@verity/sdk";

/** How a dataset is put under its Seal policy, and whether it was encrypted. */
export interface SealPlan {
  /** the allowlist (Seal policy object) that decides who may decrypt */
  policyId: string;
  /**
   * What `SealClient.encrypt` of `@mysten/seal` takes to encrypt to the policy: the `verity`
   * package (whose `allowlist::seal_approve` key servers dry-run) and the identity, hex: the
   * policy's 32-byte id followed by the content's SHA-256 as nonce (`sealIdentity`).
   */
  encryption: Pick<EncryptOptions, "packageId" | "id">;
  /** false: nothing was encrypted */
  encrypted: false;
  /** why not */
  skipped: string;
}

/**
 * The Seal encryption the demo would do for content with SHA-256 `sha256` under allowlist
 * `policyId` of `packageId`. It encrypts nothing: `SealClient.encrypt` first reads the package
 * object from a Sui full node and the key servers' public keys from the chain, and the demo's
 * chain is simulated and offline, so there is no package there to encrypt to. The dataset is
 * registered in the clear, under the policy, and the report says so.
 */
export function sealPlan(packageId: string, policyId: string, sha256: Uint8Array): SealPlan {
  return {
    policyId,
    encryption: { packageId, id: toHex(sealIdentity(policyId, sha256)) },
    encrypted: false,
    skipped:
      "offline: Seal encryption skipped (SealClient.encrypt needs the package and the key servers on a reachable Sui network; the demo's chain is simulated)",
  };
}
