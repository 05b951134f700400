/**
 * BCS layouts of signed transactions as a checkpoint carries them (`sui_types::transaction`),
 * written from Sui's serde registry (`sui-format.yaml`). Reused from `@mysten/sui/bcs` where
 * they match the registry byte for byte: `Address`, `ObjectDigest` (every 32-byte digest, as
 * base58), `SuiObjectRef`, `TypeTag` (also for the registry's byte-identical `TypeInput`),
 * `Command`, `GasData`, `TransactionExpiration`. Written here because `@mysten/sui/bcs` differs:
 * `ObjectArg` (its shared-object `mutable: bool` is the registry's three-valued
 * `SharedObjectMutability`), and so `CallArg`, `ProgrammableTransaction` and every type that
 * contains them; `GenesisObject` (its `Owner`); `Intent` (plain u8s in the registry). Field
 * names are the registry's, in camelCase; u64s decode as decimal strings.
 */
import { bcs } from "@mysten/sui/bcs";
import { ObjectData, Owner } from "./object.ts";
import { withBcs } from "./support.ts";

const Digest = bcs.ObjectDigest;

const SharedObjectMutability = bcs.enum("SharedObjectMutability", {
  Immutable: null,
  Mutable: null,
  NonExclusiveWrite: null,
});

/** `ObjectArg`: an object input of a programmable transaction. */
export const ObjectArg = bcs.enum("ObjectArg", {
  ImmOrOwnedObject: bcs.SuiObjectRef,
  SharedObject: bcs.struct("SharedObject", {
    objectId: bcs.Address,
    initialSharedVersion: bcs.u64(),
    mutability: SharedObjectMutability,
  }),
  Receiving: bcs.SuiObjectRef,
});

const FundsWithdrawalArg = bcs.struct("FundsWithdrawalArg", {
  reservation: bcs.enum("Reservation", { MaxAmountU64: bcs.u64() }),
  typeArg: bcs.enum("WithdrawalTypeArg", { Balance: bcs.TypeTag }),
  withdrawFrom: bcs.enum("WithdrawFrom", { Sender: null, Sponsor: null }),
});

/** `CallArg`: an input of a programmable transaction (pure bytes, an object, a withdrawal). */
export const CallArg = bcs.enum("CallArg", {
  Pure: bcs.byteVector(),
  Object: ObjectArg,
  FundsWithdrawal: FundsWithdrawalArg,
});

/** `ProgrammableTransaction`: inputs and the commands that use them. */
export const ProgrammableTransaction = bcs.struct("ProgrammableTransaction", {
  inputs: bcs.vector(CallArg),
  commands: bcs.vector(bcs.Command),
});

const ChangeEpoch = bcs.struct("ChangeEpoch", {
  epoch: bcs.u64(),
  protocolVersion: bcs.u64(),
  storageCharge: bcs.u64(),
  computationCharge: bcs.u64(),
  storageRebate: bcs.u64(),
  nonRefundableStorageFee: bcs.u64(),
  epochStartTimestampMs: bcs.u64(),
  /** (version, module bytecodes, dependencies) of each system package written */
  systemPackages: bcs.vector(
    bcs.tuple([bcs.u64(), bcs.vector(bcs.byteVector()), bcs.vector(bcs.Address)]),
  ),
});

const GenesisTransaction = bcs.struct("GenesisTransaction", {
  objects: bcs.vector(
    bcs.enum("GenesisObject", {
      RawObject: bcs.struct("RawObject", { data: ObjectData, owner: Owner }),
    }),
  ),
});

const prologueV1 = { epoch: bcs.u64(), round: bcs.u64(), commitTimestampMs: bcs.u64() };

const ObjectVersion = bcs.tuple([bcs.Address, bcs.u64()]);

const ConsensusDeterminedVersionAssignments = bcs.enum("ConsensusDeterminedVersionAssignments", {
  CancelledTransactions: bcs.vector(bcs.tuple([Digest, bcs.vector(ObjectVersion)])),
  CancelledTransactionsV2: bcs.vector(
    bcs.tuple([Digest, bcs.vector(bcs.tuple([ObjectVersion, bcs.u64()]))]),
  ),
});

const prologueV3 = {
  epoch: bcs.u64(),
  round: bcs.u64(),
  subDagIndex: bcs.option(bcs.u64()),
  commitTimestampMs: bcs.u64(),
  consensusCommitDigest: Digest,
  consensusDeterminedVersionAssignments: ConsensusDeterminedVersionAssignments,
};

const ActiveJwk = bcs.struct("ActiveJwk", {
  jwkId: bcs.struct("JwkId", { iss: bcs.string(), kid: bcs.string() }),
  jwk: bcs.struct("JWK", {
    kty: bcs.string(),
    e: bcs.string(),
    n: bcs.string(),
    alg: bcs.string(),
  }),
  epoch: bcs.u64(),
});

