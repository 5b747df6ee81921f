import { describe, expect, it } from "vitest";
import { findDecision, findDone, findPlanned } from "./status";

const plannedThenDone = (planned: string, done: string): boolean =>
  findPlanned(planned).some((p) => findDone(done, p.lemma) !== null);

describe("planned and done", () => {
  it("'will meet' and 'met'", () => {
    expect(
      plannedThenDone(
        "Ministers will meet in Geneva to discuss the dispute.",
        "Ministers met in Geneva to discuss the dispute.",
      ),
    ).toBe(true);
  });
  it("'is expected to vote' and 'voted'", () => {
    expect(
      plannedThenDone(
        "Parliament is expected to vote on the bill on Thursday.",
        "Parliament voted on the bill on Thursday.",
      ),
    ).toBe(true);
  });
  it("'is due to reopen' and 'reopened'", () => {
    expect(plannedThenDone("The dam is due to reopen to visitors.", "The dam reopened to visitors.")).toBe(
      true,
    );
  });
  it("trap: 'met … and will meet again' is a further meeting", () => {
    expect(
      plannedThenDone(
        "The ministers met on Monday and will meet again next month.",
        "The ministers met on Monday in Geneva.",
      ),
    ).toBe(false);
  });
  it("trap: 'did not meet' is not done", () => {
    expect(plannedThenDone("Ministers will meet in Geneva.", "Ministers did not meet in Geneva.")).toBe(
      false,
    );
  });
  it("trap: a condition is not a plan", () => {
    expect(findPlanned("If passed, the third line of the anthem will change.")).toEqual([]);
  });
  it("trap: 'will be honoured' is still to come", () => {
    expect(findDone("The veterans will be honored at the ceremony.", "honor")).toBeNull();
  });
});

describe("which way a decision went", () => {
  it("approved and rejected", () => {
    expect(findDecision("The council approved the plan on Tuesday.")?.polarity).toBe("approved");
    expect(findDecision("The council rejected the plan on Tuesday.")?.polarity).toBe("rejected");
  });
  it("'refused to approve' is a rejection", () => {
    expect(findDecision("The council refused to approve the plan.")?.polarity).toBe("rejected");
  });
  it("trap: approving one thing after rejecting another says both", () => {
    expect(findDecision("The council approved the budget after rejecting two amendments.")).toBeNull();
  });
  it("trap: an expected decision is not one yet", () => {
    expect(findDecision("The council is expected to approve the plan.")).toBeNull();
  });
});
