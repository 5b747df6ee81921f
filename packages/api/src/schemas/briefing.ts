// The Briefing JSON as it leaves the server: mirrors @dispatch/briefing's types, so a
// change in the engine cannot leak a field the pages do not expect.
import { z } from "zod";

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
      // Briefings stored before the engine dated points and marked superseded facts have neither.
      asOf: z.string().nullable().default(null),
      supersededBy: z
        .object({
          kind: disagreementKind,
          pointId: z.string().nullable(),
          citations: z.array(citation),
          source: z.string(),
          asOf: z.string().nullable(),
          description: z.string(),
        })
        .nullable()
        .default(null),
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
      // Briefings stored before the engine said what a date was read against have none.
      basis: z.enum(["published", "uploaded", "reference"]).nullable().default(null),
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
  // Older stored briefings list no disagreements.
  disagreements: z
    .array(
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
    )
    .default([]),
  changes: z
    .object({
      previousEngineVersion: z.string().nullable(),
      newStoryIds: z.array(z.string()),
      newPointIds: z.array(z.string()),
      newStorylineIds: z.array(z.string()),
      newSources: z.array(z.string()),
      removedPointCount: z.number().int(),
      supersededFacts: z
        .array(z.object({ pointId: z.string(), text: z.string(), description: z.string() }))
        .default([]),
    })
    .nullable(),
  checks: z.object({
    ok: z.boolean(),
    results: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string() })),
    counts: z.record(z.string(), z.number()),
    timings: z.record(z.string(), z.number()).optional(),
  }),
  summary: z.string(),
  diagnostics: z.array(
    z.object({
      level: z.enum(["info", "warning"]),
      code: z.string(),
      message: z.string(),
      storyId: z.string().optional(),
    }),
  ),
});

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
