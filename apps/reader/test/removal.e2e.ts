// A story a briefing cites is deleted, another unpublished: a reader must stop seeing them
// within seconds on the topic page, in the feeds, in search, on the story page and in the
// public views of older briefing versions. Runs its own reader on its own database, since
// it removes stories the other journeys read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createCaller, createInlineJobs, createInnerContext, noJobs, rebuildBriefing } from "@dispatch/api";
import { createTestDatabase, type TestDatabase } from "@dispatch/db/testing";
import {
  hasChromium,
  launchBrowser,
  screenshotPath,
  startBuiltApp,
  type RunningApp,
} from "@dispatch/ui/testing";

const TOPIC = "orlen-ferry";
const editor = {
  id: "editor-removal",
  email: "removal-editor@example.test",
  name: "Rhea Editor",
  role: "editor" as const,
};

// Our own text: three outlets on one event; each removed story has words only it uses.
const STORIES = [
  {
    slug: "orlen-ferry-suspended",
    source: "Marsh Gazette",
    title: "Orlen ferry service suspended after engine fault",
    body:
      "The Orlen ferry service was suspended on Tuesday after an engine fault on the vessel Tamsin, the operator said.\n" +
      "Operator chief Delia Brook said repairs would take at least a week and that a replacement boat had been chartered.\n" +
      "Commuters queued for the bus link across the Orlen bridge, which added forty minutes to the journey.",
  },
  {
    slug: "tamsin-strands-commuters",
    source: "Quayside Post",
    title: "Tamsin engine failure strands Orlen commuters",
    body:
      "Commuters were stranded on Tuesday when the Orlen ferry Tamsin suffered an engine failure, the operator said.\n" +
      '"We have never seen a breakdown like this," said deckhand Piotr Wendle, who has crewed the Tamsin for a decade.\n' +
      "Marmalade lighthouse keepers counted nineteen herons on the Orlen slipway that morning.",
  },
  {
    slug: "chartered-boat-orlen",
    source: "Estuary Herald",
    title: "Chartered boat to replace stricken Orlen ferry",
    body:
      "A chartered boat will replace the stricken Orlen ferry Tamsin from Thursday, operator chief Delia Brook said.\n" +
      "Brook said the engine fault on the Tamsin would take at least a week to repair.\n" +
      "Quince harbour pilots rehearsed the Orlen tidal crossing with lanterns at dawn.",
  },
] as const;

const DELETED = STORIES[1];
const UNPUBLISHED = STORIES[2];

