"use client";
// "New since your last visit": compares this briefing's points with the ones this browser
// saw last time, marks the new ones, and remembers this visit. Without JavaScript the page
// still shows what is new since the previous version.
import { useEffect, useRef, useState } from "react";
import { formatDateTime } from "@dispatch/ui";
import { readVisit, writeVisit, type Visit } from "./following";

// The points new since the last visit, for the ones a storyline loads later (point-list.tsx).
const freshIds = new Set<string>();

/** Marks the new-since-last-visit points inside `root` (points loaded after the page). */
export function markFreshPoints(root: Element): void {
  for (const element of root.querySelectorAll("[data-point-id]"))
    if (freshIds.has(element.getAttribute("data-point-id") ?? ""))
      element.setAttribute("data-new-since-visit", "");
}

const FIRST_VISIT =
  "First visit: next time, points added since today are marked “new since your last visit”.";

export function LastVisit(props: { slug: string; version: number; pointIds: string[] }) {
  const [message, setMessage] = useState<string | null>(null);
  // The visit before this page was opened, read once: the effect below records this visit,
  // and React may run the effect twice (development), which must not read it back as "last".
  const before = useRef<{ slug: string; visit: Visit | null } | null>(null);
  useEffect(() => {
    if (before.current?.slug !== props.slug)
      before.current = { slug: props.slug, visit: readVisit(props.slug) };
    const previous = before.current.visit;
    const seen = new Set(previous?.pointIds ?? []);
    if (!previous) {
      setMessage(FIRST_VISIT);
    } else {
      const fresh = props.pointIds.filter((id) => !seen.has(id));
      for (const id of fresh) {
        freshIds.add(id);
        document
          .querySelector(`[data-point-id="${CSS.escape(id)}"]`)
          ?.setAttribute("data-new-since-visit", "");
      }
      setMessage(
        fresh.length === 0
          ? `Nothing new since your last visit (${formatDateTime(previous.at)}).`
          : `${fresh.length} ${fresh.length === 1 ? "point is" : "points are"} new since your last visit (${formatDateTime(previous.at)}), marked below.`,
      );
    }
    writeVisit(props.slug, {
      at: new Date().toISOString(),
      version: props.version,
      pointIds: props.pointIds,
    });
  }, [props.slug, props.version, props.pointIds]);
  // Until the visit is read, the first-visit note holds the place, unseen, so the page
  // below it does not move when the real message arrives.
  if (!message) {
    return (
      <p className="last-visit" style={{ visibility: "hidden" }} aria-hidden>
        {FIRST_VISIT}
      </p>
    );
  }
  return (
    <p className="last-visit" role="status">
      {message}
    </p>
  );
}
