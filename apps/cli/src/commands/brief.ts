// `dispatch brief`: a briefing from stories in a file (no database), or the latest stored
// briefing of a topic (`--topic`). `rebuild`: build and store new versions now.
import type { Command } from "commander";
import { stat } from "node:fs/promises";
import pc from "picocolors";
import {
  buildBriefing,
  renderBriefing,
  rewriteWithModel,
  type Briefing,
  type RenderedStory,
  type StoryInput,
} from "@dispatch/briefing";
import { parseUpload } from "@dispatch/ingest";
import { CliError } from "../errors";
import { describe } from "./catalogue";
import { readUploadFiles } from "../input-files";
import { getModelEnv } from "../env";

type BriefOptions = { words: string; format: string; topic?: string; abstractive?: boolean };
const FORMATS = ["json", "md", "text"] as const;

export function registerBriefCommand(program: Command): void {
  program
    .command("brief")
    .description(describe("brief"))
    .argument("[file]", "a file, or - for standard input")
    .option("--words <n>", "word limit of the summary", "250")
    .option("--format <format>", "json, md or text", "md")
    .option("--topic <slug>", "print the latest stored briefing of this topic instead")
    .option(
      "--abstractive",
      "rewrite with the model at DISPATCH_LLM_BASE_URL (DISPATCH_LLM_MODEL, DISPATCH_LLM_API_KEY); uncited sentences are dropped",
    )
    .action(async (file: string | undefined, options: BriefOptions) => {
      const format = FORMATS.find((name) => name === options.format);
      if (!format)
        throw new CliError(`--format must be one of ${FORMATS.join(", ")}; got “${options.format}”.`);
      const words = Number(options.words);
      if (!Number.isInteger(words) || words < 10)
        throw new CliError(`--words must be a whole number of at least 10; got “${options.words}”.`);

      let briefing: Briefing;
      let titled: RenderedStory[] = [];
      if (options.topic) {
        if (file) throw new CliError("Give either a file or --topic, not both.");
        if (options.abstractive)
          throw new CliError(
            "--abstractive rewrites a briefing built from a file; stored briefings are printed as stored.",
          );
        const topic = options.topic;
        // The database and the API are loaded only here: a briefing from a file needs neither.
        const [{ getBriefing }, { withDatabase }] = await Promise.all([
          import("@dispatch/api"),
          import("../database"),
        ]);
        const view = await withDatabase((db) => getBriefing(db, topic));
        if (!view)
          throw new CliError(
            `Topic “${topic}” has no briefing yet. Build one with \`pnpm dispatch rebuild ${topic}\`.`,
          );
        briefing = view.briefing;
        titled = view.stories;
      } else {
        if (!file) throw new CliError("Give a file of stories (or - for standard input), or --topic <slug>.");
        const stories = dateByUpload(await readStories(file), file, await readUploadTime(file));
        titled = stories;
        briefing = buildBriefing(stories, { words });
        if (options.abstractive) {
          const rewritten = await rewriteWithModel(briefing, stories, { ...getModelEnv(), words });
          if (rewritten.error)
            console.error(
              pc.yellow(
                `warning: the model's rewrite was not used (${rewritten.error}); showing the extractive briefing`,
              ),
            );
          else
            console.error(
              pc.dim(
                `model wrote ${rewritten.kept} cited sentence(s); ${rewritten.dropped} without valid citations were dropped`,
              ),
            );
          briefing = rewritten.briefing;
        }
      }
      for (const diagnostic of briefing.diagnostics) {
        if (diagnostic.level === "warning") console.error(pc.yellow(`warning: ${diagnostic.message}`));
      }
      const width = process.stdout.columns ?? 80;
      process.stdout.write(
        format === "json"
          ? `${JSON.stringify(briefing, null, 2)}\n`
          : renderBriefing(briefing, format, { stories: titled, width }),
      );
    });
}

