import { describe, expect, it } from "vitest";
import { buildBriefing } from "../build-briefing";
import { findQuoteSpans } from "./quotes";

describe("findQuoteSpans", () => {
  it("returns the characters inside curly or straight quotes, without the trailing comma", () => {
    const text = '“We are ready,” she said, and "the rest is up to them."';
    expect(findQuoteSpans(text).map((s) => text.slice(s.start, s.end))).toEqual([
      "We are ready",
      "the rest is up to them.",
    ]);
  });
});

describe("quote speakers", () => {
  const story = {
    id: "s1",
    title: "Council approves new tram line",
    source: "Test Gazette",
    publishedAt: "2024-05-02",
    body: [
      "The city council approved a new tram line on Wednesday after a long debate.",
      "Councillor Mira Osei said the line would open in 2027. “This is the biggest investment in a generation,” Osei said.",
      "Opposition leader Tomas Berg said: “The budget does not add up and residents will pay for it.”",
      "Berg later spoke to reporters outside the hall. “We will ask the auditor to review every contract,” he said.",
      "Her spokesman said: “The councillor is confident the plan is sound and fully funded.”",
    ].join("\n\n"),
  };
  const briefing = buildBriefing([story]);
  const byText = (start: string) => briefing.quotes.find((q) => q.text.startsWith(start));

  it("attributes quotes after and before the words, and through a pronoun", () => {
    expect(byText("This is the biggest")?.speaker?.name).toBe("Mira Osei");
    expect(byText("The budget does not")?.speaker?.name).toBe("Tomas Berg");
    expect(byText("We will ask the auditor")?.speaker?.name).toBe("Tomas Berg");
    expect(byText("The budget does not")?.speaker?.entityId).toBe(
      briefing.people.find((p) => p.name === "Tomas Berg")?.id,
    );
  });

  it("does not give an aide's words to the person named", () => {
    expect(byText("The councillor is confident")?.speaker?.name).not.toBe("Mira Osei");
  });

  it("keeps every quote a verbatim substring of its story", () => {
    expect(briefing.quotes.length).toBeGreaterThanOrEqual(4);
    for (const q of briefing.quotes) expect(story.body.slice(q.citation.start, q.citation.end)).toBe(q.text);
  });
});
