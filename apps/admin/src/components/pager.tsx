// Cursor paging for the admin's filtered lists: the filters live in the URL (a GET form), the
// pager links to the first page and to the next one with the same filters.
import Link from "next/link";

export type PagerLinks = {
  /** The filters alone, as a query string ("" when none are set). */
  filters: string;
  /** The first page with the same filters; null when this is the first page. */
  first: string | null;
  /** The next page; null when this is the last. */
  next: string | null;
};

/** Builds the pager's links for `path` from the set filters and the page's cursors. */
export function getPagerLinks(
  path: string,
  filters: Record<string, string | undefined>,
  page: { cursor: string | undefined; nextCursor: string | null | undefined },
): PagerLinks {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
  const base = query.toString();
  const withPath = (search: string) => (search ? `${path}?${search}` : path);
  let next: string | null = null;
  if (page.nextCursor) {
    query.set("cursor", page.nextCursor);
    next = withPath(query.toString());
  }
  return { filters: base, first: page.cursor ? withPath(base) : null, next };
}

export function Pager(props: { links: PagerLinks; nextLabel: string }) {
  return (
    <nav className="pager" aria-label="Pages">
      {props.links.first ? <Link href={props.links.first}>First page</Link> : <span />}
      {props.links.next ? <Link href={props.links.next}>{props.nextLabel}</Link> : null}
    </nav>
  );
}
