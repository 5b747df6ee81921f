// Loads the team-written golden bundle (test/fixtures/golden-stories.json) as StoryInput[].
import { readFileSync } from "node:fs";
import type { StoryInput } from "../src/index";

export function readGoldenStories(): StoryInput[] {
  const url = new URL("./fixtures/golden-stories.json", import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as StoryInput[];
}
