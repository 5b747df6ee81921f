// Short labels for storylines, as a sub-editor would write them: the storyline's most central,
// most supported lead sentence compressed to a few words ("Negotiators reach tentative
// agreement"); else the most central story's title; else its most distinctive phrase.
import { rankLeadSentences, writeStorylineHeadline } from "./headline-compression";
import type { PreparedStory } from "../text/prepared-stories";
import { STOPWORDS, stemWord, tokenizeWords } from "../text/text-tokens";
import type { Entity } from "../types";

const LEAD_SENTENCES = 3;
const LABEL_WORDS = 8;

export interface LabelInput {
  stories: readonly PreparedStory[];
  /** Entities of this storyline with their mention count inside it, most salient first. */
  entities: readonly Entity[];
}

/** Phrase document frequencies over all stories, so a label names what sets a storyline apart. */
export function countPhraseStories(stories: readonly PreparedStory[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const story of stories)
    for (const p of new Set(collectPhrases(story).keys())) df.set(p, (df.get(p) ?? 0) + 1);
  return df;
}

/**
 * The storyline's label. `taken` holds the labels (lowercased) already given to other
 * storylines of the briefing; the label returned is added to it, so no two are the same.
 */
export function labelStoryline(
  input: LabelInput,
  phraseDf: Map<string, number>,
  totalStories: number,
  taken: Set<string> = new Set(),
): string {
  const label = chooseLabel(input, phraseDf, totalStories, taken);
  taken.add(label.toLowerCase());
  return label;
}

/** A story title without the outlet's section suffix ("… | Russia-Ukraine war News"). */
export function cleanTitle(title: string): string {
  return title
    .replace(/\s+[|–—-]\s+[^|–—-]{1,60}$/u, (suffix) =>
      /\b(?:News|BBC|Reuters|AP)\b/u.test(suffix) ? "" : suffix,
    )
    .trim();
}

function chooseLabel(
  input: LabelInput,
  phraseDf: Map<string, number>,
  totalStories: number,
  taken: ReadonlySet<string>,
): string {
  const free = (label: string | null | undefined): label is string =>
    !!label && !taken.has(label.toLowerCase());
  const compressed = writeStorylineHeadline(input.stories, LABEL_WORDS, taken)?.text;
  if (free(compressed)) return compressed;
  const centralStory = rankLeadSentences(input.stories)[0]?.story ?? input.stories[0];
  const title = centralStory ? cleanTitle(centralStory.title) : "";
  if (free(title)) return title;
  const phrase = findDistinctivePhrase(input, phraseDf, totalStories);
  if (free(phrase)) return phrase;
  const base = compressed ?? (title || phrase || "Storyline");
  const name = input.entities.find((e) => free(`${base} (${e.name})`))?.name;
  if (name) return `${base} (${name})`;
  for (let n = 2; ; n++) if (free(`${base} (${n})`)) return `${base} (${n})`;
}

function findDistinctivePhrase(
  input: LabelInput,
  phraseDf: Map<string, number>,
  totalStories: number,
): string | null {
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
    if (!best || score > best.score || (score === best.score && key < best.key))
      best = { key, surface, score };
  }
  return best ? best.surface.charAt(0).toUpperCase() + best.surface.slice(1) : null;
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
        if (STOPWORDS.has(a) || STOPWORDS.has(b) || /\d/.test(a + b) || a.length < 3 || b.length < 3)
          continue;
        if (/^\p{Lu}/u.test(rb) || (/^\p{Lu}/u.test(ra) && i > 0)) continue;
        const key = `${stemWord(a)} ${stemWord(b)}`;
        if (!phrases.has(key)) phrases.set(key, `${a} ${b}`);
      }
    }
  }
  return phrases;
}
