// Decides which parser reads a file: strong content signatures first (a feed root, an HTML
// document, a "Source link" bundle), then the file extension, the content type, weak sniffing.

import { isBundle } from "./bundle-format";
import { detectFeedKind } from "./feed-formats";
import { looksLikeNdjson } from "./json-records";
import type { Format } from "./types";

const BY_EXTENSION: Record<string, Format | "xml"> = {
  txt: "text",
  text: "text",
  md: "markdown",
  markdown: "markdown",
  mdx: "markdown",
  html: "html",
  htm: "html",
  xhtml: "html",
  json: "json",
  jsonl: "ndjson",
  ndjson: "ndjson",
  rss: "rss",
  atom: "atom",
  xml: "xml",
};

const BY_CONTENT_TYPE: Record<string, Format | "xml"> = {
  "text/plain": "text",
  "text/markdown": "markdown",
  "text/x-markdown": "markdown",
  "text/html": "html",
  "application/xhtml+xml": "html",
  "application/json": "json",
  "application/feed+json": "json",
  "application/x-ndjson": "ndjson",
  "application/ndjson": "ndjson",
  "application/jsonl": "ndjson",
  "application/jsonlines": "ndjson",
  "application/rss+xml": "rss",
  "application/atom+xml": "atom",
  "application/xml": "xml",
  "text/xml": "xml",
};

export type FormatGuess = { format: Format; reason: string } | { format: null; reason: string };

export function detectFormat(
  text: string,
  name: string | undefined,
  contentType: string | undefined,
): FormatGuess {
  const head = text.slice(0, 4096).trimStart();
  const feed = detectFeedKind(head);
  if (feed) return { format: feed, reason: "feed root element" };

  const extension = name ? /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() : undefined;
  const declared =
    (extension ? BY_EXTENSION[extension] : undefined) ??
    (contentType ? BY_CONTENT_TYPE[contentType.split(";")[0]?.trim().toLowerCase() ?? ""] : undefined);

  if (declared === "xml") {
    return looksLikeHtml(head)
      ? { format: "html", reason: "XHTML document" }
      : { format: null, reason: "XML that is not an RSS or Atom feed" };
  }
  if (declared === "json" && !isJson(text) && looksLikeNdjson(text))
    return { format: "ndjson", reason: "one JSON object per line" };
  if (declared === "text" || declared === undefined) {
    if (isBundle(text)) return { format: "bundle", reason: "“Source link” article endings" };
  }
  if (declared) return { format: declared, reason: extension ? `.${extension} extension` : "content type" };

  if (looksLikeHtml(head)) return { format: "html", reason: "HTML markup" };
  if (/^[[{]/.test(head)) {
    if (isJson(text)) return { format: "json", reason: "JSON content" };
    if (looksLikeNdjson(text)) return { format: "ndjson", reason: "one JSON object per line" };
  }
  if (
    /^---\r?\n[\s\S]*?\r?\n---\r?\n/.test(head) ||
    /^#{1,3} \S/m.test(head) ||
    /\[[^\]]+\]\(https?:[^)]+\)/.test(head)
  ) {
    return { format: "markdown", reason: "Markdown syntax" };
  }
  return { format: "text", reason: "plain text" };
}

function looksLikeHtml(head: string): boolean {
  return /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(
    head,
  );
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
