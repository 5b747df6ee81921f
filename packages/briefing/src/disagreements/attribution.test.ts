import { describe, expect, it } from "vitest";
import { findStatementSpeaker, speakersConflict } from "./attribution";

const speaker = (sentence: string): string | null => findStatementSpeaker(sentence)?.text ?? null;

describe("who a sentence says spoke", () => {
  it("before the verb, after the statement, and after 'said'", () => {
    expect(speaker("Health Minister Ana Lopez said the clinics would open in January.")).toBe(
      "Health Minister Ana Lopez",
    );
    expect(speaker("The plan will cost too much, opposition leader Rita Sands said on Tuesday.")).toBe(
      "opposition leader Rita Sands",
    );
    expect(speaker("The road will reopen on Monday, said Transport Minister Karl Ved.")).toBe(
      "Transport Minister Karl Ved",
    );
  });
  it("not a clause that only looks like a speaker", () => {
    expect(speaker("Ms Pao has not said whether she will appeal.")).toBeNull();
  });
});

describe("speakers that must be different people", () => {
  it("a minister and a spokesman", () => {
    expect(speakersConflict("Health Minister Ana Lopez", "A health ministry spokesman")).toBe(true);
  });
  it("two named people", () => {
    expect(speakersConflict("Finance Minister Omar Haddad", "opposition leader Rita Sands")).toBe(true);
  });
  it("the firm's chief executive and its spokesman (the firm's name is not theirs)", () => {
    expect(
      speakersConflict("Kestrel Motors chief executive Sara Lind", "Kestrel Motors spokesman Jon Berg"),
    ).toBe(true);
  });
  it("trap: a name with and without the role", () => {
    expect(speakersConflict("Health Minister Ana Lopez", "Ana Lopez")).toBe(false);
    expect(speakersConflict("Foreign Minister Lena Haas", "Haas")).toBe(false);
  });
  it("trap: a role and a name may be one person", () => {
    expect(speakersConflict("The health minister", "Ana Lopez")).toBe(false);
  });
  it("trap: vague speakers contradict no one", () => {
    expect(speakersConflict("Officials", "Transport Minister Karl Ved")).toBe(false);
    expect(speakersConflict("the Navy", "Navy spokesman Trevor Davids")).toBe(false);
  });
  it("trap: a firm and a person may be the firm's spokeswoman", () => {
    expect(
      speakersConflict("Kleiner Perkins", "firm spokeswoman Christina Lee", (w) =>
        ["christina", "lee"].includes(w),
      ),
    ).toBe(false);
  });
  it("trap: the same police chief, once named", () => {
    expect(speakersConflict("Portland police chief Randy Wright", "The Portland police chief")).toBe(false);
  });
});
