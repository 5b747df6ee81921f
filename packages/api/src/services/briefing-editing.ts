// What editors do to a topic's briefing: pin or strike a point, lock a storyline's label or
// the headline to their own wording, and undo any of these. Each acts on the version the
// editor is looking at (drafts included), is kept beside the versions (BriefingControl) and
// applied to every later one when read (briefing-controls.ts); each is audited.
import type { Db } from "@dispatch/db";
import { AppError, notFound } from "../errors";
import { recordAudit, type Actor } from "./audit";
import { citationKey, type BriefingControlKind, type BriefingControlRecord } from "./briefing-controls";
import { getStoredBriefing } from "./briefings";

type Target = { topic: string; version: number };

/** The version the editor acted on, with its controls applied; a clear error when it is gone. */
async function loadVersion(db: Db, input: Target) {
  const found = await getStoredBriefing(db, input.topic, input.version, { drafts: true });
  if (!found) throw notFound(`Version ${input.version} of “${input.topic}”`);
  return found;
}

async function findPoint(db: Db, input: Target & { pointId: string }) {
  const found = await loadVersion(db, input);
  const point = found.stored.briefing.points.find((candidate) => candidate.id === input.pointId);
  if (!point) {
    const struck = found.stored.editorial.struck.some((entry) => entry.point.id === input.pointId);
    throw struck
      ? new AppError("CONFLICT", "That point is struck; restore it before pinning it.")
      : notFound(`Point “${input.pointId}” in version ${input.version} of “${found.topic.name}”`);
  }
  return { ...found, point };
}

/** Pins a point to the top of its storyline (and of the briefing's points) from this version on. */
export async function pinPoint(db: Db, input: Target & { pointId: string }, actor: Actor) {
  const { topic, stored, point } = await findPoint(db, input);
  const pinnedAlready = stored.editorial.effects.some(
    (effect) => effect.control.kind === "pin" && effect.matched === point.id,
  );
  if (pinnedAlready) throw new AppError("DUPLICATE", "That point is pinned already.");
  return saveControl(db, actor, {
    topicId: topic.id,
    kind: "pin",
    targetId: point.id,
    citationKeys: point.citations.map(citationKey),
    storyIds: [],
    targetText: point.text,
    value: null,
    reason: null,
    sinceVersion: stored.version,
    audit: { action: "briefing.pin", details: { version: stored.version, point: point.text } },
  });
}

/** Strikes a point: readers never see it again, in this version, older ones or later ones. */
export async function strikePoint(db: Db, input: Target & { pointId: string; reason: string }, actor: Actor) {
  const reason = input.reason.trim();
  if (!reason)
    throw new AppError("INVALID_INPUT", "Say why the point is struck; the reason is kept in the log.");
  const { topic, stored, point } = await findPoint(db, input);
  // A pin on the same point would have nothing left to pin.
  const pins = stored.editorial.effects
    .filter((effect) => effect.control.kind === "pin" && effect.matched === point.id)
    .map((effect) => effect.control.id);
  return saveControl(db, actor, {
    replaces: pins,
    topicId: topic.id,
    kind: "strike",
    targetId: point.id,
    citationKeys: point.citations.map(citationKey),
    storyIds: [],
    targetText: point.text,
    value: null,
    reason,
    sinceVersion: stored.version,
    audit: { action: "briefing.strike", details: { version: stored.version, point: point.text, reason } },
  });
}

/** Locks a storyline's label (the heading readers see) to the editor's wording. */
export async function lockStorylineLabel(
  db: Db,
  input: Target & { storylineId: string; label: string },
  actor: Actor,
) {
  const label = input.label.trim();
  if (!label) throw new AppError("INVALID_INPUT", "Write the label to lock; it cannot be empty.");
  const { topic, stored } = await loadVersion(db, input);
  const storyline = stored.briefing.storylines.find((candidate) => candidate.id === input.storylineId);
  if (!storyline) {
    throw notFound(`Storyline “${input.storylineId}” in version ${input.version} of “${topic.name}”`);
  }
  // Locking a storyline again changes the wording of its lock.
  const existing = stored.editorial.effects.find(
    (effect) => effect.control.kind === "label" && effect.matched === storyline.id,
  );
  const original = existing?.original ?? storyline.label;
  return saveControl(db, actor, {
    id: existing?.control.id,
    topicId: topic.id,
    kind: "label",
    targetId: existing?.control.targetId ?? storyline.id,
    citationKeys: [],
    storyIds: storyline.storyIds,
    targetText: original,
    value: label,
    reason: null,
    sinceVersion: existing?.control.sinceVersion ?? stored.version,
    audit: { action: "briefing.lock-label", details: { version: stored.version, from: original, to: label } },
  });
}

