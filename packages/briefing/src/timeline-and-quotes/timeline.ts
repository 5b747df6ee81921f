// Dated events: finds date expressions in a storyline's important sentences with
// chrono-node and resolves them against the story's publication date. News conventions
// decide what chrono cannot: a bare weekday is the last one before publication unless the
// sentence looks ahead, and a month without a year is the nearest one in the past. A story
// without a publication date is resolved against when it was uploaded (and says so); one
// with neither keeps its relative dates unresolved: no date is invented. Background dates
// ("since 2014") do not date an event, and only sentences that report something happening
// become entries, one per event however many stories report it.
import * as chrono from "chrono-node";
import { BoundedCache } from "../text/bounded-cache";
import type { ScoredSentence } from "../selection/scoring";
import { citeSentence } from "../selection/redundancy";
import { shapeStandalone } from "../selection/standalone-points";
import { dotProduct } from "../text/sparse-vectors";
import type { EntityIndex } from "../entities/entity-registry";
import type { DatePrecision, TimelineEvent } from "../types";

export interface ResolvedDate {
  date: string | null;
  precision: DatePrecision | null;
  dateText: string;
  resolution: TimelineEvent["resolution"];
  index: number;
}

// Cheap gate before chrono (which runs dozens of parsers per call): capitalised day and month
// names, relative phrases and four-digit years. "may" the verb does not pass; "May" does.
const DATE_HINT =
  /\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)(?:[a-z]*)\b\.?|\b(?:today|yesterday|tomorrow|tonight)\b|\b(?:last|next|this|previous|coming)\s+(?:week|month|year|weekend)\b|\b(?:ago|earlier|later)\b|\b(?:1[89]|20)\d{2}\b/;
const FUTURE_CUE =
  /\b(?:will|would|next|upcoming|to be held|expected|scheduled|due|plans? to|planned|set to|begins|starts|opens|takes effect)\b/i;
const BARE_YEAR = /\b(?:in|since|by|until|from|during|before|after|of)\s+((?:19|20)\d{2})\b(?![-–\/]\d)/g;
// chrono needs some instant; when a story has none, only parts written out in full are kept.
const PLACEHOLDER_REFERENCE = new Date(Date.UTC(2000, 0, 1, 12));
const DAY_MS = 86_400_000;
const DATE_CACHE = new BoundedCache<ResolvedDate[]>(20_000);

/** Date expressions in one sentence, resolved against `reference` (null: only explicit dates). */
export function resolveDates(text: string, reference: Date | null): ResolvedDate[] {
  if (!DATE_HINT.test(text)) return [];
  const key = `${reference?.toISOString() ?? "none"}\u0000${text}`;
  const cached = DATE_CACHE.get(key);
  if (cached) return cached.map((d) => ({ ...d }));
  const resolved = parseDates(text, reference);
  DATE_CACHE.set(
    key,
    resolved.map((d) => ({ ...d })),
  );
  return resolved;
}

function parseDates(text: string, reference: Date | null): ResolvedDate[] {
  const out: ResolvedDate[] = [];
  const results = chrono.parse(text, { instant: reference ?? PLACEHOLDER_REFERENCE, timezone: 0 });
  for (const r of results) {
    const resolved = resolveResult(r, text, reference);
    if (resolved) out.push(resolved);
  }
  for (const m of text.matchAll(BARE_YEAR)) {
    const year = m[1] ?? "";
    const index = m.index + m[0].length - year.length;
    if (out.some((o) => index >= o.index && index < o.index + o.dateText.length)) continue;
    out.push({ date: year, precision: "year", dateText: year, resolution: "absolute", index });
  }
  return out.sort((a, b) => a.index - b.index);
}

