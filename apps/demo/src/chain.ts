/**
 * A simulated Sui chain, just enough to execute the demo's transactions offline: it builds
 * each PTB with `@mysten/sui` (the sdk's own builders), signs it with the sender's real key,
 * derives the ids of the objects it creates as Sui does, and writes the effects and events a
 * Sui validator would. What it cannot know without Move execution (object versions and
 * digests, gas) it makes up, deterministically; the events are what the Move code emits.
 */
import { fromBase64, toBase58 } from "@mysten/bcs";
import type { Keypair } from "@mysten/sui/cryptography";
import { Inputs, Transaction } from "@mysten/sui/transactions";
import { normalizeSuiAddress, toHex } from "@mysten/sui/utils";
import { blake2b } from "@noble/hashes/blake2.js";
import { suiDigest, type TransactionEffects, TransactionEvents } from "@verity/checkpoints";
import { deriveObjectId } from "./object-id.ts";

/** The effects of a transaction, as `TransactionEffects` encodes them. */
export type EffectsInput = Parameters<typeof TransactionEffects.serialize>[0];
/** The events of a transaction, as `TransactionEvents` encodes them. */
export type EventsInput = Parameters<typeof TransactionEvents.serialize>[0];
type EffectsV2Input = Extract<EffectsInput, { V2: unknown }>["V2"];
/** One entry of the effects' `changedObjects`: an object id and what happened to it. */
type ObjectChange = EffectsV2Input["changedObjects"] extends Iterable<infer C> ? C : never;
/** An object's owner, as effects record it (the variants the demo uses). */
type Owner =
  | { AddressOwner: string }
  | { Shared: { initialSharedVersion: number } }
  | { Immutable: true };

/**
 * Who holds an object a transaction creates: shared, frozen, an address, or another object
 * (`wrapped`: its id is used up, but it is no object of its own, e.g. a `Table` in a struct).
 */
export type Ownership = "shared" | "immutable" | "wrapped" | { address: string };

/** One event a transaction emits: `<package>::<module>::<struct>` with its BCS contents. */
export interface EmittedEvent {
  module: string;
  struct: string;
  contents: Uint8Array;
  /** module of the Move call that emitted it, when not `module` (e.g. `inference`) */
  calledModule?: string;
}

/** What the Move code of a transaction did: the objects it created, in order, and its events. */
export interface Outcome {
  created: Ownership[];
  events: EmittedEvent[];
}

/** An executed transaction, ready to be put in a checkpoint. */
export interface ExecutedTransaction {
  /** transaction digest, base58 */
  digest: string;
  /** BCS of `TransactionData` (what the digest and the sender's signature cover) */
  data: Uint8Array;
  /** the sender's Sui signature (flag, ed25519 signature, public key) */
  signatures: Uint8Array[];
  effects: EffectsInput;
  events: EventsInput | null;
  /** execution time, ms since the Unix epoch */
  timestampMs: number;
}

/** How a transaction refers to an object of the chain. */
type ObjectState =
  | { kind: "shared"; initialSharedVersion: number }
  | { kind: "owned"; version: number; digest: string };

/** Simulated gas, in MIST: the price and budget every transaction sets, and what it costs. */
const GAS = { price: 1_000, budget: 50_000_000, computation: 1_000_000, storage: 2_964_000 };

/** The simulated chain's epoch. */
export const SIMULATED_EPOCH = 1;

/**
 * A simulated Sui chain for `packageId` (the `verity` package the events claim to come from).
 * Transactions execute one at a time, in call order: await each `execute` before the next.
 */
export class SimulatedChain {
  readonly #objects = new Map<string, ObjectState>();
  readonly #gasCoins = new Map<string, string>();
  readonly #executed: ExecutedTransaction[] = [];
  #lamport = 1;
  #nowMs: number;

  /** @param startMs the chain clock at the start, ms since the Unix epoch */
  constructor(
    readonly packageId: string,
    startMs: number,
  ) {
    this.#nowMs = startMs;
  }

  /** The chain clock, ms since the Unix epoch. */
  get nowMs(): number {
    return this.#nowMs;
  }

  /** Moves the chain clock `ms` forward. */
  advance(ms: number): void {
    this.#nowMs += ms;
  }

  /**
   * Puts an object on the chain that exists before its first checkpoint, outside the simulated
   * history: owned (e.g. the `AdminCap` the package's publish minted) or shared (e.g. the
   * `AttesterRegistry` the package's `init` shared).
   */
  seed(id: string, kind: "owned" | "shared" = "owned"): void {
    this.#write(normalizeSuiAddress(id), this.#lamport, kind);
  }

  /** Every transaction executed so far, in order. */
  get executed(): readonly ExecutedTransaction[] {
    return this.#executed;
  }

