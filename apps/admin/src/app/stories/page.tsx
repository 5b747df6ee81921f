// Stories: every story in the newsroom, searchable and filterable with a plain GET form (so
// filters live in the URL and work without JavaScript), newest or oldest first.
import type { Metadata } from "next";
import Link from "next/link";
import { StoryStatus } from "@dispatch/db/enums";
import { formatDate, formatDateTime } from "@dispatch/ui";
import { DataTable } from "~/components/data-table";
import { getPagerLinks, Pager } from "~/components/pager";
import { getCaller } from "~/server/context";
import { requireStaff } from "~/server/page-access";

export const metadata: Metadata = { title: "Stories" };
export const dynamic = "force-dynamic";

type Params = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) =>
  typeof value === "string" && value.trim() ? value.trim() : undefined;
const STATUSES = Object.values(StoryStatus);
const STORY_COLUMNS = ["Title", "Source", "Published", "Ingested", "Status"].map((label) => ({ label }));

export default async function StoriesPage(props: { searchParams: Promise<Params> }) {
  await requireStaff();
  const params = await props.searchParams;
  const q = one(params.q);
  const source = one(params.source);
  const topic = one(params.topic);
  const statusParam = one(params.status);
  const status = STATUSES.find((value) => value === statusParam);
  const includeDeleted = params.deleted === "1";
  const order = params.order === "oldest" ? "oldest" : "newest";
  const cursor = one(params.cursor);
  const caller = await getCaller();
  const [page, filters] = await Promise.all([
    caller.story.listAll({ limit: 50, q, source, topic, status, includeDeleted, order, cursor }),
    caller.search.filters(),
  ]);
  const set = {
    q,
    source,
    topic,
    status,
    order: order === "oldest" ? "oldest" : undefined,
    deleted: includeDeleted ? "1" : undefined,
  };
  const links = getPagerLinks("/stories", set, { cursor, nextCursor: page.nextCursor });

  return (
    <>
      <h1>Stories</h1>
      <form className="filter-bar" method="get" role="search" aria-label="Filter stories">
        <div className="form-field filter-bar__wide">
          <label htmlFor="q">Search title and text</label>
          <input id="q" name="q" type="search" defaultValue={q ?? ""} />
        </div>
        <div className="form-field">
          <label htmlFor="source">Source</label>
          <select id="source" name="source" defaultValue={source ?? ""}>
            <option value="">Any source</option>
            {filters.sources.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor="topic">Topic</label>
          <select id="topic" name="topic" defaultValue={topic ?? ""}>
            <option value="">Any topic</option>
            {filters.topics.map((item) => (
              <option key={item.slug} value={item.slug}>
                {item.name}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={status ?? ""}>
            <option value="">Any status</option>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor="order">Sort</label>
          <select id="order" name="order" defaultValue={order}>
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
          </select>
        </div>
        <div className="checkbox-field">
          <input id="deleted" name="deleted" type="checkbox" value="1" defaultChecked={includeDeleted} />
          <label htmlFor="deleted">Include deleted</label>
        </div>
        <div className="filter-bar__actions">
          <button className="button" type="submit">
            Apply
          </button>
          {links.filters || cursor ? <Link href="/stories">Clear</Link> : null}
        </div>
      </form>

      {page.items.length === 0 ? (
        <p className="empty-state">No stories match these filters.</p>
      ) : (
        <DataTable columns={STORY_COLUMNS} caption={`Stories, ${order} first`}>
          {page.items.map((story) => (
            <tr key={story.id} className={story.deletedAt ? "row--deleted" : undefined}>
              <td>
                <Link href={`/stories/${story.id}`}>{story.title}</Link>
              </td>
              <td>{story.source ?? <span className="muted">Unknown</span>}</td>
              <td className="nowrap">
                {story.publishedAt ? formatDate(story.publishedAt) : <span className="muted">—</span>}
              </td>
              <td className="nowrap">{formatDateTime(story.ingestedAt)}</td>
              <td>
                <span className={`status status--${story.status}`}>{story.status}</span>
                {story.deletedAt ? <span className="status status--rejected">deleted</span> : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pager links={links} nextLabel="Next page" />
    </>
  );
}
