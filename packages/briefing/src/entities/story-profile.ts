// A story's fingerprint for matching it to topics: content-word stems and the names it
// mentions, from the same tokenizer and name finder the briefing itself uses.
import { foldName } from "./canonical-names";
import { findSentenceMentions } from "./entity-mentions";
import { splitSentences } from "../text/sentences";
import { getContentStems } from "../text/text-tokens";

export interface StoryProfile {
  /** Content-word stem → count; title words count double (they say what the story is about). */
  stems: Record<string, number>;
  /** Names mentioned (people, organisations, places), folded for comparison → display form. */
  names: Record<string, string>;
}

/** Characters of the body read: the top of a news story carries its subject. */
const PROFILE_CHARS = 4_000;

export function profileStory(story: { title: string; body: string }): StoryProfile {
  const body = story.body.slice(0, PROFILE_CHARS);
  const stems: Record<string, number> = {};
  const add = (stem: string, weight: number) => {
    stems[stem] = (stems[stem] ?? 0) + weight;
  };
  for (const stem of getContentStems(story.title)) add(stem, 2);
  for (const stem of getContentStems(body)) add(stem, 1);

  const names: Record<string, string> = {};
  for (const text of [story.title, ...splitSentences(body).map((span) => body.slice(span.start, span.end))]) {
    for (const mention of findSentenceMentions(text)) {
      const key = foldName(mention.tokens);
      if (key && !(key in names)) names[key] = mention.tokens.join(" ");
    }
  }
  return { stems, names };
}
