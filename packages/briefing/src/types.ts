// Public shapes of the briefing engine: what goes in (stories, options) and the plain-JSON
// `Briefing` that comes out. Everything here must survive JSON.stringify unchanged.

/** One story as the engine receives it; `body` is clean text, paragraphs split by newlines. */
export interface StoryInput {
  id: string;
  title: string;
  body: string;
  source?: string | null;
  /** ISO 8601 date or date-time; relative dates in the story are resolved against it. */
  publishedAt?: string | null;
  /** ISO 8601 date-time the story reached us (upload or ingest); relative dates fall back to it when there is no `publishedAt`. */
  uploadedAt?: string | null;
}

/** Which writer produced a sentence: copied from a source, or rewritten by a model. */
export type WritingMode = "extractive" | "abstractive";

/** A span of a story body: `body.slice(start, end)` is sentence `sentenceIndex` of `splitSentences(body)` (or a part of it). */
export interface Citation {
  storyId: string;
  sentenceIndex: number;
  start: number;
  end: number;
}

export interface Point {
  id: string;
  /** The cited text, made to read alone; words in [square brackets] are ours (a name a pronoun stood for). */
  text: string;
  /** How it was made to read alone: a pronoun resolved to a bracketed name, or the sentence before it joined on. */
  context?: "resolved" | "joined";
  mode: WritingMode;
  storylineId: string;
  score: number;
  /** Every source sentence that supports the point, one per story at most per sentence. */
  citations: Citation[];
  /** Number of independent outlets (distinct `source`, or distinct story when the source is unknown). */
  sourceCount: number;
  singleSource: boolean;
  /** Publication time (or, without one, upload time) of the newest story the point cites; null when none is known. */
  asOf: string | null;
  /** Set when a newer story updates the point's fact: the point no longer leads, and this says what replaced it. */
  supersededBy: Supersession | null;
}

/** A newer report that updates a point's fact (a higher toll, a meeting that has now happened). */
export interface Supersession {
  kind: DisagreementKind;
  /** The point that now carries the newer fact, when one does. */
  pointId: string | null;
  /** The newer source sentence. */
  citations: Citation[];
  source: string;
  asOf: string | null;
  /** One line for a reader: "Al Jazeera (26 November) reports 140 killed; BBC had reported 104 killed". */
  description: string;
}

export type DisagreementKind = "number" | "date" | "attribution" | "status";

export interface DisagreementSide {
  /** Outlet name ("Unknown source" when the story has none). */
  source: string;
  /** The differing words as written ("at least 140 people were killed", "on Tuesday", "a ministry spokesman"). */
  value: string;
  citation: Citation;
  asOf: string | null;
}

/** Two stories of one storyline reporting the same fact differently; each side cited. */
export interface Disagreement {
  id: string;
  kind: DisagreementKind;
  storylineId: string;
  /** Points citing either side. */
  pointIds: string[];
  sides: DisagreementSide[];
  /** One line for a reader: "BBC says 104 killed; Al Jazeera says 140 killed". */
  description: string;
}

export interface CitedSentence {
  text: string;
  mode: WritingMode;
  citations: Citation[];
}

export interface Storyline {
  id: string;
  label: string;
  /** Title of the story most central to the storyline. */
  title: string;
  storyIds: string[];
  /** Ids of this storyline's points, best first; the points themselves are in `Briefing.points`. */
  pointIds: string[];
  sources: string[];
}

export type EntityKind = "person" | "organization" | "place";

export interface EntityStoryCount {
  storyId: string;
  count: number;
}

export interface Entity {
  id: string;
  kind: EntityKind;
  name: string;
  /** Other surface forms seen for the same entity (spelling variants, surname-only, abbreviations). */
  aliases: string[];
  /** Titles and roles seen before the name ("President", "US envoy to Syria"). */
  roles: string[];
  mentions: number;
  stories: EntityStoryCount[];
  storyIds: string[];
}

export type DatePrecision = "day" | "week" | "month" | "year";

export type DateBasis = "published" | "uploaded" | "reference";