/** Locks the briefing's headline to the editor's wording. */
export async function lockHeadline(db: Db, input: Target & { headline: string }, actor: Actor) {
  const headline = input.headline.trim();
  if (!headline) throw new AppError("INVALID_INPUT", "Write the headline to lock; it cannot be empty.");
  const { topic, stored } = await loadVersion(db, input);
  const existing = stored.editorial.effects.find((effect) => effect.control.kind === "headline");
  const original = existing?.original ?? stored.briefing.headline;
  return saveControl(db, actor, {
    id: existing?.control.id,
    topicId: topic.id,
    kind: "headline",
    targetId: "",
    citationKeys: [],
    storyIds: [],
    targetText: original,
    value: headline,
    reason: null,
    sinceVersion: existing?.control.sinceVersion ?? stored.version,
    audit: {
      action: "briefing.lock-headline",
      details: { version: stored.version, from: original, to: headline },
    },
  });
}

const UNDO_ACTION: Record<BriefingControlKind, string> = {
  pin: "briefing.unpin",
  strike: "briefing.restore",
  label: "briefing.unlock-label",
  headline: "briefing.unlock-headline",
};

/** Undoes a control: unpins, restores a struck point, or gives the wording back to the engine. */
export async function removeControl(db: Db, input: { topic: string; controlId: string }, actor: Actor) {
  const topic = await db.topic.findFirst({ where: { slug: input.topic }, select: { id: true, name: true } });
  if (!topic) throw notFound(`Topic “${input.topic}”`);
  const control = await db.briefingControl.findFirst({
    where: { id: input.controlId, topicId: topic.id },
    select: { id: true, topicId: true, kind: true, targetText: true },
  });
  if (!control) throw notFound(`Control “${input.controlId}” of “${topic.name}” (it may be undone already)`);
  await db.$transaction(async (tx) => {
    await tx.briefingControl.delete({ where: { id: control.id } });
    await recordAudit(tx, actor, {
      action: UNDO_ACTION[control.kind],
      entityType: "topic",
      entityId: control.topicId,
      details: { control: control.id, target: control.targetText },
    });
  });
  return { removed: control.id, kind: control.kind };
}

async function saveControl(
  db: Db,
  actor: Actor,
  control: Omit<BriefingControlRecord, "id" | "createdAt" | "createdBy"> & {
    /** The control to change, when the editor changes one (a lock's wording). */
    id?: string;
    /** Controls this one makes pointless (a pin on the point being struck), removed with it. */
    replaces?: string[];
    audit: { action: string; details: Record<string, string | number> };
  },
) {
  const { id, audit, replaces = [], ...data } = control;
  return db.$transaction(async (tx) => {
    if (replaces.length) await tx.briefingControl.deleteMany({ where: { id: { in: replaces } } });
    const saved = id
      ? await tx.briefingControl.update({ where: { id }, data: { ...data, createdById: actor.userId } })
      : await tx.briefingControl.upsert({
          where: {
            topicId_kind_targetId: { topicId: data.topicId, kind: data.kind, targetId: data.targetId },
          },
          create: { ...data, createdById: actor.userId },
          update: { ...data, createdById: actor.userId },
        });
    await recordAudit(tx, actor, {
      action: audit.action,
      entityType: "topic",
      entityId: data.topicId,
      details: { ...audit.details, control: saved.id },
    });
    return { id: saved.id, kind: saved.kind };
  });
}
