// The headline (the title of the story most central to the main storyline) and a 2–3
// sentence overview built from the top points, each sentence keeping its citations.
import type { PreparedStory } from "./prepared-stories";
import type { CitedSentence, Point, Storyline } from "./types";

const LOWERCASE_OPENERS = new Set(["The", "A", "An", "In", "On", "At", "After", "Before", "Some", "Many", "Officials", "Police"]);
const MAX_OVERVIEW_WORDS = 55;

export function chooseHeadline(storylines: readonly Storyline[], centralStory: (storylineId: string) => PreparedStory | null, points: readonly Point[]): { text: string; storyId: string | null } {
  const top = storylines[0];
  const story = top ? centralStory(top.id) : null;
  if (story && story.title !== "") return { text: story.title, storyId: story.id };
  const first = points[0];
  if (!first) return { text: "No stories to brief", storyId: null };
  const words = first.text.split(/\s+/);
  return { text: words.length > 14 ? `${words.slice(0, 14).join(" ")}…` : first.text, storyId: null };
}

/** Two sentences from the main storyline and one from the next ("Separately, …"). */
export function writeOverview(storylines: readonly Storyline[], pointsById: Map<string, Point>): CitedSentence[] {
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
  if (other) chosen.push({ point: other, separately: true });
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
  const opener = LOWERCASE_OPENERS.has(first) ? first.toLowerCase() + text.slice(first.length) : text;
  return `Separately, ${opener}`;
}
