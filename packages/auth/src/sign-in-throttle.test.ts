import { describe, expect, it } from "vitest";
import { backoffSeconds, DEFAULT_SIGN_IN_LIMITS, formatLockoutMessage, formatWait } from "./sign-in-throttle";

describe("the lockout message", () => {
  it("says how long to wait in whole minutes, rounded up", () => {
    expect(formatLockoutMessage(690)).toBe("Too many attempts; try again in 12 minutes.");
    expect(formatLockoutMessage(900)).toBe("Too many attempts; try again in 15 minutes.");
    expect(formatWait(61)).toBe("2 minutes");
    expect(formatWait(60)).toBe("1 minute");
  });

  it("counts seconds in the last minute", () => {
    expect(formatWait(45)).toBe("45 seconds");
    expect(formatWait(1)).toBe("1 second");
  });
});

describe("the backoff", () => {
  it("leaves the first failures free, then doubles the lock up to its ceiling", () => {
    const rule = DEFAULT_SIGN_IN_LIMITS.perClient;
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20].map((count) => backoffSeconds(count, rule))).toEqual([
      0, 0, 0, 0, 60, 120, 240, 480, 900, 900, 900,
    ]);
  });
});
