// Numbers a sentence reports, read as a reader reads them: what they count (the dead, the
// injured, dollars, a share of the vote), how sure the writer is ("at least", "nearly",
// "about", ranges, "dozens") and how it was rounded ("$1.2 billion" covers 1.15–1.25 billion),
// so two outlets conflict only when no single true figure could fit both of their words.
import { stemWord } from "../text/text-tokens";

export interface Quantity {
  /** What is counted: `killed:` (the dead, any people), `killed:child`, `money:usd`, `percent:vote`, `tally`, `job`… */
  key: string;
  /** Lowest and highest true value the words allow. */
  low: number;
  high: number;
  /** For a vote tally ("212 to 198"), the second figure. */
  against?: number;
  /** The words as written ("at least 100 people were killed"), offsets within the sentence. */
  text: string;
  start: number;
  end: number;
  /** The sentence says the figure changed ("rose to", "now", "revised"). */
  updated: boolean;
}

const WORD_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
};
// Vague amounts: the span of figures a reader would accept for them.
const VAGUE: Record<string, [number, number]> = {
  dozens: [24, 99],
  scores: [40, 199],
  hundreds: [200, 999],
  thousands: [2000, 99_999],
  millions: [2e6, 999e6],
};
const SCALES: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  m: 1e6,
  mn: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
};
const CURRENCY_SIGNS: Record<string, string> = { $: "usd", "€": "eur", "£": "gbp" };
const CURRENCY_WORDS: Record<string, string> = {
  dollar: "usd",
  dollars: "usd",
  euro: "eur",
  euros: "eur",
  pound: "gbp",
  pounds: "gbp",
  yen: "jpy",
  rupees: "inr",
};

// The qualifier before a figure and the interval it gives as a share of the figure.
const QUALIFIERS: Array<[RegExp, (v: number) => [number, number]]> = [
  [
    /\b(?:at\s+least|more\s+than|over|upwards\s+of|in\s+excess\s+of|no\s+fewer\s+than|no\s+less\s+than|above)\s+$/i,
    (v) => [v, Infinity],
  ],
  [/\b(?:nearly|almost|close\s+to|just\s+under|just\s+short\s+of|approaching)\s+$/i, (v) => [v * 0.85, v]],
  [
    /\b(?:about|around|roughly|approximately|some|an\s+estimated|estimated|an\s+approximate|circa|nearly\s+about)\s+$/i,
    (v) => [v * 0.85, v * 1.15],
  ],
  [
    /\b(?:up\s+to|as\s+many\s+as|fewer\s+than|less\s+than|under|no\s+more\s+than|at\s+most|below)\s+$/i,
    (v) => [0, v],
  ],
];

