// Fills a database with the XSS corpus the way people would: accounts named with it, editors
// uploading it in each of the eight formats (each field written so that, once parsed, it holds
// the vector's text), admins creating topics named and described with it, tagging, rules that
// raise suggestions, and briefings built over it. Everything goes through the api's procedures.
import { createCaller, createInlineJobs, createInnerContext } from "@dispatch/api";
import { createUser, type SessionUser } from "@dispatch/auth";
import type { Db } from "@dispatch/db";

const FORMATS = ["text", "markdown", "html", "bundle", "json", "ndjson", "rss", "atom"] as const;
type Format = (typeof FORMATS)[number];
import { packVectors, XSS_VECTORS } from "./security-xss-vectors";

// Below the single-line field limits (title 300, source and names 120), with room to spare.
const TITLES = packVectors(280);
const DEKS = packVectors(560);
const NAMES = packVectors(110);
const DESCRIPTIONS = packVectors(990);
/** Links: the corpus's own URL-ish vectors. */
const LINKS = XSS_VECTORS.filter((vector) => vector.kind === "url scheme" || vector.kind === "markdown").map(
  (vector) => vector.text,
);

export type SeededStory = { format: Format; title: string; slug: string; id: string };
export type SeedSummary = {
  stories: SeededStory[];
  topicSlugs: string[];
  batchIds: string[];
  /** Per field, how many stored values hold a vector's text verbatim (the rest were cleaned). */
  verbatim: Record<string, number>;
  adminName: string;
};

type StoryFields = {
  title: string;
  dek: string;
  byline: string;
  source: string;
  url: string;
  paragraphs: string[];
  date: string;
};

const pick = <T>(list: readonly T[], index: number): T => {
  const value = list[index % list.length];
  if (value === undefined) throw new Error("empty list");
  return value;
};

/** The story's body: every vector, a few to a paragraph, starting at a different one per story, plus a line of its own. */
function bodyOf(format: Format, index: number): string[] {
  const rotated = [
    ...XSS_VECTORS.slice((index * 7) % XSS_VECTORS.length),
    ...XSS_VECTORS.slice(0, (index * 7) % XSS_VECTORS.length),
  ];
  const paragraphs = [
    `The marsh committee met on day ${index + 1} of the ${format} harbour inquiry and heard from pilots about the tide gauges.`,
  ];
  for (let start = 0; start < rotated.length; start += 5) {
    const chunk = rotated.slice(start, start + 5).map((vector) => vector.text.replace(/\n/g, " "));
    paragraphs.push(
      `Witness ${start / 5 + 1} told the marsh committee about the harbour: ${chunk.join(" and ")} before the hearing closed.`,
    );
  }
  return paragraphs;
}

function fieldsOf(format: Format, index: number, offset: number): StoryFields {
  return {
    title: pick(TITLES, index + offset),
    dek: pick(DEKS, index + offset),
    byline: pick(NAMES, index + offset + 61),
    source: pick(NAMES, index + offset + 37),
    url: pick(LINKS, index + offset),
    paragraphs: bodyOf(format, index + offset),
    date: new Date(Date.UTC(2026, 9, 1 + (index % 28), 8, offset)).toISOString(),
  };
}

const escapeHtml = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
const escapeXml = escapeHtml;
const yaml = (text: string) => JSON.stringify(text);

type File = { name: string; text: string };

