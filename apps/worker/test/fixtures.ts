// Test and benchmark fixtures: topics and synthetic stories written straight to the
// database, and polling helpers. The stories are generated text, not real articles.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@dispatch/db";

const PLACES = [
  "Lark Island",
  "Hillford",
  "Port Tamsin",
  "Eastmere",
  "Calder Vale",
  "Northwick",
  "Brannock",
  "Saltcombe",
];
const BODIES = [
  "the town council",
  "the harbour board",
  "the regional health trust",
  "the water company",
  "the transport authority",
  "the school governors",
];
const PEOPLE = [
  "Maria Oyelaran",
  "Glen Petrie",
  "Tom Achebe",
  "Ines Varga",
  "Ruth Delacroix",
  "Sam Whitlow",
  "Anil Mehra",
  "Jo Kettering",
];
const ACTIONS = [
  "approved a plan to",
  "delayed a decision to",
  "voted against a proposal to",
  "set aside money to",
  "asked engineers to",
  "promised to",
];
const OBJECTS = [
  "repair the sea wall",
  "reopen the branch line",
  "extend library hours",
  "replace the ferry ramp",
  "build forty new homes",
  "upgrade the water mains",
];
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

/** Deterministic pseudo-random picks from a seed, so a story's text is reproducible. */
function picker(seed: number) {
  let state = (seed * 2654435761) >>> 0 || 1;
  return <T>(items: readonly T[]): T => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return items[state % items.length] as T;
  };
}

/** A plausible local-news story about `subject`: a title and 4 paragraphs, unique per seed. */
export function syntheticStory(seed: number, subject: string): { title: string; body: string } {
  const pick = picker(seed);
  const place = pick(PLACES);
  const body = pick(BODIES);
  const person = pick(PEOPLE);
  const action = pick(ACTIONS);
  const object = pick(OBJECTS);
  const day = pick(DAYS);
  const amount = 10 + (seed % 90);
  const title = `${place}: ${body} ${action} ${object} (${subject} report ${seed})`;
  const paragraphs = [
    `${capitalize(body)} in ${place} ${action} ${object} on ${day}, a decision that affects the ${subject} plans for the coming year.`,
    `${person}, who leads the ${subject} committee, said the work would cost about ${amount},000 pounds and take ${2 + (seed % 7)} months.`,
    `"We have listened to residents and we know the ${subject} question matters to them," ${person} said at the meeting on ${day}.`,
    `Residents of ${place} will be able to comment on the ${subject} proposal until the end of the month, ${body} added. Reference ${seed}.`,
  ];
  return { title, body: paragraphs.join("\n\n") };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export async function createTopic(
  db: Db,
  slug: string,
  fields: { includeTerms?: string[]; autoApprove?: boolean } = {},
): Promise<string> {
  const topic = await db.topic.create({
    data: {
      slug,
      name: slug.replace(/-/g, " "),
      includeTerms: fields.includeTerms ?? [],
      autoApprove: fields.autoApprove ?? false,
    },
    select: { id: true },
  });
  return topic.id;
}

let storySeed = 1;

/** Stores a synthetic story; tags it with the topic (approved) when one is given. */
export async function addStory(
  db: Db,
  topicId: string | null,
  subject = "harbour",
  text?: { title: string; body: string },
): Promise<string> {
  const seed = storySeed++;
  const { title, body } = text ?? syntheticStory(seed, subject);
  const story = await db.story.create({
    data: {
      slug: `story-${seed}-${randomBytes(4).toString("hex")}`,
      title,
      body,
      original: `${title}\n\n${body}`,
      originalFormat: "text",
      contentHash: createHash("sha256")
        .update(`${title}\n${body}\n${randomBytes(8).toString("hex")}`)
        .digest("hex"),
      publishedAt: new Date(Date.UTC(2025, 10, 1 + (seed % 28))),
      ...(topicId ? { topics: { create: { topicId, origin: "manual", status: "approved" } } } : {}),
    },
    select: { id: true },
  });
  return story.id;
}

export async function countVersions(db: Db, topicId: string): Promise<number> {
  return db.briefing.count({ where: { topicId } });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `check` returns true; throws with `what` after the timeout. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 15_000,
  intervalMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(intervalMs);
  }
  throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}

/** Short windows so tests can watch debouncing, retries and expiry happen. */
export const FAST_SETTINGS = { debounceSeconds: 1, expireInSeconds: 4, retryLimit: 3, retryDelaySeconds: 1 };
export const FAST_WORKER = {
  settings: FAST_SETTINGS,
  pollingIntervalSeconds: 0.5,
  maintenanceIntervalSeconds: 1,
};
