// The public read API and the feeds, for people writing code against Dispatch. The routes,
// their parameters and the limits are read from the OpenAPI document (itself generated from
// the procedures' schemas), so this page says what the server checks.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { API_MAX_BODY_BYTES, OPENAPI_DOCUMENT_PATH } from "@dispatch/api";
import { getApiDocument, limitOf, listApiOperations } from "~/server/api-document";
import { getPublicCaller } from "~/server/public-caller";
import { siteUrl } from "~/server/site";
import styles from "./developers.module.css";

export const metadata: Metadata = {
  title: "Developers",
  description:
    "Dispatch's public read API (JSON over HTTP, described by an OpenAPI document) and its RSS, Atom and JSON feeds.",
};

/** Text with `code` spans, as the route descriptions are written. */
function withCode(text: string): ReactNode[] {
  return text
    .split(/`([^`]+)`/)
    .map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part));
}

const ERRORS: Array<[number, string, string]> = [
  [400, "INVALID_INPUT", "A parameter or body was refused; the message names the field and the rule."],
  [404, "NOT_FOUND", "No topic or story by that slug or id, or no route at that address."],
  [405, "METHOD_NOT_ALLOWED", "The route exists but answers another method (see the Allow header)."],
  [413, "TOO_LARGE", "The body is over the size limit."],
  [500, "INTERNAL_ERROR", "Something failed on our side; try again later."],
];

export default async function DevelopersPage() {
  const doc = getApiDocument();
  const groups = listApiOperations(doc);
  const topics = await getPublicCaller().topic.list();
  const slug = topics[0]?.slug ?? "a-topic";
  const api = `${siteUrl}/api/v1`;
  const limits = {
    searchPage: limitOf(doc, "search.stories", "pageSize", "maximum"),
    searchPages: limitOf(doc, "search.stories", "page", "maximum"),
    searchLength: limitOf(doc, "search.stories", "q", "maxLength"),
    storyPage: limitOf(doc, "story.list", "limit", "maximum"),
  };
  // Cited passages are their own route only while the briefing does not carry them itself.
  const passagesLimit = groups.some((group) =>
    group.operations.some((operation) => operation.id === "story.passages"),
  )
    ? limitOf(doc, "story.passages", "refs", "maxItems")
    : null;

  return (
    <article className={`prose ${styles.page}`}>
      <p className="kicker">Developers</p>
      <h1 className="page-title">Dispatch for developers</h1>
      <p className="lede">
        Everything the reader shows can be read from code: topics, briefings with their citations, stories
        sentence by sentence, and search. It is JSON over plain HTTP, with no key and no account, described by
        an OpenAPI document; and every topic has feeds.
      </p>

      <h2 id="try-it">Try it</h2>
      <p>Three calls: the topics, one topic’s briefing, and a search.</p>
      <pre>
        <code>{`curl ${api}/topics
curl ${api}/topics/${slug}/briefing
curl "${api}/search?q=strike&pageSize=5"`}</code>
      </pre>
      <p>From JavaScript (a browser on any site, or Node 18 and later), nothing to install:</p>
      <pre>
        <code>{`const response = await fetch("${api}/topics/${slug}/briefing");
