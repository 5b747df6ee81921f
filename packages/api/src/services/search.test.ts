import { describe, expect, it } from "vitest";
import { toSegments } from "./search";

describe("toSegments", () => {
  it("splits ts_headline output into marked and plain text", () => {
    expect(toSegments("the \u0002port\u0003 closed")).toEqual([
      { text: "the ", match: false },
      { text: "port", match: true },
      { text: " closed", match: false },
    ]);
  });

  it("joins the words of a matched phrase into one mark", () => {
    expect(toSegments("a \u0002port\u0003 \u0002strike\u0003 began")).toEqual([
      { text: "a ", match: false },
      { text: "port strike", match: true },
      { text: " began", match: false },
    ]);
  });

  it("keeps markup-looking text as text", () => {
    expect(toSegments("<b>x</b> \u0002y\u0003")).toEqual([
      { text: "<b>x</b> ", match: false },
      { text: "y", match: true },
    ]);
  });
});
