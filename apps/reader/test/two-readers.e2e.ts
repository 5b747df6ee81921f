// Two reader instances behind nginx (Debian's), configured by deploy/nginx/reader.conf: both
// serve a topic from their page data cache, and when a new story comes in and the briefing is
// rebuilt (what the worker does), both serve the new version within seconds, with no request
// to either of them saying so: PostgreSQL tells each instance. Skipped, with the reason,
// when nginx is not installed.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildBriefing } from "@dispatch/api";
import { addTestStory, createTestDatabase, type TestDatabase } from "@dispatch/db/testing";
import { findFreePort, startBuiltApp, type RunningApp } from "@dispatch/ui/testing";

const nginxPath = process.env.NGINX_PATH ?? "/usr/sbin/nginx";
const hasNginx = existsSync(nginxPath);
if (!hasNginx) {
  console.warn(
    `[reader e2e] no nginx at ${nginxPath} (apt-get install nginx, or set NGINX_PATH): the two-reader test is skipped`,
  );
}

const repoRoot = path.resolve(fileURLToPath(new URL("../../../", import.meta.url)));
const TOPIC = "kestrel-viaduct";

// Our own text: two outlets on a viaduct closure, then a third story that arrives later.
const story = (slug: string, source: string, title: string, body: string, day: number) => ({
  slug,
  source,
  title,
  body,
  day,
});
const FIRST = [
  story(
    "kestrel-viaduct-closed",
    "Fenland Courier",
    "Kestrel viaduct closed after cracks found in pier",
    "Engineers closed the Kestrel viaduct on Monday after cracks were found in its third pier, the county council said.\n" +
      "Council roads chief Amira Hollis said the closure would last at least a fortnight while the pier was surveyed.\n" +
      "Traffic was diverted through Wexcombe, adding twenty minutes to journeys.",
    3,
  ),
  story(
    "viaduct-diversion-wexcombe",
    "Wexcombe Echo",
    "Viaduct closure sends lorries through Wexcombe",
    "Lorries diverted from the closed Kestrel viaduct queued through Wexcombe on Monday, residents said.\n" +
      "Amira Hollis, the council's roads chief, said engineers had found cracks in the viaduct's third pier.\n" +
      "The council said the survey of the pier would take at least a fortnight.",
    4,
  ),
];
const LATER = story(
  "kestrel-viaduct-reopens-one-lane",
  "Marsh Gazette",
  "Kestrel viaduct to reopen to one lane of cars",
  "The Kestrel viaduct will reopen to one lane of cars on Friday after the survey of its third pier, the council said.\n" +
    "Amira Hollis said lorries would stay on the Wexcombe diversion until repairs to the pier were finished.\n" +
    "Engineers said the cracks in the pier had not grown since Monday.",
  6,
);

type ProxyRead = { upstream: string; version: number | null; text: string };

