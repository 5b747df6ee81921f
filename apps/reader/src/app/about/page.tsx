// How briefings are made. No data: the benchmark's baseline page. Rendered per request like
// every page, so its scripts carry the Content-Security-Policy's nonce (see src/proxy.ts).
import type { Metadata } from "next";

export const metadata: Metadata = {
  title: "About",
  description:
    "How Dispatch builds a briefing from many stories, and how to check every point against its source.",
};

export default function AboutPage() {
  return (
    <article className="prose">
      <p className="kicker">About</p>
      <h1 className="page-title">How a Dispatch briefing is made</h1>
      <p className="lede">
        Editors bring in stories from many outlets and tag them with topics. For each topic, Dispatch reads
        every story and writes one page: the storylines, the key points, who and where, what happened when,
        and who said what.
      </p>
      <h2>Every point shows where it comes from</h2>
      <p>
        The small numbers after a point are citations. Each links to the exact sentence in the story it was
        taken from, highlighted on the story page. Open “Reported by …” under a point to read the cited
        passages without leaving the briefing. When several outlets report the same thing, the point says so;
        when only one does, it is marked
        <em> single source</em>.
      </p>
      <h2>Briefings change as the news does</h2>
      <p>
        When stories are added, the briefing is rebuilt and stored as a new version. The page tells you what
        is new since the previous version and, if you have been here before, since your last visit. Follow a
        topic to keep it at the top of the home page; the choice is kept in this browser, no account needed.
        Every topic also has RSS, Atom and JSON feeds, and everything here can be read from code through the{" "}
        <a href="/developers">public API</a>.
      </p>
      <h2>Keyboard</h2>
      <p>
        Press <kbd>j</kbd> and <kbd>k</kbd> to move between points, <kbd>/</kbd> to search and <kbd>?</kbd>{" "}
        for the list of shortcuts.
      </p>
    </article>
  );
}
