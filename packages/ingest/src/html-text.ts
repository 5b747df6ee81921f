// Converts HTML to clean paragraphs of text. Everything passes sanitize-html first, so script,
// style, event handlers and javascript: URLs never reach a DOM, the text, or derived HTML.

import { parseHTML } from "linkedom";
import sanitizeHtml from "sanitize-html";
import type { DroppedText } from "./types";

const CONTENT_TAGS = [
  "article",
  "main",
  "section",
  "header",
  "footer",
  "aside",
  "nav",
  "div",
  "span",
  "p",
  "br",
  "hr",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "ol",
  "li",
  "dl",
  "dt",
  "dd",
  "blockquote",
  "q",
  "pre",
  "code",
  "a",
  "b",
  "strong",
  "i",
  "em",
  "u",
  "s",
  "small",
  "sub",
  "sup",
  "mark",
  "abbr",
  "cite",
  "time",
  "address",
  "figure",
  "figcaption",
  "img",
  "picture",
  "table",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "th",
  "td",
  "caption",
];

/** Sanitizer settings for any HTML we keep or derive: structure and links only. */
export const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: CONTENT_TAGS,
  allowedAttributes: { a: ["href"], img: ["alt", "src"], time: ["datetime"], "*": ["class", "id", "lang"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  nonTextTags: [
    "script",
    "style",
    "textarea",
    "option",
    "noscript",
    "template",
    "iframe",
    "object",
    "svg",
    "math",
    "button",
    "select",
    "form",
  ],
};

export function sanitizeHtmlFragment(html: string): string {
  assertMarkupDepth(html);
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}

/**
 * Levels of tags inside tags that any article needs at most. The HTML parsers' cost grows
 * with the square of the depth: 40,000 nested <div>s took minutes, so a 5 MB file of them
 * would hold the server for hours.
 */
export const MAX_MARKUP_DEPTH = 256;

/** Thrown before parsing markup nested deeper than MAX_MARKUP_DEPTH; item guards turn it into that item's rejection. */
export class MarkupTooDeepError extends Error {
  override readonly name = "MarkupTooDeepError";
}

// Elements that never nest (void) or whose end tag may be left out (a page of unclosed <p>s is
// shallow), so they are not counted.
const UNCOUNTED_TAGS = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
  "p",
  "li",
  "dt",
  "dd",
  "tr",
  "td",
  "th",
  "thead",
  "tbody",
  "tfoot",
  "option",
  "optgroup",
  "colgroup",
  "caption",
  "rb",
  "rt",
  "rp",
  "html",
  "head",
  "body",
]);

/** Throws MarkupTooDeepError when tags nest deeper than the limit; a linear scan, no parsing. */
export function assertMarkupDepth(html: string, maxDepth: number = MAX_MARKUP_DEPTH): void {
  let depth = 0;
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^<>]*?(\/?)>/g)) {
    const [, closing, name = "", selfClosing] = match;
    if (selfClosing || UNCOUNTED_TAGS.has(name.toLowerCase())) continue;
    if (closing) depth = Math.max(0, depth - 1);
    else if (++depth > maxDepth) {
      throw new MarkupTooDeepError(
        `nests tags more than ${maxDepth} levels deep (tags inside tags); no article is built like that. Fix the file or export it again.`,
      );
    }
  }
}

const BLOCK_TAGS = new Set([
  "ARTICLE",
  "MAIN",
  "SECTION",
  "HEADER",
  "FOOTER",
  "ASIDE",
  "NAV",
  "DIV",
  "P",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "UL",
  "OL",
  "LI",
  "DL",
  "DT",
  "DD",
  "BLOCKQUOTE",
  "PRE",
  "FIGURE",
  "TABLE",
  "TR",
  "ADDRESS",
  "HR",
  "CAPTION",
]);

export type HtmlParagraphs = { paragraphs: string[]; dropped: DroppedText[] };

type MinimalNode = {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<MinimalNode>;
};

/** Paragraphs of an HTML fragment; figure captions go to `dropped`, not the text. */
export function convertHtmlToParagraphs(
  html: string,
  options: { alreadySanitized?: boolean } = {},
): HtmlParagraphs {
  assertMarkupDepth(html);
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
  return /<\/?(?:p|div|br|span|a|b|i|em|strong|h[1-6]|ul|ol|li|script|style|iframe|img|figure|blockquote|table)\b[^>]*>/i.test(
    text,
  );
}

/** Decodes the entities that survive in text fields of feeds and JSON ("&amp;", "&#8217;"). */
export function decodeEntities(text: string): string {
  if (!/&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i.test(text)) return text;
  // Escaping "<" first means the parser only ever sees text, never tags.
  const { document } = parseHTML(
    `<!doctype html><html><body><p>${text.replace(/</g, "&lt;")}</p></body></html>`,
  );
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
    if (count > 0)
      found.push({ text: `${count} × ${label}`, reason: "active content removed by the sanitizer" });
  }
  return found;
}
