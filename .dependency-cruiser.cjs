/**
 * Verity's architecture, checked by dependency-cruiser (scripts/test/architecture.test.ts runs it
 * in the test command): dependencies point one way, move -> sdk -> indexer -> db -> api -> cli,
 * packages/ never import from apps/, and no module imports itself through a cycle.
 * @type {import("dependency-cruiser").IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "An import cycle: one module owns each concept, the others import it.",
      // hey-api's generated client (packages/sdk/src/client/client) is not ours to restructure.
      from: { pathNot: "\\.gen\\.ts$" },
      to: { circular: true },
    },
    {
      name: "packages-not-to-apps",
      severity: "error",
      comment: "packages/ are libraries; apps/ are not (../shared/DESIGN.md, Layout).",
      from: { path: "^packages/" },
      to: { path: "^apps/" },
    },
    {
      name: "apps-one-way",
      severity: "error",
      comment: "Apps depend one way: indexer -> api -> cli; the demo feeds the indexer.",
      from: { path: "^apps/(indexer|api|demo)/src/" },
      to: { path: "^apps/(api|demo|cli)/", pathNot: "^apps/$1/" },
    },
    {
      name: "not-to-test-tooling",
      severity: "error",
      comment: "Product code never imports test tooling.",
      from: { path: "^(packages|apps)/[^/]+/src/", pathNot: "^packages/(testing|test-scenarios)/" },
      to: { path: "^packages/(testing|test-scenarios)/|/test/" },
    },
    {
      name: "not-to-other-tests",
      severity: "error",
      comment: "Test helpers shared across packages live in packages/testing or test-scenarios.",
      from: { path: "^(packages|apps)/([^/]+)/" },
      to: { path: "^(packages|apps)/[^/]+/test/", pathNot: "^$1/$2/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|dist|\\.turbo)/" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "types", "default"],
      extensions: [".ts", ".js"],
    },
  },
};
