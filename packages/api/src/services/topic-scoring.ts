// Scores how well a story fits each topic — keyword rules, shared names, and similarity to
// the topic's current stories — with a reason a person can read. Pure: the caller loads
// the topics' stories; the same code serves the worker and the tagging evaluation.
import type { StoryProfile } from "@dispatch/briefing";

export type TopicRules = {
  id: string;
  slug: string;
  name: string;
  aliases: readonly string[];
  includeTerms: readonly string[];
  excludeTerms: readonly string[];
  ruleSources: readonly string[];
  autoApprove: boolean;
};

export type TopicModel = TopicRules & {
  /** Profiles of the topic's current (approved) stories. */
  stories: readonly StoryProfile[];
};

export type StoryToScore = { title: string; body: string; source: string | null; profile: StoryProfile };

export type TopicScore = {
  topicId: string;
  slug: string;
  confidence: number;
  /** "mentions 'envoy', 'Witkoff'; close to 2 stories in envoy" */
  reason: string;
  /** The keyword rule matched (an include term, no exclude term, an allowed source). */
  ruleMatched: boolean;
  autoApprove: boolean;
};

/** Suggestions below this confidence are not stored. */
export const SUGGESTION_THRESHOLD = 0.3;
/** A topic story at least this similar counts as "close". */
const CLOSE_SIMILARITY = 0.3;

/** Inverse document frequency over every topic's stories: rare stems say more. */
export function buildIdf(topics: readonly TopicModel[]): (stem: string) => number {
  const documentFrequency = new Map<string, number>();
  let documents = 0;
  for (const topic of topics) {
    for (const story of topic.stories) {
      documents += 1;
      for (const stem of Object.keys(story.stems))
        documentFrequency.set(stem, (documentFrequency.get(stem) ?? 0) + 1);
    }
  }
  return (stem) => Math.log((documents + 1) / ((documentFrequency.get(stem) ?? 0) + 1)) + 1;
}

type Vector = Map<string, number>;

function toVector(profile: StoryProfile, idf: (stem: string) => number): Vector {
  const vector: Vector = new Map();
  let norm = 0;
  for (const [stem, count] of Object.entries(profile.stems)) {
    const weight = (1 + Math.log(count)) * idf(stem);
    vector.set(stem, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [stem, weight] of vector) vector.set(stem, weight / norm);
  return vector;
}

function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, weight] of small) sum += weight * (large.get(term) ?? 0);
  return sum;
}

/** Prepared once per batch: each topic's story vectors and centroid. */
export type PreparedTopics = {
  idf: (stem: string) => number;
  /** How many stories across all topics mention each name: a name every topic shares says little. */
  nameTotals: Map<string, number>;
  topics: { model: TopicModel; vectors: Vector[]; centroid: Vector; nameCounts: Map<string, number> }[];
};

export function prepareTopics(topics: readonly TopicModel[]): PreparedTopics {
  const idf = buildIdf(topics);
  const nameTotals = new Map<string, number>();
  for (const topic of topics)
    for (const story of topic.stories)
      for (const name of Object.keys(story.names)) nameTotals.set(name, (nameTotals.get(name) ?? 0) + 1);
  return {
    idf,
    nameTotals,
    topics: topics.map((model) => {
      const vectors = model.stories.map((story) => toVector(story, idf));
      const centroid: Vector = new Map();
      for (const vector of vectors)
        for (const [term, weight] of vector) centroid.set(term, (centroid.get(term) ?? 0) + weight);
      let norm = 0;
      for (const weight of centroid.values()) norm += weight * weight;
      norm = Math.sqrt(norm) || 1;
      for (const [term, weight] of centroid) centroid.set(term, weight / norm);
      const nameCounts = new Map<string, number>();
      for (const story of model.stories)
        for (const name of Object.keys(story.names)) nameCounts.set(name, (nameCounts.get(name) ?? 0) + 1);
      return { model, vectors, centroid, nameCounts };
    }),
  };
}