function resolveResult(
  r: chrono.ParsedResult,
  sentence: string,
  reference: Date | null,
): ResolvedDate | null {
  const dateText = r.text.replace(/^(?:on|at|in|by)\s+/i, "").replace(/[\s,.;:]+$/, "");
  const lowerText = dateText.toLowerCase();
  const c = r.start;
  const hasDay = c.isCertain("day");
  const hasMonth = c.isCertain("month");
  const hasYear = c.isCertain("year");
  const hasWeekday = c.isCertain("weekday");
  const relativeUnit = /\bweek|\bmonth|\byear/.exec(lowerText)?.[0] ?? null;
  const isRelative =
    [...c.tags()].includes("result/relativeDate") ||
    /\b(?:ago|earlier|later|last|next|this|yesterday|today|tomorrow|tonight)\b/.test(lowerText);
  if (!hasDay && !hasMonth && !hasYear && !hasWeekday && !isRelative && relativeUnit === null) return null;
  if (/^(?:now|night|tonight|morning|evening|afternoon)$/.test(lowerText)) return null;
  const index = r.index + (r.text.length - r.text.replace(/^(?:on|at|in|by)\s+/i, "").length);
  const explicitYear = /\b(?:1[89]|20)\d{2}\b/.test(dateText);
  const unresolved: ResolvedDate = { date: null, precision: null, dateText, resolution: "unresolved", index };

  if (explicitYear) {
    const precision: DatePrecision = hasDay ? "day" : hasMonth ? "month" : "year";
    return {
      date: formatDate(c.get("year"), c.get("month"), c.get("day"), precision),
      precision,
      dateText,
      resolution: "absolute",
      index,
    };
  }
  if (reference === null) return unresolved;

  // "said on Friday" is always past; otherwise a future cue in the same clause looks ahead.
  const lead = sentence.slice(Math.max(0, index - 60), index);
  // …unless what was said looks ahead ("said the repair would begin on November 10").
  const reported =
    /\b(?:said|told|announced|reported|confirmed|added|wrote|met|held|visited)\b[^,;:“"]{0,40}$/i.test(
      lead,
    ) &&
    !/\b(?:will|would|is\s+to|are\s+to|plans?\s+to|expected\s+to|due\s+to|set\s+to|scheduled)\b[^,;:“"]*$/i.test(
      lead,
    );
  const lookAhead = !reported && FUTURE_CUE.test(sentence);
  if (/\bevery\s+$/i.test(sentence.slice(Math.max(0, index - 7), index))) return null;
  if (hasWeekday && !hasDay && !hasMonth) {
    const weekday = c.get("weekday");
    if (weekday === null) return unresolved;
    const day = findWeekday(
      reference,
      weekday,
      lookAhead || /\bnext\b/i.test(dateText),
      /\blast\b/i.test(dateText),
    );
    return { date: formatIsoDay(day), precision: "day", dateText, resolution: "relative", index };
  }
  if (hasMonth && !hasYear && !isRelative) {
    // "14 October" / "in May" without a year: the nearest such date, past unless the
    // sentence looks ahead.
    const month = c.get("month") ?? 1;
    const day = hasDay ? (c.get("day") ?? 1) : 1;
    const refYear = reference.getUTCFullYear();
    const forcePast = /\blast\s+$/i.test(sentence.slice(Math.max(0, index - 5), index));
    let year = refYear;
    const candidate = Date.UTC(year, month - 1, day);
    const ref = reference.getTime();
    if (forcePast) {
      if (candidate >= ref) year--;
    } else if (lookAhead) {
      if (candidate < ref - 30 * DAY_MS) year++;
    } else if (candidate > ref + 45 * DAY_MS) {
      year--;
    }
    const precision: DatePrecision = hasDay ? "day" : "month";
    return {
      date: formatDate(year, month, day, precision),
      precision,
      dateText,
      resolution: "relative",
      index,
    };
  }
  const precision: DatePrecision =
    relativeUnit === "week"
      ? "week"
      : relativeUnit === "month" && !hasDay
        ? "month"
        : relativeUnit === "year" && !hasMonth
          ? "year"
          : hasDay
            ? "day"
            : hasMonth
              ? "month"
              : "year";
  return {
    date: formatDate(c.get("year"), c.get("month"), c.get("day"), precision),
    precision,
    dateText,
    resolution: "relative",
    index,
  };
}

function findWeekday(reference: Date, weekday: number, ahead: boolean, strictlyPast: boolean): Date {
  const refDay = reference.getUTCDay();
  const base = Date.UTC(reference.getUTCFullYear(), reference.getUTCMonth(), reference.getUTCDate());
  if (ahead) {
    const delta = (weekday - refDay + 7) % 7;
    return new Date(base + delta * DAY_MS);
  }
  let delta = (refDay - weekday + 7) % 7;
  if (strictlyPast && delta === 0) delta = 7;
  return new Date(base - delta * DAY_MS);
}

function formatIsoDay(d: Date): string {
  return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), "day");
}

function formatDate(
  year: number | null,
  month: number | null,
  day: number | null,
  precision: DatePrecision,
): string {
  const y = String(year ?? 0).padStart(4, "0");
  const m = String(month ?? 1).padStart(2, "0");
  const d = String(day ?? 1).padStart(2, "0");
  if (precision === "year") return y;
  if (precision === "month") return `${y}-${m}`;
  return `${y}-${m}-${d}`;
}

