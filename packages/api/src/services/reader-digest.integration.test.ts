// The digest on a real database and a real SMTP server (the project's mail catcher): the
// private feed's token opens the feed until it is revoked or replaced; a bad frequency is
// refused; due readers get one mail with what is new (HTML and text, one-click unsubscribe
// headers), readers with nothing new get none, and a second run sends nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, type SessionUser } from "@dispatch/auth";
import { addTestStory, createTestDatabase, type TestDatabase } from "@dispatch/db/testing";
import { createMailer, type Mailer } from "@dispatch/mail";
import { startMailCatcher, type MailCatcher } from "@dispatch/mail/catcher";
import { createCaller } from "../root";
import { createInnerContext } from "../trpc";
import { rebuildBriefing } from "./briefings";
import { DIGEST_INTERVAL_MS, sendDueDigests } from "./reader-digest";

let database: TestDatabase;
let catcher: MailCatcher;
let mailer: Mailer;
let daily: SessionUser;
let weekly: SessionUser;
let quiet: SessionUser;
const READER_URL = "https://news.example.test";

async function addStory(topicSlug: string, story: { slug: string; title: string; body: string; at: string }) {
  const topic = await database.db.topic.findUniqueOrThrow({ where: { slug: topicSlug } });
  await addTestStory(database.db, { ...story, source: "Tarn Courier", publishedAt: story.at }, [topic]);
}

const callerFor = (user: SessionUser | null) =>
  createCaller(createInnerContext({ db: database.db, user, via: "ui" }));

beforeAll(async () => {
  database = await createTestDatabase();
  catcher = await startMailCatcher();
  mailer = createMailer(catcher.smtpUrl, "Dispatch <digest@dispatch.test>");
  daily = (await createUser(database.db, { email: "daily@digest.test", name: "Dana Daily", role: "reader" }))
    .user;
  weekly = (await createUser(database.db, { email: "weekly@digest.test", role: "reader" })).user;
  quiet = (await createUser(database.db, { email: "quiet@digest.test", role: "reader" })).user;
  await database.db.topic.create({ data: { slug: "tarn-ferry", name: "Tarn ferry" } });
  await database.db.topic.create({ data: { slug: "still-lake", name: "Still lake" } });
  await addStory("tarn-ferry", {
    slug: "tarn-ferry-fares",
    title: "Tarn ferry fares rise",
    body: "Fares on the Tarn ferry rose by a fifth on Monday, the operator said. Commuters said the crossing was already the dearest on the coast.",
    at: "2026-11-23T08:00:00Z",
  });
  await rebuildBriefing(database.db, "tarn-ferry");
  await addStory("still-lake", {
    slug: "still-lake-ice",
    title: "Still lake freezes early",
    body: "The Still lake froze over on Sunday, weeks earlier than usual, the park wardens said.",
    at: "2026-11-22T08:00:00Z",
  });
  await rebuildBriefing(database.db, "still-lake");
}, 60_000);
afterAll(async () => {
  mailer?.close();
  await catcher?.stop();
  await database?.drop();
});