  /**
   * Executes one transaction at the current clock: `build` appends its Move calls (with the
   * sdk's PTB builders) to a PTB from `sender`; `outcome` says, given the ids of the objects it
   * creates (`ids(n)`, derived from the digest as Sui does), what the Move code created and
   * emitted. Returns the digest and the created objects' ids.
   *
   * @throws Error when the PTB names an object the chain does not hold
   */
  async execute(
    sender: Keypair,
    build: (tx: Transaction) => void,
    outcome: (ids: (n: number) => string) => Outcome,
  ): Promise<{ digest: string; created: string[] }> {
    const address = sender.toSuiAddress();
    const gas = this.#gasCoin(address);
    const gasState = this.#objects.get(gas) as Extract<ObjectState, { kind: "owned" }>;
    const tx = new Transaction();
    tx.setSender(address);
    tx.setGasPrice(GAS.price);
    tx.setGasBudget(GAS.budget);
    tx.setGasPayment([{ objectId: gas, version: gasState.version, digest: gasState.digest }]);
    build(tx);
    tx.addBuildPlugin(async (data, _options, next) => {
      data.inputs = data.inputs.map((input) =>
        input.$kind === "UnresolvedObject" ? this.#resolve(input.UnresolvedObject.objectId) : input,
      );
      await next();
    });
    const data = await tx.build();
    const digestBytes = suiDigest("TransactionData", data);
    const digest = toBase58(digestBytes);
    const { created, events } = outcome((n) => deriveObjectId(digestBytes, n));
    const createdIds = created.map((_, n) => deriveObjectId(digestBytes, n));
    const topLevel = createdIds.flatMap((id, n) =>
      created[n] === "wrapped"
        ? []
        : [{ id, ownership: created[n] as Exclude<Ownership, "wrapped"> }],
    );

    const lamport = ++this.#lamport;
    const eventsValue = eventsOf(this.packageId, address, events);
    const effects: EffectsInput = {
      V2: {
        status: { Success: true },
        executedEpoch: SIMULATED_EPOCH,
        gasUsed: {
          computationCost: GAS.computation,
          storageCost: GAS.storage * (1 + topLevel.length),
          storageRebate: GAS.storage,
          nonRefundableStorageFee: 0,
        },
        transactionDigest: digest,
        gasObjectIndex: 0,
        eventsDigest: eventsValue
          ? toBase58(
              suiDigest("TransactionEvents", TransactionEvents.serialize(eventsValue).toBytes()),
            )
          : null,
        dependencies: [],
        lamportVersion: lamport,
        changedObjects: [
          this.#gasChange(gas, address, lamport),
          ...topLevel.map(({ id, ownership }) => this.#creation(id, ownership, lamport)),
        ],
        unchangedConsensusObjects: [],
        auxDataDigest: null,
      },
    };
    const { signature } = await sender.signTransaction(data);
    this.#executed.push({
      digest,
      data,
      signatures: [fromBase64(signature)],
      effects,
      events: eventsValue,
      timestampMs: this.#nowMs,
    });
    return { digest, created: createdIds };
  }

  /** The change of `owner`'s gas coin, paid from in a transaction at version `lamport`. */
  #gasChange(gas: string, owner: string, lamport: number): ObjectChange {
    const before = this.#objects.get(gas) as Extract<ObjectState, { kind: "owned" }>;
    return [
      gas,
      {
        inputState: { Exist: [[before.version, before.digest], { AddressOwner: owner }] },
        outputState: {
          ObjectWrite: [this.#write(gas, lamport, "owned"), { AddressOwner: owner }],
        },
        idOperation: { None: true },
      },
    ];
  }

  /** The creation of object `id`, held as `ownership` says, at version `lamport`. */
  #creation(id: string, ownership: Exclude<Ownership, "wrapped">, lamport: number): ObjectChange {
    const owner: Owner =
      ownership === "shared"
        ? { Shared: { initialSharedVersion: lamport } }
        : ownership === "immutable"
          ? { Immutable: true }
          : { AddressOwner: normalizeSuiAddress(ownership.address) };
    const digest = this.#write(id, lamport, ownership === "shared" ? "shared" : "owned");
    return [
      id,
      {
        inputState: { NotExist: true },
        outputState: { ObjectWrite: [digest, owner] },
        idOperation: { Created: true },
      },
    ];
  }

  /** The sender's gas coin, minted (simulated) the first time the sender pays. */
  #gasCoin(address: string): string {
    let coin = this.#gasCoins.get(address);
    if (!coin) {
      coin = `0x${toHex(blake2b(new TextEncoder().encode(`gas coin of ${address}`), { dkLen: 32 }))}`;
      this.#gasCoins.set(address, coin);
      this.#write(coin, 1, "owned");
    }
    return coin;
  }

  /** Records version `version` of object `id`; returns its (simulated) object digest. */
  #write(id: string, version: number, kind: ObjectState["kind"]): string {
    const digest = toBase58(
      blake2b(new TextEncoder().encode(`object ${id} version ${version}`), { dkLen: 32 }),
    );
    const known = this.#objects.get(id);
    this.#objects.set(
      id,
      kind === "shared"
        ? {
            kind,
            initialSharedVersion: known?.kind === "shared" ? known.initialSharedVersion : version,
          }
        : { kind, version, digest },
    );
    return digest;
  }

  /** A PTB input for object `id`: a shared object reference, or an owned/frozen object's ref. */
  #resolve(id: string) {
    const state = this.#objects.get(normalizeSuiAddress(id));
    if (!state) throw new Error(`the simulated chain holds no object ${id}`);
    return state.kind === "shared"
      ? Inputs.SharedObjectRef({
          objectId: id,
          initialSharedVersion: state.initialSharedVersion,
          mutable: true,
        })
      : Inputs.ObjectRef({ objectId: id, version: state.version, digest: state.digest });
  }
}

/** The events of a transaction from `sender` calling `packageId`, or null when it emitted none. */
function eventsOf(packageId: string, sender: string, events: EmittedEvent[]): EventsInput | null {
  if (events.length === 0) return null;
  return {
    data: events.map((event) => ({
      packageId,
      transactionModule: event.calledModule ?? event.module,
      sender,
      type: { address: packageId, module: event.module, name: event.struct, typeParams: [] },
      contents: event.contents,
    })),
  };
}
