"use client";
// Keyboard shortcuts: j/k move between a briefing's points, / focuses search, ? lists them.
import { useEffect, useRef, useState } from "react";

const SHORTCUTS: [string, string][] = [
  ["j", "Next point"],
  ["k", "Previous point"],
  ["/", "Search"],
  ["?", "Show these shortcuts"],
  ["Esc", "Close this list"],
];

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

export function KeyboardShortcuts() {
  const dialog = useRef<HTMLDialogElement>(null);
  // The button is useless without JavaScript, so it appears only once the page is live.
  const [live, setLive] = useState(false);
  useEffect(() => {
    setLive(true);
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target))
        return;
      if (event.key === "j" || event.key === "k") {
        // Points folded away in a closed <details> are skipped.
        const points = [...document.querySelectorAll<HTMLElement>("[data-point-id]")].filter(
          (point) => point.offsetParent !== null,
        );
        if (points.length === 0) return;
        const current = points.findIndex(
          (point) => point === document.activeElement || point.contains(document.activeElement),
        );
        const next =
          event.key === "j"
            ? Math.min(points.length - 1, current + 1)
            : Math.max(0, current === -1 ? 0 : current - 1);
        const target = points[next];
        if (!target) return;
        event.preventDefault();
        target.focus();
        target.scrollIntoView({
          block: "center",
          behavior: window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth",
        });
      } else if (event.key === "/") {
        const search = document.querySelector<HTMLInputElement>("#site-search");
        if (!search) return;
        event.preventDefault();
        search.focus();
        search.select();
      } else if (event.key === "?") {
        event.preventDefault();
        if (dialog.current?.open) dialog.current.close();
        else dialog.current?.showModal();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return (
    <>
      {live ? (
        <button
          type="button"
          className="link-button shortcuts-button"
          onClick={() => dialog.current?.showModal()}
        >
          Keyboard shortcuts <kbd>?</kbd>
        </button>
      ) : null}
      <dialog ref={dialog} className="shortcuts" aria-labelledby="shortcuts-heading">
        <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
        <dl>
          {SHORTCUTS.map(([key, action]) => (
            <div key={key}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{action}</dd>
            </div>
          ))}
        </dl>
        <form method="dialog">
          <button className="button" type="submit">
            Close
          </button>
        </form>
      </dialog>
    </>
  );
}
