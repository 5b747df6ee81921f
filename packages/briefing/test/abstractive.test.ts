// The abstractive mode against a fake OpenAI-compatible server on 127.0.0.1: sentences with
// valid sources are kept and marked "abstractive", the rest are dropped.
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildBriefing, rewriteWithModel } from "../src/index";
import { readGoldenStories } from "./golden-stories";

const stories = readGoldenStories();
const briefing = buildBriefing(stories);
let server: Server;
let baseUrl = "";
let reply: (prompt: string) => { status: number; body: unknown } = () => ({ status: 500, body: {} });
const requests: Array<{
  auth: string | undefined;
  body: { model?: string; messages?: Array<{ content: string }> };
}> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    req.on("end", () => {
      const body = JSON.parse(raw) as { model?: string; messages?: Array<{ content: string }> };
      requests.push({ auth: req.headers.authorization, body });
      const prompt = body.messages?.at(-1)?.content ?? "";
      const { status, body: out } = reply(prompt);
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(out));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const completion = (content: unknown) => ({
  choices: [{ message: { role: "assistant", content: JSON.stringify(content) } }],
});

describe("rewriteWithModel", () => {
  it("keeps cited sentences, drops uncited ones and marks the mode", async () => {
    const top = briefing.points[0];
    if (!top) throw new Error("no points");
    reply = (prompt) => {
      // The prompt numbers source sentences S1, S2…; the first point's sources come first.
      const ids = [...prompt.matchAll(/^(S\d+):/gm)].map((m) => m[1]);
      return {
        status: 200,
        body: completion({
          overview: [
            { text: "Port Elling is closing the Vessen Bridge for repairs.", sources: [ids[0]] },
            { text: "An invented claim with no source.", sources: [] },
            { text: "A claim citing a sentence the model never saw.", sources: ["S999"] },
          ],
          points: [{ id: top.id, text: "The city will shut the bridge from Monday.", sources: [ids[0]] }],
        }),
      };
    };
    const result = await rewriteWithModel(briefing, stories, { baseUrl, apiKey: "test-key", model: "tiny" });
    expect(result.error).toBeNull();
    expect(result.kept).toBe(2);
    expect(result.dropped).toBe(2);
    expect(result.briefing.overview).toHaveLength(1);
    expect(result.briefing.overview[0]).toMatchObject({
      text: "Port Elling is closing the Vessen Bridge for repairs.",
      mode: "abstractive",
    });
    expect(result.briefing.overview[0]?.citations[0]).toEqual(top.citations[0]);
    const rewritten = result.briefing.points.find((p) => p.id === top.id);
    expect(rewritten).toMatchObject({
      text: "The city will shut the bridge from Monday.",
      mode: "abstractive",
    });
    expect(result.briefing.points.filter((p) => p.id !== top.id).every((p) => p.mode === "extractive")).toBe(
      true,
    );
    expect(result.briefing.checks.ok).toBe(true);
    expect(requests.at(-1)?.auth).toBe("Bearer test-key");
    expect(requests.at(-1)?.body.model).toBe("tiny");
  });

  it("returns the extractive briefing unchanged when the endpoint fails", async () => {
    reply = () => ({ status: 503, body: { error: "busy" } });
    const result = await rewriteWithModel(briefing, stories, { baseUrl, model: "tiny" });
    expect(result.error).toMatch(/HTTP 503/);
    expect(result.briefing).toBe(briefing);
  });

  it("rejects a point rewrite that cites sentences of another point", async () => {
    const [first, second] = briefing.points;
    if (!first || !second) throw new Error("need two points");
    reply = (prompt) => {
      const secondSources =
        new RegExp(`^${second.id} \\(sources ([^)]*)\\)`, "m").exec(prompt)?.[1]?.split(", ") ?? [];
      return {
        status: 200,
        body: completion({
          overview: [],
          points: [{ id: first.id, text: "Mixed-up sources.", sources: secondSources }],
        }),
      };
    };
    const result = await rewriteWithModel(briefing, stories, { baseUrl, model: "tiny" });
    expect(result.dropped).toBe(1);
    expect(result.briefing.points.find((p) => p.id === first.id)?.mode).toBe("extractive");
    expect(result.briefing.overview).toEqual(briefing.overview);
  });
});
