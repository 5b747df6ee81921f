// Topic reads and writes. Services take `db` first so tests and scripts call them directly.
import type { Db } from "@dispatch/db";

export type TopicSummary = {
  id: string;
  slug: string;
  name: string;
  description: string;
  storyCount: number;
};

/** Active topics, alphabetically, with how many approved stories each has. */
export async function listTopics(db: Db): Promise<TopicSummary[]> {
  const topics = await db.topic.findMany({
    where: { status: "active" },
    orderBy: { name: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      _count: { select: { stories: { where: { status: "approved", story: { deletedAt: null } } } } },
    },
  });
  return topics.map(({ _count, ...topic }) => ({ ...topic, storyCount: _count.stories }));
}
