import { describe, expect, it } from "vitest";
import { buildBriefing } from "../build-briefing";
import type { StoryInput } from "../types";
import { renderBriefing } from "./render";

// Our own stories: two outlets differ on the toll; a later story says the planned meeting happened.
const stories: StoryInput[] = [
  {
    id: "a1",
    title: "Floods kill 104",
    source: "Northern Post",
    publishedAt: "2026-11-24T09:00:00Z",
    body: "Floods in the Varnia valley killed 104 people on Monday, the regional governor said. Rescue teams are searching villages along the river for survivors. The interior ministry will meet aid agencies on Thursday to plan the relief effort.",
  },
  {
    id: "b1",
    title: "Floods leave 140 dead",
    source: "Coastal Herald",
    publishedAt: "2026-11-24T10:00:00Z",
    body: "Floods in the Varnia valley killed 140 people on Monday, the regional governor said. Rescue teams are searching villages along the river for survivors. Aid agencies said roads into the valley remain cut off.",
  },
  {
    id: "c1",
    title: "Ministry meets aid agencies",
    source: "Northern Post",
    publishedAt: "2026-11-26T18:00:00Z",
    body: "The interior ministry met aid agencies on Thursday to plan the relief effort for the Varnia valley. Officials agreed to open three more shelters.",
  },
];

describe("render shows disagreements and superseded facts", () => {
  const briefing = buildBriefing(stories);

  it("md: the point says where sources differ and which fact was superseded, both cited", () => {
    const md = renderBriefing(briefing, "md", { stories });
    expect(md).toContain(
      "  - Sources differ: Coastal Herald says 140 people killed; Northern Post says 104 people killed [3.1; 1.1]",
    );
    expect(md).toContain(
      "- Superseded: The interior ministry will meet aid agencies on Thursday to plan the relief effort. (single source) [1.3]",
    );
    expect(md).toMatch(
      / {2}- Updated: Northern Post \(26 November 2026\) reports that the interior ministry met aid agencies on Thursday; .* \[2\.1\]/,
    );
    expect(md).toContain("## Where sources differ");
  });

  it("text: a wrapped note stays indented under its point", () => {
    const text = renderBriefing(briefing, "text", { stories, width: 60 });
    const lines = text.split("\n");
    const start = lines.findIndex((l) => l.startsWith("    Sources differ:"));
    expect(start).toBeGreaterThan(0);
    expect(lines[start + 1]).toMatch(/^ {4}\S/);
  });
});
