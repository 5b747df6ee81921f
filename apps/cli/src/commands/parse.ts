// `dispatch parse`: what ingest makes of files, as JSON on standard output. No database.
import type { Command } from "commander";
import pc from "picocolors";
import { parseUpload, toStoryJson, type StoryJson } from "@dispatch/ingest";
import { expandInputs, readUploadFiles } from "../input-files";
import { describe } from "./catalogue";

export function registerParseCommand(program: Command): void {
  program
    .command("parse")
    .description(describe("parse"))
    .argument("<inputs...>", "files, folders or globs")
    .action(async (inputs: string[]) => {
      const stories: StoryJson[] = [];
      let rejected = 0;
      for await (const file of readUploadFiles(await expandInputs(inputs))) {
        for (const result of await parseUpload(file)) {
          if (result.ok) stories.push(toStoryJson(result.story));
          else {
            rejected += 1;
            console.error(pc.red(`rejected ${result.item}: ${result.error.message}`));
          }
        }
      }
      process.stdout.write(`${JSON.stringify(stories, null, 2)}\n`);
      if (rejected > 0) process.exitCode = 1;
    });
}
