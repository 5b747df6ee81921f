// Every top-level command, its one-line description and the module that defines it. `main`
// loads only the module of the command being run, so `dispatch --help` and a quick command
// never pay for the database, the engine or the parsers of the others.
import type { Command } from "commander";

type Register = (program: Command) => void;

export type CommandEntry = {
  name: string;
  description: string;
  load: () => Promise<Register>;
};

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "db",
    description: "manage the database (DATABASE_URL, or the embedded one)",
    load: async () => (await import("./db")).registerDbCommands,
  },
  {
    name: "parse",
    description: "parse files (or - for standard input) and print the stories as JSON; stores nothing",
    load: async () => (await import("./parse")).registerParseCommand,
  },
  {
    name: "ingest",
    description: "parse files, folders or globs and store the stories (duplicates are reported, not stored)",
    load: async () => (await import("./ingest")).registerIngestCommand,
  },
  {
    name: "brief",
    description:
      "print a briefing: from a file of stories (JSON array, or anything `parse` reads), or a topic's latest stored one",
    load: async () => (await import("./brief")).registerBriefCommand,
  },
  {
    name: "rebuild",
    description: "build and store a new briefing version now, for one topic or --all",
    load: async () => (await import("./brief")).registerRebuildCommand,
  },
  {
    name: "topic",
    description: "create, list and merge topics",
    load: async () => (await import("./topic")).registerTopicCommands,
  },
  {
    name: "tag",
    description: "tag a story with a topic (approved) and rebuild the topic's briefing",
    load: async () => (await import("./topic")).registerTagCommand,
  },
  {
    name: "user",
    description: "manage accounts and roles (reader, editor, admin)",
    load: async () => (await import("./user")).registerUserCommands,
  },
  {
    name: "worker",
    description: "run the background worker (briefing rebuilds, topic suggestions) until Ctrl-C",
    load: async () => (await import("./worker")).registerWorkerCommand,
  },
];

/** The catalogue's description of a command, so each is written once. */
export function describe(name: string): string {
  return COMMANDS.find((entry) => entry.name === name)?.description ?? "";
}