/** The upload files of one format carrying `count` stories. */
function filesFor(format: Format, count: number, offset: number): File[] {
  const stories = Array.from({ length: count }, (_, index) => fieldsOf(format, index, offset));
  const one = (fields: StoryFields, index: number): File => {
    switch (format) {
      case "text":
        return {
          name: `xss-${index}.txt`,
          text: [fields.title, `By ${fields.byline}`, ...fields.paragraphs].join("\n\n"),
        };
      case "markdown":
        return {
          name: `xss-${index}.md`,
          text: [
            "---",
            `title: ${yaml(fields.title)}`,
            `dek: ${yaml(fields.dek)}`,
            `author: ${yaml(fields.byline)}`,
            `source: ${yaml(fields.source)}`,
            `url: ${yaml(fields.url)}`,
            `date: ${yaml(fields.date)}`,
            "---",
            "",
            ...fields.paragraphs.flatMap((paragraph) => [paragraph, ""]),
          ].join("\n"),
        };
      case "html":
        return {
          name: `xss-${index}.html`,
          text: `<!doctype html><html><head><title>${escapeHtml(fields.title)}</title>
<meta property="og:title" content="${escapeHtml(fields.title)}">
<meta name="description" content="${escapeHtml(fields.dek)}">
<meta name="author" content="${escapeHtml(fields.byline)}">
<meta property="og:site_name" content="${escapeHtml(fields.source)}">
<meta property="article:published_time" content="${fields.date}">
<link rel="canonical" href="${escapeHtml(fields.url)}">
</head><body><article><h1>${escapeHtml(fields.title)}</h1>
${fields.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join("\n")}
<p>The raw markup follows, for the cleaner to deal with: ${XSS_VECTORS.slice(0, 40)
            .map((vector) => vector.text)
            .join(" ")}</p>
</article></body></html>`,
        };
      default:
        throw new Error(`${format} is a many-story format`);
    }
  };
  switch (format) {
    case "text":
    case "markdown":
    case "html":
      return stories.map(one);
    case "bundle":
      return [
        {
          name: "xss-bundle.txt",
          text: stories
            .map((fields) =>
              [fields.title, `By ${fields.byline}`, ...fields.paragraphs, "Source link"].join("\n\n"),
            )
            .join("\n\n"),
        },
      ];
    case "json":
    case "ndjson": {
      const records = stories.map((fields) => ({
        title: fields.title,
        dek: fields.dek,
        author: fields.byline,
        source: fields.source,
        url: fields.url,
        publishedAt: fields.date,
        body: fields.paragraphs.join("\n\n"),
      }));
      return format === "json"
        ? [{ name: "xss.json", text: JSON.stringify(records, null, 1) }]
        : [{ name: "xss.ndjson", text: records.map((record) => JSON.stringify(record)).join("\n") }];
    }
    case "rss":
      return [
        {
          name: "xss-rss.xml",
          text: `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>${escapeXml(pick(NAMES, offset))}</title><link>https://outlet.example/</link><description>d</description>
${stories
  .map(
    (
      fields,
    ) => `<item><title>${escapeXml(fields.title)}</title><link>${escapeXml(fields.url)}</link><dc:creator>${escapeXml(fields.byline)}</dc:creator><pubDate>${new Date(fields.date).toUTCString()}</pubDate>
<description>${escapeXml(fields.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join(""))}</description></item>`,
  )
  .join("\n")}
</channel></rss>`,
        },
      ];
    case "atom":
      return [
        {
          name: "xss-atom.xml",
          text: `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">${escapeXml(pick(NAMES, offset))}</title><id>urn:xss:feed</id><updated>2026-10-01T00:00:00Z</updated>
${stories
  .map(
    (
      fields,
      index,
    ) => `<entry><id>urn:xss:${index}</id><title type="text">${escapeXml(fields.title)}</title><summary type="text">${escapeXml(fields.dek)}</summary>
<author><name>${escapeXml(fields.byline)}</name></author><link href="${escapeXml(fields.url)}"/><updated>${fields.date}</updated><published>${fields.date}</published>
<content type="html">${escapeXml(fields.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join(""))}</content></entry>`,
  )
  .join("\n")}
</feed>`,
        },
      ];
  }
}

/**
 * Stories per format. Every story's body carries the whole corpus; titles, deks, bylines and
 * sources rotate through it, so each vector is in every field across the formats.
 */
export const STORIES_PER_FORMAT = 8;
/** Topics that get stories (and so briefings); the others show their name and description only. */
export const TOPICS_WITH_STORIES = 16;

/** Every upload file of the corpus, by format. */
export function buildUploads(): { format: Format; files: File[] }[] {
  return FORMATS.map((format, formatIndex) => ({
    format,
    files: filesFor(format, STORIES_PER_FORMAT, formatIndex * STORIES_PER_FORMAT),
  }));
}

