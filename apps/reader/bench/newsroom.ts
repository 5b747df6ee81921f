// The benchmark's synthetic newsroom: 50 topics (10 places × 5 subjects) and stories written
// from templated sentences of our own, deterministic for a given story number.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { TestDatabase } from "@dispatch/db/testing";
import { startBuiltApp } from "@dispatch/ui/testing";

// A small deterministic generator: the same run always writes the same stories.
function rng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
export const PLACES = [
  "Ardmoor",
  "Belthorpe",
  "Calderwick",
  "Dunmere",
  "Eskholt",
  "Farrowby",
  "Glenhallow",
  "Hartsey",
  "Inverlode",
  "Kestwick",
];
export const SUBJECTS = [
  { name: "port strike", org: "Dockworkers' Union", thing: "the container terminal", verb: "walked out" },
  { name: "river flood", org: "River Authority", thing: "the flood barrier", verb: "evacuated homes" },
  { name: "tram budget", org: "City Council", thing: "the tram extension", verb: "approved funding" },
  {
    name: "data breach",
    org: "Digital Regulator",
    thing: "the customer database",
    verb: "opened an inquiry",
  },
  {
    name: "hospital waiting lists",
    org: "Health Board",
    thing: "the surgical wing",
    verb: "published figures",
  },
];
export const PEOPLE = [
  "Mara Holt",
  "Idris Penrose",
  "Sunniva Dahl",
  "Tobiah Crane",
  "Leona Marsh",
  "Oskar Brandt",
  "Priya Nandakumar",
  "Elias Ferro",
  "Greta Lindqvist",
  "Samir Haddou",
  "Wren Achterberg",
  "Nils Ambrose",
];
export const SOURCES = [
  "Northgate Herald",
  "Coastal Courier",
  "Valley Record",
  "Civic Wire",
  "Morning Ledger",
  "Harbour Post",
  "City Bulletin",
  "Regional Voice",
];
export const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

export type Theme = { slug: string; name: string; place: string; subject: (typeof SUBJECTS)[number] };
export const THEMES: Theme[] = PLACES.flatMap((place) =>
  SUBJECTS.map((subject) => ({
    slug: `${place}-${subject.name}`.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
    name: `${place} ${subject.name}`,
    place,
    subject,
  })),
);

export function writeStory(theme: Theme, index: number) {
  const random = rng(index * 7919 + 17);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const person = pick(PEOPLE);
  const other = pick(PEOPLE);
  const day = pick(DAYS);
  const number = 10 + Math.floor(random() * 900);
  const { place, subject } = theme;
  const sentences = [
    `Officials in ${place} said on ${day} that ${subject.thing} would stay closed for at least ${number} hours.`,
    `The ${subject.org} ${subject.verb} after talks with ${person} ended without agreement.`,
    `${person}, who has led the response since the spring, told reporters the situation was "serious but under control".`,
    `Residents of ${place} gathered outside the town hall on ${day} evening to demand answers about ${subject.thing}.`,
    `According to figures released by the ${subject.org}, ${number} people have been affected so far.`,
    `${other} said the ${subject.name} had exposed years of underinvestment in ${place}.`,
    `"We will not accept another delay," said ${other}, speaking for a group of local businesses.`,
    `A review of ${subject.thing} is expected to report before the end of the month.`,
    `Opposition councillors called for an independent inquiry into how the ${subject.name} was handled.`,
    `The ${subject.org} said it would publish a full timeline on ${pick(DAYS)}.`,
    `Neighbouring towns have offered help, and volunteers from ${pick(PLACES)} arrived on ${pick(DAYS)}.`,
    `Insurers estimate the cost of the ${subject.name} at ${number} million euros.`,
  ];
  const body: string[] = [];
  for (let paragraph = 0; paragraph < 5; paragraph += 1) {
    body.push([pick(sentences), pick(sentences), pick(sentences)].join(" "));
  }
  return {
    title: `${place} ${subject.name}: ${subject.org} ${subject.verb} as ${person} ${pick(["speaks out", "faces questions", "sets deadline", "meets officials"])} (${index})`,
    dek: `${sentences[0]} ${sentences[4]}`,
    body: [sentences[0], sentences[1], ...body].join("\n\n"),
    byline: [pick(PEOPLE)],
    source: pick(SOURCES),
    publishedAt: new Date(
      Date.UTC(2026, 8, 1) + Math.floor(random() * 60) * 86_400_000 + Math.floor(random() * 86_400_000),
    ),
  };
}

/** Seeds the given themes (all 50 unless told) with storiesPerTopic stories each. */
export async function seedNewsroom(database: TestDatabase, storiesPerTopic: number, themes = THEMES) {
  const { db } = database;
  const sources = new Map<string, string>();
  for (const name of SOURCES) sources.set(name, (await db.source.create({ data: { name } })).id);
  for (const [themeIndex, theme] of themes.entries()) {
    const topic = await db.topic.create({
      data: {
        slug: theme.slug,
        name: theme.name,
        description: `The ${theme.subject.name} in ${theme.place}.`,
      },
    });
    const rows = Array.from({ length: storiesPerTopic }, (_, index) => {
      const n = themeIndex * storiesPerTopic + index;
      const story = writeStory(theme, n);
      return {
        id: `bench${String(n).padStart(6, "0")}`,
        slug: `bench-${theme.slug}-${index}`,
        title: story.title,
        dek: story.dek,
        body: story.body,
        original: story.body,
        originalFormat: "text",
        byline: story.byline,
        sourceId: sources.get(story.source) ?? null,
        publishedAt: story.publishedAt,
        contentHash: `bench-${n}`,
      };
    });
    await db.story.createMany({ data: rows });
    await db.storyTopic.createMany({
      data: rows.map((row) => ({
        storyId: row.id,
        topicId: topic.id,
        origin: "manual" as const,
        status: "approved" as const,
      })),
    });
  }
}

const readerDir = fileURLToPath(new URL("..", import.meta.url));

/** A production build of the reader for a bench run (skipped with --no-build), timed. */
export function buildReader(): void {
  const started = performance.now();
  const build = spawnSync("npx", ["next", "build"], {
    cwd: readerDir,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error("next build failed");
  console.log(`built the reader in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

/** The built reader on the bench's database. */
export function startBenchReader(databaseUrl: string, env: Record<string, string> = {}) {
  return startBuiltApp("reader", {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: "bench-only-secret-0123456789abcdef0123456789",
    ...env,
  });
}
