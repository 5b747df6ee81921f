// Tells a process when something readers can see has changed in the database, whoever changed
// it: triggers NOTIFY "dispatch_public_change" on commit (migration
// 20261129163000_public_change_notify) and this holds one LISTEN connection, reconnecting when
// it drops. Callers must treat "not listening" as "cannot know": a change made while the
// connection was down is never delivered, hence onListening after every (re)connect.
import pg from "pg";

export const PUBLIC_CHANGE_CHANNEL = "dispatch_public_change";

/** A change's scope: every public view, or the views of one topic's briefing. */
export type PublicChange = { kind: "all" } | { kind: "topic"; slug: string };

/** Reads a notification's payload ('*' or 'topic:<slug>'); anything else counts as everything. */
export function parsePublicChange(payload: string | undefined): PublicChange {
  if (payload?.startsWith("topic:") && payload.length > "topic:".length) {
    return { kind: "topic", slug: payload.slice("topic:".length) };
  }
  return { kind: "all" };
}

export type PublicChangeHandlers = {
  onChange: (change: PublicChange) => void;
  /** LISTEN is in place (first time or after a reconnect): changes from now on are delivered. */
  onListening: () => void;
  /** The connection is gone: changes are not delivered until onListening again. */
  onLost: (error: unknown) => void;
};

export type PublicChangeListener = { stop: () => Promise<void> };

/** Listens on its own connection (not the Prisma pool's), retrying every `retryMs` after a failure. */
export function listenForPublicChanges(
  connectionString: string,
  handlers: PublicChangeHandlers,
  options: { retryMs?: number } = {},
): PublicChangeListener {
  const retryMs = options.retryMs ?? 1_000;
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | null = null;

  const lose = (failed: pg.Client, error: unknown) => {
    if (client !== failed) return;
    client = null;
    failed.removeAllListeners();
    failed.on("error", () => undefined);
    void failed.end().catch(() => undefined);
    if (stopped) return;
    handlers.onLost(error);
    retry = setTimeout(connect, retryMs);
    retry.unref();
  };

  async function connect() {
    retry = null;
    if (stopped) return;
    const next = new pg.Client({ connectionString, application_name: "dispatch-public-changes" });
    client = next;
    next.on("error", (error) => lose(next, error));
    next.on("end", () => lose(next, new Error("the LISTEN connection closed")));
    next.on("notification", (message) => {
      if (message.channel === PUBLIC_CHANGE_CHANNEL) handlers.onChange(parsePublicChange(message.payload));
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${PUBLIC_CHANGE_CHANNEL}`);
      if (client === next && !stopped) handlers.onListening();
    } catch (error) {
      lose(next, error);
    }
  }

  void connect();
  return {
    stop: async () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      const current = client;
      client = null;
      if (current) {
        current.removeAllListeners();
        current.on("error", () => undefined);
        await current.end().catch(() => undefined);
      }
    },
  };
}
