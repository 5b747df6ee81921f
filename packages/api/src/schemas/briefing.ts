// The stored briefing's one shape: the engine's `Briefing` as a zod schema. Stored versions
// are parsed against it (services/briefing-store.ts, after upgrading older formats) and the
// routers send it out. The schema and the engine's type are tied both ways below, so a field
// added to one and not the other fails the type check instead of being dropped or cast.
import { z } from "zod";
import type { Briefing } from "@dispatch/briefing";

const citation = z.object({
  storyId: z.string(),
  sentenceIndex: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
});
const mode = z.enum(["extractive", "abstractive"]);
const disagreementKind = z.enum(["number", "date", "attribution", "status"]);

const entity = z.object({
  id: z.string(),
  kind: z.enum(["person", "organization", "place"]),
  name: z.string(),
  aliases: z.array(z.string()),
  roles: z.array(z.string()),
  mentions: z.number().int(),
  stories: z.array(z.object({ storyId: z.string(), count: z.number().int() })),
  storyIds: z.array(z.string()),
});

export const briefingSchema = z.object({
  engineVersion: z.string(),
  headline: z.string(),
  headlineStoryId: z.string().nullable(),
  overview: z.array(z.object({ text: z.string(), mode, citations: z.array(citation) })),
  storylines: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      title: z.string(),
      storyIds: z.array(z.string()),
      pointIds: z.array(z.string()),
      sources: z.array(z.string()),
    }),
  ),
  points: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      mode,
      storylineId: z.string(),
      score: z.number(),
      citations: z.array(citation),
      sourceCount: z.number().int(),
      singleSource: z.boolean(),
      context: z.enum(["resolved", "joined"]).optional(),

      asOf: z.string().nullable(),
      supersededBy: z
        .object({
          kind: disagreementKind,
          pointId: z.string().nullable(),
          citations: z.array(citation),
          source: z.string(),
          asOf: z.string().nullable(),
          description: z.string(),
        })
        .nullable(),
    }),
  ),
  people: z.array(entity),
  organizations: z.array(entity),
  places: z.array(entity),
  timeline: z.array(
    z.object({
      date: z.string().nullable(),
      precision: z.enum(["day", "week", "month", "year"]).nullable(),
      dateText: z.string(),
      resolution: z.enum(["absolute", "relative", "unresolved"]),
      basis: z.enum(["published", "uploaded", "reference"]).nullable(),
      text: z.string(),
      storylineId: z.string(),
      citations: z.array(citation),
    }),
  ),
  quotes: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      speaker: z.object({ entityId: z.string().nullable(), name: z.string() }).nullable(),
      storylineId: z.string(),
      citation,
    }),
  ),
  sources: z.array(z.object({ name: z.string(), stories: z.number().int(), storyIds: z.array(z.string()) })),
  disagreements: z.array(
    z.object({
      id: z.string(),
      kind: disagreementKind,
      storylineId: z.string(),
      pointIds: z.array(z.string()),
      sides: z.array(
        z.object({ source: z.string(), value: z.string(), citation, asOf: z.string().nullable() }),
      ),
      description: z.string(),
    }),
  ),
  changes: z
    .object({
      previousEngineVersion: z.string().nullable(),
      newStoryIds: z.array(z.string()),
      newPointIds: z.array(z.string()),
      newStorylineIds: z.array(z.string()),
      newSources: z.array(z.string()),
      removedPointCount: z.number().int(),
      supersededFacts: z.array(z.object({ pointId: z.string(), text: z.string(), description: z.string() })),
    })
    .nullable(),
  checks: z.object({
    ok: z.boolean(),
    results: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string() })),
    counts: z.object({
      stories: z.number().int(),
      sentences: z.number().int(),
      storylines: z.number().int(),
      points: z.number().int(),
      citations: z.number().int(),
      leaningPoints: z.number().int(),
      quotes: z.number().int(),
      timelineEvents: z.number().int(),
      people: z.number().int(),
      organizations: z.number().int(),
      places: z.number().int(),
    }),
    timings: z.record(z.string(), z.number()).optional(),
  }),
  summary: z.string(),
  diagnostics: z.array(
    z.object({
      level: z.enum(["info", "warning"]),
      code: z.enum([
        "NO_STORIES",
        "INVALID_STORY",
        "STORYLINES_OMITTED",
        "DUPLICATE_ID",
        "EMPTY_STORY",
        "NO_SENTENCES",
        "TRUNCATED",
        "NON_ENGLISH",
        "BAD_DATE",
        "NER_BUDGET",
      ]),
      message: z.string(),
      storyId: z.string().optional(),
    }),
  ),
}) satisfies z.ZodType<Briefing, Briefing>;

// And exactly it: `satisfies` alone would let an optional field the engine adds go missing
// here (and be stripped from every stored version). Identical types or a type error.
type Identical<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const schemaIsTheEngineShape: Identical<z.output<typeof briefingSchema>, Briefing> = true;
void schemaIsTheEngineShape;

/**
 * A cited sentence as the build read it: `sentence` is sentence `sentenceIndex` of the story
 * body (characters `start`–`end`), with the sentences either side for context. Stored with
 * each version, so showing a citation's source never splits a body again.
 */
export const citedPassageSchema = z.object({
  storyId: z.string(),
  sentenceIndex: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
  before: z.string(),
  sentence: z.string(),
  after: z.string(),
});
export type CitedPassage = z.output<typeof citedPassageSchema>;

/** A story as a briefing page needs it to show and link its citations. */
export const briefingStorySchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  source: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: z.date().nullable(),
});

export const briefingVersionSchema = z.object({
  version: z.number().int(),
  createdAt: z.date(),
  storyCount: z.number().int(),
  engineVersion: z.string(),
  timings: z.record(z.string(), z.number()),
});

/** What changed between two versions, as readers may see it (removed stories already left out). */
export const briefingDiffSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  addedPoints: z.array(z.object({ text: z.string(), sourceCount: z.number().int() })),
  removedPoints: z.array(z.object({ text: z.string() })),
  addedStorylines: z.array(z.string()),
  removedStorylines: z.array(z.string()),
  addedSources: z.array(z.string()),
  addedStoryIds: z.array(z.string()),
  removedStoryIds: z.array(z.string()),
});
