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
  /**
   * The database takes LISTEN but does not deliver notifications (the embedded PGlite; a
   * pooler in transaction mode): changes will never be heard, and the listener has stopped.
   */
  onUnsupported: (reason: string) => void;
};

const PROBE_PREFIX = "probe:";

export type PublicChangeListener = { stop: () => Promise<void> };

/** Listens on its own connection (not the Prisma pool's), retrying every `retryMs` after a failure. */
export function listenForPublicChanges(
  connectionString: string,
  handlers: PublicChangeHandlers,
  options: { retryMs?: number; probeTimeoutMs?: number } = {},
): PublicChangeListener {
  const retryMs = options.retryMs ?? 1_000;
  const probeTimeoutMs = options.probeTimeoutMs ?? 5_000;
  const probes = new Map<string, () => void>();
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
      if (message.channel !== PUBLIC_CHANGE_CHANNEL) return;
      if (message.payload?.startsWith(PROBE_PREFIX)) probes.get(message.payload)?.();
      else handlers.onChange(parsePublicChange(message.payload));
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${PUBLIC_CHANGE_CHANNEL}`);
      // LISTEN succeeding proves nothing: PGlite and transaction poolers accept it and never
      // deliver. Only a notification sent on another connection and heard here counts.
      const delivered = await probeDelivery();
      if (client !== next || stopped) return;
      if (delivered) {
        handlers.onListening();
        return;
      }
      stopped = true;
      client = null;
      next.removeAllListeners();
      next.on("error", () => undefined);
      await next.end().catch(() => undefined);
      handlers.onUnsupported(
        `a notification sent through the database did not arrive within ${probeTimeoutMs} ms`,
      );
    } catch (error) {
      lose(next, error);
    }
  }

  async function probeDelivery(): Promise<boolean> {
    const payload = `${PROBE_PREFIX}${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const heard = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), probeTimeoutMs);
      probes.set(payload, () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    const sender = new pg.Client({ connectionString, application_name: "dispatch-public-changes-probe" });
    sender.on("error", () => undefined);
    try {
      await sender.connect();
      await sender.query("SELECT pg_notify($1, $2)", [PUBLIC_CHANGE_CHANNEL, payload]);
    } finally {
      await sender.end().catch(() => undefined);
    }
    try {
      return await heard;
    } finally {
      probes.delete(payload);
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