const page = await response.json();
if (!response.ok) throw new Error(page.error.message);
console.log(page.briefing.headline, page.briefing.points.length, "points");`}</code>
      </pre>
      <p>
        A complete example, a script that imports nothing but Node’s own modules, is{" "}
        <code>examples/reader-client/client.mjs</code> in the Dispatch repository.
      </p>

      <h2 id="openapi">The OpenAPI document</h2>
      <p>
        <a href={OPENAPI_DOCUMENT_PATH}>
          <code>{OPENAPI_DOCUMENT_PATH}</code>
        </a>{" "}
        describes every route below in OpenAPI 3.1: each parameter, body and answer as JSON Schema. It is
        generated from the same schemas the server checks requests and answers against, so it is exact. Load
        it into any OpenAPI tool to browse the API or to generate a client.
      </p>

      <h2 id="answers">Answers and errors</h2>
      <p>
        Answers are JSON in UTF-8. Times are ISO 8601 text in UTC (<code>2026-11-29T09:30:00.000Z</code>);
        date parameters take <code>2026-11-29</code>. A topic whose first briefing is not built yet answers{" "}
        <code>null</code>. Every route answers any site (<code>Access-Control-Allow-Origin: *</code>); none
        reads cookies. Numbers in query text are read as the parameter’s type; a parameter a route does not
        take is refused rather than ignored, so a typing mistake shows.
      </p>
      <p>
        An error answers with its HTTP status and{" "}
        <code>{`{ "error": { "code": "NOT_FOUND", "message": "…" } }`}</code>; the message says what to
        change.
      </p>
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Code</th>
              <th scope="col">When</th>
            </tr>
          </thead>
          <tbody>
            {ERRORS.filter(([status]) => status !== 413 || passagesLimit !== null).map(
              ([status, code, when]) => (
                <tr key={code}>
                  <td>{status}</td>
                  <td>
                    <code>{code}</code>
                  </td>
                  <td>{when}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>

      <h2 id="limits">Limits</h2>
      <ul>
        <li>
          Search: up to {limits.searchPage} results a page and {limits.searchPages} pages, queries up to{" "}
          {limits.searchLength} characters; counts stop at 1,000 (<code>totalCapped</code>).
        </li>
        <li>
          Story lists: up to {limits.storyPage} a page; follow <code>nextCursor</code> for more.
        </li>
        {passagesLimit === null ? null : (
          <li>
            Cited passages: up to {passagesLimit.toLocaleString("en-GB")} citations a request, and a body of
            at most {API_MAX_BODY_BYTES / 1024 / 1024} MB.
          </li>
        )}
        <li>
          No key and no rate limit today. Answers carry <code>Cache-Control: max-age=0, must-revalidate</code>{" "}
          (a removed story must not linger), so cache on your side, and to follow a topic poll its feed or its
          versions rather than the whole briefing.
        </li>
      </ul>

      <h2 id="feeds">Feeds</h2>
      <p>
        Every topic has a feed of its briefing’s updates: one entry per version (the newest 20), with the top
        points linked to the sentences they cite. The whole site has a feed of the newest 50 stories.
      </p>
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Feed</th>
              <th scope="col">Format</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>
                <a href="/feed.xml">
                  <code>/feed.xml</code>
                </a>
              </td>
              <td>RSS 2.0: the newest stories, site-wide</td>
            </tr>
            {(
              [
                ["feed.xml", "RSS 2.0"],
                ["feed.atom", "Atom 1.0"],
                ["feed.json", "JSON Feed 1.1"],
              ] as const
            ).map(([file, format]) => (
              <tr key={file}>
                <td>
                  <a href={`/topics/${slug}/${file}`}>
                    <code>{`/topics/${slug}/${file}`}</code>
                  </a>
                </td>
                <td>{format}: a topic’s briefing updates</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="routes">Routes</h2>
      <p>
        All under <code>{api}</code>. Path segments in braces are slugs or ids: the topic’s <code>slug</code>{" "}
        from <code>/topics</code>, a story’s <code>slug</code> or <code>id</code>.
      </p>
      {groups.map((group) => (
        <section key={group.tag} aria-labelledby={`routes-${group.tag}`}>
          <h3 id={`routes-${group.tag}`}>{group.tag}</h3>
          {group.operations.map((operation) => (
            <section
              key={operation.id}
              className={styles.route}
              aria-label={`${operation.method} ${operation.path}`}
            >
              <p className={styles.signature}>
                <code>
                  {operation.method} {operation.path}
                </code>{" "}
                — {operation.summary}
              </p>
              {operation.description ? <p>{withCode(operation.description)}</p> : null}
              {operation.parameters.length > 0 ? (
                <div className="table-wrap">
                  <table className="data-table">
                    <thead>
                      <tr>
                        <th scope="col">Parameter</th>
                        <th scope="col">In</th>
                        <th scope="col">Accepts</th>
                      </tr>
                    </thead>
                    <tbody>
                      {operation.parameters.map((parameter) => (
                        <tr key={parameter.name}>
                          <td>
                            <code>{parameter.name}</code>
                            {parameter.required ? " (required)" : ""}
                          </td>
                          <td>{parameter.where}</td>
                          <td>
                            {parameter.accepts}
                            {parameter.note ? <span className="meta">{parameter.note}</span> : null}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : null}
              {operation.body ? (
                <details>
                  <summary>JSON body</summary>
                  <pre>
                    <code>{operation.body}</code>
                  </pre>
                </details>
              ) : null}
            </section>
          ))}
        </section>
      ))}
    </article>
  );
}
