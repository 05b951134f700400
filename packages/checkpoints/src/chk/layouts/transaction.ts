/**
 * BCS layouts of signed transactions as a checkpoint carries them (`sui_types::transaction`),
 * written from Sui's serde registry (`sui-format.yaml`): the transaction kinds (user and
 * system), `TransactionData` and its signed envelope. Written here because `@mysten/sui/bcs`
 * differs: its `ProgrammableTransaction` (see `programmable.ts`), and so every type that
 * contains it; `GenesisObject` (its `Owner`); `Intent` (plain u8s in the registry). Field names
 * are the registry's, in camelCase; u64s decode as decimal strings, addresses, object ids and
 * digests as the family's leaves do.
 */
import { bcs } from "@mysten/bcs";
import type { Leaves } from "./leaves.ts";
import type { ObjectLayouts } from "./object.ts";
import { programmableLayouts } from "./programmable.ts";
import { enumLayout, stringLayout, withBcs } from "./support.ts";

/** `SignedTransaction`, and `TransactionData` (what its digest hashes), over `objects`. */
export function transactionLayouts<L extends Leaves>(objects: ObjectLayouts<L>) {
  const { Address, Digest, ObjectData, Owner, TypeTag } = objects;
  const { ProgrammableTransaction, GasData, TransactionExpiration } = programmableLayouts(objects);

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
      bcs.tuple([bcs.u64(), bcs.vector(bcs.byteVector()), bcs.vector(Address)]),
    ),
  });

  const GenesisTransaction = bcs.struct("GenesisTransaction", {
    objects: bcs.vector(
      enumLayout("GenesisObject", {
        RawObject: bcs.struct("RawObject", { data: ObjectData, owner: Owner }),
      }),
    ),
  });

  const prologueV1 = { epoch: bcs.u64(), round: bcs.u64(), commitTimestampMs: bcs.u64() };

  const ObjectVersion = bcs.tuple([Address, bcs.u64()]);

  const ConsensusDeterminedVersionAssignments = enumLayout(
    "ConsensusDeterminedVersionAssignments",
    {
      CancelledTransactions: bcs.vector(bcs.tuple([Digest, bcs.vector(ObjectVersion)])),
      CancelledTransactionsV2: bcs.vector(
        bcs.tuple([Digest, bcs.vector(bcs.tuple([ObjectVersion, bcs.u64()]))]),
      ),
    },
  );

  const prologueV3 = {
    epoch: bcs.u64(),
    round: bcs.u64(),
    subDagIndex: bcs.option(bcs.u64()),
    commitTimestampMs: bcs.u64(),
    consensusCommitDigest: Digest,
    consensusDeterminedVersionAssignments: ConsensusDeterminedVersionAssignments,
  };

  const ActiveJwk = bcs.struct("ActiveJwk", {
    jwkId: bcs.struct("JwkId", { iss: stringLayout(), kid: stringLayout() }),
    jwk: bcs.struct("JWK", {
      kty: stringLayout(),
      e: stringLayout(),
      n: stringLayout(),
      alg: stringLayout(),
    }),
    epoch: bcs.u64(),
  });

  const AuthenticatorStateExpire = bcs.struct("AuthenticatorStateExpire", {
    minEpoch: bcs.u64(),
    authenticatorObjInitialSharedVersion: bcs.u64(),
  });

  const ExecutionTimeObservationKey = enumLayout("ExecutionTimeObservationKey", {
    MoveEntryPoint: bcs.struct("MoveEntryPoint", {
      package: Address,
      module: stringLayout(),
      function: stringLayout(),
      typeArguments: bcs.vector(TypeTag),
    }),
    TransferObjects: null,
    SplitCoins: null,
    MergeCoins: null,
    Publish: null,
    MakeMoveVec: null,
    Upgrade: null,
  });

  const StoredExecutionTimeObservations = enumLayout("StoredExecutionTimeObservations", {
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

  const EndOfEpochTransactionKind = enumLayout("EndOfEpochTransactionKind", {
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
  const TransactionKind = enumLayout("TransactionKind", {
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
  const TransactionData = enumLayout("TransactionData", {
    V1: bcs.struct("TransactionDataV1", {
      kind: TransactionKind,
      sender: Address,
      gasData: GasData,
      expiration: TransactionExpiration,
    }),
  });

  /**
   * `SenderSignedData` in its `Envelope` (whose `EmptySignInfo` has no bytes): the transaction
   * data, kept with its BCS bytes (`intentMessage.value.bcs`) to hash for the transaction digest,
   * and the signatures (`GenericSignature`: flag byte + signature + public key, or a multisig or
   * zkLogin authenticator).
   */
  const SignedTransaction = bcs.struct("Envelope<SenderSignedData, EmptySignInfo>", {
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

  return { SignedTransaction, TransactionData };
}
