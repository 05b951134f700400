/**
 * PTB builders for `verity::enclave`: enclave images (their PCR measurements) and the
 * attesters whose keys a Nitro attestation document proves live in one. `packageId` is the
 * published `verity` package; `adminCap` and `registry` are the `AdminCap` and
 * `AttesterRegistry` made at publish (deploy config: `adminCapId`, `attesterRegistryId`).
 */
import type {
  Transaction,
  TransactionObjectInput,
  TransactionResult,
} from "@mysten/sui/transactions";

/**
 * `enclave::create_config`: publishes (frozen) the PCR0, PCR1 and PCR2 measurements (48 bytes
 * each, SHA-384) of an enclave image built reproducibly, under `name`; the result is the
 * `EnclaveConfig`'s `ID`. Aborts on chain with `EInvalidPcr`, `EDebugPcrs` (all three zero, as
 * a debug-mode enclave reports) or `EEmptyName`.
 */
export function createConfig(
  tx: Transaction,
  packageId: string,
  adminCap: TransactionObjectInput,
  name: string,
  pcrs: readonly [Uint8Array, Uint8Array, Uint8Array],
): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::enclave::create_config`,
    arguments: [
      tx.object(adminCap),
      tx.pure.string(name),
      ...pcrs.map((pcr) => tx.pure.vector("u8", pcr)),
      tx.object.clock(),
    ],
  });
}

/**
 * Registers the enclave that produced `document` (the raw CBOR/COSE Nitro attestation
 * document, bytes) as an attester named `name`, in two calls:
 * `0x2::nitro_attestation::load_nitro_attestation(document, clock)` (checks AWS's certificate
 * chain, the signature and freshness), then `enclave::register(config, registry, document,
 * name, clock)`. Anyone may send it. The result is the new attester's `ID`. Aborts on chain when
 * the document does not verify, with `enclave::EPcrMismatch` (PCR0-2 differ from `config`'s),
 * `enclave::ENoPublicKey`, `enclave::EConfigRetired` (`config` is retired),
 * `attester::EInvalidPublicKey` (not a 32-byte key) or `attester::EKeyInUse` (this document's
 * key is registered already).
 *
 * @param config the `EnclaveConfig` of the image (an immutable object)
 * @param registry the shared `AttesterRegistry`
 */
export function register(
  tx: Transaction,
  packageId: string,
  config: TransactionObjectInput,
  registry: TransactionObjectInput,
  document: Uint8Array,
  name: string,
): TransactionResult {
  const loaded = tx.moveCall({
    target: "0x2::nitro_attestation::load_nitro_attestation",
    arguments: [tx.pure.vector("u8", document), tx.object.clock()],
  });
  return tx.moveCall({
    target: `${packageId}::enclave::register`,
    arguments: [
      tx.object(config),
      tx.object(registry),
      loaded,
      tx.pure.string(name),
      tx.object.clock(),
    ],
  });
}

/**
 * `enclave::retire_config`: retires `config` for good (event `EnclaveConfigRetired`); no enclave
 * registers under it from then on. Attesters already registered under it stay until revoked
 * (`attester.revoke`). Aborts on chain with `enclave::EConfigRetired` when it is retired
 * already.
 *
 * @param adminCap the `AdminCap`
 * @param registry the shared `AttesterRegistry` (it records the retirement)
 * @param config the `EnclaveConfig` to retire (an immutable object)
 */
export function retireConfig(
  tx: Transaction,
  packageId: string,
  adminCap: TransactionObjectInput,
  registry: TransactionObjectInput,
  config: TransactionObjectInput,
): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::enclave::retire_config`,
    arguments: [tx.object(adminCap), tx.object(registry), tx.object(config), tx.object.clock()],
  });
}
