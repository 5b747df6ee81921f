// Compares two sentences that report the same fact (from two stories of one storyline) on
// numbers, dates, who said it and status. A difference is either a disagreement (both
// stand, a reader should see both) or a supersession: the newer story updates the older
// one (a higher toll, a meeting that has now happened), so the older fact stops leading.
import { findStatementSpeaker, speakersConflict } from "./attribution";
import { findEventDate, formatDay } from "./event-dates";
import { CUMULATIVE_KEYS, type Quantity, findQuantities, quantitiesConflict } from "./quantities";
import { findDecision, findDone, findPlanned } from "./status";
import { memoizeByString } from "../text/bounded-cache";
import { getContentStems } from "../text/text-tokens";
import { reportsEvent } from "../timeline-and-quotes/timeline";
import type { Citation, DisagreementKind } from "../types";

/** One source sentence as the comparison needs it. */
export interface ClaimSentence {
  storyId: string;
  sentenceIndex: number;
  start: number;
  end: number;
  text: string;
  source: string;
  sourceKey: string;
  /** Publication (or upload) instant in ms; null when unknown. */
  time: number | null;
  asOf: string | null;
  /** What relative dates are resolved against. */
  reference: Date | null;
  /** Speakers the quote reader found for quotes in this sentence. */
  quoteSpeakers: string[];
}

export interface ClaimSide {
  sentence: ClaimSentence;
  value: string;
}

export interface ClaimDifference {
  kind: DisagreementKind;
  /** Superseded: `sides[0]` is the older fact, `sides[1]` the newer that replaces it. */
  superseded: boolean;
  sides: [ClaimSide, ClaimSide];
  /** What differs, for telling the same difference found twice apart ("killed:", "2026-11-24"). */
  key: string;
}

const UPDATE_CUE =
  /\b(?:now|later|subsequently|eventually|finally|reversed|after\s+all|has\s+since|revised|updated|corrected)\b/i;
const RESCHEDULED = /\b(?:postponed|delayed|moved|rescheduled|brought\s+forward|pushed\s+back)\b/i;

const UPDATE_GAP_MS = 6 * 3_600_000;

// A sentence's figures depend only on its text; every pair compared asks again.
const quantitiesOf: (text: string) => Quantity[] = memoizeByString(findQuantities, 20_000);

/** The older and newer of two sentences, or null when neither is known to be newer. */
function orderByTime(a: ClaimSentence, b: ClaimSentence): [ClaimSentence, ClaimSentence] | null {
  if (a.time === null || b.time === null || a.time === b.time) return null;
  return a.time < b.time ? [a, b] : [b, a];
}

export interface CompareOptions {
  /** Whether a lowercased name word belongs to a person the stories name (default: any name does). */
  isPersonName?: (word: string) => boolean;
}

// Figures anchored to different times ("in 2004", "last year") are different facts.
const TIME_ANCHOR =
  /\b(?:(?:19|20)\d\d|(?:last|this|next|previous)\s+(?:year|month|week|season|quarter)|\w+\s+years?\s+ago|(?:in|since|by)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December))\b/gi;

const HISTORICAL = /\d{4}|\blast\b|\bprevious\b|\bago\b/;

function timeAnchors(text: string): string {
  return [...new Set([...text.matchAll(TIME_ANCHOR)].map((m) => m[0].toLowerCase().replace(/\s+/g, " ")))]
    .sort()
    .join("|");
}