describe.skipIf(!hasNginx)("two reader instances behind nginx", () => {
  let database: TestDatabase;
  const readers: RunningApp[] = [];
  let nginx: ChildProcess | undefined;
  let dir = "";
  let proxyUrl = "";
  let topicId = "";

  async function addStory(item: ReturnType<typeof story>) {
    await addTestStory(database.db, { ...item, publishedAt: new Date(Date.UTC(2026, 10, item.day)) }, [
      { id: topicId },
    ]);
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    topicId = (await database.db.topic.create({ data: { slug: TOPIC, name: "Kestrel viaduct" } })).id;
    for (const item of FIRST) await addStory(item);
    await rebuildBriefing(database.db, TOPIC);

    const env = {
      DATABASE_URL: database.url,
      AUTH_SECRET: "two-readers-e2e-secret-0123456789abcdef0123",
      DISPATCH_TRUST_PROXY: "true",
    };
    readers.push(await startBuiltApp("reader", env), await startBuiltApp("reader", env));

    // The repository's nginx file, pointed at these two instances, a free port and a temp dir.
    dir = await mkdtemp(path.join(os.tmpdir(), "dispatch-nginx-"));
    const port = await findFreePort();
    const upstreams = readers.map(
      (reader) => `server ${new URL(reader.url).host} max_fails=3 fail_timeout=5s;`,
    );
    const site = (await readFile(path.join(repoRoot, "deploy/nginx/reader.conf"), "utf8"))
      .replace(/server reader:3000[^;]*;/, upstreams.join("\n    "))
      .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
      .replace(/access_log \S+/, `access_log ${path.join(dir, "access.log")}`);
    expect(site).toContain(upstreams[1]);
    await writeFile(path.join(dir, "reader.conf"), site);
    const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
      .map((kind) => `${kind}_temp_path ${path.join(dir, kind)};`)
      .join("\n  ");
    await writeFile(
      path.join(dir, "nginx.conf"),
      `worker_processes 1;\npid ${path.join(dir, "nginx.pid")};\nerror_log ${path.join(dir, "error.log")};\n` +
        `events { worker_connections 256; }\nhttp {\n  ${temp}\n  include ${path.join(dir, "reader.conf")};\n}\n`,
    );
    nginx = spawn(
      nginxPath,
      ["-p", dir, "-e", path.join(dir, "error.log"), "-c", "nginx.conf", "-g", "daemon off;"],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    nginx.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    proxyUrl = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 15_000;
    for (;;) {
      if (nginx.exitCode !== null) throw new Error(`nginx exited:\n${output}`);
      try {
        await fetch(`${proxyUrl}/about`, { signal: AbortSignal.timeout(5_000) });
        break;
      } catch {
        if (Date.now() > deadline) throw new Error(`nginx did not answer in 15 s:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  });

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const child = nginx;
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    await Promise.all(readers.map((reader) => reader.stop()));
    await database?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Which instance answered a request, from nginx's access log (by the request id it sent back). */
  async function upstreamOf(requestId: string): Promise<string> {
    let upstream = "";
    await expect
      .poll(async () => {
        const log = await readFile(path.join(dir, "access.log"), "utf8").catch(() => "");
        upstream = new RegExp(`rid=${requestId} upstream=(\\S+)`).exec(log)?.[1] ?? "";
        return upstream;
      })
      .not.toBe("");
    return upstream;
  }

  /** Reads the topic page through nginx, `count` times in a row (round robin: both instances). */
  async function readThroughProxy(count = 4): Promise<ProxyRead[]> {
    const reads: ProxyRead[] = [];
    for (let index = 0; index < count; index++) {
      const response = await fetch(`${proxyUrl}/topics/${TOPIC}`);
      expect(response.status).toBe(200);
      const text = (await response.text()).replace(/<!-- -->/g, "").replace(/<[^>]+>/g, " ");
      const version = /Version (\d+)/.exec(text)?.[1];
      reads.push({
        upstream: await upstreamOf(response.headers.get("x-request-id") ?? "missing"),
        version: version ? Number(version) : null,
        text,
      });
    }
    return reads;
  }

  /** The version each instance served, by instance address. */
  const versionsByInstance = (reads: ProxyRead[]) =>
    Object.fromEntries(
      readers.map((reader) => {
        const host = new URL(reader.url).host;
        return [
          host,
          [...new Set(reads.filter((read) => read.upstream === host).map((read) => read.version))],
        ];
      }),
    );
  const everyInstance = (value: unknown) =>
    Object.fromEntries(readers.map((reader) => [new URL(reader.url).host, value]));

  it("spreads reads over both instances, each serving the stored briefing", async () => {
    const reads = await readThroughProxy();
    expect(versionsByInstance(reads)).toEqual(everyInstance([1]));
    for (const read of reads) expect(read.text).toContain(FIRST[0]?.title);
  });

  it("serves each instance's cached page data: a change the database does not announce is not seen", async () => {
    // Editing a stored version in place is not a change readers are told of (only new versions
    // are), so instances that cache keep serving what they read before.
    const [stored] = await database.db.$queryRaw<{ headline: string }[]>`
      SELECT content->>'headline' AS headline FROM "Briefing"`;
    const edited = await database.db
      .$executeRaw`UPDATE "Briefing" SET content = jsonb_set(content, '{headline}', '"Unannounced headline"')`;
    expect(edited).toBe(1);
    const reads = await readThroughProxy();
    expect(versionsByInstance(reads)).toEqual(everyInstance([1]));
    for (const read of reads) expect(read.text).not.toContain("Unannounced headline");
    // Still the headline read before the edit, not merely a page without the new one.
    for (const read of reads) expect(read.text).toContain(stored?.headline);
  });

  /** What each instance's search page says for a word only the later story has. */
  const searchEachInstance = () =>
    Promise.all(
      readers.map(async (reader) => {
        const response = await fetch(`${reader.url}/search?q=lane`);
        expect(response.status).toBe(200);
        // Matched words are marked up: compare the text alone.
        const text = (await response.text()).replace(/<!-- -->/g, "").replace(/<[^>]+>/g, "");
        return text.includes(LATER.title);
      }),
    );

  it("after a new story and a rebuild, both instances serve the new version within seconds", async () => {
    // Each instance keeps the answer to this search (none yet) until a story changes.
    expect(await searchEachInstance()).toEqual([false, false]);
    expect(await searchEachInstance()).toEqual([false, false]);
    await addStory(LATER);
    await expect.poll(searchEachInstance, { timeout: 10_000, interval: 250 }).toEqual([true, true]);
    const rebuilt = await rebuildBriefing(database.db, TOPIC);
    expect(rebuilt.version).toBe(2);
    await expect
      .poll(async () => versionsByInstance(await readThroughProxy()), { timeout: 10_000, interval: 250 })
      .toEqual(everyInstance([2]));
    for (const read of await readThroughProxy()) expect(read.text).toContain(LATER.title);
  });

  it("lets shared caches keep anonymous pages briefly, never a page for a session", async () => {
    const anonymous = await fetch(`${proxyUrl}/topics/${TOPIC}`);
    await anonymous.text();
    expect(anonymous.headers.get("cache-control")).toBe(
      "public, max-age=0, s-maxage=5, stale-while-revalidate=10",
    );
    expect(anonymous.headers.get("content-security-policy")).toMatch(/'nonce-[^']+'/);
    // Any session cookie (this one is not even valid): the masthead may name a reader.
    const withSession = await fetch(`${proxyUrl}/topics/${TOPIC}`, {
      headers: { cookie: "dispatch.session_token=not-a-real-session" },
    });
    await withSession.text();
    expect(withSession.headers.get("cache-control")).toMatch(/private/);
    expect(withSession.headers.get("cache-control")).not.toMatch(/public|s-maxage/);
  });
});
