export { readerOffset } from "./bcs-offset.ts";
export { decodeCheckpointBlob } from "./binpb/decode.ts";
export { encodeCheckpointBlob } from "./binpb/encode.ts";
export * from "./browser.ts";
export { anchorCommittee } from "./certificate/anchor.ts";
export type { BlsVerifier } from "./certificate/bls.ts";
export { committeeChain } from "./certificate/chain.ts";
export {
  CommitteeBcs,
  type CommitteeMember,
  committeeToBcs,
  nextCommittee,
} from "./certificate/committee.ts";
export { RoaringFormatError, readRoaring } from "./certificate/roaring.ts";
export {
  CertificateError,
  checkpointSigningMessage,
  QUORUM_VOTING_POWER,
  verifyCheckpointCertificate,
} from "./certificate/verify.ts";
export type {
  Checkpoint,
  CheckpointEvent,
  CheckpointProofParts,
  CheckpointSource,
  CheckpointTransaction,
  SourceRetry,
} from "./checkpoint.ts";
export {
  type DecodeOptions,
  decodeCertifiedSummary,
  decodeCheckpointData,
  decodeCheckpointFile,
} from "./chk/decode.ts";
export { type CheckpointDataInput, encodeCheckpointFile } from "./chk/encode.ts";
export { CheckpointDecodeError } from "./chk/error.ts";
export {
  AuthorityQuorumSignInfo,
  CertifiedCheckpointSummary,
  CheckpointContents,
  CheckpointData,
  CheckpointSummary,
  SuiObject,
  TransactionData,
  TransactionEffects,
  TransactionEvents,
} from "./chk/layouts/checkpoint.ts";
export { certifiedSummaryBcs, checkpointFromData, structTagString } from "./chk/normalize.ts";
export { suiDigest } from "./digest.ts";
export { CHECKPOINT_READ_MASK, fromProto, MalformedCheckpointError } from "./grpc/convert.ts";
export { type OrderedPrefetchOptions, orderedPrefetch } from "./ordered-prefetch.ts";
export { PROOF_BUNDLE_VERSION, proofBundleOf, proofBundleToJson } from "./proof/bundle.ts";
export { ProofPartsMismatchError, verifyCheckpointParts } from "./proof/parts.ts";
export {
  DEFAULT_DIRECTORY_CONCURRENCY,
  DirectoryCheckpointSource,
  type DirectoryCheckpointSourceOptions,
} from "./store/directory.ts";
export { EPOCHS_FILE, parseEpochs } from "./store/epochs.ts";
export {
  decodeStoreFile,
  STORE_FORMATS,
  type StoreDecodeOptions,
  type StoreFileDecoder,
  type StoreFormat,
  type StorePathDecoder,
} from "./store/format.ts";
export {
  HTTP_SOURCE_DEFAULTS,
  HttpCheckpointSource,
  type HttpCheckpointSourceOptions,
} from "./store/http.ts";
