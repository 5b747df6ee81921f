// The reader's search page in one read, from the form's fields as typed: the filters it
// offers, and either how to search (no words yet), what is wrong with the form (in words a
// reader can act on), or a page of results. Calendar days become whole UTC days here.
import type { Db } from "@dispatch/db";
import { AppError } from "../../errors";
import { listSearchFilters, searchStories, type SearchResult } from "../search";

export const SEARCH_PAGE_SIZE = 10;
/** Pages past this are not offered; a search that needs them needs narrowing. */
export const SEARCH_MAX_PAGE = 100;

/** The form's fields, as strings from the query string (missing ones empty). */
export type SearchForm = { q: string; topic: string; source: string; from: string; to: string; page: string };

export type SearchPage = {
  form: SearchForm;
  filters: { topics: { slug: string; name: string }[]; sources: string[] };
  /** A filter is set, so the page opens the filters. */
  filtered: boolean;
  state: { kind: "help" } | { kind: "error"; message: string } | { kind: "results"; result: SearchResult };
};

export async function getSearchPage(db: Db, form: SearchForm): Promise<SearchPage> {
  const filters = await listSearchFilters(db);
  const filtered = Boolean(form.topic || form.source || form.from || form.to);
  const done = (state: SearchPage["state"]): SearchPage => ({ form, filters, filtered, state });

  const page = form.page.trim() === "" ? 1 : Number(form.page);
  if (!Number.isInteger(page) || page < 1) {
    return done({ kind: "error", message: `“${form.page}” is not a page number; pages start at 1.` });
  }
  if (page > SEARCH_MAX_PAGE) {
    return done({
      kind: "error",
      message: `Only the first ${SEARCH_MAX_PAGE} pages are shown; narrow the search.`,
    });
  }
  const from = readDay(form.from, "start");
  const to = readDay(form.to, "end");
  if (from === "invalid") return done({ kind: "error", message: `“Published from”: ${badDate(form.from)}` });
  if (to === "invalid") return done({ kind: "error", message: `“Published until”: ${badDate(form.to)}` });
  if (form.q.trim() === "") return done({ kind: "help" });
  try {
    const result = await searchStories(db, {
      q: form.q,
      topic: form.topic.trim() || undefined,
      source: form.source.trim() || undefined,
      from: from ?? undefined,
      to: to ?? undefined,
      page,
      pageSize: SEARCH_PAGE_SIZE,
    });
    return done({ kind: "results", result });
  } catch (error) {
    if (error instanceof AppError && error.code === "INVALID_INPUT") {
      return done({ kind: "error", message: error.message });
    }
    throw error;
  }
}

/** A form date (YYYY-MM-DD, as date inputs send) as the first or last millisecond of that UTC day. */
function readDay(value: string, edge: "start" | "end"): Date | null | "invalid" {
  const text = value.trim();
  if (text === "") return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return "invalid";
  const date = new Date(`${text}T${edge === "start" ? "00:00:00.000" : "23:59:59.999"}Z`);
  // new Date accepts 2026-02-31 as 3 March; a day that does not exist is a typo.
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? "invalid" : date;
}

function badDate(value: string): string {
  return `“${value}” is not a date; use one like 2026-10-27.`;
}
