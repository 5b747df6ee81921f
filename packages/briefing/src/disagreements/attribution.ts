// Who a sentence says made a statement, and whether two such speakers must be different
// people. A name and a role can be one person ("Ana Lopez" and "the health minister"), and
// "officials" or "the ministry" say too little to contradict anyone: only two different
// names, or two different roles with no name in common, are a disagreement.

export interface SpeakerClaim {
  /** The speaker as written ("Health Minister Ana Lopez", "a ministry spokesman"). */
  text: string;
  start: number;
  end: number;
}

const VERBS =
  "said|says|told\\s+\\w+|announced|stated|confirmed|warned|insisted|claimed|argued|added|denied|admitted|explained";
const SUBJECT_FIRST = new RegExp(
  `^(?:[^,;:“”"]*?,\\s*)?((?:[A-Z][\\w'’.-]*|the|a|an|his|her|its|their)(?:\\s+[\\w'’.-]+){0,6}?)\\s+(?:has\\s+|had\\s+|also\\s+|later\\s+)?(?:${VERBS})\\b`,
);
const SPEAKER_LAST = new RegExp(
  `,\\s*([^,;:“”"]{2,70}?)\\s+(?:${VERBS})(?:\\s+on\\s+\\w+|\\s+\\w+day)?\\s*\\.?\\s*$`,
);
const SAID_SPEAKER_LAST = new RegExp(
  `,\\s*(?:said|says|according\\s+to)\\s+([^,;:“”"]{2,70}?)\\s*(?:,[^,]*)?\\.?\\s*$`,
);
const CLAUSE_OPENER =
  /^(?:and|but|or|after|before|while|when|as|because|since|if|although|though|which|who|that|it|this|there|they|he|she|we|i|you)\b/i;

/** Role words, most specific first; the value is the role they name. */
const ROLES: Array<[RegExp, string]> = [
  [/\bprime\s+minister\b/i, "prime minister"],
  [/\bdeputy\s+minister\b/i, "deputy minister"],
  [/\bvice[-\s]president\b/i, "vice president"],
  [/\bspokes(?:man|woman|person)\b/i, "spokesperson"],
  [/\bminister\b/i, "minister"],
  [/\bpresident\b/i, "president"],
  [/\bmayor\b/i, "mayor"],
  [/\bgovernor\b/i, "governor"],
  [/\bambassador\b/i, "ambassador"],
  [/\benvoy\b/i, "envoy"],
  [/\bcommander\b/i, "commander"],
  [/\b(?:chief\s+executive|ceo)\b/i, "chief executive"],
  [/\bchair(?:man|woman|person)?\b/i, "chair"],
  [/\bsecretary\b/i, "secretary"],
  [/\bprosecutor\b/i, "prosecutor"],
  [/\bjudge\b/i, "judge"],
  [/\blawyer\b/i, "lawyer"],
  [/\bsenator\b/i, "senator"],
  [/\bdirector\b/i, "director"],
  [/\bpolice\s+chief\b/i, "police chief"],
  [/\bgeneral\b/i, "general"],
  [/\bspeaker\b/i, "speaker"],
  [/\bleader\b/i, "leader"],
];
// A subject with these words is a clause ("Ms Pao has not said"), not a speaker.
const NOT_SPEAKER =
  /\b(?:has|have|had|not|never|was|were|is|are|would|will|did|does|do|who|which|that|it|this|been|could|may|might|should)\b/i;