/** Every way the two sentences differ on a fact they both report. */
export function compareClaims(
  a: ClaimSentence,
  b: ClaimSentence,
  options: CompareOptions = {},
): ClaimDifference[] {
  // Wire copy printed by two outlets says the same thing.
  if (a.storyId === b.storyId || a.text === b.text) return [];
  const out: ClaimDifference[] = [];
  const ordered = orderByTime(a, b);
  const sameOutlet = a.sourceKey === b.sourceKey;

  // Numbers.
  const qa = quantitiesOf(a.text);
  const qb = timeAnchors(a.text) === timeAnchors(b.text) ? quantitiesOf(b.text) : [];
  for (const x of qa) {
    const y = qb.find((q) => q.key === x.key);
    if (!y || !quantitiesConflict(x, y)) continue;
    const sideA = { sentence: a, value: describeQuantity(x) };
    const sideB = { sentence: b, value: describeQuantity(y) };
    if (ordered) {
      const [older, newer] = ordered;
      const [qOld, qNew] = older === a ? [x, y] : [y, x];
      // A higher toll hours later is news coming in; within a few hours two outlets differ.
      const grows =
        CUMULATIVE_KEYS.has(x.key.split(":")[0] ?? "") &&
        qNew.low > qOld.high &&
        (newer.time ?? 0) - (older.time ?? 0) >= UPDATE_GAP_MS;
      if (grows || qNew.updated) {
        out.push({
          kind: "number",
          superseded: true,
          sides: older === a ? [sideA, sideB] : [sideB, sideA],
          key: x.key,
        });
        continue;
      }
    }
    // An outlet does not disagree with itself: a changed figure without a word saying it
    // changed may be another figure (the full line's stops, the shortened line's).
    if (sameOutlet) continue;
    out.push({ kind: "number", superseded: false, sides: [sideA, sideB], key: x.key });
  }

  // Dates of the event.
  const da = findEventDate(a.text, a.reference);
  const db = findEventDate(b.text, b.reference);
  // Only a date of something that happens: a dateline or a signature is not an event.
  if (da && db && da.date !== db.date && reportsEvent(a.text) && reportsEvent(b.text)) {
    const sideA = { sentence: a, value: da.relative ? `${da.text} (${formatDay(da.date)})` : da.text };
    const sideB = { sentence: b, value: db.relative ? `${db.text} (${formatDay(db.date)})` : db.text };
    const [older, newer] = ordered ?? [null, null];
    if (older && newer && RESCHEDULED.test(newer.text)) {
      out.push({
        kind: "date",
        superseded: true,
        sides: older === a ? [sideA, sideB] : [sideB, sideA],
        key: "date",
      });
    } else if (!(sameOutlet && !ordered)) {
      out.push({ kind: "date", superseded: false, sides: [sideA, sideB], key: "date" });
    }
  }
  const datesDiffer = da !== null && db !== null && da.date !== db.date;

  // Status: planned in one, done in the other (the same event: not on different days, nor
  // a past one anchored in another time — "was changed in 1980" and "will change").
  if (!datesDiffer) {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const plannedAnchors = new Set(timeAnchors(x.text).split("|"));
      if (
        timeAnchors(y.text)
          .split("|")
          .some((anchor) => HISTORICAL.test(anchor) && !plannedAnchors.has(anchor))
      )
        continue;
      for (const planned of findPlanned(x.text)) {
        const done = findDone(y.text, planned.lemma);
        if (!done) continue;
        const sidePlanned = { sentence: x, value: clauseAround(x.text, planned.start, planned.end) };
        const sideDone = { sentence: y, value: clauseAround(y.text, done.start, done.end) };
        const doneIsNewer = ordered !== null && ordered[1] === y;
        out.push({
          kind: "status",
          superseded: doneIsNewer,
          sides: [sidePlanned, sideDone],
          key: `status:${planned.lemma}`,
        });
        break;
      }
    }
    const decA = findDecision(a.text);
    const decB = findDecision(b.text);
    if (decA && decB && decA.polarity !== decB.polarity) {
      const sideA = { sentence: a, value: clauseAround(a.text, decA.start, decA.end) };
      const sideB = { sentence: b, value: clauseAround(b.text, decB.start, decB.end) };
      const newer = ordered?.[1] ?? null;
      if (newer && (UPDATE_CUE.test(newer.text) || sameOutlet)) {
        out.push({
          kind: "status",
          superseded: true,
          sides: newer === b ? [sideA, sideB] : [sideB, sideA],
          key: "decision",
        });
      } else if (!sameOutlet) {
        out.push({ kind: "status", superseded: false, sides: [sideA, sideB], key: "decision" });
      }
    }
  }

  // Who said it.
  if (!sameOutlet) {
    const sa = speakerOf(a);
    const sb = speakerOf(b);
    if (
      sa &&
      sb &&
      speakersConflict(sa, sb, options.isPersonName) &&
      statementsMatch(a.text, sa, b.text, sb)
    ) {
      out.push({
        kind: "attribution",
        superseded: false,
        sides: [
          { sentence: a, value: sa },
          { sentence: b, value: sb },
        ],
        key: "speaker",
      });
    }
  }
  return out;
}

// The quote reader's speaker when the sentence itself names them, else the reported-speech subject.
function speakerOf(s: ClaimSentence): string | null {
  const words = new Set(s.text.toLowerCase().match(/[\p{L}'’-]+/gu) ?? []);
  const quoted = s.quoteSpeakers.find((name) => {
    const last = (name.split(/\s+/).pop() ?? name).toLowerCase();
    return last.length > 1 && words.has(last);
  });
  return quoted ?? findStatementSpeaker(s.text)?.text ?? null;
}

// The same statement: most content words, apart from the speakers', in common.
function statementsMatch(a: string, speakerA: string, b: string, speakerB: string): boolean {
  const drop = new Set([...getContentStems(speakerA), ...getContentStems(speakerB)]);
  const x = new Set(getContentStems(a).filter((s) => !drop.has(s)));
  const y = new Set(getContentStems(b).filter((s) => !drop.has(s)));
  let shared = 0;
  for (const s of x) if (y.has(s)) shared++;
  return x.size + y.size > 0 && (2 * shared) / (x.size + y.size) >= STATEMENT_MATCH;
}

const STATEMENT_MATCH = 0.6;

const CATEGORY_WORDS: Record<string, string> = {
  killed: "killed",
  injured: "injured",
  missing: "missing",
  arrested: "arrested",
  evacuated: "evacuated",
  displaced: "displaced",
  rescued: "rescued",
};

function describeQuantity(q: Quantity): string {
  const category = CATEGORY_WORDS[q.key.split(":")[0] ?? ""];
  if (
    !category ||
    /\b(?:kill|dead|die|death|injur|wound|hurt|missing|arrest|detain|evacu|displac|rescu|lives|bodies|toll)/i.test(
      q.text,
    )
  )
    return q.text;
  return `${q.text} ${category}`;
}

/** A few words around a verb, stopping at punctuation: enough for a reader to see the status. */
function clauseAround(text: string, start: number, end: number): string {
  const before =
    text
      .slice(0, start)
      .split(/[,;:“”"()]/)
      .pop() ?? "";
  const after = text.slice(end).split(/[,;:“”"()]|\.(?=\s|$)/)[0] ?? "";
  // The whole subject when it is short ("Three walk-in centres for flood recovery grants").
  const words = before.trim().split(/\s+/).filter(Boolean);
  const head = (words.length <= 8 ? words : words.slice(-5)).join(" ");
  const tail = after.trim().split(/\s+/).filter(Boolean).slice(0, 4).join(" ");
  return [head, text.slice(start, end).trim(), tail]
    .filter(Boolean)
    .join(" ")
    .replace(
      /^(?:The|A|An|This|These|Those|Some|Many|Most|All|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)\b/,
      (w) => w.toLowerCase(),
    );
}

export function citeClaim(s: ClaimSentence): Citation {
  return { storyId: s.storyId, sentenceIndex: s.sentenceIndex, start: s.start, end: s.end };
}
