export {
  ATTESTATION_SCENARIO_PACKAGE,
  ATTESTATIONS,
  attestationScenario,
  DATASET,
  ENCLAVE,
} from "./attestation.ts";
export {
  type FixtureStore,
  fixtureStore,
  type ServedDirectory,
  serveDirectory,
} from "./checkpoint-store.ts";
export { checkpoint, event } from "./checkpoints.ts";
export {
  certifiedBy,
  certifiedFile,
  type SummaryChange,
  type TestCommittee,
  testCommittee,
} from "./committee.ts";
export {
  ATTESTER as STORY_ATTESTER,
  CREATOR as STORY_CREATOR,
  ENCLAVE_CONFIG,
  generative,
  PER_STORY,
  provenanceScenario,
  rawTerms,
  selfRecorded,
  storyBlob,
  storyIds,
  storySha256,
  tightenedTerms,
} from "./provenance.ts";
export { storyCheckpointData } from "./story-checkpoints.ts";
export type { Fault } from "./sui-node-double/faults.ts";
export {
  type Call,
  type GrpcWebServer,
  type Handler,
  startGrpcWebServer,
} from "./sui-node-double/grpc-web.ts";
export {
  NODE_METHODS,
  type SuiNodeDouble,
  type SuiNodeDoubleOptions,
  startSuiNodeDouble,
} from "./sui-node-double/node.ts";
