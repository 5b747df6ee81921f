// What services ask of the background worker. The pg-boss implementation lives in
// ./pg-boss-queue.ts; `noJobs` is for callers with no worker (scripts that rebuild inline).
export interface JobQueue {
  /** These topics' stories or tags changed: rebuild their briefings (debounced, one at a time per topic). */
  topicsChanged(topicIds: readonly string[]): Promise<void>;
  /** New stories arrived: compute topic suggestions for them. */
  storiesAdded(storyIds: readonly string[]): Promise<void>;
}

export const noJobs: JobQueue = {
  topicsChanged: async () => undefined,
  storiesAdded: async () => undefined,
};
