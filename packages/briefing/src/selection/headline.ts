// The headline (the main storyline's central lead sentence in headline style) and a 2–3
// sentence overview built from the top points, each sentence keeping its citations.
import { writeStorylineHeadline } from "../storylines/headline-compression";
import { cleanTitle } from "../storylines/storyline-labels";
import type { PreparedStory } from "../text/prepared-stories";
import { STOPWORDS } from "../text/text-tokens";
import type { CitedSentence, Point, Storyline } from "../types";

const LOWERCASE_OPENERS = new Set([
  "officials",
  "police",
  "starting",
  "despite",
  "during",
  "following",
  "amid",
]);
const MAX_OVERVIEW_WORDS = 55;
const HEADLINE_WORDS = 10;

/**
 * The briefing's headline, as a sub-editor would write it: the main storyline's most central,
 * most supported lead sentence compressed to ~10 words in headline tense; else the title of its
 * most central story (else of the story that leads its top point).
 */
export function chooseHeadline(
  storylines: readonly Storyline[],
  centralStory: (storylineId: string) => PreparedStory | null,
  points: readonly Point[],
  storyById: (storyId: string) => PreparedStory | null,
  leadStoryOf: (pointId: string) => string | null,
): { text: string; storyId: string | null } {
  const top = storylines[0];
  if (top) {
    const stories = top.storyIds.map(storyById).filter((s): s is PreparedStory => s !== null);
    const written = writeStorylineHeadline(stories, HEADLINE_WORDS);
    if (written) return written;
  }
  const topPointId = top?.pointIds[0];
  const leadId = topPointId ? leadStoryOf(topPointId) : null;
  const leadStory = leadId ? storyById(leadId) : null;
  // The main storyline's most central story names the event best; its top point's story
  // can be an early or side report ("talks resume" when the strike has since ended).
  const central = top ? centralStory(top.id) : null;
  const story = central && central.title !== "" ? central : leadStory;
  if (story && story.title !== "") return { text: cleanTitle(story.title), storyId: story.id };
  const first = points[0];
  if (!first) return { text: "No stories to brief", storyId: null };
  const words = first.text.split(/\s+/);
  return { text: words.length > 14 ? `${words.slice(0, 14).join(" ")}…` : first.text, storyId: null };
}

/** Two sentences from the main storyline and one from the next ("Separately, …"). */
export function writeOverview(
  storylines: readonly Storyline[],
  pointsById: Map<string, Point>,
): CitedSentence[] {
  const pick = (storyline: Storyline | undefined, skip: number): Point | null => {
    if (!storyline) return null;
    const own = storyline.pointIds.map((id) => pointsById.get(id)).filter((p): p is Point => p !== undefined);
    const readable = own.filter((p) => p.text.split(/\s+/).length <= MAX_OVERVIEW_WORDS);
    return (readable.length > skip ? readable : own)[skip] ?? null;
  };
  const main = storylines[0];
  const second = storylines.find((s, i) => i > 0 && s.pointIds.length > 0);
  const chosen: Array<{ point: Point; separately: boolean }> = [];
  const first = pick(main, 0);
  if (first) chosen.push({ point: first, separately: false });
  const follow = pick(main, 1);
  if (follow) chosen.push({ point: follow, separately: false });
  const other = pick(second, 0);
  // "Separately," only after a sentence it can follow: the home page shows the first alone.
  if (other) chosen.push({ point: other, separately: chosen.length > 0 });
  else {
    const third = pick(main, 2);
    if (third) chosen.push({ point: third, separately: false });
  }
  return chosen.map(({ point, separately }) => ({
    text: separately ? joinSeparately(point.text) : point.text,
    mode: point.mode,
    citations: point.citations.map((c) => ({ ...c })),
  }));
}

function joinSeparately(text: string): string {
  const first = /^\S+/.exec(text)?.[0] ?? "";
  const lower = first.toLowerCase();
  const isCommon =
    first !== "I" && /^\p{Lu}\p{Ll}*$/u.test(first) && (STOPWORDS.has(lower) || LOWERCASE_OPENERS.has(lower));
  const opener = isCommon ? lower + text.slice(first.length) : text;
  return `Separately, ${opener}`;
}
