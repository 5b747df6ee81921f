// The reader's 404: a real not-found status, and a way back.
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <div className="not-found">
      <p className="kicker">404</p>
      <h1 className="page-title">We couldn’t find that page</h1>
      <p>The topic or story may have been renamed or removed, or the link may be mistyped.</p>
      <p>
        <a href="/">See today’s briefings</a> or <a href="/search">search the stories</a>.
      </p>
    </div>
  );
}
