// Groups stories about the same event into storylines. Each story becomes a TF-IDF vector of
// title, lead and named entities; candidate pairs come from all pairs (or an inverted index on
// large inputs). Storylines are merged by average linkage — the mean similarity over every pair
// of their stories, discounted by how far apart the stories were published — so one shared
// famous name cannot chain different events together; the bar rises with the topic's size,
// since a broad topic holds many events in one domain.
import type { EntityIndex } from "../entities/entity-registry";
import type { PreparedStory } from "../text/prepared-stories";
import {
  IndexedVectors,
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

/** Cosine similarity between the centroids of two storylines needed to merge them. */
export const STORYLINE_THRESHOLD = 0.08;
/** Mean (date-discounted) similarity between two storylines' stories needed to merge them, for a small topic… */
const AVERAGE_LINK_THRESHOLD = 0.05;
/** …rising by this much for each e-fold of stories past SMALL_TOPIC (60 stories: ~0.1). */
const AVERAGE_LINK_SLOPE = 0.025;
const SMALL_TOPIC = 8;
/** Days over which a pair's similarity halves: one event's reports come out close together. */
const DATE_HALF_LIFE_DAYS = 60;
/** Pairs less similar than this are left out of the averages (counted as 0), keeping them sparse. */
const LINK_FLOOR = 0.01;
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
  // Each term's weight once, rather than once per story holding it.
  const idfOf = new Map<string, number>();
  for (const [t, count] of df) idfOf.set(t, Math.log((n + IDF_PRIOR_DOCS) / (count + 0.5)));
  const idf = (t: string): number => idfOf.get(t) ?? Math.log((n + IDF_PRIOR_DOCS) / 0.5);
  return raw.map((tf) => normalizeVector(keepTopTerms(weightByIdf(tf, idf), TOP_TERMS)));
}

export function clusterStories(
  stories: readonly PreparedStory[],
  vectors: readonly SparseVector[],
): StorylineCluster[] {
  const n = stories.length;
  const edges = findSimilarPairs(vectors);
  const days = stories.map((s) =>
    s.publishedAt !== null && s.reference !== null ? s.reference.getTime() / 86_400_000 : null,
  );

  // links.get(a).get(b): sum of date-discounted similarities between the stories of storylines a and b.
  const links = new Map<number, Map<number, number>>();
  const addLink = (a: number, b: number, w: number): void => {
    const la = links.get(a) ?? new Map<number, number>();
    la.set(b, (la.get(b) ?? 0) + w);
    links.set(a, la);
    const lb = links.get(b) ?? new Map<number, number>();
    lb.set(a, (lb.get(a) ?? 0) + w);
    links.set(b, lb);
  };
  for (const { a, b, sim } of edges) {
    const da = days[a];
    const db = days[b];
    const apart = da !== null && da !== undefined && db !== null && db !== undefined ? Math.abs(da - db) : 0;
    addLink(a, b, sim / (1 + apart / DATE_HALF_LIFE_DAYS));
  }
  const threshold = AVERAGE_LINK_THRESHOLD + AVERAGE_LINK_SLOPE * Math.max(0, Math.log(n / SMALL_TOPIC));

  const members = Array.from({ length: n }, (_, i) => [i]);
  const versions = new Array<number>(n).fill(0);
  const centroids = vectors.map((v) => new Map(v));
  // Candidate merges, best mean link first; an entry is stale once either side has grown.
  const queue = new MergeQueue();
  const offer = (a: number, b: number, sum: number): void => {
    const [x, y] = a < b ? [a, b] : [b, a];
    const avg = sum / ((members[x]?.length ?? 1) * (members[y]?.length ?? 1));
    if (avg >= threshold) queue.push({ avg, a: x, b: y, va: versions[x] ?? 0, vb: versions[y] ?? 0 });
  };
  for (const [a, la] of links) for (const [b, sum] of la) if (a < b) offer(a, b, sum);
  for (let next = queue.pop(); next; next = queue.pop()) {
    const { a: keep, b: drop } = next;
    if (next.va !== versions[keep] || next.vb !== versions[drop]) continue;
    const ck = centroids[keep] ?? new Map<string, number>();
    const cd = centroids[drop] ?? new Map<string, number>();
    // Centroid linkage as a second check: stories that are each a little like the other
    // storyline but about something else as a whole stay apart (retried if either grows).
    if (dotProduct(normalizeVector(ck), normalizeVector(cd)) < STORYLINE_THRESHOLD) continue;
    addVector(ck, cd);
    centroids[keep] = keepTopTerms(ck, CENTROID_TERMS);
    members[keep] = [...(members[keep] ?? []), ...(members[drop] ?? [])];
    members[drop] = [];
    versions[keep] = (versions[keep] ?? 0) + 1;
    versions[drop] = (versions[drop] ?? 0) + 1;
    const dropLinks = links.get(drop) ?? new Map<number, number>();
    links.delete(drop);
    for (const [other, sum] of dropLinks) {
      links.get(other)?.delete(drop);
      if (other !== keep) addLink(keep, other, sum);
    }
    links.get(keep)?.delete(keep);
    for (const [other, sum] of links.get(keep) ?? []) offer(keep, other, sum);
  }

  const clusters: StorylineCluster[] = [];
  members.forEach((list, root) => {
    if (list.length === 0) return;
    const sorted = [...list].sort((x, y) => x - y);
    const first = stories[sorted[0] ?? 0];
    if (!first) return;
    clusters.push({
      id: `storyline-${first.id}`,
      stories: sorted.map((i) => stories[i]).filter((s): s is PreparedStory => s !== undefined),
      centroid: normalizeVector(centroids[root] ?? new Map()),
    });
  });
  return clusters;
}