/** The terms that occur in the text as whole words (case-insensitive). */
export function findTerms(text: string, terms: readonly string[]): string[] {
  const found: string[] = [];
  for (const term of terms) {
    const trimmed = term.trim();
    if (!trimmed) continue;
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${trimmed.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`,
      "iu",
    );
    if (pattern.test(text)) found.push(trimmed);
  }
  return found;
}

/** Every topic's score for one story, best first (all topics, including weak ones). */
export function scoreStory(story: StoryToScore, prepared: PreparedTopics): TopicScore[] {
  const text = `${story.title}\n${story.body}`;
  const vector = toVector(story.profile, prepared.idf);
  const scores: TopicScore[] = [];
  for (const { model, vectors, centroid, nameCounts } of prepared.topics) {
    const termHits = findTerms(text, [model.name, ...model.aliases, ...model.includeTerms]);
    const excluded = findTerms(text, model.excludeTerms);
    const sourceAllowed =
      model.ruleSources.length === 0 || (story.source !== null && model.ruleSources.includes(story.source));
    const ruleMatched =
      findTerms(text, model.includeTerms).length > 0 && excluded.length === 0 && sourceAllowed;

    const similarity = vectors.length > 0 ? cosine(vector, centroid) : 0;
    const close = vectors.filter((other) => cosine(vector, other) >= CLOSE_SIMILARITY).length;
    // A shared name counts by how much of its coverage is in this topic.
    const shared = Object.entries(story.profile.names)
      .map(([key, display]) => ({
        display,
        inTopic: nameCounts.get(key) ?? 0,
        specificity: (nameCounts.get(key) ?? 0) / (prepared.nameTotals.get(key) ?? 1),
      }))
      .filter((name) => name.inTopic > 0)
      .sort(
        (a, b) => b.specificity * b.inTopic - a.specificity * a.inTopic || a.display.localeCompare(b.display),
      );
    const sharedNames = shared.filter((name) => name.specificity >= 0.5).map((name) => name.display);
    const nameWeight = shared.reduce(
      (sum, name) => sum + name.specificity * Math.min(1, name.inTopic / 2),
      0,
    );

    // Independent kinds of evidence combine like probabilities: each closes part of the gap.
    const termEvidence = termHits.length === 0 ? 0 : termHits.length === 1 ? 0.45 : 0.65;
    const similarityEvidence = Math.min(0.9, similarity * 2.5);
    const nameEvidence = Math.min(0.4, nameWeight * 0.08);
    let confidence = 1 - (1 - termEvidence) * (1 - similarityEvidence) * (1 - nameEvidence);
    if (excluded.length > 0) confidence *= 0.3;
    if (!sourceAllowed) confidence *= 0.5;

    const mentions = [...termHits.map((term) => `‘${term}’`), ...sharedNames.slice(0, 3)];
    const reasonParts: string[] = [];
    if (mentions.length > 0) reasonParts.push(`mentions ${[...new Set(mentions)].slice(0, 5).join(", ")}`);
    if (close > 0)
      reasonParts.push(`close to ${close} ${close === 1 ? "story" : "stories"} in ${model.slug}`);
    else if (similarity > 0.1) reasonParts.push(`${Math.round(similarity * 100)}% similar to ${model.slug}`);
    if (excluded.length > 0)
      reasonParts.push(`but mentions excluded ${excluded.map((term) => `‘${term}’`).join(", ")}`);

    scores.push({
      topicId: model.id,
      slug: model.slug,
      confidence: Math.round(confidence * 1000) / 1000,
      reason: reasonParts.join("; ") || "no shared terms",
      ruleMatched,
      autoApprove: model.autoApprove && ruleMatched,
    });
  }
  return scores.sort((a, b) => b.confidence - a.confidence || a.slug.localeCompare(b.slug));
}