/** How many stored values of each field hold a vector verbatim: proof the corpus reached them as text. */
async function countVerbatim(db: Db): Promise<Record<string, number>> {
  const texts = XSS_VECTORS.map((vector) => vector.text.replace(/\s+/g, " "));
  const holds = (value: string | null | undefined) =>
    Boolean(value && texts.some((text) => value.includes(text)));
  const counts: Record<string, number> = {};
  const count = (field: string, value: string | null | undefined) => {
    if (holds(value)) counts[field] = (counts[field] ?? 0) + 1;
  };
  for (const story of await db.story.findMany({
    select: {
      title: true,
      dek: true,
      byline: true,
      source: { select: { name: true } },
      url: true,
      body: true,
    },
  })) {
    count("story title", story.title);
    count("story dek", story.dek);
    count("story byline", story.byline.join(", "));
    count("story source", story.source?.name);
    count("story url", story.url);
    count("story body", story.body);
  }
  for (const topic of await db.topic.findMany({ select: { name: true, description: true } })) {
    count("topic name", topic.name);
    count("topic description", topic.description);
  }
  for (const user of await db.user.findMany({ select: { name: true } })) count("user name", user.name);
  return counts;
}

export async function seedHostileNewsroom(db: Db): Promise<SeedSummary> {
  // Accounts named with the corpus: the uploading editors (one per format, so upload history
  // and the audit log show their names) and the admin sign in; the other names fill the users
  // page as accounts without a password (hashing one for each would cost half a minute).
  const accounts: SessionUser[] = [];
  for (const [index, name] of NAMES.slice(0, FORMATS.length + 1).entries()) {
    const role = index < FORMATS.length ? "editor" : "admin";
    accounts.push(
      (
        await createUser(db, {
          email: `xss-${index}@dispatch.test`,
          name,
          role,
          password: "xss-suite-password",
        })
      ).user,
    );
  }
  await db.user.createMany({
    data: NAMES.slice(FORMATS.length + 1).map((name, index) => ({
      id: `xss-user-${index}`,
      email: `xss-reader-${index}@dispatch.test`,
      name,
      role: "reader",
      emailVerified: true,
    })),
  });
  const admin = accounts[FORMATS.length];
  if (!admin) throw new Error("no admin account");
  const actorCaller = (user: SessionUser, jobs = createInlineJobs(db, { userId: user.id, via: "ui" })) => ({
    caller: createCaller(createInnerContext({ db, user, via: "ui", jobs: jobs.queue })),
    jobs,
  });

  // Topics, named and described with the corpus; a few with a rule that matches every story
  // but needs review, so the review queue fills with hostile titles and names.
  const adminSide = actorCaller(admin);
  const topicSlugs: string[] = [];
  for (const [index, name] of NAMES.entries()) {
    const topic = await adminSide.caller.topic.create({
      name,
      description: pick(DESCRIPTIONS, index),
      ...(index < 3 ? { includeTerms: ["marsh committee"], autoApprove: false } : {}),
    });
    topicSlugs.push(topic.slug);
  }

  const uploads = buildUploads();
  const stories: SeededStory[] = [];
  const batchIds: string[] = [];
  for (const [index, upload] of uploads.entries()) {
    const editor = accounts[index];
    if (!editor) throw new Error("no editor account");
    const { caller, jobs } = actorCaller(editor);
    const result = await caller.upload.commit({
      files: upload.files.map((file) => ({ name: file.name, text: file.text })),
    });
    batchIds.push(result.batchId);
    const refused = result.items.filter((item) => item.status !== "stored");
    if (refused.length > 0)
      throw new Error(
        `${upload.format}: ${refused.length} items not stored, e.g. ${refused[0]?.item}: ${refused[0]?.message}`,
      );
    for (const item of result.items) {
      if (item.storyId && item.storySlug)
        stories.push({
          format: upload.format,
          title: item.title ?? "",
          slug: item.storySlug,
          id: item.storyId,
        });
    }
    await jobs.flush();
  }

  // Tag every story with a topic, and build every topic's briefing over them.
  for (const [index, story] of stories.entries()) {
    await adminSide.caller.tag.add({
      story: story.id,
      topic: pick(topicSlugs.slice(0, TOPICS_WITH_STORIES), index),
    });
  }
  // Edits through the editor form's procedure, too: a story's fields replaced with other vectors.
  for (const [index, story] of stories
    .filter((_, position) => position % STORIES_PER_FORMAT === 0)
    .entries()) {
    await adminSide.caller.story.update({
      id: story.id,
      dek: pick(DEKS, index + 5),
      source: pick(NAMES, index + 50),
      body: bodyOf("text", index + 100).join("\n\n"),
    });
  }
  await adminSide.jobs.flush();

  return { stories, topicSlugs, batchIds, verbatim: await countVerbatim(db), adminName: admin.name };
}
