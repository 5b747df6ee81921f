// Short labels for storylines: the most distinctive two-word phrase of the storyline's
// titles and leads ("Peace plan") and its most distinctive people or bodies.
import type { PreparedStory } from "../text/prepared-stories";
import { STOPWORDS, stemWord, tokenizeWords } from "../text/text-tokens";
import type { Entity } from "../types";

const LEAD_SENTENCES = 3;

export interface LabelInput {
  stories: readonly PreparedStory[];
  /** Entities of this storyline with their mention count inside it, most salient first. */
  entities: readonly Entity[];
}

/** Phrase document frequencies over all stories, so a label names what sets a storyline apart. */
export function countPhraseStories(stories: readonly PreparedStory[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const story of stories) for (const p of new Set(collectPhrases(story).keys())) df.set(p, (df.get(p) ?? 0) + 1);
  return df;
}

export function labelStoryline(input: LabelInput, phraseDf: Map<string, number>, totalStories: number): string {
  const counts = new Map<string, { stories: number; surface: string }>();
  for (const story of input.stories) {
    for (const [key, surface] of collectPhrases(story)) {
      const entry = counts.get(key);
      if (entry) entry.stories++;
      else counts.set(key, { stories: 1, surface });
    }
  }
  let best: { key: string; surface: string; score: number } | null = null;
  for (const [key, { stories, surface }] of counts) {
    if (stories < Math.min(2, input.stories.length)) continue;
    const idf = Math.log((totalStories + 1) / ((phraseDf.get(key) ?? 0) + 0.5));
    const score = stories * (1 + idf);
    if (!best || score > best.score || (score === best.score && key < best.key)) best = { key, surface, score };
  }
  const names = input.entities.slice(0, 2).map((e) => e.name);
  const phrase = best ? best.surface.charAt(0).toUpperCase() + best.surface.slice(1) : null;
  if (phrase && names.length > 0) return `${phrase}: ${names.join(", ")}`;
  if (phrase) return phrase;
  if (names.length > 0) return names.join(", ");
  return input.stories[0]?.title ?? "Storyline";
}

// Adjacent lowercase content-word pairs from the title and lead; names are left to entities.
function collectPhrases(story: PreparedStory): Map<string, string> {
  const phrases = new Map<string, string>();
  const texts = [story.title];
  let n = 0;
  for (const s of story.sentences) {
    if (!s.prose) continue;
    texts.push(s.text);
    if (++n >= LEAD_SENTENCES) break;
  }
  for (const text of texts) {
    for (const clause of text.split(/[,.;:!?()“”"‘’|–—]/u)) {
      const raw = clause.split(/\s+/).filter(Boolean);
      const words = tokenizeWords(clause);
      if (words.length !== raw.length) continue;
      for (let i = 0; i + 1 < words.length; i++) {
        const a = words[i] ?? "";
        const b = words[i + 1] ?? "";
        const ra = raw[i] ?? "";
        const rb = raw[i + 1] ?? "";
        if (STOPWORDS.has(a) || STOPWORDS.has(b) || /\d/.test(a + b) || a.length < 3 || b.length < 3) continue;
        if (/^\p{Lu}/u.test(rb) || (/^\p{Lu}/u.test(ra) && i > 0)) continue;
        const key = `${stemWord(a)} ${stemWord(b)}`;
        if (!phrases.has(key)) phrases.set(key, `${a} ${b}`);
      }
    }
  }
  return phrases;
}
