// `dispatch ingest`: parse and store files with a progress bar, then a summary. Exits
// non-zero when anything was rejected (everything good is stored regardless).
import type { Command } from "commander";
import { SingleBar, Presets } from "cli-progress";
import pc from "picocolors";
import { commitUpload, type CommitItem } from "@dispatch/api";
import { createCliSession } from "../caller";
import { withDatabase } from "../database";
import { expandInputs, readUploadFiles } from "../input-files";
import { describe } from "./catalogue";

export function registerIngestCommand(program: Command): void {
  program
    .command("ingest")
    .description(describe("ingest"))
    .argument("<inputs...>", "files, folders, globs, or - for standard input")
    .option("--topic-from-hint", "tag stories with their bundle's topic line (creating the topic when new)")
    .option("--no-briefings", "skip suggestions and briefing rebuilds after storing")
    .action(async (inputs: string[], options: { topicFromHint?: boolean; briefings: boolean }) => {
      const paths = await expandInputs(inputs);
      await withDatabase(async (db, connection) => {
        const bar = new SingleBar(
          {
            format: "{bar} {value}/{total} files · {items} items · {file}",
            stream: process.stderr,
            hideCursor: true,
            clearOnComplete: true,
          },
          Presets.shades_classic,
        );
        const interactive = process.stderr.isTTY;
        if (interactive) bar.start(paths.length, 0, { items: 0, file: "" });
        let filesDone = 0;
        let currentFile = "";
        const files = (async function* () {
          for await (const file of readUploadFiles(paths)) {
            currentFile = file.name ?? "";
            yield file;
            filesDone += 1;
          }
        })();
        // The service, not upload.commit: it streams files of any number and size with progress
        // per item, where the procedure takes a browser's batch of base64 files.
        const { actor, jobs } = createCliSession(db);
        const result = await commitUpload(db, files, actor, {
          jobs: jobs.queue,
          topicFromHint: options.topicFromHint ?? false,
          // The CLI runs with the database's own rights, like an admin: a new topic line creates its topic.
          createTopics: true,
          onItem: (_item, done) => {
            if (interactive) bar.update(filesDone, { items: done, file: currentFile });
          },
        });
        if (interactive) {
          bar.update(paths.length, { items: result.items.length, file: "" });
          bar.stop();
        }
        printSummary(result.items, connection.describe, result.batchId);
        if (options.briefings) {
          const { suggested, rebuilt } = await jobs.flush();
          if (suggested > 0) console.log(`${suggested} topic suggestion(s) waiting for review`);
          for (const briefing of rebuilt)
            console.log(
              `briefing /${briefing.slug} → version ${briefing.version} (${briefing.storyCount} stories)`,
            );
        }
        if (result.rejected > 0) process.exitCode = 1;
      });
    });
}

function printSummary(items: readonly CommitItem[], database: string, batchId: string): void {
  const stored = items.filter((item) => item.status === "stored");
  const duplicates = items.filter((item) => item.status === "duplicate");
  const rejected = items.filter((item) => item.status === "rejected");
  const near = stored.filter((item) => item.nearDuplicateOfId);
  for (const item of duplicates) console.log(`${pc.yellow("duplicate")} ${item.item}: ${item.message}`);
  for (const item of near) console.log(`${pc.cyan("near-duplicate")} ${item.item}: ${item.message}`);
  // Rejection messages start with the item name already.
  for (const item of rejected) console.log(`${pc.red("rejected")}  ${item.message}`);
  console.log(
    `${pc.bold(String(stored.length))} stored, ${pc.bold(String(duplicates.length))} duplicates, ` +
      `${pc.bold(String(rejected.length))} rejected (batch ${batchId}, ${database})`,
  );
}
