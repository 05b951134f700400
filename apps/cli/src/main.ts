#!/usr/bin/env node
import { Command } from "commander";
import { auditCommand } from "./commands/audit.ts";
import { demoCommand } from "./commands/demo.ts";
import { deployCommand } from "./commands/deploy.ts";
import { indexCommandDefinition } from "./commands/index-command.ts";
import { inspectCommand } from "./commands/inspect.ts";
import { moveCommand } from "./commands/move.ts";
import { serveCommand } from "./commands/serve.ts";
import { startCommand } from "./commands/start.ts";
import { trainingSummaryCommand } from "./commands/training-summary.ts";
import { verifyCommand } from "./commands/verify.ts";

const program = new Command("verity")
  .description("Verifiable AI data provenance on Sui and Walrus")
  .showHelpAfterError()
  .addCommand(moveCommand())
  .addCommand(deployCommand())
  .addCommand(demoCommand())
  .addCommand(inspectCommand())
  .addCommand(indexCommandDefinition())
  .addCommand(serveCommand())
  .addCommand(startCommand())
  .addCommand(verifyCommand())
  .addCommand(auditCommand())
  .addCommand(trainingSummaryCommand());

program.parseAsync().catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