describe.skipIf(!hasChromium)("a removed story leaves every public view", () => {
  let database: TestDatabase;
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    await db.user.create({ data: editor });
    const topic = await db.topic.create({ data: { slug: TOPIC, name: "Orlen ferry" } });
    for (const [index, story] of STORIES.entries()) {
      const source = await db.source.create({ data: { name: story.source } });
      const row = await db.story.create({
        data: {
          slug: story.slug,
          title: story.title,
          body: story.body,
          original: story.body,
          originalFormat: "text",
          contentHash: `removal-e2e-${story.slug}`,
          sourceId: source.id,
          publishedAt: new Date(Date.UTC(2026, 10, 3 + index)),
        },
      });
      ids.set(story.slug, row.id);
      await db.storyTopic.create({ data: { storyId: row.id, topicId: topic.id, origin: "manual" } });
    }
    // Two versions that both cite every story: version 1 is an "older version" below.
    await rebuildBriefing(db, TOPIC);
    await rebuildBriefing(db, TOPIC);
    app = await startBuiltApp("reader", {
      DATABASE_URL: database.url,
      AUTH_SECRET: "removal-e2e-secret-0123456789abcdef01234567",
    });
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await database?.drop();
  });

  const editorCaller = (jobs = noJobs) =>
    createCaller(createInnerContext({ db: database.db, user: editor, via: "ui", jobs }));

  /** The text of a page as a reader's browser shows it; null when it is a 404. */
  async function pageText(path: string): Promise<string | null> {
    const response = await page.goto(`${app.url}${path}`);
    if (response?.status() === 404) return null;
    return page.locator("body").innerText();
  }

  /** What a public briefing version says over the reader's own API, as text. */
  async function versionView(version: number): Promise<string> {
    const input = encodeURIComponent(JSON.stringify({ json: { topic: TOPIC, version } }));
    const response = await fetch(`${app.url}/api/trpc/briefing.get?input=${input}`);
    expect(response.status).toBe(200);
    return response.text();
  }

  /** Everything public, keyed by where it was seen. */
  async function everywhere(story: (typeof STORIES)[number]): Promise<Record<string, string>> {
    const feeds = await Promise.all(
      [
        `/topics/${TOPIC}/feed.xml`,
        `/topics/${TOPIC}/feed.atom`,
        `/topics/${TOPIC}/feed.json`,
        "/feed.xml",
      ].map(async (path) => [path, await (await fetch(`${app.url}${path}`)).text()] as const),
    );
    const marker = story.body.split("\n")[2]?.split(" ").slice(0, 2).join(" ") ?? story.title;
    return {
      "topic page": (await pageText(`/topics/${TOPIC}`)) ?? "",
      "home page": (await pageText("/")) ?? "",
      search: (await pageText(`/search?q=${encodeURIComponent(marker)}`)) ?? "",
      "story page": (await pageText(`/stories/${story.slug}`)) ?? "",
      "version 1": await versionView(1),
      "version 2": await versionView(2),
      ...Object.fromEntries(feeds),
    };
  }

  /** Where the story's title or its own sentence still shows. */
  function whereShown(views: Record<string, string>, story: (typeof STORIES)[number]): string[] {
    const own = story.body.split("\n")[2] ?? "";
    return Object.entries(views)
      .filter(([, text]) => text.includes(story.title) || text.includes(own.slice(0, 40)))
      .map(([where]) => where);
  }

  it("shows both stories everywhere before they are removed", async () => {
    for (const story of [DELETED, UNPUBLISHED]) {
      const views = await everywhere(story);
      // The own sentence need not be chosen for the briefing; the title is always listed.
      expect(whereShown(views, story).sort()).toEqual(Object.keys(views).sort());
    }
  });

  it("a deleted story is gone from every view within seconds", async () => {
    await editorCaller().story.delete({ id: ids.get(DELETED.slug) ?? "" });
    // No worker runs here: what readers see changes without waiting for a rebuild.
    await expect
      .poll(async () => whereShown(await everywhere(DELETED), DELETED), { timeout: 20_000, interval: 1_000 })
      .toEqual([]);
    expect(await pageText(`/stories/${DELETED.slug}`)).toBeNull();
    await page.goto(`${app.url}/topics/${TOPIC}`);
    await page.screenshot({ path: screenshotPath("reader-removal-deleted"), fullPage: true });
  });

  it("an unpublished story is gone too, and the rebuild it queued stores a version without it", async () => {
    const jobs = createInlineJobs(database.db, { userId: editor.id, via: "ui" });
    await editorCaller(jobs.queue).story.update({ id: ids.get(UNPUBLISHED.slug) ?? "", status: "draft" });
    await expect
      .poll(async () => whereShown(await everywhere(UNPUBLISHED), UNPUBLISHED), {
        timeout: 20_000,
        interval: 1_000,
      })
      .toEqual([]);

    const { rebuilt } = await jobs.flush();
    expect(rebuilt.map((result) => [result.slug, result.version, result.storyCount])).toEqual([
      [TOPIC, 3, 1],
    ]);
    await expect
      .poll(async () => (await pageText(`/topics/${TOPIC}`)) ?? "", { timeout: 20_000, interval: 1_000 })
      .toContain("Version 3");
    const topicPage = (await pageText(`/topics/${TOPIC}`)) ?? "";
    expect(topicPage).toContain(STORIES[0].title);
    expect(topicPage).not.toContain(UNPUBLISHED.title);
    expect(topicPage).not.toContain(DELETED.title);
  });
});
