// A JobQueue for processes with no worker (the CLI): it notes what changed and does the
// work itself when flushed — suggestions for new stories, then one rebuild per topic.
import type { Db } from "@dispatch/db";
import type { JobQueue } from "./job-queue";
import type { Actor } from "../services/audit";
import { rebuildBriefing, type RebuildResult } from "../services/briefings";
import { suggestTopicsForStories } from "../services/suggestions";

export type InlineJobs = {
  queue: JobQueue;
  /** Runs what was asked, in order: suggestions first, since auto-approved tags change topics. */
  flush: () => Promise<{ suggested: number; rebuilt: RebuildResult[] }>;
};

export function createInlineJobs(db: Db, actor: Actor): InlineJobs {
  const topics = new Set<string>();
  const stories = new Set<string>();
  return {
    queue: {
      topicsChanged: async (ids) => ids.forEach((id) => topics.add(id)),
      storiesAdded: async (ids) => ids.forEach((id) => stories.add(id)),
    },
    flush: async () => {
      const suggestions = await suggestTopicsForStories(db, [...stories]);
      stories.clear();
      for (const result of suggestions) result.autoApproved.forEach((id) => topics.add(id));
      const rebuilt: RebuildResult[] = [];
      for (const topicId of [...topics].sort()) rebuilt.push(await rebuildBriefing(db, topicId, actor));
      topics.clear();
      return { suggested: suggestions.reduce((sum, result) => sum + result.suggestions, 0), rebuilt };
    },
  };
}
