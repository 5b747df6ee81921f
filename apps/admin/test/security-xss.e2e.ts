// Stored XSS: our corpus of hostile text (security-xss-vectors.ts) goes in through every upload
// format and every editable field — story title, dek, byline, source, body and link, topic
// name and description, account names — and every public and admin page that shows it is
// rendered in Chromium. No vector may run (a `__xss` sentinel, dialogs, console, page errors)
// and no element it could inject (each carries `data-xss`, an event handler or a script URL)
// may be in the page. Feeds are read as XML too: well-formed, nothing escaped its field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { hasChromium, launchBrowser, NO_CHROMIUM_REASON } from "@dispatch/ui/testing";
import { startSecurityStack, type SecurityStack } from "./security-stack";
import { seedHostileNewsroom, TOPICS_WITH_STORIES, type SeedSummary } from "./security-xss-seed";
import { XSS_VECTORS } from "./security-xss-vectors";

let stack: SecurityStack;
let seeded: SeedSummary;
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  stack = await startSecurityStack(async (database) => {
    seeded = await seedHostileNewsroom(database.db);
  });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

// Runs in every frame before the page's own scripts: a vector that runs reports itself.
const SENTINEL = () => {
  const report = (what: unknown) => console.log(`XSS-EXECUTED ${String(what)}`);
  Object.assign(window, { __xss: report });
};

/** In the page: elements and attributes only an injected vector would have put there. */
const FIND_INJECTED = () => {
  const findings: string[] = [];
  const scriptUrl = /^(javascript|vbscript|livescript|data):/i;
  const urlAttributes = new Set([
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "srcdoc",
    "poster",
    "background",
    "codebase",
    "to",
    "values",
  ]);
  const describe = (element: Element, detail: string) => `<${element.localName} ${detail.slice(0, 80)}>`;
  for (const element of Array.from(document.querySelectorAll("*"))) {
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      if (name === "data-xss") findings.push(describe(element, `data-xss=${attribute.value}`));
      else if (name.startsWith("on")) findings.push(describe(element, `${name}=${attribute.value}`));
      else if (urlAttributes.has(name) && scriptUrl.test(attribute.value.replace(/[\u0000-\u0020]/g, "")))
        findings.push(describe(element, `${name}=${attribute.value}`));
      else if (name === "style" && /xss|expression\(|javascript:|behavior/i.test(attribute.value))
        findings.push(describe(element, `style=${attribute.value}`));
    }
    const tag = element.localName;
    if (tag === "meta" && /refresh/i.test(element.getAttribute("http-equiv") ?? ""))
      findings.push(describe(element, "http-equiv=refresh"));
    if (
      [
        "iframe",
        "object",
        "embed",
        "frame",
        "frameset",
        "applet",
        "base",
        "template",
        "plaintext",
        "xmp",
        "noembed",
      ].includes(tag)
    )
      findings.push(describe(element, ""));
  }
  return findings;
};

type PageResult = { url: string; executed: string[]; injected: string[]; status: number | null };

