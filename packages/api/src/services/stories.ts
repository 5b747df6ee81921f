// Story reads. Lists are newest-ingested first with cursor pagination.
import type { Db, Prisma } from "@dispatch/db";
import { cursorArgs, toPage, type Page, type PageInput } from "../pagination";

export type StoryFilters = {
  source?: string;
  topic?: string;
  from?: Date;
  to?: Date;
  status?: "draft" | "published" | "archived";
  includeDeleted?: boolean;
};

export type StoryListItem = {
  id: string;
  slug: string;
  title: string;
  dek: string | null;
  source: string | null;
  byline: string[];
  publishedAt: Date | null;
  ingestedAt: Date;
};

export async function listStories(
  db: Db,
  input: PageInput & StoryFilters,
): Promise<Page<StoryListItem>> {
  const where: Prisma.StoryWhereInput = {
    ...(input.includeDeleted ? {} : { deletedAt: null }),
    ...(input.status ? { status: input.status } : {}),
    ...(input.source ? { source: { name: input.source } } : {}),
    ...(input.topic
      ? { topics: { some: { status: "approved", topic: { slug: input.topic } } } }
      : {}),
    ...(input.from || input.to
      ? { publishedAt: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lte: input.to } : {}) } }
      : {}),
  };
  const rows = await db.story.findMany({
    where,
    orderBy: [{ ingestedAt: "desc" }, { id: "desc" }],
    ...cursorArgs(input),
    select: {
      id: true,
      slug: true,
      title: true,
      dek: true,
      byline: true,
      publishedAt: true,
      ingestedAt: true,
      source: { select: { name: true } },
    },
  });
  const page = toPage(rows, input.limit);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map(({ source, ...story }) => ({ ...story, source: source?.name ?? null })),
  };
}
