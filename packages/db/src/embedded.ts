// The embedded default: PGlite (PostgreSQL in WASM) served on 127.0.0.1 over the wire
// protocol, so the same pg/Prisma code runs with no server installed.
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { mkdirSync } from "node:fs";

export type EmbeddedPostgres = {
  /** postgres:// URL to hand to createDb, pg-boss or a child process. */
  url: string;
  port: number;
  /** Folder holding the data, or null when it lives in memory. */
  dataDir: string | null;
  stop: () => Promise<void>;
};

export type StartEmbeddedOptions = {
  /** Where the data lives; omit for an in-memory database (tests). */
  dataDir?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Must cover every pool that connects (Prisma, pg-boss, scripts); the default of 1 breaks pools. */
  maxConnections?: number;
};

/** Starts PGlite and serves it on 127.0.0.1. Data in `dataDir` persists across restarts. */
export async function startEmbeddedPostgres(options: StartEmbeddedOptions = {}): Promise<EmbeddedPostgres> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = options.dataDir ? await PGlite.create(options.dataDir) : await PGlite.create();
  keepPipelinesTogether(pglite);
  const server = new PGLiteSocketServer({
    db: pglite,
    host: "127.0.0.1",
    port: options.port ?? 0,
    maxConnections: options.maxConnections ?? 64,
  });
  try {
    await server.start();
  } catch (error) {
    await pglite.close();
    const code = (error as { code?: string }).code;
    if (code === "EADDRINUSE") {
      throw new Error(
        `Port ${options.port} is already in use: is another Dispatch already running? ` +
          "Stop it, or set DISPATCH_EMBEDDED_PORT to a free port.",
      );
    }
    throw error;
  }
  const port = readPort(server.getServerConn());
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    port,
    dataDir: options.dataDir ?? null,
    stop: async () => {
      await server.stop();
      await pglite.close();
    },
  };
}

/**
 * PGlite serves every connection from one backend session, and the socket server runs
 * messages one at a time in arrival order. An extended-protocol pipeline (Parse, Bind,
 * Execute … Sync) must not be interleaved with another connection's, or one client's Bind
 * meets another's unnamed statement ("bind message supplies 18 parameters, but prepared
 * statement requires 3"). The server already keeps a connection's messages together while a
 * transaction is open; we report an open pipeline as "in a transaction" too, so it keeps
 * them together until the pipeline's Sync.
 */
function keepPipelinesTogether(pglite: PGlite): void {
  const PIPELINE_MESSAGES = new Set(["P", "B", "D", "E", "C", "H"].map((type) => type.charCodeAt(0)));
  const SYNC = "S".charCodeAt(0);
  const SIMPLE_QUERY = "Q".charCodeAt(0);
  let pipelineOpen = false;
  const execProtocolRawStream = pglite.execProtocolRawStream.bind(pglite);
  const isInTransaction = pglite.isInTransaction.bind(pglite);
  pglite.execProtocolRawStream = async (message, streamOptions) => {
    const type = message[0];
    if (type !== undefined && PIPELINE_MESSAGES.has(type)) pipelineOpen = true;
    try {
      return await execProtocolRawStream(message, streamOptions);
    } finally {
      if (type === SYNC || type === SIMPLE_QUERY) pipelineOpen = false;
    }
  };
  pglite.isInTransaction = () => pipelineOpen || isInTransaction();
}

function readPort(conn: string): number {
  const port = Number(conn.split(":").at(-1));
  if (!Number.isInteger(port) || port <= 0) throw new Error(`Unexpected server address ${conn}`);
  return port;
}
