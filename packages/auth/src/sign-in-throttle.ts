// Failed sign-in counting, kept in PostgreSQL's RateLimit table so every app process sees the
// same counts. Guessing is limited per account *and client*, with a lock that doubles after
// each further failure; the limits that span clients (an address trying many accounts, many
// addresses trying one account) apply only to clients the account does not know. So an
// attacker slows down their own guessing but cannot lock an account's owner out of the
// device or address they usually sign in from.
import { randomUUID } from "node:crypto";
import type { Db } from "@dispatch/db";

/** A fixed window that opens at the first failure; at `max` failures the key is locked until it ends. */
export type ThrottleRule = { max: number; windowSeconds: number };

/** `free` failures, then a lock of `baseLockSeconds` that doubles per failure up to `maxLockSeconds`. */
export type BackoffRule = {
  free: number;
  baseLockSeconds: number;
  maxLockSeconds: number;
  forgetAfterSeconds: number;
};

export type SignInLimits = {
  /** One account from one client (a known device, else an address, else "anywhere unknown"). */
  perClient: BackoffRule;
  /** One address across accounts, for accounts that do not know it (credential stuffing). */
  perAddress: ThrottleRule;
  /** One account across clients it does not know (guessing from many addresses). */
  perAccount: ThrottleRule;
};

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  perClient: { free: 4, baseLockSeconds: 60, maxLockSeconds: 15 * 60, forgetAfterSeconds: 24 * 60 * 60 },
  perAddress: { max: 30, windowSeconds: 15 * 60 },
  perAccount: { max: 100, windowSeconds: 60 * 60 },
};

/** How long an address the account signed in from counts as "where they usually are". */
export const KNOWN_ADDRESS_DAYS = 90;

/**
 * Who is trying: the account's email, the client's address when it can be trusted (null
 * without a trusted proxy), and the id of a device this account signed in on before (from a
 * signed cookie), if any.
 */
export type SignInSubject = { email: string; address: string | null; knownDevice: string | null };

export type Lockout = { retryAfterSeconds: number };

// Our keys share the table with Better Auth's (disabled) request limiter; the prefix keeps
// them apart.
const normalizeEmail = (email: string) => email.trim().toLowerCase();
const knownAddressKey = (email: string, address: string) =>
  `dispatch:sign-in:known:${normalizeEmail(email)}:${address}`;

type Check = {
  key: string;
  rule: { kind: "backoff"; rule: BackoffRule } | { kind: "window"; rule: ThrottleRule };
};

async function isKnownAddress(db: Db, subject: SignInSubject, now: number): Promise<boolean> {
  if (!subject.address) return false;
  const row = await db.rateLimit.findUnique({
    where: { key: knownAddressKey(subject.email, subject.address) },
  });
  return row !== null && Number(row.lastRequest) + KNOWN_ADDRESS_DAYS * 86_400_000 > now;
}

async function checksFor(
  db: Db,
  subject: SignInSubject,
  limits: SignInLimits,
  now: number,
): Promise<Check[]> {
  const email = normalizeEmail(subject.email);
  const knownAddress = subject.knownDevice ? false : await isKnownAddress(db, subject, now);
  const client = subject.knownDevice
    ? `device:${subject.knownDevice}`
    : subject.address
      ? `address:${subject.address}`
      : "unknown";
  const checks: Check[] = [
    { key: `dispatch:sign-in:client:${email}:${client}`, rule: { kind: "backoff", rule: limits.perClient } },
  ];
  if (subject.knownDevice || knownAddress) return checks;
  checks.push({
    key: `dispatch:sign-in:account:${email}`,
    rule: { kind: "window", rule: limits.perAccount },
  });
  if (subject.address) {
    checks.push({
      key: `dispatch:sign-in:address:${subject.address}`,
      rule: { kind: "window", rule: limits.perAddress },
    });
  }
  return checks;
}

function longestOf(waits: Array<number | null>): Lockout | null {
  const locked = waits.filter((wait): wait is number => wait !== null);
  return locked.length === 0 ? null : { retryAfterSeconds: Math.max(...locked) };
}

