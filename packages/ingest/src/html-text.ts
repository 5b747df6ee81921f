// Converts HTML to clean paragraphs of text. Everything passes sanitize-html first, so script,
// style, event handlers and javascript: URLs never reach a DOM, the text, or derived HTML.

import { parseHTML } from "linkedom";
import sanitizeHtml from "sanitize-html";
import type { DroppedText } from "./types";

const CONTENT_TAGS = [
  "article", "main", "section", "header", "footer", "aside", "nav", "div", "span", "p", "br", "hr",
  "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "q", "pre", "code",
  "a", "b", "strong", "i", "em", "u", "s", "small", "sub", "sup", "mark", "abbr", "cite", "time", "address",
  "figure", "figcaption", "img", "picture", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
];

/** Sanitizer settings for any HTML we keep or derive: structure and links only. */
export const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: CONTENT_TAGS,
  allowedAttributes: { a: ["href"], img: ["alt", "src"], time: ["datetime"], "*": ["class", "id", "lang"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "template", "iframe", "object", "svg", "math", "button", "select", "form"],
};

export function sanitizeHtmlFragment(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}

const BLOCK_TAGS = new Set([
  "ARTICLE", "MAIN", "SECTION", "HEADER", "FOOTER", "ASIDE", "NAV", "DIV", "P", "H1", "H2", "H3", "H4", "H5", "H6",
  "UL", "OL", "LI", "DL", "DT", "DD", "BLOCKQUOTE", "PRE", "FIGURE", "TABLE", "TR", "ADDRESS", "HR", "CAPTION",
]);

export type HtmlParagraphs = { paragraphs: string[]; dropped: DroppedText[] };

type MinimalNode = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<MinimalNode> };

/** Paragraphs of an HTML fragment; figure captions go to `dropped`, not the text. */
export function convertHtmlToParagraphs(html: string, options: { alreadySanitized?: boolean } = {}): HtmlParagraphs {
  const clean = options.alreadySanitized ? html : sanitizeHtmlFragment(html);
  const { document } = parseHTML(`<!doctype html><html><body>${clean}</body></html>`);
  return collectParagraphs(document.body as unknown as MinimalNode);
}

export function collectParagraphs(root: MinimalNode): HtmlParagraphs {
  const paragraphs: string[] = [];
  const dropped: DroppedText[] = [];
  let current = "";

  const flush = (): void => {
    const text = current.replace(/\s+/g, " ").trim();
    if (text.length > 0) paragraphs.push(text);
    current = "";
  };

  const walk = (node: MinimalNode): void => {
    if (node.nodeType === 3) {
      current += node.textContent ?? "";
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = node.nodeName.toUpperCase();
    if (tag === "FIGCAPTION" || tag === "CAPTION") {
      const text = (node.textContent ?? "").replace(/\s+/g, " ").trim();
      if (text) dropped.push({ text, reason: "photo caption (figcaption)" });
      return;
    }
    if (tag === "BR") {
      flush();
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child) walk(child);
    }
    if (block) flush();
    else if (tag === "TD" || tag === "TH") current += " ";
  };

  walk(root);
  flush();
  return { paragraphs, dropped };
}

/** Markup inside what should be plain text: a paste from a rich editor or a JSON body. */
export function containsMarkup(text: string): boolean {
  return /<\/?(?:p|div|br|span|a|b|i|em|strong|h[1-6]|ul|ol|li|script|style|iframe|img|figure|blockquote|table)\b[^>]*>/i.test(text);
}

/** Decodes the entities that survive in text fields of feeds and JSON ("&amp;", "&#8217;"). */
export function decodeEntities(text: string): string {
  if (!/&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i.test(text)) return text;
  // Escaping "<" first means the parser only ever sees text, never tags.
  const { document } = parseHTML(`<!doctype html><html><body><p>${text.replace(/</g, "&lt;")}</p></body></html>`);
  return document.body.textContent ?? text;
}

const ACTIVE_CONTENT: { pattern: RegExp; label: string }[] = [
  { pattern: /<script\b(?![^>]*application\/ld\+json)/gi, label: "<script> element" },
  { pattern: /<(?:iframe|object|embed)\b/gi, label: "<iframe>/<object> element" },
  { pattern: /<style\b/gi, label: "<style> element" },
  { pattern: /\son[a-z]+\s*=/gi, label: "on… event handler" },
  { pattern: /(?:href|src)\s*=\s*["']?\s*javascript:/gi, label: "javascript: URL" },
];

/** One `dropped` entry per kind of active content the sanitizer takes out, with a count. */
export function describeActiveContent(html: string): DroppedText[] {
  const found: DroppedText[] = [];
  for (const { pattern, label } of ACTIVE_CONTENT) {
    const count = html.match(pattern)?.length ?? 0;
    if (count > 0) found.push({ text: `${count} × ${label}`, reason: "active content removed by the sanitizer" });
  }
  return found;
}
