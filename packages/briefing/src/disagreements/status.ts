// Where an event stands: planned ("will meet", "is expected to vote") or done ("met",
// "voted"), and which way a decision went ("approved" or "rejected"). Two tellings of the
// same fact differ on status when one has it planned and the other done, or when one has
// it approved and the other rejected.
import { stemWord } from "../text/text-tokens";

export interface StatusClaim {
  /** Stem of the verb ("meet", "vote"). */
  lemma: string;
  tense: "future" | "past";
  /** The words as written, offsets within the sentence. */
  text: string;
  start: number;
  end: number;
}

export interface Decision {
  polarity: "approved" | "rejected";
  text: string;
  start: number;
  end: number;
}

const FUTURE =
  /\b(?:will|is\s+to|are\s+to|(?:is|are)\s+(?:expected|set|due|scheduled|poised|likely|planning|preparing|going)\s+to|(?:was|were)\s+(?:expected|due|scheduled|set)\s+to|plans?\s+to|intends?\s+to|aims?\s+to)\s+(?:(?:also|now|formally|finally|then|again)\s+)?(?:be\s+)?([a-z]+)\b/gi;
// Past forms that are not the verb plus -ed.
const IRREGULAR: Record<string, string> = {
  met: "meet",
  held: "hold",
  gave: "give",
  given: "give",
  signed: "sign",
  made: "make",
  took: "take",
  taken: "take",
  won: "win",
  lost: "lose",
  left: "leave",
  began: "begin",
  begun: "begin",
  went: "go",
  gone: "go",
  came: "come",
  sent: "send",
  spoke: "speak",
  spoken: "speak",
  chose: "choose",
  chosen: "choose",
  struck: "strike",
  fell: "fall",
  rose: "rise",
  sold: "sell",
  bought: "buy",
  paid: "pay",
  brought: "bring",
  met_: "meet",
  ran: "run",
  set: "set",
  cut: "cut",
  put: "put",
  shut: "shut",
  hit: "hit",
  quit: "quit",
  wrote: "write",
  written: "write",
  drew: "draw",
  drawn: "draw",
  flew: "fly",
  flown: "fly",
  became: "become",
  found: "find",
  built: "build",
  sought: "seek",
  stood: "stand",
  withdrew: "withdraw",
  withdrawn: "withdraw",
  undertook: "undertake",
  overtook: "overtake",
  broke: "break",
  broken: "break",
  froze: "freeze",
  frozen: "freeze",
  reopened: "reopen",
};
const NOT_PREDICATE = new Set([
  "be",
  "have",
  "say",
  "tell",
  "need",
  "want",
  "try",
  "seek",
  "continue",
  "remain",
  "make",
  "take",
  "give",
  "go",
  "get",
  "do",
]);
const NEGATED_BEFORE =
  /\b(?:not|never|n't|no\s+longer|yet\s+to|failed\s+to|refused\s+to|declined\s+to)\s+(?:\w+\s+)?$/i;
const APPROVE =
  /\b(?:agreed|approved|accepted|passed|backed|endorsed|ratified|adopted|upheld|voted\s+(?:for|in\s+favou?r\s+of)|signed\s+off)\b/gi;
const REJECT =
  /\b(?:rejected|rejecting|refused|refusing|declined|vetoed|vetoing|blocked|blocking|dismissed|overturned|overturning|voted\s+(?:down|against)|voting\s+(?:down|against)|threw\s+out|thrown\s+out|throwing\s+out|struck\s+down|turned\s+down|turning\s+down|scrapped|shelved)\b/gi;
const NEGATED_APPROVE =
  /\b(?:did\s+not|didn't|failed\s+to|has\s+not|have\s+not|had\s+not|hasn't|haven't|never)\s+(?:\w+\s+)?(?:agree|approve|accept|pass|back|endorse|ratify|adopt)(?:d|ed)?\b/gi;

function stemOf(verb: string): string {
  const lower = verb.toLowerCase();
  return stemWord(IRREGULAR[lower] ?? lower);
}

/** Planned events ("will meet") of a sentence. */
export function findPlanned(sentence: string): StatusClaim[] {
  const out: StatusClaim[] = [];
  for (const m of sentence.matchAll(FUTURE)) {
    const verb = (m[1] ?? "").toLowerCase();
    if (verb.length < 3 || NOT_PREDICATE.has(verb) || /(?:ly|ed)$/.test(verb)) continue;
    // "If passed, the line will change": a condition, not a plan.
    if (/\b(?:if|unless|would|could)\b/i.test(sentence.slice(0, m.index))) continue;
    // "will meet again": a further meeting, not the one another outlet reports as done.
    if (/^\s+(?:again|once\s+more)\b/i.test(sentence.slice(m.index + m[0].length))) continue;
    out.push({
      lemma: stemOf(verb),
      tense: "future",
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return out;
}

/** The sentence's done form of `lemma` ("met" for "meet"), unless negated or also still planned there. */
export function findDone(sentence: string, lemma: string): StatusClaim | null {
  if (findPlanned(sentence).some((p) => p.lemma === lemma)) return null;
  for (const m of sentence.matchAll(/\b(?:has\s+|have\s+|had\s+)?([a-z]+)\b/gi)) {
    const word = (m[1] ?? "").toLowerCase();
    const isPast = IRREGULAR[word] !== undefined || /ed$/.test(word);
    if (!isPast || stemOf(word) !== lemma) continue;
    if (NEGATED_BEFORE.test(sentence.slice(0, m.index))) return null;
    // "the planned meeting", "a scheduled vote": an adjective, not the event done; "will be
    // honoured": still to come.
    if (/\b(?:the|a|an|be|being)\s+$/i.test(sentence.slice(0, m.index))) continue;
    return { lemma, tense: "past", text: m[0], start: m.index, end: m.index + m[0].length };
  }
  return null;
}

/** Which way the decision the sentence reports went, or null when it says both or neither. */
export function findDecision(sentence: string): Decision | null {
  const negated = [...sentence.matchAll(NEGATED_APPROVE)];
  const approve = [...sentence.matchAll(APPROVE)].filter(
    (m) => !negated.some((n) => m.index >= n.index && m.index < n.index + n[0].length),
  );
  const reject = [...sentence.matchAll(REJECT), ...negated];
  // "refused to approve": the approval word is the object of the refusal.
  const approveFree = approve.filter(
    (a) => !reject.some((r) => a.index > r.index && a.index - (r.index + r[0].length) <= 4),
  );
  if (approveFree.length > 0 && reject.length > 0) return null;
  const m = approveFree[0] ?? reject[0];
  if (!m) return null;
  // Reported intentions ("expected to approve") are not decisions yet.
  if (
    /\b(?:expected|set|due|likely|plans?|will|would|could|may|might)\s+(?:to\s+)?(?:\w+\s+)?$/i.test(
      sentence.slice(0, m.index),
    )
  )
    return null;
  return {
    polarity: approveFree.length > 0 ? "approved" : "rejected",
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  };
}
