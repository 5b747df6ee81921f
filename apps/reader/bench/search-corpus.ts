// The search benchmark's newsroom: 100,000 stories generated here (no fixture text), with the
// word statistics of real news so a query matches a realistic share of stories, and a query
// set drawn from the same statistics. Deterministic: the same seed writes the same stories.
//
// How the text is made. Vocabulary: ~60,000 words from `an-array-of-english-words` (MIT),
// shuffled with the seed and given Zipf ranks (frequency ∝ 1/rank), so a few hundred words
// appear in most stories and the long tail in a few dozen; 45% of tokens are function words
// ("the", "of"…), as in English prose. Each story has a beat (one of 300 topics, themselves
// Zipf-sized) whose 30 words and 12 regular people recur in its stories — real words co-occur
// by subject, which is what makes a two-word query narrower than either word. Named entities
// (faker, MIT: 30,000 people, 2,000 places, 1,500 organisations, Zipf-popular) are mentioned
// in full, then by surname. Bodies run 150–1,200 tokens (median ~430, like wire copy), titles
// 6–12 words, one-sentence standfirsts; 2% are drafts and 1% removed, so filters bite.
import { createRequire } from "node:module";
import { Faker, en } from "@faker-js/faker";
import type { SearchInput } from "@dispatch/api";
import type { Db } from "@dispatch/db";

export const CORPUS_SEED = 20261201;
const VOCABULARY_SIZE = 60_000;
const TOPIC_COUNT = 300;
const PEOPLE_COUNT = 30_000;
const PLACE_COUNT = 2_000;
const ORG_COUNT = 1_500;
const SOURCE_COUNT = 40;
const FIRST_DAY = Date.UTC(2023, 0, 1);
const LAST_DAY = Date.UTC(2026, 10, 30);

// English function words, most frequent first (PostgreSQL's english configuration drops them).
const FUNCTION_WORDS =
  "the of and to a in that is was for on with as by at from it his he her she they their have has had be been were are not but or an this which who will would its after about than into over up out when could there what some so if no can all other our we them more most such only both".split(
    " ",
  );

/** Mulberry32: small, fast, seedable. */
export function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Draws a 0-based rank with probability ∝ 1/(rank+1)^exponent. */
function zipf(size: number, exponent: number): (random: () => number) => number {
  const cdf = new Float64Array(size);
  let sum = 0;
  for (let rank = 0; rank < size; rank += 1) {
    sum += 1 / (rank + 1) ** exponent;
    cdf[rank] = sum;
  }
  return (random) => {
    const target = random() * sum;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cdf[middle] ?? sum) < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [items[index], items[other]] = [items[other] as T, items[index] as T];
  }
  return items;
}

function unique(make: () => string, count: number): string[] {
  const seen = new Set<string>();
  for (let tries = 0; seen.size < count && tries < count * 20; tries += 1) seen.add(make());
  return [...seen];
}

export type Topic = {
  slug: string;
  name: string;
  words: string[];
  regulars: string[];
  place: string;
  org: string;
};

export type Corpus = {
  /** Content words by Zipf rank: vocabulary[0] is the most frequent. */
  vocabulary: string[];
  topics: Topic[];
  people: string[];
  places: string[];
  orgs: string[];
  sources: string[];
  writeStory: (n: number) => CorpusStory;
};

export type CorpusStory = {
  id: string;
  slug: string;
  title: string;
  dek: string;
  body: string;
  source: string;
  topic: Topic;
  publishedAt: Date | null;
  status: "published" | "draft";
  deleted: boolean;
};