/** The longest remaining lockout for this account and client, or null when they may try. */
export async function findLockout(
  db: Db,
  subject: SignInSubject,
  limits: SignInLimits,
  now = Date.now(),
): Promise<Lockout | null> {
  const checks = await checksFor(db, subject, limits, now);
  const rows = await db.rateLimit.findMany({ where: { key: { in: checks.map((check) => check.key) } } });
  return longestOf(
    checks.map((check) => {
      const row = rows.find((candidate) => candidate.key === check.key);
      return row ? lockedFor(row.count, Number(row.lastRequest), check, now) : null;
    }),
  );
}

/**
 * Counts one failed attempt (atomically, so concurrent attempts from several processes all
 * count) and returns the lockout it causes, if any.
 */
export async function recordFailure(
  db: Db,
  subject: SignInSubject,
  limits: SignInLimits,
  now = Date.now(),
): Promise<Lockout | null> {
  const waits: Array<number | null> = [];
  const nowMs = BigInt(now);
  for (const check of await checksFor(db, subject, limits, now)) {
    // A window key's "lastRequest" is the window's start (a new one opens when it is over);
    // a backoff key's is the last failure (its count is forgotten after a quiet spell).
    const resetMs = BigInt(
      (check.rule.kind === "window" ? check.rule.rule.windowSeconds : check.rule.rule.forgetAfterSeconds) *
        1000,
    );
    const [row] =
      check.rule.kind === "window"
        ? await db.$queryRaw<Array<{ count: number; lastRequest: bigint }>>`
            INSERT INTO "RateLimit" ("id", "key", "count", "lastRequest")
            VALUES (${randomUUID()}, ${check.key}, 1, ${nowMs})
            ON CONFLICT ("key") DO UPDATE SET
              "count" = CASE WHEN "RateLimit"."lastRequest" + ${resetMs} <= ${nowMs} THEN 1
                             ELSE "RateLimit"."count" + 1 END,
              "lastRequest" = CASE WHEN "RateLimit"."lastRequest" + ${resetMs} <= ${nowMs} THEN ${nowMs}
                                   ELSE "RateLimit"."lastRequest" END
            RETURNING "count", "lastRequest"`
        : await db.$queryRaw<Array<{ count: number; lastRequest: bigint }>>`
            INSERT INTO "RateLimit" ("id", "key", "count", "lastRequest")
            VALUES (${randomUUID()}, ${check.key}, 1, ${nowMs})
            ON CONFLICT ("key") DO UPDATE SET
              "count" = CASE WHEN "RateLimit"."lastRequest" + ${resetMs} <= ${nowMs} THEN 1
                             ELSE "RateLimit"."count" + 1 END,
              "lastRequest" = ${nowMs}
            RETURNING "count", "lastRequest"`;
    if (row) waits.push(lockedFor(row.count, Number(row.lastRequest), check, now));
  }
  return longestOf(waits);
}

/**
 * A successful sign-in forgives this client's failures on the account and remembers the
 * address as one the account's owner signs in from. Failures from other clients stand.
 */
export async function recordSuccess(
  db: Db,
  subject: SignInSubject,
  limits: SignInLimits,
  now = Date.now(),
): Promise<void> {
  const [clientCheck] = await checksFor(db, subject, limits, now);
  if (clientCheck) await db.rateLimit.deleteMany({ where: { key: clientCheck.key } });
  if (subject.address) {
    const key = knownAddressKey(subject.email, subject.address);
    await db.$executeRaw`
      INSERT INTO "RateLimit" ("id", "key", "count", "lastRequest") VALUES (${randomUUID()}, ${key}, 1, ${BigInt(now)})
      ON CONFLICT ("key") DO UPDATE SET "count" = "RateLimit"."count" + 1, "lastRequest" = ${BigInt(now)}`;
  }
}

/** Seconds of lock a backoff rule imposes after `count` failures (0 while failures are free). */
export function backoffSeconds(count: number, rule: BackoffRule): number {
  if (count <= rule.free) return 0;
  return Math.min(rule.maxLockSeconds, rule.baseLockSeconds * 2 ** (count - rule.free - 1));
}

function lockedFor(count: number, since: number, check: Check, now: number): number | null {
  let end: number;
  if (check.rule.kind === "window") {
    end = since + check.rule.rule.windowSeconds * 1000;
    if (count < check.rule.rule.max) return null;
  } else {
    if (since + check.rule.rule.forgetAfterSeconds * 1000 <= now) return null;
    end = since + backoffSeconds(count, check.rule.rule) * 1000;
  }
  if (end <= now) return null;
  return Math.max(1, Math.ceil((end - now) / 1000));
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