export interface TimelineEvent {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY` depending on precision; null when it cannot be resolved. */
  date: string | null;
  precision: DatePrecision | null;
  /** The date words exactly as written in the story. */
  dateText: string;
  /** absolute: written with a year; relative: resolved against a date of the story (see `basis`); unresolved: no date to resolve against. */
  resolution: "absolute" | "relative" | "unresolved";
  /** What a relative date was resolved against: the story's publication date, the time it was uploaded (it had no publication date), or the caller's `referenceDate`; null when not relative. */
  basis: DateBasis | null;
  text: string;
  storylineId: string;
  citations: Citation[];
}

export interface Quote {
  id: string;
  /** Exactly the characters between the quote marks in the source body. */
  text: string;
  speaker: { entityId: string | null; name: string } | null;
  storylineId: string;
  citation: Citation;
}

export interface SourceCount {
  name: string;
  stories: number;
  storyIds: string[];
}

export interface BriefingChanges {
  previousEngineVersion: string | null;
  newStoryIds: string[];
  newPointIds: string[];
  newStorylineIds: string[];
  newSources: string[];
  removedPointCount: number;
  /** Facts superseded in this version that the previous one still led with (or did not have). */
  supersededFacts: Array<{ pointId: string; text: string; description: string }>;
}

export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

export interface BriefingChecks {
  ok: boolean;
  results: CheckResult[];
  counts: {
    stories: number;
    sentences: number;
    storylines: number;
    points: number;
    citations: number;
    /** Points and overview sentences that still lean on context the reader never saw (goal 0). */
    leaningPoints: number;
    quotes: number;
    timelineEvents: number;
    people: number;
    organizations: number;
    places: number;
  };
  /** Milliseconds per pipeline stage; present only when `options.now` is given. */
  timings?: Record<string, number>;
}

export interface Diagnostic {
  level: "info" | "warning";
  code:
    | "NO_STORIES"
    | "INVALID_STORY"
    | "STORYLINES_OMITTED"
    | "DUPLICATE_ID"
    | "EMPTY_STORY"
    | "NO_SENTENCES"
    | "TRUNCATED"
    | "NON_ENGLISH"
    | "BAD_DATE"
    | "NER_BUDGET";
  message: string;
  storyId?: string;
}

export interface Briefing {
  engineVersion: string;
  headline: string;
  /** Story whose title the headline came from, when it came from one. */
  headlineStoryId: string | null;
  overview: CitedSentence[];
  storylines: Storyline[];
  /** All kept points, best first overall; each names its storyline. */
  points: Point[];
  people: Entity[];
  organizations: Entity[];
  places: Entity[];
  timeline: TimelineEvent[];
  quotes: Quote[];
  sources: SourceCount[];
  /** Facts the outlets report differently (numbers, dates, who said it, status). */
  disagreements: Disagreement[];
  changes: BriefingChanges | null;
  checks: BriefingChecks;
  summary: string;
  diagnostics: Diagnostic[];
}

export interface BriefingOptions {
  /** Word limit of `summary` (default 250). */
  words?: number;
  /** The briefing this one replaces; fills `changes`. */
  previous?: Briefing | null;
  /** Injectable clock (ms); when given, `checks.timings` is filled. Never read otherwise. */
  now?: () => number;
  /** Points kept per storyline (default 8). */
  pointsPerStoryline?: number;
  /** Storylines shown, largest first (default 25); smaller ones are counted in a diagnostic. */
  maxStorylines?: number;
  /** Timeline events kept (default 20). */
  maxTimelineEvents?: number;
  /** Quotes kept (default 12). */
  maxQuotes?: number;
  /** Characters of a body used; the rest is ignored with a diagnostic (default 60,000). */
  maxCharsPerStory?: number;
  /** Repeated names the rules cannot place that the compromise tagger may classify per build, each in a short window (default 80); the rest are left out. */
  nerSentenceBudget?: number;
  /** Fallback reference date (ISO) for stories without `publishedAt`; default none (no date is invented). */
  referenceDate?: string | null;
}