export function createCorpus(seed = CORPUS_SEED): Corpus {
  const random = rng(seed);
  const require = createRequire(import.meta.url);
  const list: unknown = require("an-array-of-english-words");
  if (!Array.isArray(list)) throw new Error("an-array-of-english-words did not load as a list");
  const functionWords = new Set(FUNCTION_WORDS);
  const candidates = list.filter(
    (word): word is string =>
      typeof word === "string" && /^[a-z]{3,13}$/.test(word) && !functionWords.has(word),
  );
  const vocabulary = shuffle(candidates, random).slice(0, VOCABULARY_SIZE);

  const faker = new Faker({ locale: [en], seed });
  const people = unique(() => `${faker.person.firstName()} ${faker.person.lastName()}`, PEOPLE_COUNT);
  const places = unique(() => faker.location.city(), PLACE_COUNT);
  const orgs = unique(() => faker.company.name().replace(/[,-]/g, " ").replace(/\s+/g, " "), ORG_COUNT);
  const mastheads = ["Herald", "Courier", "Post", "Gazette", "Record", "Times", "Observer", "Chronicle"];
  const sources = unique(
    () => `${faker.location.city()} ${mastheads[Math.floor(random() * mastheads.length)] ?? "Post"}`,
    SOURCE_COUNT,
  );

  const pickPerson = zipf(people.length, 0.9);
  const pickPlace = zipf(places.length, 1);
  const pickOrg = zipf(orgs.length, 1);
  const topics: Topic[] = Array.from({ length: TOPIC_COUNT }, (_, index) => {
    // Beat names from the upper-middle of the vocabulary: specific, but not obscure.
    const nameWords = [
      vocabulary[300 + Math.floor(random() * 7700)],
      vocabulary[300 + Math.floor(random() * 7700)],
    ];
    const words = [...nameWords];
    while (words.length < 30) words.push(vocabulary[200 + Math.floor(random() * 30_000)]);
    const name = nameWords.join(" ");
    return {
      slug: `${name.replace(/\s+/g, "-")}-${index}`,
      name: name[0]?.toUpperCase() + name.slice(1),
      words: words.filter((word): word is string => word !== undefined),
      regulars: Array.from({ length: 12 }, () => people[pickPerson(random)] ?? "Ada Example"),
      place: places[pickPlace(random)] ?? "Springfield",
      org: orgs[pickOrg(random)] ?? "The Council",
    };
  });

  const pickWord = zipf(vocabulary.length, 1);
  const pickFunction = zipf(FUNCTION_WORDS.length, 1);
  const pickTopic = zipf(topics.length, 0.8);
  const pickTopicWord = zipf(30, 0.7);

  function writeStory(n: number): CorpusStory {
    const r = rng(seed ^ Math.imul(n + 1, 0x9e3779b1));
    const topic = topics[pickTopic(r)] as Topic;
    const cast = Array.from({ length: 1 + Math.floor(r() * 4) }, () =>
      r() < 0.6
        ? (topic.regulars[Math.floor(r() * topic.regulars.length)] ?? "")
        : (people[pickPerson(r)] ?? ""),
    );
    const where = [r() < 0.5 ? topic.place : (places[pickPlace(r)] ?? ""), places[pickPlace(r)] ?? ""];
    const who = [r() < 0.6 ? topic.org : (orgs[pickOrg(r)] ?? "")];
    const introduced = new Set<string>();
    const entity = () => {
      const kind = r();
      if (kind < 0.55) {
        const person = cast[Math.floor(r() * cast.length)] ?? "";
        if (introduced.has(person)) return person.split(" ").at(-1) ?? person;
        introduced.add(person);
        return person;
      }
      if (kind < 0.8) return where[Math.floor(r() * where.length)] ?? "";
      return who[0] ?? "";
    };
    const word = (functionShare: number) => {
      const kind = r();
      if (kind < functionShare) return FUNCTION_WORDS[pickFunction(r)] ?? "the";
      if (kind < functionShare + 0.11) return topic.words[pickTopicWord(r)] ?? "";
      return vocabulary[pickWord(r)] ?? "";
    };
    const sentence = (length: number, functionShare: number, entityChance: number) => {
      const tokens = Array.from({ length }, () => word(functionShare));
      if (r() < entityChance) tokens.splice(Math.floor(r() * tokens.length), 0, entity());
      if (r() < entityChance / 2) tokens.splice(Math.floor(r() * tokens.length), 0, entity());
      const text = tokens.join(" ");
      return text[0]?.toUpperCase() + text.slice(1);
    };

    // Log-normal length: median ~430 tokens, clamped to 150–1,200.
    const normal = Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
    const target = Math.min(1200, Math.max(150, Math.round(430 * Math.exp(0.45 * normal))));
    const paragraphs: string[] = [];
    let written = 0;
    while (written < target) {
      const sentences: string[] = [];
      for (let count = 2 + Math.floor(r() * 3); count > 0 && written < target; count -= 1) {
        const length = 8 + Math.floor(r() * 22);
        sentences.push(`${sentence(length, 0.45, 0.4)}.`);
        written += length;
      }
      paragraphs.push(sentences.join(" "));
    }
    const titleWords = [
      topic.words[pickTopicWord(r)] ?? "",
      ...Array.from({ length: 4 + Math.floor(r() * 6) }, () => word(0.2)),
    ];
    if (r() < 0.6) titleWords.splice(1 + Math.floor(r() * (titleWords.length - 1)), 0, entity());
    const title = titleWords.join(" ");
    const day = FIRST_DAY + Math.floor(r() * (LAST_DAY - FIRST_DAY));
    const state = r();
    return {
      id: `sc${n}`,
      slug: `search-corpus-${n}`,
      title: title[0]?.toUpperCase() + title.slice(1),
      dek: `${sentence(14 + Math.floor(r() * 12), 0.4, 0.7)}.`,
      body: paragraphs.join("\n\n"),
      source: sources[Math.floor(r() * sources.length)] ?? "",
      topic,
      publishedAt: state < 0.005 ? null : new Date(day),
      status: state > 0.98 ? "draft" : "published",
      deleted: state > 0.97 && state <= 0.98,
    };
  }

  return { vocabulary, topics, people, places, orgs, sources, writeStory };
}

