// Name normalisation: strips titles and roles ("Secretary of the Army", "Sir"), folds
// transliteration variants (Zelensky / Zelenskyy / Zelenskiy, Sergei / Sergey) to one key,
// and maps common abbreviations of countries and bodies to one canonical name.
import { memoizeByString } from "../text/bounded-cache";

/** Words that, inside or just before a capitalised span, mark the name after them as a person. */
export const PERSON_TITLES: ReadonlySet<string> = new Set([
  "president",
  "president-elect",
  "vice-president",
  "minister",
  "secretary",
  "envoy",
  "ambassador",
  "senator",
  "sen",
  "governor",
  "gov",
  "mayor",
  "chancellor",
  "king",
  "queen",
  "prince",
  "princess",
  "pope",
  "sheikh",
  "emir",
  "sultan",
  "general",
  "gen",
  "colonel",
  "col",
  "lieutenant",
  "lt",
  "sergeant",
  "sgt",
  "captain",
  "capt",
  "admiral",
  "adm",
  "commander",
  "chief",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "judge",
  "justice",
  "director",
  "chairman",
  "chairwoman",
  "chairperson",
  "ceo",
  "coach",
  "manager",
  "leader",
  "premier",
  "mr",
  "mrs",
  "ms",
  "miss",
  "mx",
  "dr",
  "prof",
  "professor",
  "sir",
  "dame",
  "lord",
  "lady",
  "rev",
  "reverend",
  "rabbi",
  "imam",
  "cardinal",
  "archbishop",
  "bishop",
  "speaker",
  "attorney",
  "aide",
  "adviser",
  "advisor",
  "commissioner",
  "inspector",
  "superintendent",
  "detective",
  "officer",
  "representative",
  "rep",
  "congressman",
  "congresswoman",
  "mp",
  "mep",
  "founder",
  "analyst",
  "correspondent",
  "reporter",
  "editor",
  "economist",
  "counterpart",
  "negotiator",
  "ceo",
  "executive",
  "striker",
  "midfielder",
  "defender",
  "goalkeeper",
  "actor",
  "actress",
  "singer",
  "star",
  "head",
  "deputy",
  "prosecutor",
  "lawyer",
  "dean",
  "baroness",
  "baron",
  "count",
  "duke",
  "duchess",
  "pastor",
  "father",
  "councillor",
  "councilor",
  "alderman",
  "chair",
  "constable",
]);

/** Words that qualify a title ("Foreign", "Prime", "Army", "US") and are stripped with it. */
const TITLE_QUALIFIERS = new Set([
  "foreign",
  "prime",
  "special",
  "press",
  "army",
  "navy",
  "state",
  "defence",
  "defense",
  "interior",
  "home",
  "health",
  "finance",
  "treasury",
  "trade",
  "education",
  "energy",
  "economy",
  "acting",
  "former",
  "senior",
  "top",
  "national",
  "security",
  "first",
  "grand",
  "supreme",
  "vice",
  "deputy",
  "general",
  "executive",
  "managing",
  "crown",
  "interim",
  "opposition",
  "of",
  "the",
  "for",
  "and",
  "house",
  "white",
  "us",
  "u.s.",
  "uk",
  "eu",
  "un",
  "chief",
]);

const ARABIC_ARTICLE = /^(?:al|el|ad|as|ash|at|az|ul)[-‑\s]/u;

/** Lowercase, accent-free, article-free key for one name token: "Zelenskyy" → "zelenski". */
const foldCache = new Map<string, string>();

export function foldNameToken(token: string): string {
  const cached = foldCache.get(token);
  if (cached !== undefined) return cached;
  const folded = computeFold(token);
  if (foldCache.size < 100_000) foldCache.set(token, folded);
  return folded;
}

