import { Command } from "commander";

/** `verity move build|test [package]`: compile and unit-test the Move packages under `move/`. */
export function moveCommand(): Command {
  const move = new Command("move").description(
    "Build and test the Move packages with the WASM Sui compiler",
  );

  move
    .command("build")
    .description("Compile every Move package under move/ (or one, by folder name)")
    .argument("[package]", "package folder name under move/, e.g. verity")
    .action(async (only?: string) => (await import("./run/move.ts")).buildPackages(only));

  move
    .command("test")
    .description(
      "Run the Move unit tests of every package in the real Move VM; ends with `N passed, N failed`",
    )
    .argument("[package]", "package folder name under move/, e.g. verity")
    .action(async (only?: string) => (await import("./run/move.ts")).testPackages(only));

  return move;
}
