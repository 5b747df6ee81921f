// The tagger fallback: names our rules could not type go through compromise's full tagger,
// on short windows around their first mention, most frequent first, within a budget, because
// the tagger costs ~15 ms per story.
import nlp from "compromise";
import { foldName } from "./canonical-names";
import { BoundedCache } from "../text/bounded-cache";
import type { PreparedStory } from "../text/prepared-stories";
import type { EntityKind } from "../types";

/** What the fallback reads and writes of a mention (body offsets). */
export interface TaggableMention {
  storyId: string;
  sentenceIndex: number;
  start: number;
  end: number;
  tokens: string[];
  kind: EntityKind | null;
}

// Runs compromise once over short windows around the first mention of each still-unknown
// name, most frequent names first, up to the budget. Returns true when names were left
// unclassified for lack of budget.
export function classifyWithTagger(
  stories: readonly PreparedStory[],
  mentions: TaggableMention[],
  budget: number,
): boolean {
  const pending = new Map<string, TaggableMention[]>();
  for (const m of mentions) {
    if (m.kind !== null) continue;
    const key = foldName(m.tokens);
    const list = pending.get(key);
    if (list) list.push(m);
    else pending.set(key, [m]);
  }
  if (pending.size === 0) return false;
  // Names seen once are rarely what a briefing lists, and the tagger costs ~30 µs a character:
  // only repeated names are worth it.
  const order = [...pending.entries()]
    .filter(([, group]) => group.length >= 2)
    .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  const chosen = order.slice(0, Math.max(0, budget));
  const storyById = new Map(stories.map((s) => [s.id, s]));
  // Windows of a few words around each name are enough context and keep the tagger cheap;
  // one tagger call over all windows avoids its per-call set-up cost.
  const windows: Array<{ group: TaggableMention[]; first: TaggableMention; bodyFrom: number }> = [];
  const parts: string[] = [];
  for (const [, group] of chosen) {
    const first = group[0];
    const story = first ? storyById.get(first.storyId) : undefined;
    const sentence = first ? story?.sentences[first.sentenceIndex] : undefined;
    if (!first || !story || !sentence) continue;
    const from = Math.max(
      sentence.start,
      story.body.lastIndexOf(" ", Math.max(sentence.start, first.start - TAGGER_WINDOW)),
    );
    const toSpace = story.body.indexOf(" ", Math.min(sentence.end, first.end + TAGGER_WINDOW));
    const to = toSpace < 0 || toSpace > sentence.end ? sentence.end : toSpace;
    const text = story.body.slice(from, to).replace(/\n/g, " ");
    windows.push({ group, first, bodyFrom: from });
    parts.push(text);
  }
  // Windows tagged in an earlier build come from the cache; the rest go through one call.
  const hitsByWindow = windows.map((_, i) => TAGGER_CACHE.get(parts[i] ?? ""));
  const missing = windows.map((_, i) => i).filter((i) => hitsByWindow[i] === undefined);
  if (missing.length > 0) {
    const offsets: number[] = [];
    let at = 0;
    for (const i of missing) {
      offsets.push(at);
      at += (parts[i] ?? "").length + WINDOW_SEPARATOR.length;
    }
    const found = tagText(missing.map((i) => parts[i] ?? "").join(WINDOW_SEPARATOR));
    missing.forEach((i, k) => {
      const from = offsets[k] ?? 0;
      const length = (parts[i] ?? "").length;
      const hits = found
        .filter((h) => h.start >= from && h.end <= from + length)
        .map((h) => ({ ...h, start: h.start - from, end: h.end - from }));
      hitsByWindow[i] = hits;
      TAGGER_CACHE.set(parts[i] ?? "", hits);
    });
  }
  windows.forEach((window, i) => {
    for (const hit of hitsByWindow[i] ?? []) {
      const start = window.bodyFrom + hit.start;
      const end = window.bodyFrom + hit.end;
      if (window.first.kind === null && start < window.first.end && window.first.start < end) {
        for (const m of window.group) m.kind = hit.kind;
      }
    }
  });
  return order.length > chosen.length;
}

const TAGGER_WINDOW = 30;
const TAGGER_CACHE = new BoundedCache<Array<{ start: number; end: number; kind: EntityKind }>>(20_000);
const WINDOW_SEPARATOR = "\n\n";
// compromise reads `false` as "leave it out", though its types list `terms` only as an object.
const OFFSETS_ONLY = { offset: true, text: false, terms: false } as unknown as Parameters<
  ReturnType<typeof nlp>["json"]
>[0];

function tagText(text: string): Array<{ start: number; end: number; kind: EntityKind }> {
  const doc = nlp(text);
  const out: Array<{ start: number; end: number; kind: EntityKind }> = [];
  const collect = (items: unknown, kind: EntityKind): void => {
    if (!Array.isArray(items)) return;
    for (const item of items) {
      const offset = (item as { offset?: { start?: unknown; length?: unknown } }).offset;
      if (typeof offset?.start !== "number" || typeof offset.length !== "number") continue;
      out.push({ start: offset.start, end: offset.start + offset.length, kind });
    }
  };
  // Offsets only: people's own json() would also parse every name (first, last, gender),
  // working out the document's offsets again for each person.
  collect(doc.people().toView(null).json(OFFSETS_ONLY), "person");
  collect(doc.organizations().json(OFFSETS_ONLY), "organization");
  collect(doc.places().json(OFFSETS_ONLY), "place");
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