export interface TimelineInput {
  storylineId: string;
  storylineRank: number;
  ranked: readonly ScoredSentence[];
}

const CANDIDATES_PER_STORYLINE = 30;
const EVENTS_PER_STORYLINE = 8;
// Two dated sentences of one storyline are one event when they say much the same, or name
// the same person, organisation or place on the same date in somewhat similar words.
const SAME_EVENT_SIMILARITY = 0.3;
const SAME_EVENT_SIMILARITY_WITH_ENTITY = 0.15;
// A joined entry (a sentence and the one it leans on) still reads as one line of a timeline.
const MAX_ENTRY_WORDS = 60;

/** The best-scored dated sentences of every storyline that report something happening, one entry per event, ordered by date (undated last). */
export function buildTimeline(
  inputs: readonly TimelineInput[],
  limit: number,
  entities?: EntityIndex,
): TimelineEvent[] {
  const found: Array<{
    event: TimelineEvent;
    score: number;
    item: ScoredSentence;
    rank: number;
    entityIds: Set<string>;
  }> = [];
  for (const input of inputs) {
    // Date parsing is the slow part: stop once a storyline has plenty of dated events, or
    // the whole timeline has plenty of candidates.
    if (found.length >= limit * 3) break;
    let inStoryline = 0;
    for (const item of input.ranked.slice(0, CANDIDATES_PER_STORYLINE)) {
      if (inStoryline >= EVENTS_PER_STORYLINE) break;
      const text = item.sentence.text;
      if (!reportsEvent(text)) continue;
      const dates = resolveDates(text, item.story.reference);
      const first = chooseEventDate(text, dates);
      if (!first) continue;
      // An entry is read alone, like a point: "He met…" gets its [name], a sentence that leans on
      // the one before is joined to it when both stay short, and one that cannot stand is left out.
      const shaped = shapeStandalone(item.story, item.sentence, entities ?? null, () => true);
      if (!shaped || shaped.text.split(/\s+/).length > MAX_ENTRY_WORDS) continue;
      const cited = shaped.spans.map((span) => ({
        storyId: item.story.id,
        sentenceIndex: span.sentence.index,
        start: span.start,
        end: span.end,
      }));
      const entityIds = new Set(
        (entities?.bySentence.get(`${item.story.id}#${item.sentence.index}`) ?? []).map((m) => m.entityId),
      );
      const duplicate = found.find((f) => {
        if (f.event.storylineId !== input.storylineId || f.event.date !== first.date || first.date === null)
          return false;
        const similarity = dotProduct(f.item.vector, item.vector);
        return (
          similarity >= SAME_EVENT_SIMILARITY ||
          (similarity >= SAME_EVENT_SIMILARITY_WITH_ENTITY &&
            [...entityIds].some((id) => f.entityIds.has(id)))
        );
      });
      if (duplicate) {
        if (!duplicate.event.citations.some((c) => c.storyId === item.story.id))
          duplicate.event.citations.push(citeSentence(item));
        continue;
      }
      if (first.date !== null) inStoryline++;
      found.push({
        event: {
          date: first.date,
          precision: first.precision,
          dateText: first.dateText,
          resolution: first.resolution,
          basis: first.resolution === "relative" ? item.story.referenceBasis : null,
          text: shaped.text,
          storylineId: input.storylineId,
          citations: cited,
        },
        score: item.score,
        item,
        rank: input.storylineRank,
        entityIds,
      });
    }
  }
  // Events with a date come before the unresolved ones; within each, the most important.
  const kept = [...found]
    .sort(
      (a, b) =>
        Number(b.event.date !== null) - Number(a.event.date !== null) ||
        b.score - a.score ||
        a.rank - b.rank ||
        compareItems(a.item, b.item),
    )
    .slice(0, limit);
  kept.sort((a, b) => {
    const da = a.event.date;
    const db = b.event.date;
    if (da !== null && db !== null && da !== db) return da < db ? -1 : 1;
    if (da === null && db !== null) return 1;
    if (da !== null && db === null) return -1;
    return a.rank - b.rank || compareItems(a.item, b.item);
  });
  for (const k of kept)
    k.event.citations.sort(
      (a, b) =>
        (a.storyId < b.storyId ? -1 : a.storyId > b.storyId ? 1 : 0) || a.sentenceIndex - b.sentenceIndex,
    );
  return kept.map((k) => k.event);
}

