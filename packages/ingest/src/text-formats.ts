// Plain text and Markdown articles: the first line (or front matter / first heading) is the
// title, the rest is the body. Front matter is read with gray-matter, YAML/JSON only.

import matter from "gray-matter";
import { splitParagraphs } from "./paragraph-splitting";
import { assembleStory, reject } from "./story-assembly";
import type { StoryDraft } from "./story-assembly";
import { isRecord, readAuthors, readFirstString, readString } from "./record-fields";
import type { DroppedText, ItemResult } from "./types";

export function parsePlainText(text: string, item: string): ItemResult {
  const [title, ...paragraphs] = splitParagraphs(text);
  if (title === undefined)
    return reject(item, "EMPTY", "the file has no text. Check that the right file was uploaded.");
  return assembleStory({ title, paragraphs, findBylineInText: true, format: "text", original: text }, item);
}

/** gray-matter can evaluate `---js` front matter; an upload must never run code. */
const refuseEngine = (): never => {
  throw new Error("only YAML or JSON front matter is read");
};
const FRONT_MATTER_OPTIONS = {
  engines: {
    js: refuseEngine,
    javascript: refuseEngine,
    coffee: refuseEngine,
    coffeescript: refuseEngine,
    cson: refuseEngine,
  },
};

export function parseMarkdown(text: string, item: string): ItemResult {
  const warnings: string[] = [];
  let data: Record<string, unknown> = {};
  let content = text;
  try {
    // Passing options also turns off gray-matter's unbounded per-string cache.
    const parsed = matter(text, FRONT_MATTER_OPTIONS);
    data = isRecord(parsed.data) ? parsed.data : {};
    content = parsed.content;
  } catch (error) {
    warnings.push(
      `front matter ignored: ${error instanceof Error ? error.message.split("\n")[0] : "unreadable"}`,
    );
  }

  const dropped: DroppedText[] = [];
  let paragraphs = convertMarkdownToParagraphs(content, dropped);
  let title = readString(data, ["title", "headline"]);
  if (title === null) {
    // Without front matter the first line is the title, whether or not it is a "# heading".
    title = paragraphs[0] ?? null;
    paragraphs = paragraphs.slice(1);
  }
  if (title === null)
    return reject(item, "EMPTY", "the file has no text. Check that the right file was uploaded.");
  title = stripInlineMarkdown(title, dropped);

  const authors = data["authors"] ?? data["author"] ?? data["byline"];
  const draft: StoryDraft = {
    title,
    dek: readString(data, ["dek", "subtitle", "description", "summary"]),
    paragraphs,
    byline: readAuthors(authors),
    findBylineInText: true,
    source: readString(data, ["source", "publisher", "site"]),
    url: readString(data, ["url", "link", "canonical"]),
    date: data["date"] ?? data["publishedAt"] ?? data["published"] ?? null,
    topicHint: readString(data, ["topic"]) ?? readFirstString(data["topics"]),
    format: "markdown",
    original: text,
    warnings,
    dropped,
  };
  return assembleStory(draft, item);
}

/** Markdown to plain paragraphs: markers removed, link text kept, images recorded as dropped. */
export function convertMarkdownToParagraphs(markdown: string, dropped: DroppedText[]): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  let inFence = false;
  const flush = (): void => {
    const text = current.join(" ").replace(/\s+/g, " ").trim();
    if (text) paragraphs.push(text);
    current = [];
  };

  for (const rawLine of markdown.replace(/\r\n?/g, "\n").split("\n")) {
    const line = rawLine.trimEnd();
    if (/^\s*(```|~~~)/.test(line)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      current.push(line);
      continue;
    }
    if (line.trim() === "") {
      flush();
      continue;
    }
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line) || /^\s*(=+|-+)\s*$/.test(line)) {
      flush();
      continue;
    }
    if (/^\s*\[[^\]]+\]:\s*\S+/.test(line)) {
      dropped.push({ text: line.trim(), reason: "markdown link definition" });
      continue;
    }
    const heading = /^\s*#{1,6}\s+(.*?)\s*#*$/.exec(line);
    const listItem = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (heading || listItem) {
      flush();
      current.push(stripInlineMarkdown((heading ?? listItem)?.[1] ?? "", dropped));
      flush();
      continue;
    }
    current.push(stripInlineMarkdown(line.replace(/^\s*(?:>\s?)+/, ""), dropped));
  }
  flush();
  return paragraphs;
}

function stripInlineMarkdown(text: string, dropped: DroppedText[]): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, (_match, alt: string) => {
      dropped.push({ text: alt || "(image)", reason: "image (markdown)" });
      return "";
    })
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, "$2")
    .replace(/(^|[\s(])([*_])(?=\S)(.+?)(?<=\S)\2(?=[\s).,;:!?]|$)/g, "$1$3")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, "$1")
    .trim();
}
