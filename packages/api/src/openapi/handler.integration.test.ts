// The public read API on a real database: every documented route answers, and what it
// answers is what the served document says (each body checked against its schema). Then the
// stand-alone example client, run as a stranger would, against the API over HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { incomingMessageToRequest } from "@trpc/server/adapters/node-http";
import { createTestDatabase, type TestDatabase } from "@dispatch/db/testing";
import { readerRouter } from "../root";
import { listProcedures } from "../security/procedure-audiences";
import { rebuildBriefing } from "../services/briefings";
import { seedDemo } from "../services/demo";
import { createInnerContext } from "../trpc";
import { createOpenApiDocument } from "./document";
import { API_MAX_BODY_BYTES, createOpenApiHandler } from "./handler";

let database: TestDatabase;
let handler: (req: Request) => Promise<Response>;
let topicSlug: string;
let story: { id: string; slug: string; title: string };
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  const topic = await database.db.topic.findFirstOrThrow({
    where: { briefings: { some: {} } },
    orderBy: { slug: "asc" },
  });
  topicSlug = topic.slug;
  await rebuildBriefing(database.db, topicSlug); // a second version, for versions and diff
  story = await database.db.story.findFirstOrThrow({
    where: { status: "published", topics: { some: { topicId: topic.id } } },
    orderBy: { slug: "asc" },
    select: { id: true, slug: true, title: true },
  });
  handler = createOpenApiHandler({
    router: readerRouter,
    createContext: async () => createInnerContext({ db: database.db, user: null, via: "api" }),
  });
});
afterAll(async () => {
  await database.drop();
});

const SITE = "http://reader.example.test";
const document = createOpenApiDocument(readerRouter, { serverUrl: SITE });
const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);
const errorSchema = ajv.compile(document.components.schemas.Error);

type Operation = {
  operationId: string;
  responses: Record<string, { content?: { "application/json": { schema: object } } }>;
};

