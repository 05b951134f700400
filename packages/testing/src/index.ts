export { closedPortUrl } from "./closed-port.ts";
export {
  type FixtureEntry,
  fixturePath,
  fixtures,
  readFixture,
  SUI_CHECKPOINTS,
} from "./fixtures.ts";
export { skipWithoutFramework } from "./framework.ts";
export { writeProbePackage } from "./move-packages.ts";
export { ADMIN_URL, createPostgresDatabase, databaseUrl } from "./postgres.ts";
export { testPostgresUrl } from "./postgres-server.ts";
export { prng, shuffled } from "./prng.ts";
export {
  expectedTables,
  keyOf,
  readTable,
  readTables,
  type SelectsTables,
  sorted,
} from "./tables.ts";
