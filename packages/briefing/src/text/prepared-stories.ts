// Validates and normalises the input stories: drops duplicate ids, sorts by id so input
// order cannot change the output, cuts over-long bodies, splits sentences and marks which
// ones are prose (citable as points) and which are captions or page furniture.
import { cleanTitle, isBoilerplateLine, isBoilerplateSentence } from "./boilerplate";
import { BoundedCache } from "./bounded-cache";
import { splitSentences } from "./sentences";
import { countWords, getContentStems, measureEnglishShare } from "./text-tokens";
import type { DateBasis, Diagnostic, StoryInput } from "../types";

export interface PreparedSentence {
  index: number;
  start: number;
  end: number;
  text: string;
  prose: boolean;
  /** 0 for the first prose sentence of the story, 1 for the next… (-1 when not prose). */
  proseRank: number;
  words: number;
  stems: string[];
}

export interface PreparedStory {
  id: string;
  title: string;
  body: string;
  source: string | null;
  /** Identity used to count independent outlets. */
  sourceKey: string;
  publishedAt: string | null;
  /** UTC midnight-independent instant used for relative dates, or null. */
  reference: Date | null;
  /** Where `reference` came from: publishedAt, else uploadedAt, else the caller's referenceDate. */
  referenceBasis: DateBasis | null;
  sentences: PreparedSentence[];
  titleStems: string[];
  proseCount: number;
}

export interface PrepareOptions {
  maxCharsPerStory: number;
  referenceDate: string | null;
}

export function prepareStories(
  stories: readonly StoryInput[],
  options: PrepareOptions,
  diagnostics: Diagnostic[],
): PreparedStory[] {
  const seen = new Set<string>();
  const unique: StoryInput[] = [];
  for (const story of stories) {
    if (seen.has(story.id)) {
      diagnostics.push({
        level: "warning",
        code: "DUPLICATE_ID",
        message: `story id "${story.id}" appears more than once; the first copy is used`,
        storyId: story.id,
      });
      continue;
    }
    seen.add(story.id);
    unique.push(story);
  }
  unique.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const fallback = parseReference(options.referenceDate ?? null);
  return unique.map((story) => prepareStory(story, options, fallback, diagnostics));
}

function prepareStory(
  story: StoryInput,
  options: PrepareOptions,
  fallback: Date | null,
  diagnostics: Diagnostic[],
): PreparedStory {
  let body = typeof story.body === "string" ? story.body : "";
  if (body.length > options.maxCharsPerStory) {
    diagnostics.push({
      level: "warning",
      code: "TRUNCATED",
      message: `story "${story.id}" has ${body.length} characters; only the first ${options.maxCharsPerStory} are used`,
      storyId: story.id,
    });
    body = body.slice(0, options.maxCharsPerStory);
  }
  const title = cleanTitle(typeof story.title === "string" ? story.title : "");
  const publishedAt =
    typeof story.publishedAt === "string" && story.publishedAt.trim() !== ""
      ? story.publishedAt.trim()
      : null;
  let reference = parseReference(publishedAt);
  if (publishedAt !== null && reference === null) {
    diagnostics.push({
      level: "warning",
      code: "BAD_DATE",
      message: `story "${story.id}" has publishedAt "${publishedAt}", which is not an ISO date; its relative dates are left unresolved`,
      storyId: story.id,
    });
  }
  let referenceBasis: DateBasis | null = reference ? "published" : null;
  // A story without a publication date is dated by when it reached us, and says so.
  const uploaded = typeof story.uploadedAt === "string" ? parseReference(story.uploadedAt.trim()) : null;
  if (reference === null && uploaded !== null) [reference, referenceBasis] = [uploaded, "uploaded"];
  if (reference === null && fallback !== null) [reference, referenceBasis] = [fallback, "reference"];
  const source = typeof story.source === "string" && story.source.trim() !== "" ? story.source.trim() : null;
  const sentences = markSentences(body);
  const proseCount = sentences.filter((s) => s.prose).length;
  if (body.trim() === "") {
    diagnostics.push({
      level: "warning",
      code: "EMPTY_STORY",
      message: `story "${story.id}" has an empty body`,
      storyId: story.id,
    });
  } else if (proseCount === 0) {
    diagnostics.push({
      level: "warning",
      code: "NO_SENTENCES",
      message: `story "${story.id}" has no sentences of prose (only headings, captions or fragments)`,
      storyId: story.id,
    });
  } else if (countWords(body) >= 30 && measureEnglishShare(body) < 0.12) {
    diagnostics.push({
      level: "info",
      code: "NON_ENGLISH",
      message: `story "${story.id}" does not look like English; names, dates and quotes are extracted with English rules and may be missed`,
      storyId: story.id,
    });
  }
  return {
    id: story.id,
    title,
    body,
    source,
    sourceKey: source !== null ? `source:${source.toLowerCase()}` : `story:${story.id}`,
    publishedAt,
    reference,
    referenceBasis,
    sentences,
    titleStems: getContentStems(title),
    proseCount,
  };
}

// A body's sentences depend only on the body: a topic rebuilt with the same stories splits and
// stems each body once. The sentences are shared between builds and never changed.
const SENTENCE_CACHE = new BoundedCache<PreparedSentence[]>(5_000);

function markSentences(body: string): PreparedSentence[] {
  let sentences = SENTENCE_CACHE.get(body);
  if (sentences === undefined) {
    sentences = splitAndMark(body);
    SENTENCE_CACHE.set(body, sentences);
  }
  return sentences;
}

function splitAndMark(body: string): PreparedSentence[] {
  const lineStarts: number[] = [0];
  for (let i = body.indexOf("\n"); i >= 0; i = body.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  let line = 0;
  let proseRank = 0;
  const noiseByLine = new Map<number, boolean>();
  return splitSentences(body).map((span, index) => {
    while (line + 1 < lineStarts.length && (lineStarts[line + 1] ?? Infinity) <= span.start) line++;
    let noise = noiseByLine.get(line);
    if (noise === undefined) {
      const from = lineStarts[line] ?? 0;
      const nextStart = lineStarts[line + 1];
      noise = isBoilerplateLine(body.slice(from, nextStart === undefined ? body.length : nextStart - 1));
      noiseByLine.set(line, noise);
    }
    const words = countWords(span.text);
    const prose = !noise && words >= 4 && !isBoilerplateSentence(span.text);
    return {
      index,
      start: span.start,
      end: span.end,
      text: span.text,
      prose,
      proseRank: prose ? proseRank++ : -1,
      words,
      stems: getContentStems(span.text),
    };
  });
}

function parseReference(value: string | null): Date | null {
  if (value === null) return null;
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const ms = Date.parse(value.length === 10 ? `${value}T12:00:00Z` : value);
  return Number.isNaN(ms) ? null : new Date(ms);
}
