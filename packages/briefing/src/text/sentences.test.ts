import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences";

const texts = (body: string): string[] => splitSentences(body).map((s) => s.text);

describe("splitSentences", () => {
  it("gives offsets whose slice is the sentence text", () => {
    const body = "  First one here.  Second one follows!\n\nThird paragraph? Yes.";
    const spans = splitSentences(body);
    expect(spans.map((s) => s.text)).toEqual([
      "First one here.",
      "Second one follows!",
      "Third paragraph?",
      "Yes.",
    ]);
    for (const s of spans) expect(body.slice(s.start, s.end)).toBe(s.text);
  });

  it("does not split after titles, initials, acronyms or decimals", () => {
    expect(texts("Mr. Hale met Dr. Orr in the U.S. capital on Jan. 4. Prices rose 2.5 per cent.")).toEqual([
      "Mr. Hale met Dr. Orr in the U.S. capital on Jan. 4.",
      "Prices rose 2.5 per cent.",
    ]);
    expect(texts("The novel by J. R. Hollis sold well. It was his first.")).toEqual([
      "The novel by J. R. Hollis sold well.",
      "It was his first.",
    ]);
  });

  it("splits after an acronym when a new sentence clearly starts", () => {
    expect(texts("The talks were held in the U.S. The next round is in May.")).toEqual([
      "The talks were held in the U.S.",
      "The next round is in May.",
    ]);
  });

  it("keeps a quote that runs over two sentences with its attribution", () => {
    expect(texts("“We are ready. The rest is up to them,” she said. Talks resume today.")).toEqual([
      "“We are ready. The rest is up to them,” she said.",
      "Talks resume today.",
    ]);
  });

  it("ends a sentence after a closing quote", () => {
    expect(texts("He said: “It is over.” Then he left.")).toEqual([
      "He said: “It is over.”",
      "Then he left.",
    ]);
  });

  it("treats list items and lines as separate sentences, without the bullet", () => {
    const body =
      "Key facts:\n- The bridge opened in 1987\n- It carries 40,000 cars a day\n1. Closed for six weeks";
    expect(texts(body)).toEqual([
      "Key facts:",
      "The bridge opened in 1987",
      "It carries 40,000 cars a day",
      "Closed for six weeks",
    ]);
  });

  it("joins soft-wrapped lines", () => {
    expect(texts("The council voted on the plan\nlate on Tuesday night. It passed.")).toEqual([
      "The council voted on the plan\nlate on Tuesday night.",
      "It passed.",
    ]);
  });

  it("handles text without spaces after full-width stops and empty input", () => {
    expect(texts("今日は晴れです。明日は雨です。")).toEqual(["今日は晴れです。", "明日は雨です。"]);
    expect(splitSentences("")).toEqual([]);
    expect(splitSentences("   \n\n  ")).toEqual([]);
  });

  it("cuts a very long run without punctuation", () => {
    const body = "word ".repeat(2000);
    const spans = splitSentences(body);
    expect(spans.length).toBeGreaterThan(1);
    for (const s of spans) expect(s.end - s.start).toBeLessThanOrEqual(1200);
  });
});
