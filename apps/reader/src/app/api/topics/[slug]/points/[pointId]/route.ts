// A briefing point's cited passages and disagreements as JSON, read when a reader opens one
// of the point's panels on the topic page (components/sources-on-open.tsx).
import { PUBLIC_CACHE_CONTROL } from "~/server/cache-policy";
import { getPointSources } from "~/server/point-sources";

export const dynamic = "force-dynamic";

export async function GET(
  _request: Request,
  context: { params: Promise<{ slug: string; pointId: string }> },
) {
  const { slug, pointId } = await context.params;
  const sources = await getPointSources(decodeURIComponent(slug), decodeURIComponent(pointId));
  if (!sources) {
    return Response.json(
      {
        error: `No point ${pointId} in the current briefing on ${slug}: the briefing may have been rebuilt since the page was opened; reload the topic page.`,
      },
      { status: 404 },
    );
  }
  // The same for every reader, and read from the page data the database's changes refresh.
  return Response.json(sources, { headers: { "Cache-Control": PUBLIC_CACHE_CONTROL } });
}