export function registerRebuildCommand(program: Command): void {
  program
    .command("rebuild")
    .description(describe("rebuild"))
    .argument("[topic]", "topic slug")
    .option("--all", "every active topic")
    .action(async (topic: string | undefined, options: { all?: boolean }) => {
      if (!topic && !options.all) throw new CliError("Name a topic slug, or pass --all.");
      const [{ withDatabase }, { createCliSession }] = await Promise.all([
        import("../database"),
        import("../caller"),
      ]);
      await withDatabase(async (db) => {
        const slugs = options.all
          ? (
              await db.topic.findMany({
                where: { status: "active" },
                select: { slug: true },
                orderBy: { slug: "asc" },
              })
            ).map((row) => row.slug)
          : [topic ?? ""];
        const { caller } = createCliSession(db);
        for (const slug of slugs) {
          const result = await caller.briefing.rebuild({ topic: slug });
          console.log(
            `${pc.green("rebuilt")} ${result.slug} → version ${result.version} (${result.storyCount} stories, ${result.buildMs} ms)${result.published ? "" : " — a draft: readers see it once an editor publishes it in the admin"}`,
          );
        }
      });
    });
}

/** A JSON array of {id?, title, body, source?, publishedAt?}, or anything ingest can parse — the same from a file or standard input. */
async function readStories(file: string): Promise<StoryInput[]> {
  const stories: StoryInput[] = [];
  for await (const upload of readUploadFiles([file])) {
    const direct = readStoryArray(upload.bytes);
    if (direct) {
      stories.push(...direct);
      continue;
    }
    for (const result of await parseUpload(upload)) {
      if (!result.ok) {
        console.error(pc.yellow(`skipped ${result.error.message}`));
        continue;
      }
      const story = result.story;
      stories.push({
        id: `story-${stories.length + 1}`,
        title: story.title,
        body: story.body,
        source: story.source,
        publishedAt: story.publishedAt,
      });
    }
  }
  if (stories.length === 0)
    throw new CliError(`${file === "-" ? "Standard input" : file} holds no story that could be read.`);
  return stories;
}

/** Stories given directly as a JSON array keep their own ids; anything else is left to the parsers. */
function readStoryArray(bytes: string | Uint8Array): StoryInput[] | null {
  let data: unknown;
  try {
    data = JSON.parse(typeof bytes === "string" ? bytes : new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
  if (!Array.isArray(data) || data.length === 0) return null;
  const stories: StoryInput[] = [];
  for (const [index, item] of data.entries()) {
    if (typeof item !== "object" || item === null) return null;
    const record = item as Record<string, unknown>;
    if (typeof record.title !== "string" || typeof record.body !== "string") return null;
    stories.push({
      id:
        typeof record.id === "string" || typeof record.id === "number"
          ? String(record.id)
          : `story-${index + 1}`,
      title: record.title,
      body: record.body,
      source: typeof record.source === "string" ? record.source : null,
      publishedAt: typeof record.publishedAt === "string" ? record.publishedAt : null,
    });
  }
  return stories;
}

/** When the file was written (now, for standard input): what a story without a date of its own is dated by. */
async function readUploadTime(file: string): Promise<Date> {
  if (file === "-") return new Date();
  const info = await stat(file).catch(() => null);
  return info?.mtime ?? new Date();
}

// Stories without a publication date have "Tuesday" and "November 10" read against the upload
// time instead of being left undated; the note says so, and the timeline marks those dates.
function dateByUpload(stories: StoryInput[], file: string, uploadedAt: Date): StoryInput[] {
  const undated = stories.filter((s) => !s.publishedAt).length;
  if (undated > 0) {
    const when = `${file === "-" ? "now" : "the file's time"}, ${uploadedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`;
    console.error(
      pc.dim(
        `note: ${undated} of ${stories.length} stories have no publication date; their dates without a year (“Tuesday”, “November 10”) are read against ${when}.`,
      ),
    );
  }
  return stories.map((s) => ({ ...s, uploadedAt: uploadedAt.toISOString() }));
}
