/**
 * Whether to skip tests that need the Sui framework sources (the real compiler cannot build
 * without them), given whether a local copy was found (`resolveFramework().kind === "local"`):
 * never with a local copy; outside CI, yes, with a loud `SKIPPED, NOT PASSED` line on stderr
 * naming `what`; in CI (`CI` set), never: it throws, so the test file fails instead of skipping.
 *
 * @throws Error when `CI` is set and no local framework was found
 */
export function skipWithoutFramework(local: boolean, what: string): boolean {
  if (local) return false;
  const why =
    "no local Sui framework (SUI_FRAMEWORK_DIR, ../shared/sui-framework or ~/.cache/sui-framework)";
  if (process.env.CI) throw new Error(`${what} cannot run in CI: ${why}`);
  console.error(`\n!!! ${what}: SKIPPED, NOT PASSED: ${why}\n`);
  return true;
}
