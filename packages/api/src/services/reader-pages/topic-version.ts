// The reader's page of one old (published) version of a topic's briefing, in one read: the
// version as readers saw it, with editors' controls and removed stories applied as on the
// topic page, and what changed against the published version before it. A draft, or a
// number that was never a version, is "not-found" with a sentence saying so.
import type { Db } from "@dispatch/db";
import { listBriefingVersionSummaries, readBriefingVersion } from "../briefing-store";
import {
  compareBriefingViews,
  loadPublicStories,
  toPublicVersion,
  type BriefingDiff,
  type BriefingView,
} from "../briefings";
import { findReaderTopic } from "./topic-page";

export type TopicVersionPage =
  | {
      kind: "version";
      page: Omit<BriefingView, "passages">;
      /** The published version before it (what `changes` is told against); null for the first. */
      previousVersion: number | null;
      /** The version readers see now. */
      latestVersion: number;
      changes: BriefingDiff | null;
    }
  | { kind: "merged"; into: string }
  | { kind: "not-found"; message: string };

export async function getTopicVersionPage(db: Db, slug: string, version: number): Promise<TopicVersionPage> {
  const found = await findReaderTopic(db, slug);
  if (found.kind === "merged") return found;
  if (found.kind === "not-found") return { kind: "not-found", message: `There is no topic “${slug}”.` };
  const { topic } = found;
  const versions = await listBriefingVersionSummaries(db, topic.id);
  const latest = versions[0];
  const missing = {
    kind: "not-found" as const,
    message: latest
      ? `The “${topic.name}” briefing has no published version ${version}; its versions run from 1 to ${latest.version}, with only published ones shown.`
      : `The “${topic.name}” briefing has no published version yet.`,
  };
  if (!latest || !versions.some((entry) => entry.version === version)) return missing;
  const previousVersion = versions.find((entry) => entry.version < version)?.version ?? null;
  const [stored, previous] = await Promise.all([
    readBriefingVersion(db, topic.id, version),
    previousVersion !== null ? readBriefingVersion(db, topic.id, previousVersion) : null,
  ]);
  if (!stored) return missing;
  const visible = await loadPublicStories(db, [...stored.storyIds, ...(previous?.storyIds ?? [])]);
  const shown = toPublicVersion(stored, visible);
  return {
    kind: "version",
    page: {
      topic,
      version: shown.version,
      createdAt: shown.createdAt,
      briefing: shown.briefing,
      stories: shown.stories,
    },
    previousVersion,
    latestVersion: latest.version,
    changes: previous ? compareBriefingViews(toPublicVersion(previous, visible), shown) : null,
  };
}
