// Editors' controls on a topic's briefing (pin a point, strike a point, lock a storyline's
// label or the headline), applied to a stored version when it is read. The briefing store
// calls applyBriefingControls on every read, so the reader's pages, feeds, the public API and
// the admin all see one result; versions are stored as the engine built them.
//
// A rebuild renumbers nothing an editor can hold on to: a point's id is its lead sentence
// (`point-<story>-<sentence>`), and a new story reporting the same fact can become the lead.
// So a point is found again by its id, else by the source sentences it cited when the editor
// acted (the point citing most of them), else by its text; a storyline by its id, else by
// the stories it held (the storyline sharing most of them).
import type { Db } from "@dispatch/db";
import {
  compressToHeadline,
  type Briefing,
  type Citation,
  type Point,
  type Storyline,
} from "@dispatch/briefing";

export type BriefingControlKind = "pin" | "strike" | "label" | "headline";

/** One stored control, as the read path and the admin need it. */
export type BriefingControlRecord = {
  id: string;
  topicId: string;
  kind: BriefingControlKind;
  /** The point's or storyline's id when the editor acted ("" for the headline). */
  targetId: string;
  citationKeys: string[];
  storyIds: string[];
  /** What the editor acted on, as it read then. */
  targetText: string;
  value: string | null;
  reason: string | null;
  sinceVersion: number;
  createdAt: Date;
  createdBy: { name: string; email: string } | null;
};

/** What one control did to a version: the point or storyline it found there (null: none). */
export type ControlEffect = {
  control: BriefingControlRecord;
  matched: string | null;
  /** For a lock, the engine's own wording it replaced. */
  original: string | null;
};

/** What editors' controls changed in a version, for the admin (readers see only the result). */
export type EditorialView = {
  effects: ControlEffect[];
  /** Points taken out of this version, as built, each with the control that struck it. */
  struck: { point: Point; controlId: string }[];
};

export const NO_EDITORIAL: EditorialView = { effects: [], struck: [] };

/** A cited sentence's key: "storyId#sentenceIndex". */
export function citationKey(citation: Pick<Citation, "storyId" | "sentenceIndex">): string {
  return `${citation.storyId}#${citation.sentenceIndex}`;
}

/** Lower case, letters and digits only: "[He] said" and "he said." read the same. */
export function normalizePointText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The point of `points` this control means: same id, else most cited sentences in common, else same text. */
export function findControlledPoint(
  points: readonly Point[],
  control: Pick<BriefingControlRecord, "targetId" | "citationKeys" | "targetText">,
): Point | undefined {
  const byId = points.find((point) => point.id === control.targetId);
  if (byId) return byId;
  const keys = new Set(control.citationKeys);
  let best: Point | undefined;
  let bestShared = 0;
  for (const point of points) {
    const shared = new Set(point.citations.map(citationKey).filter((key) => keys.has(key))).size;
    if (shared > bestShared) {
      best = point;
      bestShared = shared;
    }
  }
  if (best) return best;
  const text = normalizePointText(control.targetText);
  return text ? points.find((point) => normalizePointText(point.text) === text) : undefined;
}

/** The storyline of `storylines` this control means: same id, else most stories in common. */
export function findControlledStoryline(
  storylines: readonly Storyline[],
  control: Pick<BriefingControlRecord, "targetId" | "storyIds">,
): Storyline | undefined {
  const byId = storylines.find((storyline) => storyline.id === control.targetId);
  if (byId) return byId;
  const ids = new Set(control.storyIds);
  let best: Storyline | undefined;
  let bestShared = 0;
  for (const storyline of storylines) {
    const shared = storyline.storyIds.filter((id) => ids.has(id)).length;
    if (shared > bestShared) {
      best = storyline;
      bestShared = shared;
    }
  }
  return best;
}

/** Whether a control applies to a version: strikes to every version, pins and locks from the one the editor acted on. */
export function controlAppliesTo(
  control: Pick<BriefingControlRecord, "kind" | "sinceVersion">,
  version: number,
) {
  return control.kind === "strike" || control.sinceVersion <= version;
}

const KIND_ORDER: Record<BriefingControlKind, number> = { strike: 0, pin: 1, label: 2, headline: 3 };

/**
 * A version with the controls applied: struck points leave it (with an overview sentence or
 * timeline event that repeats one, and the mentions of it elsewhere), pinned points lead
 * their storyline and the list of points (oldest pin first), locked wording replaces a
 * storyline's label and heading or the headline.
 */
