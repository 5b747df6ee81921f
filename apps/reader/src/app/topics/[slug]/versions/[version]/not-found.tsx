// A version number that is not a published version of the topic (a draft waiting for an
// editor, or one never built): a real 404 saying so, with the way to the current briefing.
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Version not found" };

export default function VersionNotFound() {
  return (
    <div className="not-found">
      <p className="kicker">404</p>
      <h1 className="page-title">There is no such version of this briefing</h1>
      <p>
        Only published versions can be read here. This number was never published: it may still be a draft
        under review, or the briefing may not have reached it yet.
      </p>
      <p>
        <a href="..">Read the topic’s current briefing</a> or <a href="/">see today’s briefings</a>.
      </p>
    </div>
  );
}
