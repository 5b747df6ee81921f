import { describe, expect, it } from "vitest";
import { resolveDates } from "./timeline";

// Thursday 14 March 2024.
const reference = new Date("2024-03-14T09:00:00Z");
const first = (text: string, ref: Date | null = reference) => resolveDates(text, ref)[0];

describe("resolveDates", () => {
  it("resolves a bare weekday to the last one before publication", () => {
    expect(first("The city said on Tuesday that the bridge was unsafe.")).toMatchObject({
      date: "2024-03-12",
      precision: "day",
      resolution: "relative",
      dateText: "Tuesday",
    });
  });

  it("looks ahead when the sentence does", () => {
    expect(first("The bridge will close on Monday.")?.date).toBe("2024-03-18");
    expect(first("The ferry operator will add sailings, it said on Friday.")?.date).toBe("2024-03-08");
    expect(first("The envoy told a newspaper on Saturday that the minister is expected to sign.")?.date).toBe(
      "2024-03-09",
    );
  });

  it("resolves day-month without a year to the nearest past date", () => {
    expect(first("Inspectors visited on 14 October.")?.date).toBe("2023-10-14");
    expect(first("The visit is planned for March 29.")?.date).toBe("2024-03-29");
    expect(first("The mayor took office last December.")?.date).toBe("2023-12");
  });

  it("resolves relative spans against the publication date", () => {
    expect(first("Shop owners said last week that trade was slow.")).toMatchObject({
      date: "2024-03-07",
      precision: "week",
    });
  });

  it("keeps explicit dates absolute and bare years", () => {
    expect(first("The bridge was last closed on 3 May 2019.")).toMatchObject({
      date: "2019-05-03",
      resolution: "absolute",
    });
    expect(first("The bridge opened in 1987 after years of work.")).toMatchObject({
      date: "1987",
      precision: "year",
      resolution: "absolute",
    });
  });

  it("does not invent a date when the story has none", () => {
    expect(first("The city said on Tuesday that the bridge was unsafe.", null)).toMatchObject({
      date: null,
      resolution: "unresolved",
      dateText: "Tuesday",
    });
    expect(first("Talks are planned for November 10.", null)?.date).toBeNull();
    expect(first("The war began in February 2022.", null)).toMatchObject({
      date: "2022-02",
      resolution: "absolute",
    });
  });

  it("ignores recurring days and times of day", () => {
    expect(resolveDates("We publish the schedule every Friday.", reference)).toEqual([]);
    expect(resolveDates("It happened at night.", reference)).toEqual([]);
  });
});
