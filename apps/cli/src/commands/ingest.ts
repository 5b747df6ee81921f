// `dispatch ingest`: parse and store files with a progress bar, then a summary. Exits
// non-zero when anything was rejected (everything good is stored regardless).
import type { Command } from "commander";
import { SingleBar, Presets } from "cli-progress";
import pc from "picocolors";
import type { CommitItem } from "@dispatch/api";
import type { UploadFile } from "@dispatch/ingest";
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
        // One file a call, continuing one batch, like the admin's upload form: the procedure's
        // input rules apply, and a large folder never sits in memory at once. The CLI is the
        // operator, so a new topic line creates its topic, as it does for an admin.
        const { caller, jobs } = createCliSession(db);
        const items: CommitItem[] = [];
        let batchId: string | undefined;
        let filesDone = 0;
        for await (const file of readUploadFiles(paths)) {
          if (interactive) bar.update(filesDone, { items: items.length, file: file.name ?? "" });
          const committed = await caller.upload.commit({
            files: [toUploadInput(file)],
            topicFromHint: options.topicFromHint ?? false,
            ...(batchId ? { batchId } : {}),
          });
          batchId = committed.batchId;
          items.push(...committed.items);
          filesDone += 1;
        }
        const result = {
          items,
          batchId: batchId ?? "none",
          rejected: items.filter((item) => item.status === "rejected").length,
        };
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

/** A file as the procedure takes it: valid UTF-8 as text, anything else base64 (so a PNG or a
 * UTF-16 file is recognised and refused with its reason, as in the browser). */
function toUploadInput(file: UploadFile): { name?: string; text?: string; base64?: string } {
  const name = file.name ? { name: file.name } : {};
  if (typeof file.bytes === "string") return { ...name, text: file.bytes };
  try {
    return { ...name, text: new TextDecoder("utf-8", { fatal: true }).decode(file.bytes) };
  } catch {
    return { ...name, base64: Buffer.from(file.bytes).toString("base64") };
  }
}