export function applyBriefingControls(
  briefing: Briefing,
  version: number,
  controls: readonly BriefingControlRecord[],
): { briefing: Briefing; editorial: EditorialView } {
  const applicable = controls
    .filter((control) => controlAppliesTo(control, version))
    .sort(
      (a, b) =>
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        a.createdAt.getTime() - b.createdAt.getTime() ||
        a.id.localeCompare(b.id),
    );
  if (applicable.length === 0) return { briefing, editorial: NO_EDITORIAL };

  const effects: ControlEffect[] = [];
  const struck: EditorialView["struck"] = [];
  let points = briefing.points;
  const pinned: Point[] = [];
  const labels = new Map<string, string>();
  let headline: string | null = null;

  for (const control of applicable) {
    if (control.kind === "strike" || control.kind === "pin") {
      const point = findControlledPoint(points, control);
      effects.push({ control, matched: point?.id ?? null, original: null });
      if (!point) continue;
      if (control.kind === "strike") {
        struck.push({ point, controlId: control.id });
        points = points.filter((candidate) => candidate.id !== point.id);
      } else if (!pinned.includes(point)) {
        pinned.push(point);
      }
    } else if (control.kind === "label") {
      const storyline = findControlledStoryline(briefing.storylines, control);
      effects.push({ control, matched: storyline?.id ?? null, original: storyline?.label ?? null });
      if (storyline && control.value) labels.set(storyline.id, control.value);
    } else {
      effects.push({ control, matched: "headline", original: briefing.headline });
      if (control.value) headline = control.value;
    }
  }

  const pinnedIds = new Set(pinned.map((point) => point.id));
  const keptIds = new Set(points.map((point) => point.id));
  const struckPoints = struck.map((entry) => entry.point);
  const repeatsStruck = (sentence: { text: string; citations: Citation[] }) =>
    struckPoints.some((point) => repeatsPoint(sentence, point));
  const overview = struck.length
    ? briefing.overview.filter((sentence) => !repeatsStruck(sentence))
    : briefing.overview;
  const leadFirst = (ids: string[]) => [
    ...pinned.filter((point) => ids.includes(point.id)).map((point) => point.id),
    ...ids.filter((id) => keptIds.has(id) && !pinnedIds.has(id)),
  ];

  // A headline the engine wrote from a struck point would still tell readers what editors
  // struck: it is written again from what is left (unless an editor locked one).
  const rewritten =
    headline === null && struckPoints.some((point) => headlineRepeats(briefing.headline, point.text))
      ? headlineFrom([...overview.map((sentence) => sentence.text), ...points.map((point) => point.text)])
      : null;

  return {
    briefing: {
      ...briefing,
      headline: headline ?? rewritten ?? briefing.headline,
      headlineStoryId: headline || rewritten ? null : briefing.headlineStoryId,
      overview,
      storylines: briefing.storylines.map((storyline) => {
        const label = labels.get(storyline.id);
        // Readers see a storyline's title as its heading; the locked wording is what they read.
        return {
          ...storyline,
          ...(label ? { label, title: label } : {}),
          pointIds: leadFirst(storyline.pointIds),
        };
      }),
      points: [
        ...pinned,
        ...points
          .filter((point) => !pinnedIds.has(point.id))
          .map((point) =>
            point.supersededBy?.pointId && !keptIds.has(point.supersededBy.pointId)
              ? { ...point, supersededBy: { ...point.supersededBy, pointId: null } }
              : point,
          ),
      ],
      timeline: struck.length
        ? briefing.timeline.filter((event) => !repeatsStruck(event))
        : briefing.timeline,
      // A disagreement shown only on struck points goes with them.
      disagreements: briefing.disagreements
        .map((disagreement) => ({
          ...disagreement,
          pointIds: disagreement.pointIds.filter((id) => keptIds.has(id)),
        }))
        .filter(
          (disagreement, index) =>
            disagreement.pointIds.length > 0 || (briefing.disagreements[index]?.pointIds.length ?? 0) === 0,
        ),
      changes: briefing.changes
        ? {
            ...briefing.changes,
            newPointIds: briefing.changes.newPointIds.filter((id) => keptIds.has(id)),
            supersededFacts: briefing.changes.supersededFacts.filter((fact) => keptIds.has(fact.pointId)),
          }
        : null,
      // The stored summary is prose over every point; with one struck, what is left is the overview.
      summary: struck.length ? overview.map((sentence) => sentence.text).join(" ") : briefing.summary,
    },
    editorial: { effects, struck },
  };
}

/** Words that carry a headline's sense, cut to a short stem so "walk out" meets "walked out". */
function senseWords(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).map((word) => word.slice(0, 5));
}

/** Most of the headline's words come from the point: the engine compressed it from that point. */
function headlineRepeats(headline: string, pointText: string): boolean {
  const words = senseWords(headline);
  if (words.length === 0) return false;
  const inPoint = new Set(senseWords(pointText));
  return words.filter((word) => inPoint.has(word)).length / words.length >= 0.6;
}

/** The first of these sentences that makes a headline; else the first one, cut to a few words. */
function headlineFrom(sentences: readonly string[]): string | null {
  for (const sentence of sentences) {
    const written = compressToHeadline(sentence);
    if (written) return written;
  }
  const first = sentences[0];
  if (!first) return null;
  const words = first.split(/\s+/);
  return words.length > 12 ? `${words.slice(0, 12).join(" ")}…` : first;
}

/** An overview sentence or timeline event says what a point says: same words, or only its sentences. */
function repeatsPoint(sentence: { text: string; citations: Citation[] }, point: Point): boolean {
  if (normalizePointText(sentence.text) === normalizePointText(point.text)) return true;
  const keys = new Set(point.citations.map(citationKey));
  return (
    sentence.citations.length > 0 && sentence.citations.every((citation) => keys.has(citationKey(citation)))
  );
}

const CONTROL_SELECT = {
  id: true,
  topicId: true,
  kind: true,
  targetId: true,
  citationKeys: true,
  storyIds: true,
  targetText: true,
  value: true,
  reason: true,
  sinceVersion: true,
  createdAt: true,
  createdBy: { select: { name: true, email: true } },
} as const;

/** The controls of these topics, by topic id, in one query. */
export async function readBriefingControls(
  db: Db,
  topicIds: readonly string[],
): Promise<Map<string, BriefingControlRecord[]>> {
  const byTopic = new Map<string, BriefingControlRecord[]>();
  if (topicIds.length === 0) return byTopic;
  const rows = await db.briefingControl.findMany({
    where: { topicId: { in: [...new Set(topicIds)] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: CONTROL_SELECT,
  });
  for (const row of rows) {
    const list = byTopic.get(row.topicId) ?? [];
    list.push(row);
    byTopic.set(row.topicId, list);
  }
  return byTopic;
}
