import { describe, expect, it } from "vitest";
import { findQuantities, quantitiesConflict } from "./quantities";

const only = (sentence: string) => {
  const found = findQuantities(sentence);
  expect(found).toHaveLength(1);
  return found[0] as NonNullable<(typeof found)[0]>;
};
const conflict = (a: string, b: string): boolean => quantitiesConflict(only(a), only(b));

describe("figures that conflict", () => {
  it("two tolls of the dead", () => {
    expect(
      conflict(
        "Floods in the valley killed 104 people on Monday.",
        "Floods in the valley killed 140 people on Monday.",
      ),
    ).toBe(true);
  });
  it("two sums of money", () => {
    expect(
      conflict(
        "The Senate approved a $2.4 billion rail plan.",
        "The Senate approved a $3.1 billion rail plan.",
      ),
    ).toBe(true);
  });
  it("two shares of the vote", () => {
    expect(
      conflict(
        "Turnout was 61 percent, the commission said.",
        "Turnout was 48 percent, the commission said.",
      ),
    ).toBe(true);
  });
  it("two vote tallies", () => {
    expect(
      conflict(
        "Parliament passed the bill by 212 votes to 198.",
        "Parliament passed the bill by 221 votes to 189.",
      ),
    ).toBe(true);
  });
  it("an 'at least' figure above the other outlet's exact one", () => {
    expect(
      conflict(
        "At least 30 people were injured when the stand collapsed.",
        "Twelve people were injured when the stand collapsed.",
      ),
    ).toBe(true);
  });
});

describe("traps: figures that do not conflict", () => {
  it("'at least 100' and 104", () => {
    expect(conflict("At least 100 people were killed in the floods.", "The floods killed 104 people.")).toBe(
      false,
    );
  });
  it("'more than 40 percent' and 43 percent", () => {
    expect(conflict("Turnout was more than 40 percent.", "Turnout was 43 percent.")).toBe(false);
  });
  it("'nearly 150' and 148", () => {
    expect(conflict("Nearly 150 families were evacuated.", "148 families were evacuated.")).toBe(false);
  });
  it("a range and a figure inside it", () => {
    expect(conflict("Between 100 and 120 people were injured.", "About 110 people were injured.")).toBe(
      false,
    );
  });
  it("$1.2 billion and 1,200 million dollars", () => {
    expect(
      conflict(
        "The government approved a $1.2 billion aid package.",
        "The government approved aid of 1,200 million dollars.",
      ),
    ).toBe(false);
  });
  it("3 million and 3m", () => {
    expect(conflict("About 3 million homes lost power.", "Some 3m homes lost power.")).toBe(false);
  });
  it("a rounded share and the exact one", () => {
    expect(conflict("The party won 52.4 percent of the vote.", "The party won 52 percent of the vote.")).toBe(
      false,
    );
  });
  it("a rounded sum and the exact one", () => {
    expect(
      conflict(
        "The carmaker reported a loss of $1.25 billion.",
        "The carmaker reported a loss of $1.2 billion.",
      ),
    ).toBe(false);
  });
  it("twelve and 12", () => {
    expect(conflict("Twelve miners were rescued.", "12 miners were rescued.")).toBe(false);
  });
  it("'212 votes to 198' and '212-198'", () => {
    expect(conflict("The bill passed by 212 votes to 198.", "Lawmakers voted 212-198 for the bill.")).toBe(
      false,
    );
  });
  it("4,500 and 4,530 (a round figure covers the exact one)", () => {
    expect(
      conflict(
        "The storm forced 4,500 people from their homes.",
        "The storm forced 4,530 people from their homes.",
      ),
    ).toBe(false);
  });
  it("a daily cost and a total are different figures", () => {
    expect(
      conflict(
        "The strike was costing the economy around 6 million euros a day.",
        "The strike took around 130 million euros out of the economy.",
      ),
    ).toBe(false);
  });
  it("the dead and the injured are different counts", () => {
    const dead = only("Floods killed 104 people.");
    const injured = only("Floods injured 140 people.");
    expect(quantitiesConflict(dead, injured)).toBe(false);
  });
  it("children among the dead are not all the dead (more detail)", () => {
    const all = only("The floods killed 104 people.");
    const detailed = findQuantities("The floods killed 104 people, including 30 children.");
    expect(detailed.map((q) => q.low)).toEqual([104, 30]);
    expect(detailed.some((q) => quantitiesConflict(all, q))).toBe(false);
  });
});

describe("what is not a count", () => {
  it.each([
    "The 45-year-old driver was arrested at 3pm.",
    "On November 25, 2026, the talks resumed.",
    "He ran the 100m in 10 seconds.",
    "The Reign suffered a 2-1 defeat on Wednesday.",
    "Prodigy, one-half of the '90s rap group, died on Tuesday.",
    "My battery drains 1% every 3-4 mins.",
    "A helicopter spotted him at around 9:30 p.m. near the shore.",
  ])("%s", (sentence) => {
    expect(findQuantities(sentence).filter((q) => !q.key.startsWith("percent"))).toEqual([]);
  });
  it("'from 104 to 140' keeps the new figure", () => {
    const q = only("The toll climbed from 104 to 140 overnight.");
    expect([q.low, q.high, q.updated]).toEqual([140, 140, true]);
  });
});
