// Web pages: metadata from <meta>, OpenGraph and JSON-LD; main content from Readability run on
// a linkedom DOM of the sanitized page (scripts are gone before any DOM sees the content).

import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import sanitizeHtml from "sanitize-html";
import { assertMarkupDepth, collectParagraphs, describeActiveContent, SANITIZE_OPTIONS } from "./html-text";
import { isRecord, readAuthors } from "./record-fields";
import { assembleStory, reject } from "./story-assembly";
import type { DroppedText, ItemResult } from "./types";

type PageMetadata = {
  title: string | null;
  dek: string | null;
  authors: string[];
  date: string | null;
  source: string | null;
  url: string | null;
};

type DomNode = Parameters<typeof collectParagraphs>[0];

/** Page chrome that Readability normally discards; dropped outright when it cannot run. */
const FALLBACK_OPTIONS: sanitizeHtml.IOptions = {
  ...SANITIZE_OPTIONS,
  nonTextTags: [...(SANITIZE_OPTIONS.nonTextTags ?? []), "nav", "header", "footer", "aside"],
};

export function parseHtmlPage(html: string, item: string): ItemResult {
  assertMarkupDepth(html);
  const warnings: string[] = [];
  const { document: rawDocument } = parseHTML(html);
  const metadata = readPageMetadata(rawDocument, warnings);

  const clean = sanitizeHtml(html, SANITIZE_OPTIONS);
  const { document } = parseHTML(
    `<!doctype html><html><head><title></title></head><body>${clean}</body></html>`,
  );
  const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();

  let paragraphs: string[];
  const dropped: DroppedText[] = describeActiveContent(html);
  if (article?.content) {
    // Readability's output came from sanitized input; sanitize again since it re-serialises.
    const { document: content } = parseHTML(
      `<!doctype html><html><body>${sanitizeHtml(article.content, SANITIZE_OPTIONS)}</body></html>`,
    );
    const collected = collectParagraphs(content.body as unknown as DomNode);
    paragraphs = collected.paragraphs;
    dropped.push(...collected.dropped);
  } else {
    const { document: fallback } = parseHTML(
      `<!doctype html><html><body>${sanitizeHtml(html, FALLBACK_OPTIONS)}</body></html>`,
    );
    const collected = collectParagraphs(fallback.body as unknown as DomNode);
    paragraphs = collected.paragraphs;
    dropped.push(...collected.dropped);
    warnings.push("could not find a main article block; used all of the page's text");
  }

  const title = metadata.title ?? (article?.title || null) ?? paragraphs[0] ?? null;
  if (title === null)
    return reject(item, "EMPTY", "the page has no text. Check that the right file was uploaded.");
  // Pages repeat the headline (and often the standfirst) at the top of the article text.
  paragraphs = paragraphs.filter((paragraph, index) => {
    const repeated =
      index < 3 &&
      (paragraph === title ||
        (paragraph.length >= 10 && title.startsWith(paragraph)) ||
        paragraph === metadata.dek);
    if (repeated)
      dropped.push({
        text: paragraph,
        reason:
          paragraph === metadata.dek
            ? "standfirst repeated in body (kept as dek)"
            : "headline repeated in body",
      });
    return !repeated;
  });

  const readabilityByline = article?.byline ? readAuthors(article.byline) : [];
  return assembleStory(
    {
      title,
      dek: metadata.dek ?? (article?.excerpt || null),
      paragraphs,
      byline: metadata.authors.length > 0 ? metadata.authors : readabilityByline,
      findBylineInText: true,
      source: metadata.source ?? (article?.siteName || null),
      url: metadata.url,
      date: metadata.date ?? (article?.publishedTime || null),
      format: "html",
      original: html,
      warnings,
      dropped,
    },
    item,
  );
}

type MetaDocument = {
  querySelectorAll(
    selector: string,
  ): ArrayLike<{ getAttribute(name: string): string | null; textContent: string | null }>;
  querySelector(
    selector: string,
  ): { getAttribute(name: string): string | null; textContent: string | null } | null;
};

