// Review before publishing, per topic (off by default: every rebuild is published at once).
// With it on, a rebuild stores a draft; readers keep the last published version until an
// editor publishes the draft, having seen what it changes. Also the editors' view of a
// topic's briefing: every version with its state, the one shown with what the controls did,
// and two versions compared.
import type { Db } from "@dispatch/db";
import { AppError, notFound } from "../errors";
import { recordAudit, type Actor } from "./audit";
import type { ControlEffect } from "./briefing-controls";
import { listBriefingVersionSummaries, markBriefingPublished } from "./briefing-store";
import {
  compareBriefingViews,
  findTopic,
  getStoredBriefing,
  loadPublicStories,
  toPublicVersion,
  type BriefingDiff,
  type BriefingView,
} from "./briefings";

export type VersionState = "published" | "draft" | "passed-over";

/** What a version is to editors: published, a draft waiting, or a draft a later publication passed over. */
function versionState(
  version: { version: number; publishedAt: Date | null },
  publishedVersion: number | null,
): VersionState {
  if (version.publishedAt) return "published";
  return publishedVersion !== null && version.version < publishedVersion ? "passed-over" : "draft";
}

/** The version readers see now (null before the first publication). */
async function readPublishedVersionNumber(db: Db, topicId: string): Promise<number | null> {
  const published = await db.briefing.findFirst({
    where: { topicId, publishedAt: { not: null } },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  return published?.version ?? null;
}

/** Turns review before publishing on or off for a topic (a draft waiting stays one until published or replaced). */
export async function setReviewBeforePublish(db: Db, slug: string, enabled: boolean, actor: Actor) {
  const topic = await findTopic(db, slug);
  await db.$transaction(async (tx) => {
    await tx.topic.update({ where: { id: topic.id }, data: { reviewBeforePublish: enabled } });
    await recordAudit(tx, actor, {
      action: enabled ? "topic.review-on" : "topic.review-off",
      entityType: "topic",
      entityId: topic.id,
    });
  });
  return { slug: topic.slug, reviewBeforePublish: enabled };
}

/** The newest version, when it is a draft newer than every published one: what waits for an editor. */
async function findWaitingDraft(db: Db, topicId: string) {
  const [newest, publishedVersion] = await Promise.all([
    db.briefing.findFirst({
      where: { topicId },
      orderBy: { version: "desc" },
      select: { version: true, createdAt: true, publishedAt: true, storyIds: true },
    }),
    readPublishedVersionNumber(db, topicId),
  ]);
  if (!newest || newest.publishedAt) return null;
  return { ...newest, publishedVersion };
}

/** Publishes the topic's waiting draft; `version` is the one the editor reviewed. */
export async function publishDraft(db: Db, slug: string, version: number, actor: Actor) {
  const topic = await findTopic(db, slug);
  const draft = await findWaitingDraft(db, topic.id);
  if (!draft) throw new AppError("CONFLICT", `There is no draft of “${topic.name}” waiting to be published.`);
  if (draft.version !== version) {
    throw new AppError(
      "CONFLICT",
      `Version ${version} is not the draft waiting: version ${draft.version} replaced it. Review version ${draft.version} and publish that.`,
    );
  }
  await db.$transaction(async (tx) => {
    if (!(await markBriefingPublished(tx, topic.id, version, actor.userId))) {
      throw new AppError("CONFLICT", `Version ${version} of “${topic.name}” was published meanwhile.`);
    }
    await recordAudit(tx, actor, {
      action: "briefing.publish",
      entityType: "topic",
      entityId: topic.id,
      details: { version, replaces: draft.publishedVersion ?? 0 },
    });
  });
  return { slug: topic.slug, version };
}

export type DraftWaiting = {
  topic: { slug: string; name: string };
  version: number;
  builtAt: Date;
  storyCount: number;
  /** What readers see meanwhile; null before the first publication. */
  publishedVersion: number | null;
};

/** Every active topic with a draft waiting for an editor, oldest first (the review queue), in one query. */
export async function listDraftsWaiting(db: Db): Promise<DraftWaiting[]> {
  const rows = await db.$queryRaw<
    {
      slug: string;
      name: string;
      version: number;
      builtAt: Date;
      storyCount: number;
      publishedVersion: number | null;
    }[]
  >`
    SELECT t.slug, t.name, newest.version, newest."createdAt" AS "builtAt",
           cardinality(newest."storyIds")::int AS "storyCount", published.version AS "publishedVersion"
    FROM "Topic" t
    JOIN LATERAL (
      SELECT version, "createdAt", "storyIds", "publishedAt" FROM "Briefing"
      WHERE "topicId" = t.id ORDER BY version DESC LIMIT 1
    ) newest ON newest."publishedAt" IS NULL
    LEFT JOIN LATERAL (
      SELECT version FROM "Briefing"
      WHERE "topicId" = t.id AND "publishedAt" IS NOT NULL ORDER BY version DESC LIMIT 1
    ) published ON true
    WHERE t.status = 'active'
    ORDER BY newest."createdAt", t.slug`;
  return rows.map(({ slug, name, ...draft }) => ({ topic: { slug, name }, ...draft }));
}

/** A control as the admin lists it: who, what, why, and what it found in the version shown. */
export type ControlView = {
  id: string;
  kind: ControlEffect["control"]["kind"];
  targetText: string;
  value: string | null;
  reason: string | null;
  by: string | null;
  createdAt: Date;
  sinceVersion: number;
  /** The point or storyline it found in the version shown; null when none matched (or it does not apply). */
  matched: string | null;
  applies: boolean;
};

export type EditorVersion = Omit<BriefingView, "topic"> & {
  state: VersionState;
  /** Pinned point ids, with who pinned them. */
  pinned: { pointId: string; by: string | null; controlId: string }[];
  /** Points struck from this version, with who struck them and why. */
  struck: { pointId: string; text: string; by: string | null; reason: string | null; controlId: string }[];
  /** Storylines whose label is locked, with the engine's wording. */
  lockedLabels: { storylineId: string; original: string | null; by: string | null; controlId: string }[];
  lockedHeadline: { original: string | null; by: string | null; controlId: string } | null;
};

/** A version for editors: as readers would see it, and what the controls did to it. */
async function readEditorVersion(
  db: Db,
  slug: string,
  version: number | undefined,
  publishedVersion: number | null,
): Promise<{ topic: BriefingView["topic"]; version: EditorVersion; effects: ControlEffect[] } | null> {
  const found = await getStoredBriefing(db, slug, version, { drafts: true });
  if (!found) return null;
  const { stored } = found;
  const view = toPublicVersion(stored, await loadPublicStories(db, stored.storyIds));
  const by = (effect: ControlEffect) => effect.control.createdBy?.name ?? null;
  const effects = stored.editorial.effects;
  const state = versionState(stored, publishedVersion);
  return {
    topic: found.topic,
    effects,
    version: {
      ...view,
      state,
      pinned: effects.flatMap((effect) =>
        effect.control.kind === "pin" && effect.matched
          ? [{ pointId: effect.matched, by: by(effect), controlId: effect.control.id }]
          : [],
      ),
      struck: stored.editorial.struck.map(({ point, controlId }) => {
        const effect = effects.find((candidate) => candidate.control.id === controlId);
        return {
          pointId: point.id,
          text: point.text,
          by: effect ? by(effect) : null,
          reason: effect?.control.reason ?? null,
          controlId,
        };
      }),
      lockedLabels: effects.flatMap((effect) =>
        effect.control.kind === "label" && effect.matched
          ? [
              {
                storylineId: effect.matched,
                original: effect.original,
                by: by(effect),
                controlId: effect.control.id,
              },
            ]
          : [],
      ),
      lockedHeadline:
        effects
          .filter((effect) => effect.control.kind === "headline")
          .map((effect) => ({
            original: effect.original,
            by: by(effect),
            controlId: effect.control.id,
          }))[0] ?? null,
    },
  };
}

export type EditorBriefingPage = {
  topic: { id: string; slug: string; name: string; status: string; reviewBeforePublish: boolean };
  versions: (Awaited<ReturnType<typeof listBriefingVersionSummaries>>[number] & { state: VersionState })[];
  /** The version readers see; null before the first publication. */
  publishedVersion: number | null;
  /** The draft waiting for an editor, and what it changes against the published version. */
  draft: { version: number; diff: BriefingDiff | null } | null;
  shown: EditorVersion | null;
  /** Every control of the topic, with what it found in the version shown. */
  controls: ControlView[];
};

/** The admin's briefing page in one read: versions, the one shown (latest by default, drafts included), controls, the draft waiting. */
export async function getEditorBriefingPage(
  db: Db,
  slug: string,
  version?: number,
): Promise<EditorBriefingPage> {
  const topic = await findTopic(db, slug);
  const summaries = await listBriefingVersionSummaries(db, topic.id, { drafts: true });
  const publishedVersion = summaries.find((summary) => summary.publishedAt)?.version ?? null;
  const newest = summaries[0];
  const draftVersion = newest && versionState(newest, publishedVersion) === "draft" ? newest.version : null;
  const active = topic.status === "active";
  const shown =
    active && summaries.length ? await readEditorVersion(db, topic.slug, version, publishedVersion) : null;
  if (version && !shown) throw notFound(`Version ${version} of the “${topic.name}” briefing`);

  let draft: EditorBriefingPage["draft"] = null;
  if (active && draftVersion !== null) {
    // The version shown (the draft, by default) is not read a second time.
    const read = (wanted: number) =>
      shown?.version.version === wanted ? shown : readEditorVersion(db, topic.slug, wanted, publishedVersion);
    const [published, waiting] =
      publishedVersion !== null
        ? await Promise.all([read(publishedVersion), read(draftVersion)])
        : [null, null];
    const diff = published && waiting ? compareBriefingViews(published.version, waiting.version) : null;
    draft = { version: draftVersion, diff };
  }
  const controls = await db.briefingControl.findMany({
    where: { topicId: topic.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      kind: true,
      targetText: true,
      value: true,
      reason: true,
      createdAt: true,
      sinceVersion: true,
      createdBy: { select: { name: true } },
    },
  });
  return {
    topic: {
      id: topic.id,
      slug: topic.slug,
      name: topic.name,
      status: topic.status,
      reviewBeforePublish: topic.reviewBeforePublish,
    },
    versions: summaries.map((summary) => ({ ...summary, state: versionState(summary, publishedVersion) })),
    publishedVersion,
    draft,
    shown: shown?.version ?? null,
    controls: controls.map((control) => {
      const effect = shown?.effects.find((candidate) => candidate.control.id === control.id);
      return {
        id: control.id,
        kind: control.kind,
        targetText: control.targetText,
        value: control.value,
        reason: control.reason,
        by: control.createdBy?.name ?? null,
        createdAt: control.createdAt,
        sinceVersion: control.sinceVersion,
        matched: effect?.matched ?? null,
        applies: effect !== undefined,
      };
    }),
  };
}

/** Two versions (drafts included) compared, each with what the editors' controls did to it. */
export async function compareVersions(db: Db, slug: string, from: number, to: number) {
  if (from === to) throw new AppError("INVALID_INPUT", "Pick two different versions to compare.");
  const topic = await findTopic(db, slug);
  const publishedVersion = await readPublishedVersionNumber(db, topic.id);
  const [older, newer] = await Promise.all([
    readEditorVersion(db, topic.slug, from, publishedVersion),
    readEditorVersion(db, topic.slug, to, publishedVersion),
  ]);
  if (!older || !newer) throw notFound(`Versions ${from} and ${to} of “${topic.name}”`);
  return {
    diff: compareBriefingViews(older.version, newer.version),
    older: older.version,
    newer: newer.version,
  };
}
