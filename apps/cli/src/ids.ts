import { InvalidArgumentError } from "commander";

/**
 * Parses an object id or package id on the command line: 0x and 1 to 64 hex digits, returned as
 * Sui writes ids (0x + 64 lowercase hex, zero-padded on the left), which is what
 * `normalizeSuiAddress` of `@mysten/sui/utils` returns for such input (a test holds them equal).
 * Written out rather than imported because option parsers run for every command, `--help`
 * included, and loading `@mysten/sui/utils` alone takes about a third of the start-up budget.
 *
 * @throws InvalidArgumentError for anything else (commander prints it with the option's name)
 */
export function objectIdArgument(value: string): string {
  if (!/^0x[0-9a-fA-F]{1,64}$/.test(value))
    throw new InvalidArgumentError("expected an object id: 0x and up to 64 hex digits");
  return `0x${value.slice(2).toLowerCase().padStart(64, "0")}`;
}
