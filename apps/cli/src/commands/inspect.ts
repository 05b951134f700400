import { Command } from "commander";
import { objectIdArgument } from "../ids.ts";
import type { InspectOptions } from "./run/inspect.ts";

/**
 * `verity inspect <file.chk>`: decodes a Sui checkpoint-store file and prints it as JSON on
 * stdout: the checkpoint summary, then each transaction with its events. Events of Walrus's
 * `events` module (by the package ids of `walrusEvents.WALRUS_PACKAGE_IDS`) and, with
 * `--package`, of the `verity` package carry a `decoded` field; others their BCS `contents` as
 * 0x-hex (with a `decodeError` when the bytes do not fit the known layout). Integers beyond 2^53
 * (u64, u256) print as decimal strings, byte vectors (`vector<u8>`: digests, keys, signatures)
 * as 0x-hex. A file that does not decode ends the command with one `error: …` line naming the
 * file, the byte offset and the field, and exit code 1.
 */
export function inspectCommand(): Command {
  return new Command("inspect")
    .description("Print a Sui checkpoint file (.chk, as checkpoint stores serve them) as JSON")
    .argument("<file>", "a checkpoint file, e.g. 248050771.chk")
    .option("--events-only", "print only the events, as one list")
    .option(
      "--package <id>",
      "the verity package id whose events to decode (e.g. from the deploy config)",
      objectIdArgument,
    )
    .action(async (file: string, options: InspectOptions) =>
      (await import("./run/inspect.ts")).inspect(file, options),
    );
}