function readPageMetadata(document: MetaDocument, warnings: string[]): PageMetadata {
  const meta = new Map<string, string>();
  const metaNodes = document.querySelectorAll("meta");
  for (let i = 0; i < metaNodes.length; i++) {
    const node = metaNodes[i];
    const key = (
      node?.getAttribute("property") ??
      node?.getAttribute("name") ??
      node?.getAttribute("itemprop") ??
      ""
    ).toLowerCase();
    const content = node?.getAttribute("content")?.trim();
    if (key && content && !meta.has(key)) meta.set(key, content);
  }
  const ld = readJsonLdArticle(document, warnings);
  const pick = (...values: (string | null | undefined)[]): string | null =>
    values.find((value): value is string => typeof value === "string" && value.trim() !== "")?.trim() ?? null;

  const metaAuthor =
    meta.get("author") ??
    meta.get("article:author") ??
    meta.get("parsely-author") ??
    meta.get("sailthru.author");
  const authors =
    ld.authors.length > 0
      ? ld.authors
      : metaAuthor && !/^https?:/i.test(metaAuthor)
        ? readAuthors(metaAuthor)
        : [];
  const timeNode = document.querySelector("time[datetime]");

  return {
    title: pick(
      ld.headline,
      meta.get("og:title"),
      meta.get("twitter:title"),
      document.querySelector("title")?.textContent,
    ),
    dek: pick(
      meta.get("og:description"),
      meta.get("description"),
      meta.get("twitter:description"),
      ld.description,
    ),
    authors,
    date: pick(
      ld.datePublished,
      meta.get("article:published_time"),
      meta.get("date"),
      meta.get("pubdate"),
      meta.get("publish-date"),
      meta.get("dc.date"),
      meta.get("datepublished"),
      timeNode?.getAttribute("datetime"),
    ),
    source: pick(ld.publisher, meta.get("og:site_name"), meta.get("application-name")),
    url: pick(
      document.querySelector('link[rel="canonical"]')?.getAttribute("href"),
      meta.get("og:url"),
      ld.url,
    ),
  };
}

type JsonLdArticle = {
  headline?: string;
  description?: string;
  authors: string[];
  datePublished?: string;
  publisher?: string;
  url?: string;
};

const ARTICLE_TYPES =
  /^(?:NewsArticle|Article|ReportageNews|AnalysisNewsArticle|BlogPosting|OpinionNewsArticle|LiveBlogPosting|WebPage)$/;

function readJsonLdArticle(document: MetaDocument, warnings: string[]): JsonLdArticle {
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  const candidates: Record<string, unknown>[] = [];
  for (let i = 0; i < scripts.length; i++) {
    const source = scripts[i]?.textContent ?? "";
    try {
      collectJsonLdNodes(JSON.parse(source) as unknown, candidates);
    } catch {
      warnings.push("skipped a JSON-LD block that is not valid JSON");
    }
  }
  const rank = (node: Record<string, unknown>): number => {
    const types = ([] as unknown[])
      .concat(node["@type"])
      .filter((type): type is string => typeof type === "string");
    if (types.some((type) => type !== "WebPage" && ARTICLE_TYPES.test(type))) return 2;
    return types.includes("WebPage") ? 1 : 0;
  };
  const best = candidates.filter((node) => rank(node) > 0).sort((a, b) => rank(b) - rank(a))[0];
  if (!best) return { authors: [] };

  const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
  const publisher = best["publisher"];
  const mainEntity = best["mainEntityOfPage"];
  return {
    headline: text(best["headline"]) ?? text(best["name"]),
    description: text(best["description"]),
    authors: readAuthors(best["author"]),
    datePublished: text(best["datePublished"]) ?? text(best["dateCreated"]),
    publisher: isRecord(publisher) ? text(publisher["name"]) : text(publisher),
    url: text(best["url"]) ?? (isRecord(mainEntity) ? text(mainEntity["@id"]) : text(mainEntity)),
  };
}

function collectJsonLdNodes(value: unknown, into: Record<string, unknown>[]): void {
  if (Array.isArray(value)) {
    for (const entry of value) collectJsonLdNodes(entry, into);
    return;
  }
  if (!isRecord(value)) return;
  into.push(value);
  if (Array.isArray(value["@graph"])) collectJsonLdNodes(value["@graph"], into);
}
