// Loads the demo newsroom (our own stories) through the same path as a real upload, so a
// newcomer's first look exercises ingest, storage and tagging. Safe to run twice.
import type { Db } from "@dispatch/db";
import { loadDemoData } from "@dispatch/db/demo";
import type { Actor } from "./audit";
import { rebuildBriefing } from "./briefings";
import { commitUpload } from "./upload";

export type SeedResult = { topics: number; storiesStored: number; storiesExisting: number };

const SEED_ACTOR: Actor = { userId: null, via: "cli" };

export async function seedDemo(db: Db): Promise<SeedResult> {
  const data = loadDemoData();
  const topicIds = new Map<string, string>();
  for (const topic of data.topics) {
    const row = await db.topic.upsert({
      where: { slug: topic.slug },
      create: topic,
      update: {},
      select: { id: true },
    });
    topicIds.set(topic.slug, row.id);
  }

  // One upload, like an editor's first bulk upload; results come back in upload order.
  const files = data.stories.map(({ topic: _topic, ...item }, index) => ({
    name: `demo-${index + 1}.json`,
    bytes: JSON.stringify([item]),
  }));
  const upload = await commitUpload(db, files, SEED_ACTOR);
  let storiesStored = 0;
  let storiesExisting = 0;
  for (const [index, story] of data.stories.entries()) {
    const outcome = upload.items[index];
    const storyId = outcome?.storyId ?? outcome?.duplicateOfId;
    if (!outcome || !storyId)
      throw new Error(
        `Demo story ${index + 1} (“${story.title}”) was rejected: ${outcome?.message ?? "no result"}`,
      );
    if (outcome.status === "stored") storiesStored += 1;
    else storiesExisting += 1;
    const topicId = topicIds.get(story.topic);
    if (!topicId) throw new Error(`Demo story ${index + 1} names unknown topic ${story.topic}`);
    await db.storyTopic.upsert({
      where: { storyId_topicId: { storyId, topicId } },
      create: {
        storyId,
        topicId,
        origin: "manual",
        status: "approved",
        confidence: 1,
        approvedAt: new Date(),
      },
      update: {},
    });
  }
  // Every demo topic starts with a current briefing, so the reader has something to show.
  for (const slug of topicIds.keys()) {
    const latest = await db.briefing.findFirst({ where: { topic: { slug } }, select: { id: true } });
    if (!latest || storiesStored > 0) await rebuildBriefing(db, slug, SEED_ACTOR);
  }
  return { topics: data.topics.length, storiesStored, storiesExisting };
}