const NOT_NAMES = new Set([
  "the",
  "a",
  "an",
  "his",
  "her",
  "its",
  "their",
  "health",
  "foreign",
  "finance",
  "interior",
  "defence",
  "defense",
  "transport",
  "energy",
  "education",
  "justice",
  "trade",
  "deputy",
  "prime",
  "minister",
  "ministry",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "president",
  "vice",
  "mayor",
  "governor",
  "ambassador",
  "envoy",
  "commander",
  "chief",
  "executive",
  "chair",
  "chairman",
  "chairwoman",
  "secretary",
  "prosecutor",
  "judge",
  "lawyer",
  "senator",
  "director",
  "police",
  "general",
  "speaker",
  "state",
  "city",
  "national",
  "regional",
  "senior",
  "press",
  "former",
  "acting",
  "interim",
  "us",
  "uk",
  "eu",
  "un",
  "mr",
  "mrs",
  "ms",
  "dr",
  "sir",
  "on",
  "in",
  "at",
  "for",
  "of",
  "and",
  "office",
  "department",
  "government",
  "council",
  "agency",
  "authority",
  "company",
  "group",
  // Speakers too vague to contradict anyone ("Officials said", "Witnesses told…").
  "republican",
  "republicans",
  "democrat",
  "democrats",
  "democratic",
  "conservative",
  "conservatives",
  "liberal",
  "liberals",
  "socialist",
  "labour",
  "green",
  "greens",
  "officials",
  "official",
  "sources",
  "source",
  "authorities",
  "witnesses",
  "residents",
  "analysts",
  "experts",
  "critics",
  "observers",
  "diplomats",
  "lawmakers",
  "ministers",
  "leaders",
  "organisers",
  "organizers",
  "police",
  "rescuers",
  "doctors",
  "scientists",
  "researchers",
  "officers",
  "spokespeople",
  "representatives",
  "campaigners",
  "activists",
  "protesters",
  "unions",
  "union",
  "party",
  "opposition",
  "they",
  "he",
  "she",
  "it",
  "we",
  "people",
  "both",
  "one",
  "some",
  "many",
  "several",
  "local",
  "senior",
  "top",
]);

/** The speaker of the statement a sentence reports, or null when it names none. */
export function findStatementSpeaker(sentence: string): SpeakerClaim | null {
  for (const re of [SAID_SPEAKER_LAST, SPEAKER_LAST, SUBJECT_FIRST]) {
    const m = re.exec(sentence);
    const phrase = m?.[1]?.trim();
    if (
      !m ||
      !phrase ||
      CLAUSE_OPENER.test(phrase) ||
      NOT_SPEAKER.test(phrase) ||
      phrase.split(/\s+/).length > 8
    )
      continue;
    const start = m.index + m[0].indexOf(phrase);
    return { text: phrase, start, end: start + phrase.length };
  }
  return null;
}

/** Roles and name words of a speaker phrase ("Health Minister Ana Lopez" → minister; ana, lopez). */
export function describeSpeaker(phrase: string): { roles: Set<string>; names: Set<string> } {
  const roles = new Set<string>();
  let rest = phrase;
  for (const [re, role] of ROLES) {
    if (!re.test(rest)) continue;
    roles.add(role);
    rest = rest.replace(re, " ");
  }
  const names = new Set<string>();
  // "Kestrel Motors chief executive Sara Lind": the words after the role are the person's
  // name; the ones before it name the body they work for.
  let lastRoleEnd = -1;
  for (const [re] of ROLES) {
    const m = new RegExp(re.source, "gi");
    for (const r of phrase.matchAll(m)) lastRoleEnd = Math.max(lastRoleEnd, r.index + r[0].length);
  }
  // With a role and no name after it ("The Portland police chief"), the words before it
  // name a place or body, not the person.
  if (lastRoleEnd >= 0) rest = phrase.slice(lastRoleEnd);
  // "the Navy", "the Florida Republican": a description, not a name (names take no article).
  else if (/^(?:the|a|an)\s/i.test(phrase)) rest = "";
  for (const w of rest.matchAll(/\b[A-Z][a-zA-Z'’-]+/g)) {
    const word = w[0].toLowerCase().replace(/['’]s$/, "");
    if (!NOT_NAMES.has(word)) names.add(word);
  }
  return { roles, names };
}

/**
 * Two speakers that must be different people: different names of people, or different roles
 * and no name in common. `isPersonName` says whether a name word belongs to a person the
 * stories name (without it every name counts): "Kleiner Perkins" and "Christina Lee" may be
 * a firm and its spokeswoman.
 */
export function speakersConflict(
  a: string,
  b: string,
  isPersonName: (word: string) => boolean = () => true,
): boolean {
  const x = describeSpeaker(a);
  const y = describeSpeaker(b);
  const sharedName = [...x.names].some((n) => y.names.has(n));
  if (sharedName) return false;
  const isPerson = (s: { roles: Set<string>; names: Set<string> }): boolean =>
    s.roles.size > 0 || [...s.names].some(isPersonName);
  if (x.names.size > 0 && y.names.size > 0) return isPerson(x) && isPerson(y);
  if (x.roles.size === 0 || y.roles.size === 0) return false;
  return ![...x.roles].some((r) => y.roles.has(r));
}
