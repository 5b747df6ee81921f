// Failed sign-in counting per account (email) and per client address, kept in PostgreSQL's
// RateLimit table so every app process sees the same counts. Each counter is a fixed window
// that opens at the first failure; at `max` failures the key is locked until the window ends.
import { randomUUID } from "node:crypto";
import type { Db } from "@dispatch/db";

export type ThrottleRule = { max: number; windowSeconds: number };

export type SignInLimits = {
  /** Failed attempts allowed for one email address. */
  perEmail: ThrottleRule;
  /** Failed attempts allowed from one client address, across all emails. */
  perAddress: ThrottleRule;
};

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  perEmail: { max: 5, windowSeconds: 15 * 60 },
  perAddress: { max: 20, windowSeconds: 15 * 60 },
};

export type SignInSubject = { email: string; address: string | null };

export type Lockout = { retryAfterSeconds: number };

// Our keys share the table with Better Auth's (disabled) request limiter; the prefix keeps
// them apart.
const emailKey = (email: string) => `dispatch:sign-in:email:${email.trim().toLowerCase()}`;
const addressKey = (address: string) => `dispatch:sign-in:address:${address}`;

function keysFor(subject: SignInSubject, limits: SignInLimits): Array<{ key: string; rule: ThrottleRule }> {
  const keys = [{ key: emailKey(subject.email), rule: limits.perEmail }];
  if (subject.address) keys.push({ key: addressKey(subject.address), rule: limits.perAddress });
  return keys;
}

/** The longest remaining lockout for this email or address, or null when both may try. */
export async function findLockout(
  db: Db,
  subject: SignInSubject,
  limits: SignInLimits,
  now = Date.now(),
): Promise<Lockout | null> {
  const keys = keysFor(subject, limits);
  const rows = await db.rateLimit.findMany({ where: { key: { in: keys.map((entry) => entry.key) } } });
  let longest: number | null = null;
  for (const { key, rule } of keys) {
    const row = rows.find((candidate) => candidate.key === key);
    if (!row) continue;
    const wait = lockedFor(row.count, Number(row.lastRequest), rule, now);
    if (wait !== null && (longest === null || wait > longest)) longest = wait;
  }
  return longest === null ? null : { retryAfterSeconds: longest };
}

/**
 * Counts one failed attempt against the email and the address (atomically, so concurrent
 * attempts from several processes all count) and returns the lockout it causes, if any.
 */
export async function recordFailure(
  db: Db,
  subject: SignInSubject,
  limits: SignInLimits,
  now = Date.now(),
): Promise<Lockout | null> {
  let longest: number | null = null;
  for (const { key, rule } of keysFor(subject, limits)) {
    const windowMs = BigInt(rule.windowSeconds * 1000);
    const nowMs = BigInt(now);
    // "lastRequest" holds the window's start: a new window opens when the old one is over.
    const [row] = await db.$queryRaw<Array<{ count: number; lastRequest: bigint }>>`
      INSERT INTO "RateLimit" ("id", "key", "count", "lastRequest")
      VALUES (${randomUUID()}, ${key}, 1, ${nowMs})
      ON CONFLICT ("key") DO UPDATE SET
        "count" = CASE WHEN "RateLimit"."lastRequest" + ${windowMs} <= ${nowMs} THEN 1
                       ELSE "RateLimit"."count" + 1 END,
        "lastRequest" = CASE WHEN "RateLimit"."lastRequest" + ${windowMs} <= ${nowMs} THEN ${nowMs}
                             ELSE "RateLimit"."lastRequest" END
      RETURNING "count", "lastRequest"`;
    if (!row) continue;
    const wait = lockedFor(row.count, Number(row.lastRequest), rule, now);
    if (wait !== null && (longest === null || wait > longest)) longest = wait;
  }
  return longest === null ? null : { retryAfterSeconds: longest };
}

/** A successful sign-in forgives the account's failures (not the address's). */
export async function clearFailures(db: Db, email: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key: emailKey(email) } });
}

function lockedFor(count: number, windowStart: number, rule: ThrottleRule, now: number): number | null {
  const windowEnd = windowStart + rule.windowSeconds * 1000;
  if (count < rule.max || windowEnd <= now) return null;
  return Math.max(1, Math.ceil((windowEnd - now) / 1000));
}

/** "Too many attempts; try again in 12 minutes." — what a locked-out person is told. */
export function formatLockoutMessage(retryAfterSeconds: number): string {
  return `Too many attempts; try again in ${formatWait(retryAfterSeconds)}.`;
}

export function formatWait(seconds: number): string {
  if (seconds < 60) return seconds <= 1 ? "1 second" : `${Math.ceil(seconds)} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}
