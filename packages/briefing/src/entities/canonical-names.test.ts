import { describe, expect, it } from "vitest";
import { foldNameToken, lookupKnownName, stripTitles } from "./canonical-names";
import { findSentenceMentions } from "./entity-mentions";

describe("canonical names", () => {
  it("folds transliteration variants to one key", () => {
    expect(foldNameToken("Zelenskyy")).toBe(foldNameToken("Zelensky"));
    expect(foldNameToken("Zelenskiy")).toBe(foldNameToken("Zelensky"));
    expect(foldNameToken("Sergey")).toBe(foldNameToken("Sergei"));
    expect(foldNameToken("al-Sharaa")).toBe(foldNameToken("Sharaa"));
    expect(foldNameToken("Volkov")).not.toBe(foldNameToken("Volkova"));
  });

  it("strips titles and keeps them as the role", () => {
    expect(stripTitles(["Secretary", "of", "the", "Army", "Dan", "Hale"])).toEqual({
      tokens: ["Dan", "Hale"],
      role: "Secretary of the Army",
      hadTitle: true,
    });
    expect(stripTitles(["UK", "Prime", "Minister", "Sir", "Alan", "Pryce"]).tokens).toEqual([
      "Alan",
      "Pryce",
    ]);
    expect(stripTitles(["Port", "Elling"]).hadTitle).toBe(false);
  });

  it("maps common abbreviations to one canonical name", () => {
    expect(lookupKnownName("U.S.")?.name).toBe("United States");
    expect(lookupKnownName("the UN")?.name).toBe("United Nations");
  });
});

describe("findSentenceMentions", () => {
  const mentions = (text: string): Array<[string, string | null]> =>
    findSentenceMentions(text).map((m) => [m.tokens.join(" "), m.kind]);

  it("finds people behind titles and possessives", () => {
    expect(mentions("Transport Commissioner Dmitri Volkov said the bridge would close.")).toContainEqual([
      "Dmitri Volkov",
      "person",
    ]);
    expect(mentions("The city’s mayor, Helena Brandt, met Volkov’s deputy.")).toContainEqual([
      "Helena Brandt",
      "person",
    ]);
    expect(mentions("Secretary of the Army Dan Hale flew to Geneva.")).toEqual([
      ["Dan Hale", "person"],
      ["Geneva", "place"],
    ]);
  });

  it("classifies places and organisations, and skips sentence-initial common words", () => {
    const found = mentions(
      "Despite the rain, officials from the United Nations met in Port Elling on Monday.",
    );
    expect(found).toContainEqual(["United Nations", "organization"]);
    expect(found).toContainEqual(["Port Elling", "place"]);
    expect(found.map(([name]) => name)).not.toContain("Despite");
    expect(found.map(([name]) => name)).not.toContain("Monday");
  });
});