/** Opens each URL on a few tabs of one context; collects what ran and what was injected. */
async function visitAll(context: BrowserContext, urls: string[], tabs = 4): Promise<PageResult[]> {
  await context.addInitScript(SENTINEL);
  const results: PageResult[] = [];
  const queue = [...urls];
  const worker = async (page: Page) => {
    let executed: string[] = [];
    page.on("console", (message) => {
      if (message.text().includes("XSS-EXECUTED")) executed.push(message.text());
    });
    page.on("dialog", (dialog) => {
      executed.push(`dialog ${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on("pageerror", (error) => {
      if (/xss/i.test(error.message)) executed.push(`page error: ${error.message}`);
    });
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      executed = [];
      const response = await page.goto(url, { waitUntil: "load" });
      // Let focus, toggle and animation handlers have their turn before looking.
      await page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))),
      );
      const injected = await page.evaluate(FIND_INJECTED);
      const navigatedAway =
        new URL(page.url()).pathname !== new URL(url).pathname ? [`navigated to ${page.url()}`] : [];
      results.push({
        url,
        executed: [...executed, ...navigatedAway],
        injected,
        status: response?.status() ?? null,
      });
    }
  };
  const pages = await Promise.all(Array.from({ length: tabs }, () => context.newPage()));
  await Promise.all(pages.map(worker));
  return results;
}

function summarize(results: PageResult[]): string[] {
  return results.flatMap((result) => [
    ...result.executed.map((line) => `${result.url}: ran ${line}`),
    ...result.injected.map((line) => `${result.url}: injected ${line}`),
    ...(result.status !== 200 ? [`${result.url}: answered ${result.status}`] : []),
  ]);
}

/** Follows a list's "next page" links (cursor paging) from its first page. */
async function pagedUrls(context: BrowserContext, first: string, limit: number): Promise<string[]> {
  const page = await context.newPage();
  const urls = [first];
  for (let url: string | undefined = first; url && urls.length < limit;) {
    await page.goto(url);
    const next = await page
      .locator('a[href*="cursor="]')
      .filter({ hasText: /next|older/i })
      .first()
      .getAttribute("href")
      .catch(() => null);
    url = next ? new URL(next, url).toString() : undefined;
    if (url) urls.push(url);
  }
  await page.close();
  return urls;
}

let pagesChecked = 0;

describe.skipIf(!hasChromium)(`stored XSS${hasChromium ? "" : ` (${NO_CHROMIUM_REASON})`}`, () => {
  it("stores the corpus verbatim in every field it goes through", () => {
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(100);
    console.info(
      `[security] ${XSS_VECTORS.length} vectors; ${seeded.stories.length} stories, ${seeded.topicSlugs.length} topics; stored values holding a vector verbatim:`,
      seeded.verbatim,
    );
    for (const field of [
      "story title",
      "story dek",
      "story byline",
      "story source",
      "story body",
      "topic name",
      "topic description",
      "user name",
    ]) {
      expect(seeded.verbatim[field] ?? 0, field).toBeGreaterThan(0);
    }
  });

  it("runs nothing and injects nothing on any public page", async () => {
    const context = await browser.newContext();
    const base = stack.readerUrl;
    const urls = [
      `${base}/`,
      `${base}/about`,
      ...[1, 2, 3, 4].map((page) => `${base}/search?q=${encodeURIComponent("marsh committee")}&page=${page}`),
      ...["onerror", "script", "javascript", "svg"].map((q) => `${base}/search?q=${encodeURIComponent(q)}`),
      // Reflected, too: the query itself is a vector.
      ...XSS_VECTORS.filter((vector) => vector.id % 10 === 0).map(
        (vector) => `${base}/search?q=${encodeURIComponent(vector.text.slice(0, 190))}`,
      ),
      // Every topic with a briefing, every 4th of those without stories (the same page showing
      // only a name and a description, with the eight descriptions covered), every story.
      ...seeded.topicSlugs
        .filter((_, index) => index < TOPICS_WITH_STORIES || index % 4 === 0)
        .map((slug) => `${base}/topics/${slug}`),
      ...seeded.stories.map((story) => `${base}/stories/${story.slug}`),
    ];
    const results = await visitAll(context, urls);
    await context.close();
    pagesChecked += results.length;
    console.info(`[security] public pages: ${results.length} rendered × ${XSS_VECTORS.length} vectors`);
    expect(summarize(results)).toEqual([]);
  });

  it("runs nothing and injects nothing on any admin page", async () => {
    const { cookie } = await stack.signInAs("admin", seeded.adminName);
    const context = await browser.newContext();
    await context.addCookies(
      cookie.split("; ").map((pair) => {
        const at = pair.indexOf("=");
        return { name: pair.slice(0, at), value: pair.slice(at + 1), url: stack.adminUrl };
      }),
    );
    const base = stack.adminUrl;
    const urls = [
      `${base}/`,
      ...(await pagedUrls(context, `${base}/stories`, 5)),
      `${base}/topics`,
      `${base}/suggestions`,
      `${base}/briefings`,
      `${base}/upload`,
      `${base}/users`,
      ...(await pagedUrls(context, `${base}/audit`, 5)),
      ...seeded.batchIds.map((id) => `${base}/upload/batches/${id}`),
      ...seeded.stories.filter((_, index) => index % 4 === 0).map((story) => `${base}/stories/${story.id}`),
      // Every 5th topic: the eight descriptions come round in the first eight of them.
      ...seeded.topicSlugs.filter((_, index) => index % 5 === 0).map((slug) => `${base}/topics/${slug}`),
      ...seeded.topicSlugs
        .slice(0, TOPICS_WITH_STORIES)
        .filter((_, index) => index % 2 === 0)
        .map((slug) => `${base}/briefings/${slug}`),
    ];
    const results = await visitAll(context, urls);
    await context.close();
    pagesChecked += results.length;
    console.info(`[security] admin pages: ${results.length} rendered × ${XSS_VECTORS.length} vectors`);
    expect(summarize(results)).toEqual([]);
  });

  it("serves feeds that stay well-formed, with no element escaping its field, and run nothing as XML", async () => {
    const base = stack.readerUrl;
    const feedUrls = [
      `${base}/feed.xml`,
      ...seeded.topicSlugs
        .slice(0, TOPICS_WITH_STORIES)
        .flatMap((slug) => [`${base}/topics/${slug}/feed.xml`, `${base}/topics/${slug}/feed.atom`]),
    ];
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/about`);
    const problems: string[] = [];
    for (const url of feedUrls) {
      const response = await fetch(url);
      const text = await response.text();
      if (response.status !== 200) {
        problems.push(`${url}: answered ${response.status}`);
        continue;
      }
      // Chromium's own XML parser: a feed must parse, and hold only RSS/Atom (and Dublin Core) elements.
      const found = await page.evaluate((xml) => {
        const document = new DOMParser().parseFromString(xml, "application/xml");
        if (document.getElementsByTagName("parsererror").length > 0) return ["not well-formed XML"];
        const allowed = new Set([
          "",
          "http://www.w3.org/2005/Atom",
          "http://purl.org/dc/elements/1.1/",
          "http://www.w3.org/2005/Atom/",
          "http://purl.org/rss/1.0/modules/content/",
        ]);
        return Array.from(document.getElementsByTagName("*")).flatMap((element) => {
          const out: string[] = [];
          if (!allowed.has(element.namespaceURI ?? ""))
            out.push(`element <${element.tagName}> in ${element.namespaceURI}`);
          if (element.hasAttribute("data-xss")) out.push(`<${element.tagName} data-xss>`);
          // RSS 2.0's and Atom's own vocabularies (and the Dublin Core / content modules).
          const known =
            /^(rss|channel|title|link|description|language|copyright|managingEditor|webMaster|pubDate|lastBuildDate|category|generator|docs|cloud|ttl|image|url|width|height|textInput|skipHours|skipDays|hour|day|item|author|comments|enclosure|guid|source|dc:creator|content:encoded|atom:link|feed|entry|id|updated|published|summary|content|name|uri|email|subtitle|rights|icon|logo|contributor)$/;
          if (!known.test(element.tagName)) out.push(`unexpected element <${element.tagName}>`);
          return out;
        });
      }, text);
      problems.push(...found.map((line) => `${url}: ${line}`));
    }
    await context.close();
    // And rendered as XML documents in Chromium, where an XHTML element would be live.
    const renderContext = await browser.newContext();
    await renderContext.route(/\/feed\.(xml|atom)$/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), "content-type": "application/xml" },
      });
    });
    const rendered = await visitAll(renderContext, feedUrls.slice(0, 9), 3);
    await renderContext.close();
    const json = await fetch(`${base}/topics/${seeded.topicSlugs[0]}/feed.json`);
    const jsonFeed = (await json.json()) as { version?: string; items?: unknown[] };
    expect(jsonFeed.items?.length ?? 0).toBeGreaterThan(0);
    pagesChecked += feedUrls.length + rendered.length + 1;
    console.info(
      `[security] feeds: ${feedUrls.length} parsed as XML, ${rendered.length} rendered as XML, 1 JSON feed; ${pagesChecked} pages checked in all`,
    );
    expect([...problems, ...summarize(rendered)]).toEqual([]);
  });
});