const AuthenticatorStateExpire = bcs.struct("AuthenticatorStateExpire", {
  minEpoch: bcs.u64(),
  authenticatorObjInitialSharedVersion: bcs.u64(),
});

const ExecutionTimeObservationKey = bcs.enum("ExecutionTimeObservationKey", {
  MoveEntryPoint: bcs.struct("MoveEntryPoint", {
    package: bcs.Address,
    module: bcs.string(),
    function: bcs.string(),
    typeArguments: bcs.vector(bcs.TypeTag),
  }),
  TransferObjects: null,
  SplitCoins: null,
  MergeCoins: null,
  Publish: null,
  MakeMoveVec: null,
  Upgrade: null,
});

const StoredExecutionTimeObservations = bcs.enum("StoredExecutionTimeObservations", {
  V1: bcs.vector(
    bcs.tuple([
      ExecutionTimeObservationKey,
      bcs.vector(
        bcs.tuple([
          bcs.byteVector(), // AuthorityPublicKeyBytes
          bcs.struct("Duration", { secs: bcs.u64(), nanos: bcs.u32() }),
        ]),
      ),
    ]),
  ),
});

const EndOfEpochTransactionKind = bcs.enum("EndOfEpochTransactionKind", {
  ChangeEpoch,
  AuthenticatorStateCreate: null,
  AuthenticatorStateExpire,
  RandomnessStateCreate: null,
  DenyListStateCreate: null,
  BridgeStateCreate: Digest, // ChainIdentifier
  BridgeCommitteeInit: bcs.u64(),
  StoreExecutionTimeObservations: StoredExecutionTimeObservations,
  AccumulatorRootCreate: null,
  CoinRegistryCreate: null,
  DisplayRegistryCreate: null,
  AddressAliasStateCreate: null,
  WriteAccumulatorStorageCost: bcs.struct("WriteAccumulatorStorageCost", {
    storageCost: bcs.u64(),
  }),
});

/** `TransactionKind`: user (programmable) or system transaction. */
export const TransactionKind = bcs.enum("TransactionKind", {
  ProgrammableTransaction,
  ChangeEpoch,
  Genesis: GenesisTransaction,
  ConsensusCommitPrologue: bcs.struct("ConsensusCommitPrologue", prologueV1),
  AuthenticatorStateUpdate: bcs.struct("AuthenticatorStateUpdate", {
    epoch: bcs.u64(),
    round: bcs.u64(),
    newActiveJwks: bcs.vector(ActiveJwk),
    authenticatorObjInitialSharedVersion: bcs.u64(),
  }),
  EndOfEpochTransaction: bcs.vector(EndOfEpochTransactionKind),
  RandomnessStateUpdate: bcs.struct("RandomnessStateUpdate", {
    epoch: bcs.u64(),
    randomnessRound: bcs.u64(),
    randomBytes: bcs.byteVector(),
    randomnessObjInitialSharedVersion: bcs.u64(),
  }),
  ConsensusCommitPrologueV2: bcs.struct("ConsensusCommitPrologueV2", {
    ...prologueV1,
    consensusCommitDigest: Digest,
  }),
  ConsensusCommitPrologueV3: bcs.struct("ConsensusCommitPrologueV3", prologueV3),
  ConsensusCommitPrologueV4: bcs.struct("ConsensusCommitPrologueV4", {
    ...prologueV3,
    additionalStateDigest: Digest,
  }),
  ProgrammableSystemTransaction: ProgrammableTransaction,
});

/** `TransactionData`: what the sender signed; its digest is the transaction digest. */
export const TransactionData = bcs.enum("TransactionData", {
  V1: bcs.struct("TransactionDataV1", {
    kind: TransactionKind,
    sender: bcs.Address,
    gasData: bcs.GasData,
    expiration: bcs.TransactionExpiration,
  }),
});

/**
 * `SenderSignedData` in its `Envelope` (whose `EmptySignInfo` has no bytes): the transaction
 * data, kept with its BCS bytes (`intentMessage.value.bcs`) to hash for the transaction digest,
 * and the signatures (`GenericSignature`: flag byte + signature + public key, or a multisig or
 * zkLogin authenticator).
 */
export const SignedTransaction = bcs.struct("Envelope<SenderSignedData, EmptySignInfo>", {
  data: bcs.vector(
    bcs.struct("SenderSignedTransaction", {
      intentMessage: bcs.struct("IntentMessage", {
        intent: bcs.struct("Intent", { scope: bcs.u8(), version: bcs.u8(), appId: bcs.u8() }),
        value: withBcs(TransactionData),
      }),
      txSignatures: bcs.vector(bcs.byteVector()),
    }),
  ),
  authSignature: bcs.struct("EmptySignInfo", {}),
});