const NUMBER_ATOM = new RegExp(
  String.raw`([$€£])?\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\b(?:${Object.keys(WORD_NUMBERS).join("|")}|a\s+dozen|a\s+hundred)\b|\b(?:${Object.keys(VAGUE).join("|")})\b)` +
    "",
  "gi",
);
const CASUALTY: Array<[RegExp, string]> = [
  [/^(?:killed|dead|died|die|deaths?|lives|fatalities|bodies|perished|drowned)$/, "killed"],
  [/^(?:injured|wounded|hurt|injuries|casualties)$/, "injured"],
  [/^missing$/, "missing"],
  [/^(?:arrested|detained|arrests|held)$/, "arrested"],
  [/^(?:evacuated|evacuees)$/, "evacuated"],
  [/^(?:displaced|homeless)$/, "displaced"],
  [/^(?:rescued)$/, "rescued"],
];
// Counts that only grow as news comes in: a newer, higher figure updates an older one.
export const CUMULATIVE_KEYS = new Set([
  "killed",
  "injured",
  "missing",
  "arrested",
  "evacuated",
  "displaced",
  "rescued",
  "case",
  "infect",
]);
// Who a casualty figure counts; other words after the figure ("140 overnight") do not narrow it.
const PERSON_NOUNS = new Set(
  "children child civilians soldiers police officers policemen women men students workers migrants passengers troops fighters militants miners tourists residents protesters demonstrators journalists firefighters villagers patients staff pilgrims crew refugees prisoners hostages rebels pupils teachers".split(
    " ",
  ),
);
const GENERIC_HEADS = new Set(["people", "persons", "person", "others", "individuals"]);
const SKIP_HEADS = new Set([
  "of",
  "the",
  "a",
  "an",
  "were",
  "was",
  "are",
  "is",
  "have",
  "had",
  "has",
  "and",
  "or",
  "in",
  "on",
  "at",
  "who",
  "which",
  "that",
  "to",
  "from",
  "for",
  "by",
  "with",
  "as",
  "more",
  "than",
  "other",
  "been",
  "being",
  "be",
  "also",
  "had",
  "now",
  "so",
  "far",
]);
const NOT_COUNTS =
  /^(?:am|pm|a\.m|p\.m|th|st|nd|rd|year|years|yr|o'clock|hours?|minutes?|seconds?|mins?|hrs?|secs?|days?|weeks?|months?|ms|gb|mb|kb|km|miles?|kilometres?|kilometers?|metres?|meters?|feet|ft|kg|degrees?|mph|times|percentile|per)$/i;
const MONTHS =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/i;
const BEFORE_NOT_COUNT =
  /(?:\b(?:aged|age|no\.|number|article|section|chapter|page|flight|route|room|road|highway|platform|gate|level|phase|stage|grade|category|型)\s*|#)$/i;
const UPDATE_CUE =
  /\b(?:rose|risen|rises|climbed|climbs|jumped|increased|grew|reached|has\s+reached|now\s+stands|now\s+at|revised|updated|raised|lifted|now)\b/i;
const TALLY = /\b(\d{1,4})\s*(?:votes?\s+)?(?:to|-|–)\s*(\d{1,4})\b/;
const FROM_TO = /\bfrom\s+(?:[$€£]\s?)?[\d.,]+\s*(?:%|percent|per\s+cent|million|billion|m|bn)?\s+to\s+$/i;

/** The figures of one sentence, each with what it counts; figures that cannot be placed are left out. */
export function findQuantities(sentence: string): Quantity[] {
  const out: Quantity[] = [];
  const updated = UPDATE_CUE.test(sentence);
  // A vote tally ("passed by 212 votes to 198", "212-198") is one figure of its own.
  const consumed: Array<[number, number]> = [];
  if (/\bvot(?:e|es|ed|ing)\b/i.test(sentence)) {
    const m = TALLY.exec(sentence);
    if (m) {
      const a = Number(m[1]);
      const b = Number(m[2]);
      if (!/\b(?:1[89]|20)\d\d\s*(?:-|–|to)\s*(?:1[89]|20)?\d\d\b/.test(m[0])) {
        out.push({
          key: "tally",
          low: a,
          high: a,
          against: b,
          text: m[0],
          start: m.index,
          end: m.index + m[0].length,
          updated,
        });
        consumed.push([m.index, m.index + m[0].length]);
      }
    }
  }
  const atoms = [...sentence.matchAll(NUMBER_ATOM)];
  for (let i = 0; i < atoms.length; i++) {
    const m = atoms[i];
    if (!m) continue;
    // The figure starts at its currency sign or digits, not at a space before them.
    const start = m.index + (m[0].length - m[0].trimStart().length);
    if (consumed.some(([s, e]) => start >= s && start < e)) continue;
    const raw = (m[2] ?? "").toLowerCase().replace(/\s+/g, " ");
    let cursor = m.index + m[0].length;
    let currency = m[1] ? (CURRENCY_SIGNS[m[1]] ?? null) : null;
    const before = sentence.slice(Math.max(0, start - 40), start);
    const vague = VAGUE[raw];
    let value: number;
    let decimals = 0;
    if (vague) value = vague[0];
    else if (/^\d/.test(raw)) {
      value = Number(raw.replace(/,/g, ""));
      decimals = raw.includes(".") ? (raw.split(".")[1]?.length ?? 0) : 0;
    } else value = WORD_NUMBERS[raw.replace(/^a /, "")] ?? NaN;
    if (!Number.isFinite(value)) continue;
    // Dates, times, ages, ordinals, years and numbered things are not counts.
    const prevWord = /([A-Za-z]+)\.?\s*$/.exec(before)?.[1] ?? "";
    // "9:30 p.m.", "3.30pm": the minutes of a time.
    if (MONTHS.test(prevWord) || BEFORE_NOT_COUNT.test(before) || /\d[:.]$/.test(before)) continue;
    const rest = sentence.slice(cursor);
    if (
      /^(?:st|nd|rd|th|s)\b|^['’]s\b|^-(?:half|third|quarter|fifth)|^:\d|^\.\d|^-(?:year|month|day|week)|^\s*(?:-|–)\s*year-old|^\s*years?\s+old/i.test(
        rest,
      )
    )
      continue;
    const nextWordRaw = /^\s*([A-Za-z.']+)/.exec(rest)?.[1] ?? "";
    if (MONTHS.test(nextWordRaw.replace(/\.$/, ""))) continue;
    if (!currency && !/[,.]/.test(raw) && value >= 1900 && value <= 2100 && /^\d{4}$/.test(raw)) continue;
    // Range: "between 100 and 120", "100 to 120", "100-120".
    let high = value;
    const range = /^\s*(?:-|–|to|and)\s*([$€£])?\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)/i.exec(rest);
    const isRange =
      range &&
      (/^\s*(?:-|–)/.test(rest) || /\bbetween\s+$/i.test(before) || /^\s*to/i.test(rest)) &&
      !FROM_TO.test(sentence.slice(0, start));
    if (range && isRange && !/\bfrom\s+(?:[$€£]\s?)?$/i.test(before)) {
      high = Number((range[2] ?? "").replace(/,/g, ""));
      // "2-1", "5 to 1": a score or a ratio, not a range.
      if (!(high > value)) {
        i++;
        continue;
      }
      cursor += range[0].length;
      i++; // the range's second figure is part of this one
    } else if (range && /^\s*to/i.test(rest) && /\bfrom\s+(?:[$€£]\s?)?$/i.test(before)) {
      continue; // "from 104 to 140": the old figure; the new one follows
    }
    // Scale and unit words after the figure.
    let scale = 1;
    let tail = sentence.slice(cursor);
    const longScale = /^\s?(million|billion|trillion|thousand)\b/i.exec(tail);
    const shortScale = /^(mn|bn|tn|m|b|k)\b/i.exec(tail);
    if (longScale) {
      scale = SCALES[(longScale[1] ?? "").toLowerCase()] ?? 1;
      cursor += longScale[0].length;
    } else if (shortScale) {
      const word = (shortScale[1] ?? "").toLowerCase();
      // "100m" is a distance unless money is meant or the figure is small ("3m people").
      if (word === "m" && !currency && !(value < 100 || decimals > 0)) continue;
      scale = SCALES[word] ?? 1;
      cursor += shortScale[0].length;
    }
    tail = sentence.slice(cursor);
    let isPercent = false;
    const pct = /^\s?(%|percent\b|per\s+cent\b|percentage\s+points?\b)/i.exec(tail);
    if (pct) {
      isPercent = !/points?/i.test(pct[1] ?? "");
      if (!isPercent) continue;
      cursor += pct[0].length;
      tail = sentence.slice(cursor);
    }
    const currencyWord =
      /^\s(?:(?:us|u\.s\.|american|australian|canadian)\s)?(dollars?|euros?|pounds?|yen|rupees)\b/i.exec(
        tail,
      );
    if (currencyWord) {
      currency = CURRENCY_WORDS[(currencyWord[1] ?? "").toLowerCase()] ?? currency;
      cursor += currencyWord[0].length;
      tail = sentence.slice(cursor);
    }
    const nextWord = /^\s*([A-Za-z]+)/.exec(tail)?.[1] ?? "";
    if (!currency && !isPercent && NOT_COUNTS.test(nextWord)) continue;

    // The interval the words allow.
    let low = value * scale;
    high = high * scale;
    if (vague) high = vague[1];
    else if (scale > 1 || isPercent || currency) {
      // Rounding: half a unit of the last digit written.
      const unit = Math.pow(10, -decimals) * scale;
      low -= unit / 2;
      high += unit / 2;
    } else if (value >= 1000 && /0{2,}$/.test(raw.replace(/[,.]/g, "")) && decimals === 0) {
      const zeros = /0+$/.exec(raw.replace(/,/g, ""))?.[0].length ?? 0;
      const unit = Math.pow(10, zeros);
      low -= unit / 2;
      high += unit / 2;
    }
    let phraseStart = isRange ? start - (/\bbetween\s+$/i.exec(before)?.[0].length ?? 0) : start;
    const qualifier = vague
      ? undefined
      : QUALIFIERS.map(([re, interval]) => ({ q: re.exec(before), interval })).find((x) => x.q);
    if (qualifier?.q) {
      const [a, b] = qualifier.interval(value * scale);
      if (b === Infinity) high = Infinity;
      else if (a === 0) low = 0;
      else [low, high] = [Math.min(low, a), Math.max(high, b)];
      phraseStart = start - qualifier.q[0].length;
    }

    // What the figure counts.
    let key: string | null = null;
    let phraseEnd = cursor;
    if (currency) key = `money:${currency}`;
    else if (isPercent) {
      const of = /^\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?([A-Za-z]+)/i.exec(tail);
      const beforeWord =
        /\b([A-Za-z]{3,})\s+(?:(?:rose|fell|climbed|dropped|stood|was|is|reached|of|at|to|by|hit)\s+){1,2}(?:to\s+|at\s+|by\s+)?(?:about\s+|around\s+|nearly\s+|almost\s+)?$/i.exec(
          sentence.slice(0, phraseStart),
        );
      const candidate = of?.[1] ?? beforeWord?.[1] ?? null;
      const word = candidate && !/^(?:percent|cent|points?|from)$/i.test(candidate) ? candidate : null;
      if (of) phraseEnd = cursor + of[0].length;
      if (!word) continue;
      key = `percent:${stemWord(word.toLowerCase())}`;
    } else {
      const words = [...tail.slice(0, 60).matchAll(/[A-Za-z']+/g)].slice(0, 6);
      let head: string | null = null;
      let headEnd = cursor;
      let casualty: string | null = null;
      for (const [j, w] of words.entries()) {
        const word = (w[0] ?? "").toLowerCase();
        const kind = CASUALTY.find(([re]) => re.test(word))?.[1];
        if (kind) {
          casualty = kind;
          phraseEnd = cursor + w.index + word.length;
          break;
        }
        if (head === null && j === 0 && !SKIP_HEADS.has(word)) {
          head = GENERIC_HEADS.has(word) ? "" : word;
          headEnd = cursor + w.index + word.length;
        }
        if (/[.;]/.test(tail.slice(0, w.index))) break;
      }
      // "the death toll rose to 140", "killing 104 people".
      if (
        !casualty &&
        /\b(?:death\s+toll|toll|killing|killed|deaths?\s+rose|dead\s+rose)\b[^.;,]{0,50}$/i.test(
          sentence.slice(0, phraseStart),
        )
      )
        casualty = "killed";
      if (
        !casualty &&
        /\b(?:injuring|wounding|injured|wounded)\b[^.;,]{0,12}$/i.test(sentence.slice(0, phraseStart))
      )
        casualty = "injured";
      if (casualty) {
        key = `${casualty}:${head && PERSON_NOUNS.has(head) ? stemWord(head) : ""}`;
        if (phraseEnd === cursor) phraseEnd = Math.max(phraseEnd, headEnd);
      } else if (head !== null) {
        key = head === "" ? "people" : stemWord(head);
        phraseEnd = headEnd;
      }
    }
    if (key === null) continue;
    // "6 million euros a day" is a rate, not a total.
    const rate =
      /^[^.;,]{0,25}?\b(?:a|per|each|every)\s+(day|week|month|year|hour|minute|second|head|person|capita)\b|^\s*(?:daily|weekly|monthly|annually|yearly|hourly)\b/i.exec(
        sentence.slice(phraseEnd),
      );
    if (rate) key = `${key}/${(rate[1] ?? rate[0].trim()).toLowerCase()}`;
    out.push({
      key,
      low,
      high,
      text: sentence.slice(phraseStart, phraseEnd).trim(),
      start: phraseStart,
      end: phraseEnd,
      updated,
    });
  }
  // Two figures for the same thing in one sentence ("104 killed, 30 of them killed…") are
  // not comparable one to one: the thing is left out.
  const counts = new Map<string, number>();
  for (const q of out) counts.set(q.key, (counts.get(q.key) ?? 0) + 1);
  return out.filter((q) => counts.get(q.key) === 1);
}

/** Two figures for the same thing conflict when no single true value fits both. */
export function quantitiesConflict(a: Quantity, b: Quantity): boolean {
  if (a.key !== b.key) return false;
  if (a.key === "tally") return a.low !== b.low || a.against !== b.against;
  const eps = 1e-9 * Math.max(1, Math.abs(a.low), Math.abs(b.low));
  return a.high + eps < b.low || b.high + eps < a.low;
}
