import { Transaction } from "@mysten/sui/transactions";
import type { CompiledPackage } from "./build.ts";

/** An owned object's reference, as the gas payment takes it. */
export interface ObjectRef {
  /** 0x-prefixed object id */
  objectId: string;
  /** object version (u64, decimal string) */
  version: string;
  /** base58 object digest */
  digest: string;
}

/** Everything a publish transaction needs; nothing is looked up on a network. */
export interface PublishTransactionInput {
  /** the compiled package (modules and the package ids it links against) */
  compiled: Pick<CompiledPackage, "modules" | "dependencies">;
  /** address that signs, pays, and receives the `UpgradeCap` */
  sender: string;
  /** SUI coins owned by `sender` that pay for gas */
  gasPayment: ObjectRef[];
  /** gas price in MIST per gas unit (the network's reference gas price) */
  gasPrice: bigint;
  /** gas budget in MIST */
  gasBudget: bigint;
}

/**
 * Builds the unsigned BCS bytes of a transaction that publishes a package and transfers its
 * `UpgradeCap` to the sender. Pure: makes no network call.
 *
 * @returns `TransactionData` BCS bytes, ready to sign with `Keypair.signTransaction`
 * @throws Error when `gasPayment` is empty (paying from an address balance needs an
 *   expiration, which this builder does not set)
 */
export async function buildPublishTransaction(input: PublishTransactionInput): Promise<Uint8Array> {
  if (input.gasPayment.length === 0)
    throw new Error("a publish transaction needs at least one gas coin");
  const tx = new Transaction();
  const upgradeCap = tx.publish({
    modules: input.compiled.modules,
    dependencies: input.compiled.dependencies,
  });
  tx.transferObjects([upgradeCap], input.sender);
  tx.setSender(input.sender);
  tx.setGasPrice(input.gasPrice);
  tx.setGasBudget(input.gasBudget);
  tx.setGasPayment(
    input.gasPayment.map(({ objectId, version, digest }) => ({ objectId, version, digest })),
  );
  return tx.build();
}