// Dates that set the scene rather than date what happened: "since 2014", "between 2014 and
// 2017", a bare year after "founded in" or "first elected in", and dates inside a
// "who/which" clause hung on a name ("al-Sharaa, who seized power last December,").
const BACKGROUND_BEFORE =
  /\b(?:since|between|until|till|dating\s+back\s+to|back\s+in|as\s+early\s+as|as\s+far\s+back\s+as)\s+(?:(?:in|on|at|the|early|late|mid|around)\s+)*$/i;
const BACKGROUND_YEAR_BEFORE =
  /\b(?:founded|established|formed|created|built|born|elected|appointed|launched|introduced|opened|set\s+up|in\s+power|in\s+office)\s+(?:(?:in|on|at|the|early|late|mid|around)\s+)*$/i;
const RELATIVE_CLAUSE = /,\s*(?:who|which|whose)\s+[^,;:]*$/i;
const PRECISION_RANK: Record<string, number> = { day: 0, week: 1, month: 2, year: 3 };

/** The date of what the sentence reports: its finest date that is not background (first of equals), or null when every date is background. */
export function chooseEventDate(text: string, dates: readonly ResolvedDate[]): ResolvedDate | null {
  const eventDates = dates.filter((d) => !isBackgroundDate(text, d));
  const ranked = [...eventDates].sort(
    (a, b) =>
      Number(b.date !== null) - Number(a.date !== null) ||
      (PRECISION_RANK[a.precision ?? "year"] ?? 3) - (PRECISION_RANK[b.precision ?? "year"] ?? 3) ||
      a.index - b.index,
  );
  return ranked[0] ?? null;
}

function isBackgroundDate(text: string, d: ResolvedDate): boolean {
  const lead = text.slice(Math.max(0, d.index - 60), d.index);
  if (BACKGROUND_BEFORE.test(lead)) return true;
  if (/\bbetween\s+\S+\s+and\s+$/i.test(lead)) return true;
  // "the deadliest since the ceasefire began on October 10", "Despite the overthrow of al-Assad last December,".
  if (
    /\b(?:since|despite)\s+(?:[^\s,;:]+\s+){0,6}$/i.test(lead) &&
    !/\b(?:since|despite)\b[^,;:]*,/i.test(lead)
  )
    return true;
  if (
    d.precision === "year" &&
    BACKGROUND_YEAR_BEFORE.test(lead) &&
    !/\b(?:was|were|is|are|been|be|will)\s+(?:\w+\s+)?\w+\s+(?:in\s+)?$/i.test(lead)
  )
    return true;
  return RELATIVE_CLAUSE.test(lead);
}

// A sentence reports something happening when it has a verb in the past or the future;
// advice and instructions ("don't click it", "if you get a text…") and questions do not.
const IMPERATIVE_START =
  /^[\s“"‘']*(?:don['’]t|do\s+not|never|please|always|make\s+sure|be\s+sure|remember|beware|avoid|check|click|call|contact|visit|keep|stay|watch\s+out|report|delete|ignore|use)\b/i;
const ADVICE =
  /\b(?:you\s+(?:should|must|can|need|could|might|may|will\s+need)|if\s+you|don['’]t\s+click|do\s+not\s+click)\b/i;
const PAST_OR_FUTURE =
  /\b(?:will|would|shall|is\s+to|are\s+to|was\s+to|plans?\s+to|is\s+expected\s+to|are\s+expected\s+to|set\s+to|due\s+to|scheduled|(?<![-\\w])[a-z]{2,}ed|said|told|met|held|took|went|came|began|begun|won|lost|made|gave|left|saw|became|fell|rose|sent|struck|hit|fled|led|brought|bought|sold|paid|spoke|wrote|ran|set|put|cut|shut|broke|drove|chose|fought|sought|found|kept|knew|grew|threw|withdrew|stood|swept|spent|shot|sank|tore|wore|woke|won|overtook|undertook|took\s+office)\b/i;

export function reportsEvent(text: string): boolean {
  if (/\?\s*[”"’]?\s*$/.test(text)) return false;
  if (IMPERATIVE_START.test(text) || ADVICE.test(text)) return false;
  return PAST_OR_FUTURE.test(text);
}

function compareItems(a: ScoredSentence, b: ScoredSentence): number {
  return (
    (a.story.id < b.story.id ? -1 : a.story.id > b.story.id ? 1 : 0) || a.sentence.index - b.sentence.index
  );
}
