// A reader's digest: the private feed (a revocable token in its address, so a feed reader
// needs no session) and the e-mail digest (off, daily or weekly) of what is new in the topics
// they follow. What is new is my-briefing.ts's comparison, from the version the last digest
// covered (TopicFollow.mailedVersion) to the one readers see now. The worker calls
// sendDueDigests on a schedule; a digest is sent only when something is new, and each mail
// carries a one-click unsubscribe link (RFC 8058 headers).
//
// The feed token is stored as is (not hashed): /account shows the address again whenever the
// reader needs it for another feed reader, as calendar feeds do. It grants reading that
// reader's feed and nothing else, and one click on /account replaces it.
import { randomBytes } from "node:crypto";
import type { Db } from "@dispatch/db";
import { digestMail, type Mailer } from "@dispatch/mail";
import { AppError } from "../errors";
import {
  byNewestNews,
  compareWithCurrent,
  readVersionAt,
  readVisibleBriefing,
  type TopicNews,
} from "./my-briefing";

export const DIGEST_FREQUENCIES = ["off", "daily", "weekly"] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

/** Tokens are 32 URL-safe characters (24 random bytes). */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;
const newToken = () => randomBytes(24).toString("base64url");

const HOUR = 60 * 60 * 1000;
/**
 * How long after the last digest the next may go. An hour short of the period: the worker
 * checks hourly, so a daily digest sent at 07:02 is due again at the 07:00 check next day.
 */
export const DIGEST_INTERVAL_MS: Record<Exclude<DigestFrequency, "off">, number> = {
  daily: 23 * HOUR,
  weekly: 7 * 24 * HOUR - HOUR,
};

export type DigestSettings = {
  frequency: DigestFrequency;
  /** The private feed's token; null when there is none (never made, or revoked). */
  feedToken: string | null;
  feedTokenCreatedAt: Date | null;
  lastSentAt: Date | null;
};

/** The reader's digest settings (the defaults when they never changed any). */
export async function getDigestSettings(db: Db, userId: string): Promise<DigestSettings> {
  const row = await db.readerDigest.findUnique({
    where: { userId },
    select: { frequency: true, feedToken: true, feedTokenCreatedAt: true, lastSentAt: true },
  });
  return row ?? { frequency: "off", feedToken: null, feedTokenCreatedAt: null, lastSentAt: null };
}

/** Creates the reader's row on first use, with an unsubscribe token every digest mail carries. */
async function upsertDigest(
  db: Db,
  userId: string,
  data: { frequency?: DigestFrequency; feedToken?: string | null; feedTokenCreatedAt?: Date | null },
): Promise<DigestSettings> {
  return db.readerDigest.upsert({
    where: { userId },
    create: { userId, unsubscribeToken: newToken(), ...data },
    update: data,
    select: { frequency: true, feedToken: true, feedTokenCreatedAt: true, lastSentAt: true },
  });
}

/** Chooses how often the digest is mailed (off stops it). */
export async function setDigestFrequency(db: Db, userId: string, frequency: string): Promise<DigestSettings> {
  if (!(DIGEST_FREQUENCIES as readonly string[]).includes(frequency))
    throw new AppError(
      "INVALID_INPUT",
      `“${frequency}” is not a digest frequency; choose daily, weekly or off.`,
    );
  return upsertDigest(db, userId, { frequency: frequency as DigestFrequency });
}

/** Makes a new private feed address; the old one (if any) stops working at once. */
export async function regenerateFeedToken(db: Db, userId: string): Promise<DigestSettings> {
  return upsertDigest(db, userId, { feedToken: newToken(), feedTokenCreatedAt: new Date() });
}

/** Turns the private feed off: its address answers 404 from now on. */
export async function revokeFeedToken(db: Db, userId: string): Promise<DigestSettings> {
  return upsertDigest(db, userId, { feedToken: null, feedTokenCreatedAt: null });
}

export type PrivateFeedOwner =
  | { kind: "feed"; reader: { name: string }; topics: { slug: string; name: string }[] }
  | { kind: "not-found" };

/** Whose feed a token opens, and the topics it carries; not-found for a revoked or unknown token. */
export async function findPrivateFeed(db: Db, token: string): Promise<PrivateFeedOwner> {
  if (!TOKEN_PATTERN.test(token)) return { kind: "not-found" };
  const row = await db.readerDigest.findUnique({
    where: { feedToken: token },
    select: {
      user: {
        select: {
          name: true,
          disabled: true,
          follows: {
            where: { topic: { status: "active" } },
            select: { topic: { select: { slug: true, name: true } } },
            orderBy: { topic: { name: "asc" } },
          },
        },
      },
    },
  });
  if (!row || row.user.disabled) return { kind: "not-found" };
  return {
    kind: "feed",
    reader: { name: row.user.name },
    topics: row.user.follows.map((follow) => follow.topic),
  };
}

/** One-click unsubscribe from a digest mail's link: turns the digest off. */
export async function unsubscribeDigest(
  db: Db,
  token: string,
): Promise<{ kind: "unsubscribed"; email: string } | { kind: "not-found" }> {
  if (!TOKEN_PATTERN.test(token)) return { kind: "not-found" };
  const row = await db.readerDigest.findUnique({
    where: { unsubscribeToken: token },
    select: { userId: true, user: { select: { email: true } } },
  });
  if (!row) return { kind: "not-found" };
  await db.readerDigest.update({ where: { userId: row.userId }, data: { frequency: "off" } });
  return { kind: "unsubscribed", email: row.user.email };
}