describe("the private feed's token", () => {
  it("opens the reader's feed until it is replaced or revoked; an unknown token opens nothing", async () => {
    const caller = callerFor(daily);
    await caller.follow.add({ slug: "tarn-ferry" });
    expect((await caller.me.digest()).feedToken).toBeNull();
    const first = (await caller.me.regenerateFeedToken()).feedToken ?? "";
    expect(first).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const anonymous = callerFor(null);
    expect(await anonymous.digest.feed({ token: first })).toEqual({
      kind: "feed",
      reader: { name: "Dana Daily" },
      topics: [{ slug: "tarn-ferry", name: "Tarn ferry" }],
    });

    const second = (await caller.me.regenerateFeedToken()).feedToken ?? "";
    expect(second).not.toBe(first);
    expect(await anonymous.digest.feed({ token: first })).toEqual({ kind: "not-found" });
    expect((await anonymous.digest.feed({ token: second })).kind).toBe("feed");

    await caller.me.revokeFeedToken();
    expect(await anonymous.digest.feed({ token: second })).toEqual({ kind: "not-found" });
    expect((await caller.me.digest()).feedToken).toBeNull();
    expect(await anonymous.digest.feed({ token: "not a token at all" })).toEqual({ kind: "not-found" });
    await expect(anonymous.digest.feed({ token: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("the e-mail digest", { timeout: 60_000 }, () => {
  it("refuses a frequency that is not daily, weekly or off, saying which are", async () => {
    await expect(callerFor(daily).me.setDigestFrequency({ frequency: "hourly" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "“hourly” is not a digest frequency; choose daily, weekly or off.",
    });
    expect((await callerFor(daily).me.digest()).frequency).toBe("off");
  });

  it("mails due readers what is new, once, and nobody with nothing new or the digest off", async () => {
    await callerFor(daily).me.setDigestFrequency({ frequency: "daily" });
    await callerFor(weekly).follow.add({ slug: "still-lake" });
    await callerFor(weekly).me.setDigestFrequency({ frequency: "weekly" });
    await callerFor(quiet).follow.add({ slug: "tarn-ferry" }); // digest left off

    // Nothing new since following: nobody is mailed, and everybody stays due.
    const idle = await sendDueDigests(database.db, { mailer, readerUrl: READER_URL });
    expect(idle).toMatchObject({ due: 2, sent: [], nothingNew: 2, failed: [] });

    await addStory("tarn-ferry", {
      slug: "tarn-ferry-strike",
      title: "Tarn ferry crews strike",
      body: "Crews on the Tarn ferry stopped work on Thursday over rosters, their union said. The operator ran a replacement bus around the head of the lake.",
      at: "2026-11-26T08:00:00Z",
    });
    await rebuildBriefing(database.db, "tarn-ferry");
    const now = new Date();
    const run = await sendDueDigests(database.db, { mailer, readerUrl: READER_URL, now });
    expect(run).toMatchObject({ due: 2, sent: ["daily@digest.test"], nothingNew: 1, failed: [] });

    const mail = await catcher.waitForMail((candidate) => candidate.to.includes("daily@digest.test"));
    expect(mail.subject).toMatch(/^What is new in Tarn ferry: \d+ updates?$/);
    expect(mail.text).toContain("Crews on the Tarn ferry stopped work on Thursday over rosters");
    expect(mail.text).not.toContain("Fares on the Tarn ferry rose");
    expect(mail.html).toContain("Crews on the Tarn ferry stopped work on Thursday over rosters");
    expect(mail.html).toContain(`href="${READER_URL}/stories/tarn-ferry-strike#s-0"`);
    const unsubscribe = mail.headers["list-unsubscribe"] ?? "";
    expect(unsubscribe).toMatch(new RegExp(`^<${READER_URL}/api/digest/unsubscribe/[A-Za-z0-9_-]{32}>$`));
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail.links).toContain(`${READER_URL}/me`);
    expect(mail.links.some((link) => link.startsWith(`${READER_URL}/digest/unsubscribe/`))).toBe(true);

    const row = await database.db.readerDigest.findUniqueOrThrow({ where: { userId: daily.id } });
    expect(row.lastSentAt?.getTime()).toBe(now.getTime());

    // A second run the same day: not due. A day later: due, but nothing new since the mail.
    catcher.clear();
    expect(await sendDueDigests(database.db, { mailer, readerUrl: READER_URL, now })).toMatchObject({
      due: 1,
      sent: [],
    });
    const nextDay = new Date(now.getTime() + DIGEST_INTERVAL_MS.daily);
    expect(await sendDueDigests(database.db, { mailer, readerUrl: READER_URL, now: nextDay })).toMatchObject({
      due: 2,
      sent: [],
      nothingNew: 2,
    });
    expect(catcher.messages()).toEqual([]);
  });

  it("turns the digest off with the unsubscribe token, once; an unknown token changes nothing", async () => {
    const row = await database.db.readerDigest.findUniqueOrThrow({ where: { userId: daily.id } });
    const anonymous = callerFor(null);
    expect(await anonymous.digest.unsubscribe({ token: row.unsubscribeToken })).toEqual({
      kind: "unsubscribed",
      email: "daily@digest.test",
    });
    expect((await callerFor(daily).me.digest()).frequency).toBe("off");
    expect(await anonymous.digest.unsubscribe({ token: "A".repeat(32) })).toEqual({ kind: "not-found" });
    expect((await callerFor(weekly).me.digest()).frequency).toBe("weekly");
  });
});
