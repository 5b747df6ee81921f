import { describe, expect, it } from "vitest";
import { getPagerLinks } from "./pager";

describe("getPagerLinks", () => {
  it("keeps the filters on both links and drops the unset ones", () => {
    const links = getPagerLinks(
      "/audit",
      { actor: "ed@example.org", action: undefined, via: "cli" },
      { cursor: "c1", nextCursor: "c2" },
    );
    expect(links.filters).toBe("actor=ed%40example.org&via=cli");
    expect(links.first).toBe("/audit?actor=ed%40example.org&via=cli");
    expect(links.next).toBe("/audit?actor=ed%40example.org&via=cli&cursor=c2");
  });

  it("offers no first-page link on the first page and no next link on the last", () => {
    expect(getPagerLinks("/stories", {}, { cursor: undefined, nextCursor: "c2" })).toEqual({
      filters: "",
      first: null,
      next: "/stories?cursor=c2",
    });
    expect(getPagerLinks("/stories", {}, { cursor: "c2", nextCursor: null })).toEqual({
      filters: "",
      first: "/stories",
      next: null,
    });
  });
});
