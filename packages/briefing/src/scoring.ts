// Scores each prose sentence of a storyline for how much of the storyline it carries:
// centrality (cosine to the storyline centroid), position in its story (news leads first),
// coverage of the storyline's salient entities, overlap with its story's title, and a few
// readability penalties (fragments, dangling pronouns, questions).
import type { EntityIndex } from "./entity-registry";
import type { PreparedSentence, PreparedStory } from "./prepared-stories";
import { type SparseVector, addVector, countTerms, dotProduct, keepTopTerms, normalizeVector, weightByIdf } from "./sparse-vectors";
import type { StorylineCluster } from "./storylines";

export interface ScoredSentence {
  story: PreparedStory;
  sentence: PreparedSentence;
  vector: SparseVector;
  entityIds: string[];
  score: number;
}

export interface SentenceIdf {
  idf: (term: string) => number;
}

const DANGLING_OPENER = /^[“"‘']?(?:he|she|it|they|this|that|these|those|but|and|so|however|meanwhile|also|his|her|their|its|there|then|yet|still|instead)\b/i;
const ENTITY_FEATURE_WEIGHT = 1.5;

/** IDF over every prose sentence of the input, shared by all storylines. */
export function buildSentenceIdf(stories: readonly PreparedStory[]): SentenceIdf {
  const df = new Map<string, number>();
  let n = 0;
  for (const story of stories) {
    for (const s of story.sentences) {
      if (!s.prose) continue;
      n++;
      for (const t of new Set(s.stems)) df.set(t, (df.get(t) ?? 0) + 1);
    }
  }
  return { idf: (t) => Math.log((n + 1) / ((df.get(t) ?? 0) + 0.5)) };
}

export function vectorizeSentence(sentence: PreparedSentence, entityIds: readonly string[], idf: SentenceIdf): SparseVector {
  const tf = weightByIdf(countTerms(sentence.stems), idf.idf);
  for (const id of entityIds) tf.set(`@${id}`, ENTITY_FEATURE_WEIGHT * 2);
  return normalizeVector(tf);
}

export function scoreStoryline(cluster: StorylineCluster, entities: EntityIndex, idf: SentenceIdf): ScoredSentence[] {
  const items: ScoredSentence[] = [];
  for (const story of cluster.stories) {
    for (const sentence of story.sentences) {
      if (!sentence.prose) continue;
      const entityIds = [...new Set((entities.bySentence.get(`${story.id}#${sentence.index}`) ?? []).map((m) => m.entityId))].sort();
      items.push({ story, sentence, vector: vectorizeSentence(sentence, entityIds, idf), entityIds, score: 0 });
    }
  }
  const centroid: SparseVector = new Map();
  for (const item of items) addVector(centroid, item.vector, 1 / Math.sqrt(1 + item.sentence.proseRank));
  const unit = normalizeVector(keepTopTerms(centroid, 400));

  // Entities mentioned across many stories of the storyline are its subject.
  const entityStories = new Map<string, Set<string>>();
  for (const item of items) {
    for (const id of item.entityIds) {
      const set = entityStories.get(id) ?? new Set<string>();
      set.add(item.story.id);
      entityStories.set(id, set);
    }
  }
  let maxCoverage = 0;
  const coverage = items.map((item) => {
    let c = 0;
    for (const id of item.entityIds) c += Math.log(1 + (entityStories.get(id)?.size ?? 0));
    maxCoverage = Math.max(maxCoverage, c);
    return c;
  });

  items.forEach((item, i) => {
    const centrality = dotProduct(item.vector, unit);
    const position = 1 / Math.sqrt(1 + item.sentence.proseRank);
    const entity = maxCoverage > 0 ? (coverage[i] ?? 0) / maxCoverage : 0;
    const title = measureTitleOverlap(item.sentence.stems, item.story.titleStems);
    let score = 0.4 * centrality + 0.3 * position + 0.15 * entity + 0.15 * title;
    score *= measureReadability(item.sentence);
    item.score = score;
  });
  return items.sort(compareScored);
}

export function compareScored(a: ScoredSentence, b: ScoredSentence): number {
  return b.score - a.score || (a.story.id < b.story.id ? -1 : a.story.id > b.story.id ? 1 : 0) || a.sentence.index - b.sentence.index;
}

function measureTitleOverlap(stems: readonly string[], titleStems: readonly string[]): number {
  if (titleStems.length === 0) return 0;
  const title = new Set(titleStems);
  let hit = 0;
  for (const t of new Set(stems)) if (title.has(t)) hit++;
  return hit / title.size;
}

function measureReadability(sentence: PreparedSentence): number {
  let factor = 1;
  if (sentence.words < 8) factor *= 0.6;
  else if (sentence.words > 55) factor *= 0.8;
  if (DANGLING_OPENER.test(sentence.text)) factor *= 0.8;
  if (/\?["”’]?$/.test(sentence.text)) factor *= 0.7;
  const quoted = sentence.text.match(/[“"][^”"]*[”"]/g)?.join("").length ?? 0;
  if (quoted > sentence.text.length * 0.7) factor *= 0.85;
  return factor;
}
