// Cursor pagination shared by every list: the cursor is the last item's id.
import { z } from "zod";

export const pageInput = z.object({
  cursor: z.string().min(1).optional(),
  limit: z.number().int().min(1).max(100).default(20),
});

export type PageInput = z.infer<typeof pageInput>;

export type Page<T> = { items: T[]; nextCursor: string | null };

export function pageOutput<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** Fetches one more than asked to learn whether a next page exists. */
export function toPage<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? last.id : null };
}

export function cursorArgs(input: PageInput) {
  return {
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  };
}
