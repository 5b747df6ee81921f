// The public read API's addresses: one plain REST route per reader procedure, so anyone can
// call the reader with curl or fetch, no tRPC client and no superjson. Only the address and
// the words are written here; inputs and outputs come from the procedures' own zod schemas
// (see document.ts), so the documentation cannot drift from what the server checks.

export type ApiRoute = {
  method: "GET" | "POST";
  /** Under `/api/v1`; `{name}` segments are path parameters, named as the input's fields. */
  path: string;
  /** The reader procedure it calls (`readerRouter`), e.g. `topic.list`. */
  procedure: string;
  /** Groups the routes in the document and on the developers page. */
  tag: "Topics" | "Briefings" | "Stories" | "Search";
  summary: string;
  description?: string;
};

export const API_BASE_PATH = "/api/v1";

/** Every public read, in the order the developers page lists them. */
export const API_ROUTES: readonly ApiRoute[] = [
  {
    method: "GET",
    path: "/topics",
    procedure: "topic.list",
    tag: "Topics",
    summary: "List the topics",
    description: "The active topics, each with its slug (used by every other topic route) and story count.",
  },
  {
    method: "GET",
    path: "/topics/{topic}",
    procedure: "topic.get",
    tag: "Topics",
    summary: "Get one topic",
    description:
      "A topic by slug or id. A topic merged into another answers with `mergedInto`, the slug to follow.",
  },
  {
    method: "GET",
    path: "/topics/{topic}/briefing",
    procedure: "briefing.get",
    tag: "Briefings",
    summary: "Get a topic's briefing",
    description:
      "The latest published briefing (or the published `version` asked for; a draft under review is not found): headline, storylines, points with their citations, timeline, quotes, and the stories it cites. `null` before the topic's first briefing is built.",
  },
  {
    method: "GET",
    path: "/topics/{topic}/briefing/versions",
    procedure: "briefing.versions",
    tag: "Briefings",
    summary: "List a briefing's versions",
    description:
      "Every published version of the topic's briefing, newest first (drafts under review are left out).",
  },
  {
    method: "GET",
    path: "/topics/{topic}/briefing/diff",
    procedure: "briefing.diff",
    tag: "Briefings",
    summary: "Compare two briefing versions",
    description: "The points added and removed between version `from` and version `to`.",
  },
  {
    method: "GET",
    path: "/stories",
    procedure: "story.list",
    tag: "Stories",
    summary: "List published stories",
    description:
      "Newest first, filtered by source, topic and date range. Pages by cursor: pass the answer's `nextCursor` as `cursor` for the next page.",
  },
  {
    method: "GET",
    path: "/stories/{idOrSlug}",
    procedure: "story.get",
    tag: "Stories",
    summary: "Get one story",
    description: "A published story by id or slug, with its full text and approved topics.",
  },
  {
    method: "GET",
    path: "/stories/{idOrSlug}/sentences",
    procedure: "story.read",
    tag: "Stories",
    summary: "Get a story's sentences",
    description:
      "The story split into paragraphs and numbered sentences, numbered as citations number them (a citation's `sentenceIndex`), and the briefings that cite it.",
  },
  {
    method: "POST",
    path: "/passages",
    procedure: "story.passages",
    tag: "Stories",
    summary: "Get cited passages",
    description:
      "The cited sentences with the sentence before and after each, for up to 5,000 citations at once. A read, sent as POST only because the list of citations is a JSON body.",
  },
  {
    method: "GET",
    path: "/search",
    procedure: "search.stories",
    tag: "Search",
    summary: "Search stories",
    description:
      'Published stories matching a web-search query ("quoted phrase", -exclude, OR), best match first, with highlighted title and snippet segments. Counts stop at 1,000 (`totalCapped`).',
  },
  {
    method: "GET",
    path: "/search/filters",
    procedure: "search.filters",
    tag: "Search",
    summary: "List search filters",
    description: "The topics and sources that `topic` and `source` in a search can name.",
  },
];
