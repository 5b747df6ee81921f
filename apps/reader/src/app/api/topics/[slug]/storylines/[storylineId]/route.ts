// The points a storyline folds away on the topic page, as JSON (server/point-views.ts's
// PointView), read when a reader opens "more points" (components/point-list.tsx).
import { PUBLIC_CACHE_CONTROL } from "~/server/cache-policy";
import { loadStoryline } from "~/server/topic-data";

export const dynamic = "force-dynamic";

export async function GET(
  _request: Request,
  context: { params: Promise<{ slug: string; storylineId: string }> },
) {
  const { slug, storylineId } = await context.params;
  const found = await loadStoryline(decodeURIComponent(slug), decodeURIComponent(storylineId));
  if (!found) {
    return Response.json(
      {
        error: `No storyline ${storylineId} in the current briefing on ${slug}: the briefing may have been rebuilt since the page was opened; reload the topic page.`,
      },
      { status: 404 },
    );
  }
  // The same for every reader, and dropped from the origin's cache when the briefing changes.
  return Response.json({ more: found.more }, { headers: { "Cache-Control": PUBLIC_CACHE_CONTROL } });
}
