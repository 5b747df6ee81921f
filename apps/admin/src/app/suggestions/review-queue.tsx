"use client";
// Pending suggestions, most confident first. Keyboard: j/k move, x selects, a approves and
// r rejects the selection (or the current row when nothing is selected), ? shows the keys.
import { useCallback, useEffect, useRef, useState } from "react";
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ErrorMessage } from "~/components/error-message";
import { useTRPC } from "~/trpc/react";
import type { RouterOutputs } from "~/trpc/types";

type Page = RouterOutputs["suggestion"]["list"];
type Suggestion = Page["items"][number];

const keyOf = (item: { storyId: string; topicId: string }) => `${item.storyId}:${item.topicId}`;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  )
    return true;
  return (
    target instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit"].includes(target.type)
  );
}

export function ReviewQueue({ initial }: { initial: Page }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listOptions = trpc.suggestion.list.queryOptions({ limit: 100 });
  const query = useQuery({ ...listOptions, initialData: initial });
  const items = query.data.items;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [current, setCurrent] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const helpRef = useRef<HTMLDialogElement>(null);
  const rowRefs = useRef<(HTMLInputElement | null)[]>([]);

  const onReviewed = (verb: string) => async (result: { changed: number; skipped: number }) => {
    setNotice(
      `${verb} ${result.changed} suggestion${result.changed === 1 ? "" : "s"}${result.skipped ? ` (${result.skipped} already reviewed)` : ""}.`,
    );
    setSelected(new Set());
    await queryClient.invalidateQueries({ queryKey: trpc.suggestion.list.queryKey() });
  };
  const approve = useMutation(trpc.suggestion.approve.mutationOptions({ onSuccess: onReviewed("Approved") }));
  const reject = useMutation(trpc.suggestion.reject.mutationOptions({ onSuccess: onReviewed("Rejected") }));
  const busy = approve.isPending || reject.isPending;

  const targets = useCallback((): Suggestion[] => {
    if (selected.size > 0) return items.filter((item) => selected.has(keyOf(item)));
    const row = items[current];
    return row ? [row] : [];
  }, [items, selected, current]);

  const review = useCallback(
    (decision: "approve" | "reject") => {
      const keys = targets().map((item) => ({ storyId: item.storyId, topicId: item.topicId }));
      if (keys.length === 0 || busy) return;
      setNotice(null);
      if (decision === "approve") approve.mutate({ keys });
      else reject.mutate({ keys });
    },
    [targets, busy, approve, reject],
  );

  const toggle = useCallback((key: string) => {
    setSelected((before) => {
      const next = new Set(before);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }, []);

  const move = useCallback(
    (delta: number) => {
      setCurrent((index) => {
        const next = Math.max(0, Math.min(items.length - 1, index + delta));
        rowRefs.current[next]?.focus();
        return next;
      });
    },
    [items.length],
  );

  useEffect(() => {
    if (current >= items.length && items.length > 0) setCurrent(items.length - 1);
  }, [current, items.length]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      const row = items[current];
      switch (event.key) {
        case "j":
          move(1);
          break;
        case "k":
          move(-1);
          break;
        case "x":
          if (row) toggle(keyOf(row));
          break;
        case "a":
          review("approve");
          break;
        case "r":
          review("reject");
          break;
        case "?": {
          const dialog = helpRef.current;
          if (dialog?.open) dialog.close();
          else dialog?.showModal();
          break;
        }
        default:
          return;
      }
      event.preventDefault();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [items, current, move, toggle, review]);

  const allSelected = items.length > 0 && items.every((item) => selected.has(keyOf(item)));
  const count = targets().length;

  return (
    <div className="review-queue">
      <div className="toolbar" role="toolbar" aria-label="Review selected suggestions">
        <div className="checkbox-field">
          <input
            id="select-all"
            type="checkbox"
            checked={allSelected}
            disabled={items.length === 0}
            onChange={() => setSelected(allSelected ? new Set() : new Set(items.map(keyOf)))}
          />
          <label htmlFor="select-all">Select all ({items.length})</label>
        </div>
        <button
          type="button"
          className="button"
          disabled={busy || count === 0}
          onClick={() => review("approve")}
        >
          Approve{selected.size > 0 ? ` ${selected.size} selected` : ""}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy || count === 0}
          onClick={() => review("reject")}
        >
          Reject{selected.size > 0 ? ` ${selected.size} selected` : ""}
        </button>
        <button
          type="button"
          className="link-button shortcuts-button"
          onClick={() => helpRef.current?.showModal()}
        >
          Keyboard shortcuts <kbd>?</kbd>
        </button>
      </div>
      <ErrorMessage error={approve.error ?? reject.error ?? query.error} />
      {notice ? (
        <p className="form-note" role="status">
          {notice}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className="empty-state">Nothing to review: every suggestion has been approved or rejected.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table queue-table">
            <caption className="visually-hidden">Pending suggestions, most confident first</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Selected</span>
                </th>
                <th scope="col">Story</th>
                <th scope="col">Suggested topic</th>
                <th scope="col" className="num">
                  Confidence
                </th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item, index) => {
                const key = keyOf(item);
                const checkboxId = `sel-${index}`;
                return (
                  <tr
                    key={key}
                    className={index === current ? "is-current" : undefined}
                    aria-current={index === current ? "true" : undefined}
                    onClick={() => setCurrent(index)}
                  >
                    <td>
                      <input
                        ref={(element) => {
                          rowRefs.current[index] = element;
                        }}
                        id={checkboxId}
                        type="checkbox"
                        checked={selected.has(key)}
                        onChange={() => toggle(key)}
                        onFocus={() => setCurrent(index)}
                        aria-label={`Select “${item.topicName}” for “${item.storyTitle}”`}
                      />
                    </td>
                    <td>
                      <Link href={`/stories/${item.storyId}`}>{item.storyTitle}</Link>
                      <div className="meta">{item.source ?? "Unknown source"}</div>
                    </td>
                    <td>
                      <span className="tag tag--pending">{item.topicName}</span>
                    </td>
                    <td className="num">
                      {item.confidence === null ? (
                        "—"
                      ) : (
                        <span className="confidence">
                          <span className="confidence__track" aria-hidden="true">
                            <span
                              className="confidence__bar"
                              style={{ width: `${Math.round(item.confidence * 100)}%` }}
                            />
                          </span>
                          {Math.round(item.confidence * 100)}%
                        </span>
                      )}
                    </td>
                    <td className="reason">
                      {item.reason ?? <span className="muted">no reason given</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {query.data.nextCursor ? (
        <p className="meta">Showing the 100 most confident; review these to see more.</p>
      ) : null}
      <dialog ref={helpRef} className="shortcuts" aria-labelledby="shortcuts-heading">
        <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
        <dl>
          <div>
            <dt>
              <kbd>j</kbd> / <kbd>k</kbd>
            </dt>
            <dd>Next / previous suggestion</dd>
          </div>
          <div>
            <dt>
              <kbd>x</kbd>
            </dt>
            <dd>Select or unselect the current suggestion</dd>
          </div>
          <div>
            <dt>
              <kbd>a</kbd>
            </dt>
            <dd>Approve the selected (or the current) suggestions</dd>
          </div>
          <div>
            <dt>
              <kbd>r</kbd>
            </dt>
            <dd>Reject the selected (or the current) suggestions</dd>
          </div>
          <div>
            <dt>
              <kbd>?</kbd>
            </dt>
            <dd>Show or hide this help</dd>
          </div>
        </dl>
        <form method="dialog">
          <button className="button" type="submit">
            Close
          </button>
        </form>
      </dialog>
    </div>
  );
}
