#!/usr/bin/env node
// `dispatch`: the command-line tool. The catalogue names every command; only the module of
// the command being run is loaded, so help and quick commands start at once.
import { Command, CommanderError } from "commander";
import pc from "picocolors";
import { COMMANDS } from "./commands/catalogue";
import { describeFailure } from "./errors";

const program = new Command()
  .name("dispatch")
  .description("Dispatch: upload stories, tag topics, build cited briefings.")
  .option("--debug", "print the full stack when something fails unexpectedly")
  .showHelpAfterError()
  .exitOverride();

const words = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
const requested = words[0] === "help" ? words[1] : words[0];
const entry = COMMANDS.find((command) => command.name === requested);
if (entry) {
  (await entry.load())(program);
} else {
  // Help, or an unknown command: the catalogue is enough to list every command.
  for (const command of COMMANDS) program.command(command.name).description(command.description);
}

try {
  // A command's environment is checked before it runs (help needs none, and skips the import).
  if (entry) (await import("./env")).checkCliEnv();
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else {
    const failure = describeFailure(error);
    console.error(pc.red(`error: ${failure.message}`));
    if (program.opts().debug && error instanceof Error && error.stack) console.error(pc.dim(error.stack));
    process.exitCode = failure.exitCode;
  }
}
