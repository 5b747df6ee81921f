// Publishers the cleaner recognises by domain, by name in a title suffix, or by house style.
// A short table plus generic rules: unknown outlets still come through from metadata or URL.

type Outlet = {
  name: string;
  /** Registrable domains; subdomains match too. */
  domains: string[];
  /** Other ways the outlet is written (title suffixes, og:site_name). */
  aliases: string[];
};

const OUTLETS: Outlet[] = [
  {
    name: "BBC",
    domains: ["bbc.co.uk", "bbc.com"],
    aliases: ["BBC News", "BBC Sport", "BBC World Service", "BBC Newsround"],
  },
  {
    name: "Al Jazeera",
    domains: ["aljazeera.com", "aljazeera.net"],
    aliases: ["Al Jazeera English", "Aljazeera"],
  },
  { name: "Reuters", domains: ["reuters.com"], aliases: ["Thomson Reuters"] },
  { name: "Associated Press", domains: ["apnews.com", "ap.org"], aliases: ["AP News", "AP"] },
  { name: "AFP", domains: ["afp.com"], aliases: ["Agence France-Presse"] },
  { name: "The Guardian", domains: ["theguardian.com", "guardian.co.uk"], aliases: ["Guardian"] },
  { name: "The New York Times", domains: ["nytimes.com"], aliases: ["New York Times", "NYT"] },
  { name: "The Washington Post", domains: ["washingtonpost.com"], aliases: ["Washington Post"] },
  { name: "The Wall Street Journal", domains: ["wsj.com"], aliases: ["Wall Street Journal", "WSJ"] },
  { name: "Financial Times", domains: ["ft.com"], aliases: ["FT"] },
  { name: "Bloomberg", domains: ["bloomberg.com"], aliases: [] },
  { name: "CNN", domains: ["cnn.com"], aliases: [] },
  { name: "NPR", domains: ["npr.org"], aliases: [] },
  { name: "Sky News", domains: ["news.sky.com", "sky.com"], aliases: [] },
  { name: "The Independent", domains: ["independent.co.uk"], aliases: ["Independent"] },
  { name: "The Telegraph", domains: ["telegraph.co.uk"], aliases: ["Telegraph"] },
  { name: "The Economist", domains: ["economist.com"], aliases: [] },
  { name: "Politico", domains: ["politico.com", "politico.eu"], aliases: ["POLITICO"] },
  { name: "Axios", domains: ["axios.com"], aliases: [] },
  { name: "Deutsche Welle", domains: ["dw.com"], aliases: ["DW"] },
  { name: "France 24", domains: ["france24.com"], aliases: ["FRANCE 24"] },
  { name: "Euronews", domains: ["euronews.com"], aliases: [] },
  { name: "The Kyiv Independent", domains: ["kyivindependent.com"], aliases: ["Kyiv Independent"] },
];

const BY_LOWER_NAME = new Map<string, string>();
for (const outlet of OUTLETS) {
  for (const alias of [outlet.name, ...outlet.aliases]) BY_LOWER_NAME.set(alias.toLowerCase(), outlet.name);
}

/** Canonical outlet name for a known name or alias ("BBC News" → "BBC"), else null. */
export function findOutletByName(name: string): string | null {
  return BY_LOWER_NAME.get(name.trim().toLowerCase()) ?? null;
}

/** Canonical name when known, else the name as written (trimmed). */
export function normalizeOutletName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, " ");
  return findOutletByName(trimmed) ?? findOutletByName(trimmed.replace(/^the\s+/i, "")) ?? trimmed;
}

/** Outlet from a URL's host: the table first, else the bare host ("example.org"). */
export function findOutletByUrl(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  host = host.replace(/^www\./, "");
  for (const outlet of OUTLETS) {
    if (outlet.domains.some((domain) => host === domain || host.endsWith(`.${domain}`))) return outlet.name;
  }
  return host === "" ? null : host;
}

/**
 * Al Jazeera ends titles with "| <section> News" ("| Russia-Ukraine war News"), a house style
 * no other outlet in the table uses, so the suffix alone identifies it.
 */
export function findOutletByTitleSuffixStyle(suffix: string): string | null {
  return /^\|\s+[\p{L}\p{N}'’ -]+ News$/u.test(suffix.trim()) ? "Al Jazeera" : null;
}

const VERIFIED_CLAIM =
  /\b((?:[\p{Lu}][\p{L}&]*\s){0,3}?[\p{Lu}][\p{L}&]*) has not (?:been able to )?independently verified\b/u;
const POSSESSIVE_REPORTER =
  /\b([\p{Lu}][\p{L}]*(?:\s[\p{Lu}][\p{L}]*){0,2})['’]s? ([\p{Lu}][\p{L}'-]+ [\p{Lu}][\p{L}'-]+)/gu;
const REPORTING_FROM =
  /\bReporting from [^,]{2,40}, ([\p{Lu}][\p{L}]*(?:\s[\p{Lu}][\p{L}]*){0,2})['’]s? [\p{Lu}]/u;

/**
 * Outlets name themselves in their own copy: "BBC News has not independently verified…",
 * "Reporting from Moscow, Al Jazeera's Yulia Shapovalova…". Returns the outlet and the clue.
 */
export function findOutletInText(text: string): { source: string; clue: string } | null {
  const verified = VERIFIED_CLAIM.exec(text);
  if (verified?.[1]) return { source: normalizeOutletName(verified[1]), clue: verified[0] };

  const reporting = REPORTING_FROM.exec(text);
  if (reporting?.[1]) return { source: normalizeOutletName(reporting[1]), clue: reporting[0] };

  // A known outlet's own correspondent ("Al Jazeera's Kimberly Halkett"); unknown possessives
  // ("Ukraine's Andriy Yermak") are ordinary prose.
  for (const match of text.matchAll(POSSESSIVE_REPORTER)) {
    const outlet = match[1] ? findOutletByName(match[1]) : null;
    if (outlet) return { source: outlet, clue: match[0] };
  }
  return null;
}
