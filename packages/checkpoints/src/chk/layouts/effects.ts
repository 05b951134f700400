/**
 * BCS layouts of transaction effects (`sui_types::effects`, `sui_types::execution_status`),
 * written from Sui's serde registry (`sui-format.yaml`). `@mysten/sui/bcs` exports a
 * `TransactionEffects`, but it lacks the registry's `Owner::Party` and
 * `ExecutionErrorKind::SystemObjectNotAvailableLocally`, so the effects are mirrored here.
 * Field names are the registry's, in camelCase; u64s decode as decimal strings, addresses,
 * object ids and digests as the family's leaves do.
 */
import { bcs } from "@mysten/bcs";
import type { Leaves } from "./leaves.ts";
import type { ObjectLayouts } from "./object.ts";
import { enumLayout, stringLayout } from "./support.ts";

/** `TransactionEffects` and `GasCostSummary`, over `objects`. */
export function effectsLayouts<L extends Leaves>(objects: ObjectLayouts<L>) {
  const { Address, Digest, ObjectRef, Owner, TypeTag } = objects;

  const PackageUpgradeError = enumLayout("PackageUpgradeError", {
    UnableToFetchPackage: bcs.struct("UnableToFetchPackage", { packageId: Address }),
    NotAPackage: bcs.struct("NotAPackage", { objectId: Address }),
    IncompatibleUpgrade: null,
    DigestDoesNotMatch: bcs.struct("DigestDoesNotMatch", { digest: bcs.byteVector() }),
    UnknownUpgradePolicy: bcs.struct("UnknownUpgradePolicy", { policy: bcs.u8() }),
    PackageIDDoesNotMatch: bcs.struct("PackageIDDoesNotMatch", {
      packageId: Address,
      ticketId: Address,
    }),
  });

  const MoveLocation = bcs.struct("MoveLocation", {
    module: bcs.struct("ModuleId", { address: Address, name: stringLayout() }),
    function: bcs.u16(),
    instruction: bcs.u16(),
    functionName: bcs.option(stringLayout()),
  });

  const CommandArgumentError = enumLayout("CommandArgumentError", {
    TypeMismatch: null,
    InvalidBCSBytes: null,
    InvalidUsageOfPureArg: null,
    InvalidArgumentToPrivateEntryFunction: null,
    IndexOutOfBounds: bcs.struct("IndexOutOfBounds", { idx: bcs.u16() }),
    SecondaryIndexOutOfBounds: bcs.struct("SecondaryIndexOutOfBounds", {
      resultIdx: bcs.u16(),
      secondaryIdx: bcs.u16(),
    }),
    InvalidResultArity: bcs.struct("InvalidResultArity", { resultIdx: bcs.u16() }),
    InvalidGasCoinUsage: null,
    InvalidValueUsage: null,
    InvalidObjectByValue: null,
    InvalidObjectByMutRef: null,
    SharedObjectOperationNotAllowed: null,
    InvalidArgumentArity: null,
    InvalidTransferObject: null,
    InvalidMakeMoveVecNonObjectArgument: null,
    ArgumentWithoutValue: null,
    CannotMoveBorrowedValue: null,
    CannotWriteToExtendedReference: null,
    InvalidReferenceArgument: null,
  });

  const sizes = bcs.struct("Sizes", { currentSize: bcs.u64(), maxSize: bcs.u64() });
  const objectSizes = bcs.struct("ObjectSizes", {
    objectSize: bcs.u64(),
    maxObjectSize: bcs.u64(),
  });
  const valueSizes = bcs.struct("ValueSizes", { valueSize: bcs.u64(), maxScaledSize: bcs.u64() });

  /** `ExecutionErrorKind`: why a transaction failed. */
  const ExecutionErrorKind = enumLayout("ExecutionErrorKind", {
    InsufficientGas: null,
    InvalidGasObject: null,
    InvariantViolation: null,
    FeatureNotYetSupported: null,
    MoveObjectTooBig: objectSizes,
    MovePackageTooBig: objectSizes,
    CircularObjectOwnership: bcs.struct("CircularObjectOwnership", { object: Address }),
    InsufficientCoinBalance: null,
    CoinBalanceOverflow: null,
    PublishErrorNonZeroAddress: null,
    SuiMoveVerificationError: null,
    MovePrimitiveRuntimeError: bcs.option(MoveLocation),
    MoveAbort: bcs.tuple([MoveLocation, bcs.u64()]),
    VMVerificationOrDeserializationError: null,
    VMInvariantViolation: null,
    FunctionNotFound: null,
    ArityMismatch: null,
    TypeArityMismatch: null,
    NonEntryFunctionInvoked: null,
    CommandArgumentError: bcs.struct("CommandArgumentError", {
      argIdx: bcs.u16(),
      kind: CommandArgumentError,
    }),
    TypeArgumentError: bcs.struct("TypeArgumentError", {
      argumentIdx: bcs.u16(),
      kind: enumLayout("TypeArgumentError", { TypeNotFound: null, ConstraintNotSatisfied: null }),
    }),
    UnusedValueWithoutDrop: bcs.struct("UnusedValueWithoutDrop", {
      resultIdx: bcs.u16(),
      secondaryIdx: bcs.u16(),
    }),
    InvalidPublicFunctionReturnType: bcs.struct("InvalidPublicFunctionReturnType", {
      idx: bcs.u16(),
    }),
    InvalidTransferObject: null,
    EffectsTooLarge: sizes,
    PublishUpgradeMissingDependency: null,
    PublishUpgradeDependencyDowngrade: null,
    PackageUpgradeError: bcs.struct("PackageUpgradeError", { upgradeError: PackageUpgradeError }),
    WrittenObjectsTooLarge: sizes,
    CertificateDenied: null,
    SuiMoveVerificationTimedout: null,
    SharedObjectOperationNotAllowed: null,
    InputObjectDeleted: null,
    ExecutionCancelledDueToSharedObjectCongestion: bcs.struct(
      "ExecutionCancelledDueToSharedObjectCongestion",
      { congestedObjects: bcs.vector(Address) },
    ),
    AddressDeniedForCoin: bcs.struct("AddressDeniedForCoin", {
      address: Address,
      coinType: stringLayout(),
    }),
    CoinTypeGlobalPause: bcs.struct("CoinTypeGlobalPause", { coinType: stringLayout() }),
    ExecutionCancelledDueToRandomnessUnavailable: null,
    MoveVectorElemTooBig: valueSizes,
    MoveRawValueTooBig: valueSizes,
    InvalidLinkage: null,
    InsufficientFundsForWithdraw: null,
    NonExclusiveWriteInputObjectModified: bcs.struct("NonExclusiveWriteInputObjectModified", {
      id: Address,
    }),
    SystemObjectNotAvailableLocally: null,
  });

  /** `ExecutionStatus`: success, or the error and the index of the command that failed. */
  const ExecutionStatus = enumLayout("ExecutionStatus", {
    Success: null,
    Failure: bcs.struct("ExecutionFailure", {
      error: ExecutionErrorKind,
      command: bcs.option(bcs.u64()),
    }),
  });

  /** `GasCostSummary`, in MIST. */
  const GasCostSummary = bcs.struct("GasCostSummary", {
    computationCost: bcs.u64(),
    storageCost: bcs.u64(),
    storageRebate: bcs.u64(),
    nonRefundableStorageFee: bcs.u64(),
  });

  const OwnedObjectRef = bcs.tuple([ObjectRef, Owner]);

  const TransactionEffectsV1 = bcs.struct("TransactionEffectsV1", {
    status: ExecutionStatus,
    executedEpoch: bcs.u64(),
    gasUsed: GasCostSummary,
    modifiedAtVersions: bcs.vector(bcs.tuple([Address, bcs.u64()])),
    sharedObjects: bcs.vector(ObjectRef),
    transactionDigest: Digest,
    created: bcs.vector(OwnedObjectRef),
    mutated: bcs.vector(OwnedObjectRef),
    unwrapped: bcs.vector(OwnedObjectRef),
    deleted: bcs.vector(ObjectRef),
    unwrappedThenDeleted: bcs.vector(ObjectRef),
    wrapped: bcs.vector(ObjectRef),
    gasObject: OwnedObjectRef,
    eventsDigest: bcs.option(Digest),
    dependencies: bcs.vector(Digest),
  });

  const VersionDigest = bcs.tuple([bcs.u64(), Digest]);

  const AccumulatorWriteV1 = bcs.struct("AccumulatorWriteV1", {
    address: bcs.struct("AccumulatorAddress", { address: Address, ty: TypeTag }),
    operation: enumLayout("AccumulatorOperation", { Merge: null, Split: null }),
    value: enumLayout("AccumulatorValue", {
      Integer: bcs.u64(),
      IntegerTuple: bcs.tuple([bcs.u64(), bcs.u64()]),
      EventDigest: bcs.vector(bcs.tuple([bcs.u64(), Digest])),
    }),
  });

  const EffectsObjectChange = bcs.struct("EffectsObjectChange", {
    inputState: enumLayout("ObjectIn", {
      NotExist: null,
      Exist: bcs.tuple([VersionDigest, Owner]),
    }),
    outputState: enumLayout("ObjectOut", {
      NotExist: null,
      ObjectWrite: bcs.tuple([Digest, Owner]),
      PackageWrite: VersionDigest,
      AccumulatorWriteV1,
    }),
    idOperation: enumLayout("IDOperation", { None: null, Created: null, Deleted: null }),
  });

  const UnchangedConsensusKind = enumLayout("UnchangedConsensusKind", {
    ReadOnlyRoot: VersionDigest,
    MutateConsensusStreamEnded: bcs.u64(),
    ReadConsensusStreamEnded: bcs.u64(),
    Cancelled: bcs.u64(),
    PerEpochConfig: null,
  });

  const TransactionEffectsV2 = bcs.struct("TransactionEffectsV2", {
    status: ExecutionStatus,
    executedEpoch: bcs.u64(),
    gasUsed: GasCostSummary,
    transactionDigest: Digest,
    gasObjectIndex: bcs.option(bcs.u32()),
    eventsDigest: bcs.option(Digest),
    dependencies: bcs.vector(Digest),
    lamportVersion: bcs.u64(),
    changedObjects: bcs.vector(bcs.tuple([Address, EffectsObjectChange])),
    unchangedConsensusObjects: bcs.vector(bcs.tuple([Address, UnchangedConsensusKind])),
    auxDataDigest: bcs.option(Digest),
  });

  /**
   * `TransactionEffects`: what executing a transaction did. Both versions carry the
   * `transactionDigest` they belong to and the `eventsDigest` of the events emitted, if any.
   */
  const TransactionEffects = enumLayout("TransactionEffects", {
    V1: TransactionEffectsV1,
    V2: TransactionEffectsV2,
  });

  return { TransactionEffects, GasCostSummary };
}