export type DigestSelection = {
  /** Topics with something new since the last digest, newest news first. */
  topics: TopicNews[];
  /** Each followed topic's current version, to record once the mail is sent. */
  covered: { topicId: string; version: number }[];
};

/** What the reader's next digest holds: each followed topic's news since the version last mailed. */
export async function selectDigest(db: Db, userId: string, now: Date = new Date()): Promise<DigestSelection> {
  const follows = await db.topicFollow.findMany({
    where: { userId, topic: { status: "active" } },
    select: {
      topicId: true,
      createdAt: true,
      mailedVersion: true,
      topic: { select: { slug: true, name: true } },
    },
  });
  const lastSent = await db.readerDigest.findUnique({ where: { userId }, select: { lastSentAt: true } });
  const topics: TopicNews[] = [];
  const covered: DigestSelection["covered"] = [];
  for (const follow of follows) {
    const current = await readVisibleBriefing(db, follow.topic.slug);
    // A follow with no mark yet (made before marks were kept): from the version it was followed at.
    const mailedVersion =
      follow.mailedVersion ?? (await readVersionAt(db, follow.topic.slug, follow.createdAt));
    if (!current || current.version === mailedVersion) continue;
    covered.push({ topicId: follow.topicId, version: current.version });
    const news = await compareWithCurrent(
      db,
      follow.topic,
      current,
      mailedVersion,
      lastSent?.lastSentAt ?? follow.createdAt ?? now,
    );
    if (news.items.length > 0) topics.push(news);
  }
  topics.sort(byNewestNews);
  return { topics, covered };
}

export type DigestRun = {
  /** Readers whose digest was due. */
  due: number;
  /** Mails sent, to whom. */
  sent: string[];
  /** Due, but nothing new since their last digest: nothing sent. */
  nothingNew: number;
  /** Sending failed for these (they stay due and are tried at the next run). */
  failed: { email: string; error: string }[];
};

/**
 * Sends every due digest: readers with a daily or weekly digest whose last one is at least
 * that long ago (or who never had one), verified and not disabled. A reader with nothing new
 * gets no mail and stays due. Once a mail is accepted by the SMTP server, the versions it
 * covered and the time are recorded, so the next digest starts after them.
 */
export async function sendDueDigests(
  db: Db,
  deps: { mailer: Mailer; readerUrl: string; now?: Date },
): Promise<DigestRun> {
  const now = deps.now ?? new Date();
  const readers = await db.readerDigest.findMany({
    where: {
      user: { disabled: false, emailVerified: true },
      OR: (["daily", "weekly"] as const).map((frequency) => ({
        frequency,
        OR: [
          { lastSentAt: null },
          { lastSentAt: { lte: new Date(now.getTime() - DIGEST_INTERVAL_MS[frequency]) } },
        ],
      })),
    },
    select: {
      userId: true,
      frequency: true,
      unsubscribeToken: true,
      user: { select: { email: true, name: true } },
    },
  });
  const run: DigestRun = { due: readers.length, sent: [], nothingNew: 0, failed: [] };
  const origin = deps.readerUrl.replace(/\/+$/, "");
  for (const reader of readers) {
    const selection = await selectDigest(db, reader.userId, now);
    if (selection.topics.length === 0) {
      run.nothingNew += 1;
      continue;
    }
    const mail = digestMail({
      to: reader.user.email,
      name: reader.user.name,
      frequency: reader.frequency === "weekly" ? "weekly" : "daily",
      meUrl: `${origin}/me`,
      accountUrl: `${origin}/account#digest`,
      unsubscribeUrl: `${origin}/digest/unsubscribe/${reader.unsubscribeToken}`,
      oneClickUrl: `${origin}/api/digest/unsubscribe/${reader.unsubscribeToken}`,
      topics: selection.topics.map((news) => ({
        name: news.topic.name,
        url: `${origin}/topics/${encodeURIComponent(news.topic.slug)}`,
        version: news.current?.version ?? 0,
        moreCount: news.moreCount,
        items: news.items.map((item) => ({
          kind: item.kind,
          text: item.text,
          url: origin + item.href,
          citations: item.citations.map((citation) => ({
            source: citation.source,
            title: citation.storyTitle,
            url: origin + citation.href,
          })),
        })),
      })),
    });
    try {
      await deps.mailer.send(mail);
    } catch (error) {
      run.failed.push({
        email: reader.user.email,
        error: error instanceof Error ? error.message : String(error),
      });
      continue;
    }
    await db.$transaction([
      ...selection.covered.map((entry) =>
        db.topicFollow.update({
          where: { userId_topicId: { userId: reader.userId, topicId: entry.topicId } },
          data: { mailedVersion: entry.version },
        }),
      ),
      db.readerDigest.update({ where: { userId: reader.userId }, data: { lastSentAt: now } }),
    ]);
    run.sent.push(reader.user.email);
  }
  return run;
}