function computeFold(token: string): string {
  let t = token.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  t = t.replace(ARABIC_ARTICLE, "");
  t = t.replace(/['’`.\-‑]/g, "");
  t = t.replace(/y/g, "i").replace(/w/g, "v");
  t = t.replace(/(.)\1+/g, "$1");
  return t;
}

export function foldName(tokens: readonly string[]): string {
  return tokens.map(foldNameToken).filter(Boolean).join(" ");
}

export interface StrippedName {
  tokens: string[];
  role: string | null;
  hadTitle: boolean;
}

/** Splits "Russian Foreign Minister Sergei Lavrov" into role "Russian Foreign Minister" and name. */
export function stripTitles(tokens: readonly string[]): StrippedName {
  let last = -1;
  tokens.forEach((token, i) => {
    if (PERSON_TITLES.has(normalizeTitleToken(token))) last = i;
  });
  if (last < 0) return { tokens: [...tokens], role: null, hadTitle: false };
  const rest = tokens.slice(last + 1);
  while (rest.length > 0 && TITLE_QUALIFIERS.has(normalizeTitleToken(rest[0] ?? ""))) rest.shift();
  return { tokens: rest, role: tokens.slice(0, tokens.length - rest.length).join(" "), hadTitle: true };
}

export function normalizeTitleToken(token: string): string {
  return token.toLowerCase().replace(/\.$/, "");
}

export function isTitleWord(token: string): boolean {
  const t = normalizeTitleToken(token);
  return PERSON_TITLES.has(t) || TITLE_QUALIFIERS.has(t);
}

interface KnownName {
  name: string;
  kind: "organization" | "place";
}

// Abbreviations and alternative names that every newsroom uses for the same body or country.
const KNOWN_ALIASES: Record<string, KnownName> = {
  us: { name: "United States", kind: "place" },
  usa: { name: "United States", kind: "place" },
  "united states": { name: "United States", kind: "place" },
  "united states of america": { name: "United States", kind: "place" },
  america: { name: "United States", kind: "place" },
  uk: { name: "United Kingdom", kind: "place" },
  "united kingdom": { name: "United Kingdom", kind: "place" },
  britain: { name: "United Kingdom", kind: "place" },
  "great britain": { name: "United Kingdom", kind: "place" },
  uae: { name: "United Arab Emirates", kind: "place" },
  "united arab emirates": { name: "United Arab Emirates", kind: "place" },
  un: { name: "United Nations", kind: "organization" },
  "united nations": { name: "United Nations", kind: "organization" },
  eu: { name: "European Union", kind: "organization" },
  "european union": { name: "European Union", kind: "organization" },
  nato: { name: "NATO", kind: "organization" },
  isil: { name: "ISIL", kind: "organization" },
  isis: { name: "ISIL", kind: "organization" },
  "islamic state": { name: "ISIL", kind: "organization" },
  "al-qaeda": { name: "al-Qaeda", kind: "organization" },
  "al qaeda": { name: "al-Qaeda", kind: "organization" },
  "al-qaida": { name: "al-Qaeda", kind: "organization" },
  kremlin: { name: "Kremlin", kind: "organization" },
  "white house": { name: "White House", kind: "organization" },
  "downing street": { name: "Downing Street", kind: "organization" },
  pentagon: { name: "Pentagon", kind: "organization" },
  "state department": { name: "US State Department", kind: "organization" },
  "us state department": { name: "US State Department", kind: "organization" },
  reuters: { name: "Reuters", kind: "organization" },
  "associated press": { name: "Associated Press", kind: "organization" },
  ap: { name: "Associated Press", kind: "organization" },
  afp: { name: "AFP", kind: "organization" },
  axios: { name: "Axios", kind: "organization" },
  bloomberg: { name: "Bloomberg", kind: "organization" },
  "al jazeera": { name: "Al Jazeera", kind: "organization" },
  bbc: { name: "BBC", kind: "organization" },
  "bbc news": { name: "BBC", kind: "organization" },
  hamas: { name: "Hamas", kind: "organization" },
  hezbollah: { name: "Hezbollah", kind: "organization" },
  taliban: { name: "Taliban", kind: "organization" },
  congress: { name: "Congress", kind: "organization" },
  parliament: { name: "Parliament", kind: "organization" },
  "truth social": { name: "Truth Social", kind: "organization" },
  "european commission": { name: "European Commission", kind: "organization" },
  "gulf cooperation council": { name: "Gulf Cooperation Council", kind: "organization" },
  gcc: { name: "Gulf Cooperation Council", kind: "organization" },
  kyiv: { name: "Kyiv", kind: "place" },
  kiev: { name: "Kyiv", kind: "place" },
};

/** The canonical organisation or place for a well-known name or abbreviation, if any (asked of every span, so kept). */
export const lookupKnownName: (name: string) => KnownName | null = memoizeByString((name) => {
  const key = name
    .toLowerCase()
    .replace(/\./g, "")
    .replace(/^the\s+/, "")
    .replace(/\s+/g, " ")
    .trim();
  return KNOWN_ALIASES[key] ?? null;
});

/** Stable id fragment: "Volodymyr Zelenskyy" → "volodymyr-zelenskyy". */
export function slugifyName(name: string): string {
  const slug = name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return slug === "" ? "unnamed" : slug;
}

/** Levenshtein distance, bounded: returns max+1 as soon as the distance exceeds `max`. */
export function measureEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(value);
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}
