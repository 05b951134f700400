import { Command } from "commander";

export function deployCommand(): Command {
  return new Command("deploy").description("Publish the Move packages (work in progress)");
}
