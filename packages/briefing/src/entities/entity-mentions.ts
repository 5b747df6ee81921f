// Finds mentions of people, organisations and places in prose sentences. Capitalised spans
// are found (name-spans) and classified by our own rules (name-classification) in linear
// time; only names the rules cannot place go through the tagger fallback, on a bounded
// number of sentences.
import { foldNameToken } from "./canonical-names";
import { type SpanMention, classifySpan } from "./name-classification";
import { CONNECTORS } from "./name-lexicon";
import { findCapitalizedSpans } from "./name-spans";
import { classifyWithTagger } from "./tagger-fallback";
import type { PreparedStory } from "../text/prepared-stories";

/** A classified name in a story; unlike SpanMention, `start`/`end` are body offsets. */
export interface EntityMention extends SpanMention {
  storyId: string;
  sentenceIndex: number;
  /** Sentence text between this name and the next name in the sentence (alias links). */
  between: string | null;
}

/** Extracts and classifies every name mention in the prose sentences of the stories. */
export function extractMentions(stories: readonly PreparedStory[], nerSentenceBudget: number): { mentions: EntityMention[]; budgetExhausted: boolean } {
  const mentions: EntityMention[] = [];
  for (const story of stories) {
    for (const sentence of story.sentences) {
      if (!sentence.prose) continue;
      const local = findSentenceMentions(sentence.text);
      local.forEach((mention, i) => {
        const next = local[i + 1];
        const between = next && next.start - mention.end < 60 ? sentence.text.slice(mention.end, next.start) : null;
        mentions.push({ ...mention, between, storyId: story.id, sentenceIndex: sentence.index, start: sentence.start + mention.start, end: sentence.start + mention.end });
      });
    }
  }
  resolveByKnownPeople(mentions);
  const budgetExhausted = classifyWithTagger(stories, mentions, nerSentenceBudget);
  resolveByKnownPeople(mentions);
  return { mentions: mentions.filter((m) => m.kind !== null), budgetExhausted };
}


/** Name mentions in one sentence, offsets relative to the sentence. */
export function findSentenceMentions(text: string): SpanMention[] {
  const out: SpanMention[] = [];
  for (const span of findCapitalizedSpans(text)) {
    const mention = classifySpan(text, span);
    if (mention) out.push(mention);
  }
  return out;
}

// Surname-only and other unclassified mentions that match a person named in full elsewhere
// ("Lavrov said" after "Sergei Lavrov") are that person; the same story wins over others.
function resolveByKnownPeople(mentions: EntityMention[]): void {
  const byStory = new Map<string, Set<string>>();
  const global = new Set<string>();
  for (const m of mentions) {
    if (m.kind !== "person" || m.tokens.length < 2) continue;
    let set = byStory.get(m.storyId);
    if (!set) byStory.set(m.storyId, (set = new Set()));
    for (const t of m.tokens) {
      const key = foldNameToken(t);
      if (key.length < 3 || CONNECTORS.has(key)) continue;
      set.add(key);
      global.add(key);
    }
  }
  // And the reverse: "Bashar al-Assad" named once is the person already known as "Assad".
  const surnames = new Set<string>();
  for (const m of mentions) {
    if (m.kind === "person") surnames.add(foldNameToken(m.tokens[m.tokens.length - 1] ?? ""));
  }
  for (const m of mentions) {
    if (m.kind !== null) continue;
    const keys = m.tokens.map(foldNameToken);
    const local = byStory.get(m.storyId);
    const last = keys[keys.length - 1] ?? "";
    if (keys.every((k) => local?.has(k) ?? false) || keys.every((k) => global.has(k)) || (keys.length >= 2 && keys.length <= 4 && last.length >= 3 && surnames.has(last))) {
      m.kind = "person";
    }
  }
}
