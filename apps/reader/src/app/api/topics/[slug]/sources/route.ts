// A topic's numbered stories as JSON, read when a reader opens the topic page's list of them
// (components/references.tsx).
import { PUBLIC_CACHE_CONTROL } from "~/server/cache-policy";
import { loadReferences } from "~/server/topic-data";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ slug: string }> }) {
  const { slug } = await context.params;
  const found = await loadReferences(decodeURIComponent(slug));
  if (!found) {
    return Response.json(
      { error: `No briefing on ${slug}: check the topic's address, or reload its page.` },
      { status: 404 },
    );
  }
  // The same for every reader, and dropped from the origin's cache when the briefing changes.
  return Response.json({ stories: found.stories }, { headers: { "Cache-Control": PUBLIC_CACHE_CONTROL } });
}