/** Inserts `count` stories (and their sources, topics and approved tags) in batches. */
export async function seedSearchCorpus(
  db: Db,
  corpus: Corpus,
  count: number,
  onProgress?: (done: number) => void,
) {
  await db.$executeRaw`INSERT INTO "Source" (id, name) SELECT 'scs' || i, s FROM unnest(${corpus.sources}::text[]) WITH ORDINALITY AS t(s, i)`;
  await db.$executeRaw`INSERT INTO "Topic" (id, slug, name, "updatedAt")
    SELECT 'sct' || i, slug, name, now() FROM unnest(${corpus.topics.map((t) => t.slug)}::text[], ${corpus.topics.map((t) => t.name)}::text[]) WITH ORDINALITY AS t(slug, name, i)`;
  const sourceIds = new Map(corpus.sources.map((name, index) => [name, `scs${index + 1}`]));
  const topicIds = new Map(corpus.topics.map((topic, index) => [topic.slug, `sct${index + 1}`]));
  // Parsing bodies into tsvectors (the trigger) is most of the cost: two batches in flight
  // keep both cores busy while the next batch is written.
  const BATCH = 500;
  const insertBatch = async (stories: CorpusStory[]) => {
    await db.$executeRaw`
      INSERT INTO "Story" (id, slug, title, dek, body, original, "originalFormat", "sourceId", "publishedAt", "contentHash", status, "deletedAt", "updatedAt")
      SELECT id, slug, title, dek, body, body, 'text', source, published::timestamp, 'search-corpus-' || id, status::"StoryStatus",
        CASE WHEN deleted THEN now() END, now()
      FROM unnest(
        ${stories.map((s) => s.id)}::text[], ${stories.map((s) => s.slug)}::text[], ${stories.map((s) => s.title)}::text[],
        ${stories.map((s) => s.dek)}::text[], ${stories.map((s) => s.body)}::text[],
        ${stories.map((s) => sourceIds.get(s.source) ?? null)}::text[],
        ${stories.map((s) => s.publishedAt?.toISOString() ?? null)}::text[],
        ${stories.map((s) => s.status)}::text[], ${stories.map((s) => s.deleted)}::boolean[]
      ) AS t(id, slug, title, dek, body, source, published, status, deleted)`;
    await db.$executeRaw`
      INSERT INTO "StoryTopic" ("storyId", "topicId", origin, status)
      SELECT s, t, 'manual'::"TagOrigin", 'approved'::"TagStatus"
      FROM unnest(${stories.map((s) => s.id)}::text[], ${stories.map((s) => topicIds.get(s.topic.slug) ?? null)}::text[]) AS x(s, t)`;
  };
  const inFlight = new Set<Promise<void>>();
  let done = 0;
  for (let start = 0; start < count; start += BATCH) {
    const stories = Array.from({ length: Math.min(BATCH, count - start) }, (_, index) =>
      corpus.writeStory(start + index),
    );
    const insert: Promise<void> = insertBatch(stories).then(() => {
      inFlight.delete(insert);
      done += stories.length;
      onProgress?.(done);
    });
    inFlight.add(insert);
    if (inFlight.size >= 2) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  await db.$executeRaw`VACUUM ANALYZE "Story"`.catch(() => db.$executeRaw`ANALYZE "Story"`);
  await db.$executeRaw`ANALYZE "StoryTopic"`;
}

/** One query of the benchmark: what the search service takes, and which kind of query it is. */
export type SearchQuery = SearchInput & { kind: string };

/**
 * The query set, drawn from the corpus's own statistics so its spread is known: single words
 * at three frequency bands (common: Zipf ranks 150–1,000, matching ~2–10% of stories; medium:
 * 1,000–8,000; rare: 8,000–60,000, a few dozen stories), people's names typed plainly and as
 * "phrases", places, two and three words of one beat (they co-occur, as real queries do),
 * beat names as phrases, A OR B, and word -exclusion. Every third query adds a filter (source,
 * topic or a one-year date range) and every seventh asks for page 2–4, as readers do.
 */
export function chooseSearchQueries(corpus: Corpus, count: number, seed = CORPUS_SEED + 1): SearchQuery[] {
  const r = rng(seed);
  const between = (low: number, high: number) => low + Math.floor(r() * (high - low));
  const word = (low: number, high: number) => corpus.vocabulary[between(low, high)] ?? "";
  const topic = () => corpus.topics[Math.floor(r() ** 2 * corpus.topics.length)] as Topic;
  const person = () => corpus.people[Math.floor(r() ** 3 * corpus.people.length)] ?? "";
  const kinds: [string, () => string][] = [
    ["common word", () => word(150, 1000)],
    ["medium word", () => word(1000, 8000)],
    ["rare word", () => word(8000, 60_000)],
    ["name", () => person()],
    ['"name"', () => `"${person()}"`],
    ["place", () => corpus.places[Math.floor(r() ** 2 * corpus.places.length)] ?? ""],
    [
      "2 beat words",
      () => {
        const t = topic();
        return `${t.words[between(0, 10)]} ${t.words[between(2, 30)]}`;
      },
    ],
    [
      "3 words",
      () => {
        const t = topic();
        return `${t.words[between(0, 10)]} ${t.words[between(2, 30)]} ${t.regulars[0]?.split(" ").at(-1)}`;
      },
    ],
    ['"beat"', () => `"${topic().name.toLowerCase()}"`],
    ["A OR B", () => `${word(1000, 20_000)} OR ${word(1000, 20_000)}`],
    [
      "A -B",
      () => {
        const t = topic();
        return `${t.words[between(0, 5)]} -${t.words[between(5, 30)]}`;
      },
    ],
    ["common -medium", () => `${word(150, 1000)} -${word(1000, 8000)}`],
  ];
  return Array.from({ length: count }, (_, index) => {
    const [kind, make] = kinds[index % kinds.length] as [string, () => string];
    const filter = index % 3 === 2 ? between(0, 3) : -1;
    const year = between(2023, 2027);
    return {
      kind,
      q: make(),
      page: index % 7 === 3 ? between(2, 5) : 1,
      pageSize: 10,
      ...(filter === 0 ? { source: corpus.sources[between(0, corpus.sources.length)] } : {}),
      ...(filter === 1 ? { topic: topic().slug } : {}),
      ...(filter === 2
        ? { from: new Date(Date.UTC(year, 0, 1)), to: new Date(Date.UTC(year, 11, 31, 23, 59, 59)) }
        : {}),
    };
  });
}
