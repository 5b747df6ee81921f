// A reader's private feed (RSS, Atom or JSON Feed by extension), opened by the token in its address.
import { servePrivateFeed } from "~/server/private-feed";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ file: string }> }) {
  return servePrivateFeed(decodeURIComponent((await context.params).file));
}
