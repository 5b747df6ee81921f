#!/usr/bin/env node
// `dispatch`: the command-line tool. Each command group lives in commands/.
import { Command, CommanderError } from "commander";
import pc from "picocolors";
import { AppError } from "@dispatch/api";
import { EnvError } from "@dispatch/db";
import { registerBriefCommands } from "./commands/brief";
import { registerDbCommands } from "./commands/db";
import { registerIngestCommand } from "./commands/ingest";
import { registerParseCommand } from "./commands/parse";
import { registerTopicCommands } from "./commands/topic";
import { registerUserCommands } from "./commands/user";
import { registerWorkerCommand } from "./commands/worker";
import { CliError } from "./errors";

const program = new Command()
  .name("dispatch")
  .description("Dispatch: upload stories, tag topics, build cited briefings.")
  .showHelpAfterError()
  .exitOverride();

registerDbCommands(program);
registerParseCommand(program);
registerIngestCommand(program);
registerBriefCommands(program);
registerTopicCommands(program);
registerUserCommands(program);
registerWorkerCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else if (error instanceof CliError || error instanceof AppError || error instanceof EnvError) {
    console.error(pc.red(`error: ${error.message}`));
    process.exitCode = error instanceof CliError ? error.exitCode : 1;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
}
