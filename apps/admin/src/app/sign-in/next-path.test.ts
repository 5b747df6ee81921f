import { describe, expect, it } from "vitest";
import { HOSTILE_NEXT_PATHS } from "../../../test/hostile-next-paths";
import { safeNextPath } from "@dispatch/auth";

/** What a browser would do with the value as a Location: where it leads, and whether the header can even be set. */
function landsOnThisApp(path: string): boolean {
  const base = "https://admin.example.com";
  new Headers({ location: path }); // throws on characters a header cannot carry (a 500 in Next)
  return (
    new URL(path, base).origin === base &&
    path.startsWith("/") &&
    !/^\/[/\\]/.test(path) &&
    /^[\x21-\x7e]*$/.test(path)
  );
}

describe("safeNextPath", () => {
  it(`turns each of ${HOSTILE_NEXT_PATHS.length} hostile values into a path on this app`, () => {
    expect(HOSTILE_NEXT_PATHS.length).toBeGreaterThan(500);
    const escaped = HOSTILE_NEXT_PATHS.filter((value) => {
      try {
        return !landsOnThisApp(safeNextPath(value));
      } catch {
        return true;
      }
    });
    expect(escaped.map((value) => JSON.stringify(value))).toEqual([]);
  });

  it("never sends a person back to the sign-in or sign-out pages", () => {
    for (const value of ["/sign-in", "/sign-in?next=/stories", "/sign-out", "/./sign-in", "/a/../sign-out"]) {
      expect(safeNextPath(value)).toBe("/");
    }
  });

  it("refuses what is not a string, and what is not a path", () => {
    for (const value of [
      undefined,
      null,
      42,
      ["/stories"],
      { toString: () => "/stories" },
      "stories",
      "?x=1",
      "#top",
    ]) {
      expect(safeNextPath(value)).toBe("/");
    }
  });

  it("keeps the paths people are sent back to, query and fragment included", () => {
    expect(safeNextPath("/stories")).toBe("/stories");
    expect(safeNextPath("/stories?status=draft&page=2")).toBe("/stories?status=draft&page=2");
    expect(safeNextPath("/topics/vell-valley-flood#rules")).toBe("/topics/vell-valley-flood#rules");
    expect(safeNextPath("/search?q=caf%C3%A9%20au%20lait")).toBe("/search?q=caf%C3%A9%20au%20lait");
    expect(safeNextPath("/topics/a/../b")).toBe("/topics/b");
  });
});
