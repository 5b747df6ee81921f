// Search: PostgreSQL full text with the operators people know ("phrase", -exclude, OR),
// filters, highlighted snippets and pages. A plain GET form, so it works without JavaScript.
import type { Metadata } from "next";
import { SourceBadge, formatDate } from "@dispatch/ui";
import { cachedSearch } from "~/server/page-data-cache";
import { getPublicCaller } from "~/server/public-caller";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const q = first((await searchParams).q)?.trim();
  return { title: q ? `Search: ${q}` : "Search", robots: { index: false } };
}

export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  // One query (page.search): the filters, and how to search, what is wrong with the form or a
  // page of results. Search results are the same for everyone, so no session lookup is needed.
  const input = {
    q: first(params.q) ?? "",
    topic: first(params.topic) ?? "",
    source: first(params.source) ?? "",
    from: first(params.from) ?? "",
    to: first(params.to) ?? "",
    page: first(params.page) ?? "",
  };
  const { form, filters, filtered, state } = await cachedSearch(JSON.stringify(input), () =>
    getPublicCaller().page.search(input),
  );

  return (
    <div className="search-page">
      <h1 className="page-title">Search stories</h1>
      <form className="search-form" action="/search" method="get" role="search" aria-label="Search stories">
        <div className="search-form__main">
          <label htmlFor="q" className="visually-hidden">
            Words to search for
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={form.q}
            placeholder='e.g. "port strike" -ferry'
            maxLength={200}
          />
          <button className="button" type="submit">
            Search
          </button>
        </div>
        <details className="search-form__filters" open={filtered}>
          <summary>Filters{filtered ? " (on)" : ""}</summary>
          <div className="search-form__grid">
            <div className="form-field">
              <label htmlFor="topic">Topic</label>
              <select id="topic" name="topic" defaultValue={form.topic}>
                <option value="">Any topic</option>
                {filters.topics.map((topic) => (
                  <option key={topic.slug} value={topic.slug}>
                    {topic.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="form-field">
              <label htmlFor="source">Source</label>
              <select id="source" name="source" defaultValue={form.source}>
                <option value="">Any source</option>
                {filters.sources.map((source) => (
                  <option key={source} value={source}>
                    {source}
                  </option>
                ))}
              </select>
            </div>
            <div className="form-field">
              <label htmlFor="from">Published from</label>
              <input id="from" name="from" type="date" defaultValue={form.from} />
            </div>
            <div className="form-field">
              <label htmlFor="to">Published until</label>
              <input id="to" name="to" type="date" defaultValue={form.to} />
            </div>
          </div>
        </details>
      </form>

      {state.kind === "error" ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : state.kind === "help" ? (
        <SearchHelp />
      ) : (
        <Results result={state.result} form={form} />
      )}
    </div>
  );
}

type Result = {
  q: string;
  total: number;
  /** More than `total` match: the count stops there. */
  totalCapped: boolean;
  page: number;
  pageCount: number;
  notice: string | null;
  hits: {
    id: string;
    slug: string;
    title: { text: string; match: boolean }[];
    snippet: { text: string; match: boolean }[];
    dek: string | null;
    source: string | null;
    publishedAt: Date | null;
  }[];
};

function Results({ result, form }: { result: Result; form: Record<string, string> }) {
  if (result.notice)
    return (
      <p className="empty-state" role="status">
        {result.notice}
      </p>
    );
  if (result.total === 0) {
    return (
      <div className="empty-state" role="status">
        <p>
          <strong>No stories match “{result.q}”.</strong>
        </p>
        <p>Check the spelling, remove a -excluded word or a filter, or join alternatives with OR.</p>
      </div>
    );
  }
  const pageHref = (page: number) => {
    const params = new URLSearchParams(
      Object.entries({ ...form, page: String(page) }).filter(([, value]) => value !== ""),
    );
    return `/search?${params.toString()}`;
  };
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading" className="results-count">
        {result.totalCapped ? `${result.total.toLocaleString("en")}+` : result.total}{" "}
        {result.total === 1 && !result.totalCapped ? "story matches" : "stories match"} “{result.q}”
        {result.pageCount > 1 ? (
          <span className="muted">
            {" "}
            · page {result.page} of {result.pageCount}
          </span>
        ) : null}
      </h2>
      {result.hits.length === 0 ? (
        <p className="empty-state">
          There is no page {result.page}.{" "}
          <a href={pageHref(Math.max(1, result.pageCount))}>Go to the last page</a>.
        </p>
      ) : (
        <ol className="results" start={(result.page - 1) * 10 + 1}>
          {result.hits.map((hit) => (
            <li key={hit.id} className="result">
              <h3 className="result__title">
                <a href={`/stories/${hit.slug}`}>
                  <Highlighted segments={hit.title} />
                </a>
              </h3>
              <p className="result__snippet">
                <Highlighted segments={hit.snippet} />
              </p>
              <p className="meta">
                {hit.source ? <SourceBadge name={hit.source} /> : null}
                <time dateTime={hit.publishedAt?.toISOString()}>{formatDate(hit.publishedAt)}</time>
              </p>
            </li>
          ))}
        </ol>
      )}
      {result.pageCount > 1 ? (
        <nav className="pager" aria-label="Result pages">
          {result.page > 1 ? (
            <a href={pageHref(result.page - 1)} rel="prev">
              ← Previous
            </a>
          ) : (
            <span />
          )}
          <span className="meta">
            Page {result.page} of {result.pageCount}
          </span>
          {result.page < result.pageCount ? (
            <a href={pageHref(result.page + 1)} rel="next">
              Next →
            </a>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </section>
  );
}

/** Matches as <mark>, everything else as text: no story markup ever reaches the page as HTML. */
function Highlighted({ segments }: { segments: { text: string; match: boolean }[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.match ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
      )}
    </>
  );
}

function SearchHelp() {
  return (
    <div className="search-help">
      <h2 className="side-heading">How to search</h2>
      <dl className="search-help__list">
        <div>
          <dt>
            <code>port strike</code>
          </dt>
          <dd>stories with both words (in any form: strikes, striking)</dd>
        </div>
        <div>
          <dt>
            <code>"port strike"</code>
          </dt>
          <dd>the exact phrase</dd>
        </div>
        <div>
          <dt>
            <code>strike -ferry</code>
          </dt>
          <dd>leave out stories that mention ferry</dd>
        </div>
        <div>
          <dt>
            <code>flood OR storm</code>
          </dt>
          <dd>either word</dd>
        </div>
      </dl>
      <p className="muted">
        Titles count more than the standfirst, and the standfirst more than the body. Use the filters to
        narrow by topic, source or date.
      </p>
    </div>
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
