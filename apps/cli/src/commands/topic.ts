// `dispatch topic …` and `dispatch tag`: curate topics and tag stories from the terminal.
// Briefings of the topics touched are rebuilt before the command ends.
import type { Command } from "commander";
import pc from "picocolors";
import { listTopics } from "@dispatch/api";
import { createCliSession } from "../caller";
import { withDatabase } from "../database";
import { describe } from "./catalogue";

const list = (value: string) =>
  value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

export function registerTopicCommands(program: Command): void {
  const topic = program.command("topic").description(describe("topic"));

  topic
    .command("create")
    .description("create a topic")
    .argument("<name>", 'the topic\'s name, e.g. "Port strike"')
    .option("--slug <slug>", "URL slug (default: from the name)")
    .option("--description <text>", "one sentence on what the topic covers")
    .option("--aliases <list>", "comma-separated other names", list)
    .option("--include <list>", "comma-separated keyword rule: stories mentioning any of these match", list)
    .option("--exclude <list>", "comma-separated terms that veto the rule", list)
    .option("--auto-approve", "tag rule matches without review")
    .action(
      async (
        name: string,
        options: {
          slug?: string;
          description?: string;
          aliases?: string[];
          include?: string[];
          exclude?: string[];
          autoApprove?: boolean;
        },
      ) => {
        await withDatabase(async (db) => {
          const created = await createCliSession(db).caller.topic.create({
            name,
            ...(options.slug ? { slug: options.slug } : {}),
            ...(options.description ? { description: options.description } : {}),
            ...(options.aliases ? { aliases: options.aliases } : {}),
            ...(options.include ? { includeTerms: options.include } : {}),
            ...(options.exclude ? { excludeTerms: options.exclude } : {}),
            autoApprove: options.autoApprove ?? false,
          });
          console.log(`${pc.green("created")} /${created.slug} “${created.name}”`);
        });
      },
    );

  topic
    .command("list")
    .description("list active topics with their story counts")
    .action(async () => {
      await withDatabase(async (db) => {
        const topics = await listTopics(db);
        if (topics.length === 0)
          console.log("No topics yet. Create one with `pnpm dispatch topic create <name>`.");
        for (const row of topics)
          console.log(`${row.slug.padEnd(32)} ${String(row.storyCount).padStart(5)} stories  ${row.name}`);
      });
    });

  topic
    .command("merge")
    .description("merge a topic into another: its stories move to the survivor")
    .argument("<from>", "slug of the topic that goes away")
    .argument("<into>", "slug of the topic that stays")
    .action(async (from: string, into: string) => {
      await withDatabase(async (db) => {
        const { caller, jobs } = createCliSession(db);
        const result = await caller.topic.merge({ from, into });
        const { rebuilt } = await jobs.flush();
        console.log(
          `${pc.green("merged")} /${from} into /${result.into.slug} (${result.movedTags} tags moved)`,
        );
        for (const briefing of rebuilt)
          console.log(`  briefing /${briefing.slug} → version ${briefing.version}`);
      });
    });
}

export function registerTagCommand(program: Command): void {
  program
    .command("tag")
    .description(describe("tag"))
    .argument("<story>", "story id or slug")
    .argument("<topic>", "topic slug")
    .action(async (story: string, topicSlug: string) => {
      await withDatabase(async (db) => {
        const { caller, jobs } = createCliSession(db);
        await caller.tag.add({ story, topic: topicSlug });
        const { rebuilt } = await jobs.flush();
        console.log(`${pc.green("tagged")} ${story} with /${topicSlug}`);
        for (const briefing of rebuilt)
          console.log(`  briefing /${briefing.slug} → version ${briefing.version}`);
      });
    });
}
