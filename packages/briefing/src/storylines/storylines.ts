// Groups stories about the same event into storylines. Each story becomes a TF-IDF vector of
// title, lead and named entities; candidate pairs come from an inverted index (no all-pairs
// pass), and pairs are merged strongest first while the merged centroids stay similar.
import type { EntityIndex } from "../entities/entity-registry";
import type { PreparedStory } from "../text/prepared-stories";
import {
  type SparseVector,
  addVector,
  countTerms,
  dotProduct,
  keepTopTerms,
  normalizeVector,
  weightByIdf,
} from "../text/sparse-vectors";

export interface StorylineCluster {
  id: string;
  stories: PreparedStory[];
  centroid: SparseVector;
}

/** Cosine similarity needed to put two stories (or two storylines) together. */
export const STORYLINE_THRESHOLD = 0.08;
const TOP_TERMS = 80;
const INDEX_TERMS = 25;
/** Up to this many stories every pair is compared; beyond it an inverted index proposes pairs. */
const ALL_PAIRS_LIMIT = 300;
const CENTROID_TERMS = 300;
const LEAD_SENTENCES = 6;
const IDF_PRIOR_DOCS = 10;
const BODY_WEIGHT = 1;
const ENTITY_WEIGHT = 2;

export function buildStoryVectors(stories: readonly PreparedStory[], entities: EntityIndex): SparseVector[] {
  const raw = stories.map((story) => {
    const tf: SparseVector = new Map();
    countTerms(story.titleStems, 3, tf);
    let lead = 0;
    for (const s of story.sentences) {
      if (!s.prose) continue;
      countTerms(s.stems, lead < LEAD_SENTENCES ? 2 : BODY_WEIGHT, tf);
      lead++;
      for (const m of entities.bySentence.get(`${story.id}#${s.index}`) ?? []) {
        tf.set(`@${m.entityId}`, (tf.get(`@${m.entityId}`) ?? 0) + ENTITY_WEIGHT);
      }
    }
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of raw) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = stories.length;
  // Pseudo-documents keep IDF from punishing shared terms when only a handful of stories
  // are given (with two stories, every shared word would otherwise look common).
  const idf = (t: string): number => Math.log((n + IDF_PRIOR_DOCS) / ((df.get(t) ?? 0) + 0.5));
  return raw.map((tf) => normalizeVector(keepTopTerms(weightByIdf(tf, idf), TOP_TERMS)));
}

export function clusterStories(stories: readonly PreparedStory[], vectors: readonly SparseVector[]): StorylineCluster[] {
  const n = stories.length;
  // Inverted index over each story's heaviest terms; very common terms are skipped for
  // candidate generation only, so the work stays near-linear in the number of stories.
  const postings = new Map<string, number[]>();
  vectors.forEach((v, i) => {
    for (const t of keepTopTerms(v, INDEX_TERMS).keys()) {
      const list = postings.get(t) ?? [];
      list.push(i);
      postings.set(t, list);
    }
  });
  const maxPosting = Math.max(30, Math.ceil(Math.sqrt(n) * 4));
  const edges: Array<{ a: number; b: number; sim: number }> = [];
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) {
    const vi = vectors[i];
    if (!vi) continue;
    // A topic's usual size: every pair is cheap, and stories about one event often share
    // many mid-weight terms rather than one rare one, which the index would miss.
    if (n <= ALL_PAIRS_LIMIT) {
      for (let j = i + 1; j < n; j++) {
        const vj = vectors[j];
        if (!vj) continue;
        const sim = dotProduct(vi, vj);
        if (sim >= STORYLINE_THRESHOLD) edges.push({ a: i, b: j, sim });
      }
      continue;
    }
    seen.clear();
    for (const t of keepTopTerms(vi, INDEX_TERMS).keys()) {
      const list = postings.get(t);
      if (!list || list.length > maxPosting) continue;
      for (const j of list) {
        if (j <= i || seen.has(j)) continue;
        seen.add(j);
        const vj = vectors[j];
        if (!vj) continue;
        const sim = dotProduct(vi, vj);
        if (sim >= STORYLINE_THRESHOLD) edges.push({ a: i, b: j, sim });
      }
    }
  }
  edges.sort((x, y) => y.sim - x.sim || x.a - y.a || x.b - y.b);

  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r] ?? r;
    return r;
  };
  const centroids = vectors.map((v) => new Map(v));
  const sizes = vectors.map(() => 1);
  for (const { a, b } of edges) {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) continue;
    const ca = centroids[ra];
    const cb = centroids[rb];
    if (!ca || !cb) continue;
    // Centroid linkage keeps chains of loosely related stories from collapsing into one.
    if (dotProduct(normalizeVector(ca), normalizeVector(cb)) < STORYLINE_THRESHOLD) continue;
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    parent[drop] = keep;
    const merged = centroids[keep] ?? new Map();
    addVector(merged, centroids[drop] ?? new Map());
    centroids[keep] = keepTopTerms(merged, CENTROID_TERMS);
    sizes[keep] = (sizes[keep] ?? 1) + (sizes[drop] ?? 1);
  }

  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const list = groups.get(r) ?? [];
    list.push(i);
    groups.set(r, list);
  }
  const clusters: StorylineCluster[] = [];
  for (const [root, members] of groups) {
    const first = stories[members[0] ?? 0];
    if (!first) continue;
    clusters.push({
      id: `storyline-${first.id}`,
      stories: members.map((i) => stories[i]).filter((s): s is PreparedStory => s !== undefined),
      centroid: normalizeVector(centroids[root] ?? new Map()),
    });
  }
  return clusters;
}