/** Pairs of stories with some similarity: every pair on a topic's usual size, else pairs sharing an indexed term. */
function findSimilarPairs(vectors: readonly SparseVector[]): Array<{ a: number; b: number; sim: number }> {
  const n = vectors.length;
  // Inverted index over each story's heaviest terms; very common terms are skipped for
  // candidate generation only, so the work stays near-linear in the number of stories.
  const postings = new Map<string, number[]>();
  if (n > ALL_PAIRS_LIMIT) {
    vectors.forEach((v, i) => {
      for (const t of keepTopTerms(v, INDEX_TERMS).keys()) {
        const list = postings.get(t) ?? [];
        list.push(i);
        postings.set(t, list);
      }
    });
  }
  const maxPosting = Math.max(30, Math.ceil(Math.sqrt(n) * 4));
  const edges: Array<{ a: number; b: number; sim: number }> = [];
  const seen = new Set<number>();
  const indexed = new IndexedVectors(vectors);
  for (let i = 0; i < n; i++) {
    const vi = vectors[i];
    if (!vi) continue;
    indexed.focus(i);
    // A topic's usual size: every pair is cheap, and stories about one event often share
    // many mid-weight terms rather than one rare one, which the index would miss.
    if (n <= ALL_PAIRS_LIMIT) {
      for (let j = i + 1; j < n; j++) {
        const sim = indexed.dot(j);
        if (sim >= LINK_FLOOR) edges.push({ a: i, b: j, sim });
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
        const sim = indexed.dot(j);
        if (sim >= LINK_FLOOR) edges.push({ a: i, b: j, sim });
      }
    }
  }
  return edges;
}

interface MergeCandidate {
  avg: number;
  a: number;
  b: number;
  /** Versions of a and b when offered; a merge bumps them, making older offers stale. */
  va: number;
  vb: number;
}

/** Binary max-heap of merge candidates; ties go to the lower indices, so the order is deterministic. */
class MergeQueue {
  private readonly heap: MergeCandidate[] = [];

  private before(x: MergeCandidate, y: MergeCandidate): boolean {
    return x.avg > y.avg || (x.avg === y.avg && (x.a < y.a || (x.a === y.a && x.b < y.b)));
  }

  push(item: MergeCandidate): void {
    const h = this.heap;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = h[parent];
      if (!p || !this.before(item, p)) break;
      h[i] = p;
      i = parent;
    }
    h[i] = item;
  }

  pop(): MergeCandidate | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length === 0 || !last) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = last;
      let at = -1;
      const hl = h[l];
      const hr = h[r];
      if (hl && this.before(hl, best)) {
        best = hl;
        at = l;
      }
      if (hr && this.before(hr, best)) {
        best = hr;
        at = r;
      }
      if (at < 0) break;
      h[i] = best;
      i = at;
    }
    h[i] = last;
    return top;
  }
}