/** A real request for each procedure, with values from the seeded newsroom. */
function exampleRequestFor(operationId: string, path: string): Request | null {
  const at = (concrete: string, query = "") => new Request(`${SITE}${concrete}${query}`);
  const filled = path.replace("{topic}", topicSlug).replace("{idOrSlug}", story.slug);
  const firstWord = story.title.split(/\s+/).find((word) => /^[A-Za-z]{4,}$/.test(word)) ?? "the";
  switch (operationId) {
    case "topic.list":
    case "topic.get":
    case "briefing.versions":
    case "search.filters":
    case "story.get":
    case "story.read":
      return at(filled);
    case "briefing.get":
      return at(filled, "?version=1");
    case "briefing.diff":
      return at(filled, "?from=1&to=2");
    case "story.list":
      return at(filled, `?topic=${topicSlug}&limit=3`);
    case "search.stories":
      return at(filled, `?q=${encodeURIComponent(firstWord)}&pageSize=5&from=2000-01-01`);
    case "story.passages":
      return new Request(`${SITE}${filled}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ refs: [{ storyId: story.id, sentenceIndex: 0 }] }),
      });
    default:
      return null;
  }
}

async function callJson(request: Request) {
  const response = await handler(request);
  return { status: response.status, headers: response.headers, body: (await response.json()) as unknown };
}

describe("the public read API over a real database", () => {
  it("answers every documented route with a body its documented schema accepts", async () => {
    const checked: string[] = [];
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const operation of Object.values(methods) as Operation[]) {
        const request = exampleRequestFor(operation.operationId, path);
        if (!request) throw new Error(`Add an example request for ${operation.operationId} to this test.`);
        const { status, headers, body } = await callJson(request);
        expect(status, `${operation.operationId}: ${JSON.stringify(body)}`).toBe(200);
        expect(headers.get("access-control-allow-origin")).toBe("*");
        const schema = operation.responses["200"]?.content?.["application/json"].schema;
        if (!schema) throw new Error(`${operation.operationId} documents no answer`);
        const validate = ajv.compile(schema);
        expect(validate(body), `${operation.operationId}: ${ajv.errorsText(validate.errors)}`).toBe(true);
        expect(body, operation.operationId).not.toEqual([]);
        checked.push(operation.operationId);
      }
    }
    // Every procedure the reader serves was called over its documented route.
    expect(checked.sort()).toEqual(listProcedures(readerRouter).map((entry) => entry.path));
  });

  it("answers with real content: the topic's briefing cites stories, search finds the story by its title", async () => {
    const briefing = (await callJson(new Request(`${SITE}/api/v1/topics/${topicSlug}/briefing`))).body as {
      version: number;
      createdAt: string;
      briefing: { points: unknown[] };
      stories: Array<{ id: string }>;
    };
    expect(briefing.version).toBe(2);
    expect(new Date(briefing.createdAt).toISOString()).toBe(briefing.createdAt);
    expect(briefing.briefing.points.length).toBeGreaterThan(0);
    expect(briefing.stories.map((entry) => entry.id)).toContain(story.id);

    const search = (
      await callJson(new Request(`${SITE}/api/v1/search?q=${encodeURIComponent(`"${story.title}"`)}`))
    ).body as { hits: Array<{ id: string }> };
    expect(search.hits.map((hit) => hit.id)).toContain(story.id);
  });

  it("refuses bad requests with a documented error that says what to do", async () => {
    const cases: Array<[Request, number, string, RegExp]> = [
      [new Request(`${SITE}/api/v1/topics/no-such-topic`), 404, "NOT_FOUND", /no-such-topic/],
      [new Request(`${SITE}/api/v1/stories/no-such-story`), 404, "NOT_FOUND", /was not found/],
      [
        new Request(`${SITE}/api/v1/nowhere`),
        404,
        "NOT_FOUND",
        /no API route at \/api\/v1\/nowhere.*openapi\.json/,
      ],
      [new Request(`${SITE}/api/v1/search?q=rain&pageSize=500`), 400, "INVALID_INPUT", /pageSize/],
      [new Request(`${SITE}/api/v1/search?q=rain&page=abc`), 400, "INVALID_INPUT", /page/],
      [
        new Request(`${SITE}/api/v1/search?query=rain`),
        400,
        "INVALID_INPUT",
        /Unknown query parameter “query”: it takes q, topic/,
      ],
      [new Request(`${SITE}/api/v1/search?q=a&q=b`), 400, "INVALID_INPUT", /Give “q” once/],
      [
        new Request(`${SITE}/api/v1/topics/${topicSlug}/briefing/diff?from=1&to=1`),
        400,
        "INVALID_INPUT",
        /two different versions/,
      ],
      [
        new Request(`${SITE}/api/v1/topics`, { method: "DELETE" }),
        405,
        "METHOD_NOT_ALLOWED",
        /answers GET, not DELETE/,
      ],
      [
        new Request(`${SITE}/api/v1/passages`, { method: "POST", body: "refs" }),
        400,
        "INVALID_INPUT",
        /Content-Type: application\/json/,
      ],
      [
        new Request(`${SITE}/api/v1/passages`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: "{refs",
        }),
        400,
        "INVALID_INPUT",
        /not valid JSON/,
      ],
      [
        new Request(`${SITE}/api/v1/passages`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ refs: [], padding: "x".repeat(API_MAX_BODY_BYTES) }),
        }),
        413,
        "TOO_LARGE",
        /limit per request/,
      ],
    ];
    for (const [request, status, code, message] of cases) {
      const result = await callJson(request);
      const label = `${request.method} ${request.url}`;
      expect(result.status, label).toBe(status);
      expect(errorSchema(result.body), label).toBe(true);
      expect(result.body, label).toMatchObject({ error: { code, message: expect.stringMatching(message) } });
    }
  });

  it("lets any site call it: a CORS preflight is answered", async () => {
    const response = await handler(
      new Request(`${SITE}/api/v1/passages`, {
        method: "OPTIONS",
        headers: { origin: "https://elsewhere.example", "access-control-request-method": "POST" },
      }),
    );
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
  });
});

describe("the stand-alone example client", () => {
  let server: Server;
  let site: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      void handler(incomingMessageToRequest(req, res, { maxBodySize: null })).then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const client = fileURLToPath(new URL("../../../../examples/reader-client/client.mjs", import.meta.url));
  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, [client, ...args], { timeout: 20_000 });

  it("lists the topics, prints a briefing with its cited stories, and searches", async () => {
    const topic = await database.db.topic.findUniqueOrThrow({ where: { slug: topicSlug } });
    const { stdout } = await run(["--site", site, "--topic", topicSlug, "--search", story.title]);
    const topicCount = await database.db.topic.count({ where: { status: "active" } });
    expect(stdout).toContain(`${topicCount} topics at ${site}`);
    expect(stdout).toContain(`${topic.name} — briefing version 2`);
    expect(stdout).toMatch(/first cited: .+: “.+”/);
    expect(stdout).toMatch(/Search “.+”: [1-9]\d*\+? stories/);
  });

  it("says what went wrong when the topic does not exist or the server is not there", async () => {
    await expect(run(["--site", site, "--topic", "no-such-topic"])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/no-such-topic/),
    });
    await expect(run(["--site", "http://127.0.0.1:9"])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/Could not reach http:\/\/127\.0\.0\.1:9 .*Is the reader running\?/),
    });
  });
});
