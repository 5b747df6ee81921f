// Optional abstractive mode: asks an OpenAI-compatible chat-completions endpoint to rewrite
// the overview and points in plainer words. The model sees numbered source sentences and
// must say which ones each sentence came from; a sentence without valid sources is dropped
// and the extractive text stays. The caller passes endpoint and key: the engine reads no
// environment and does no I/O unless this function is called.
import { checkBriefing } from "./checks";
import { splitSentences } from "../text/sentences";
import { writeSummary } from "../selection/summary";
import type { Briefing, Citation, CitedSentence, Point, StoryInput } from "../types";

export interface ModelOptions {
  /** Base URL up to the API version, e.g. "https://api.openai.com/v1". */
  baseUrl: string;
  apiKey?: string | null;
  model: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Summary word limit used when the summary is rewritten (default 250). */
  words?: number;
}

export interface RewriteResult {
  briefing: Briefing;
  /** Sentences the model wrote that were kept (each with citations). */
  kept: number;
  /** Sentences dropped because they cited nothing, or nothing the model was shown. */
  dropped: number;
  /** Why nothing was rewritten (HTTP or format failure), or null. */
  error: string | null;
}

interface ModelSentence {
  text: string;
  sources: string[];
}

interface ModelReply {
  overview: ModelSentence[];
  points: Array<ModelSentence & { id: string }>;
}

const MAX_WORDS_PER_SENTENCE = 60;

export async function rewriteWithModel(
  briefing: Briefing,
  stories: readonly StoryInput[],
  options: ModelOptions,
): Promise<RewriteResult> {
  const bodies = new Map(stories.map((s) => [s.id, s.body]));
  const sourceIds = new Map<string, Citation>();
  const idOf = new Map<string, string>();
  const register = (c: Citation): string => {
    const key = `${c.storyId}#${c.sentenceIndex}`;
    let id = idOf.get(key);
    if (!id) {
      id = `S${idOf.size + 1}`;
      idOf.set(key, id);
      sourceIds.set(id, c);
    }
    return id;
  };
  const pointSources = new Map<string, string[]>();
  for (const p of briefing.points) pointSources.set(p.id, p.citations.map(register));
  for (const s of briefing.overview) s.citations.forEach(register);

  const sourceLines = [...sourceIds.entries()].map(
    ([id, c]) => `${id}: ${(bodies.get(c.storyId) ?? "").slice(c.start, c.end)}`,
  );
  const pointLines = briefing.points.map(
    (p) => `${p.id} (sources ${(pointSources.get(p.id) ?? []).join(", ")}): ${p.text}`,
  );
  const prompt = [
    "Rewrite this news briefing in clear, neutral English. Use only facts stated in the numbered source sentences.",
    'Reply with JSON only: {"overview":[{"text":"...","sources":["S1"]}],"points":[{"id":"<point id>","text":"...","sources":["S2","S5"]}]}.',
    "The overview has 2 or 3 sentences. Every sentence must list the ids of the source sentences it is based on.",
    "",
    "Source sentences:",
    ...sourceLines,
    "",
    "Points:",
    ...pointLines,
  ].join("\n");

  let reply: ModelReply;
  try {
    reply = await requestCompletion(prompt, options);
  } catch (error) {
    return { briefing, kept: 0, dropped: 0, error: error instanceof Error ? error.message : String(error) };
  }

  let kept = 0;
  let dropped = 0;
  const toCitations = (
    sources: readonly string[],
    allowed: ReadonlySet<string> | null,
  ): Citation[] | null => {
    const valid = sources.filter((id) => sourceIds.has(id) && (allowed === null || allowed.has(id)));
    if (valid.length === 0 || valid.length !== sources.length) return null;
    const citations: Citation[] = [];
    for (const id of new Set(valid)) {
      const c = sourceIds.get(id);
      if (c) citations.push({ ...c });
    }
    return citations;
  };
  const isUsable = (text: string): boolean =>
    text.trim() !== "" && text.trim().split(/\s+/).length <= MAX_WORDS_PER_SENTENCE;

  const overview: CitedSentence[] = [];
  for (const s of reply.overview) {
    const citations = isUsable(s.text) ? toCitations(s.sources, null) : null;
    if (!citations) {
      dropped++;
      continue;
    }
    kept++;
    overview.push({ text: s.text.trim(), mode: "abstractive", citations });
  }
  const rewrites = new Map(reply.points.map((p) => [p.id, p]));
  const points: Point[] = briefing.points.map((p) => {
    const r = rewrites.get(p.id);
    if (!r) return p;
    const citations = isUsable(r.text) ? toCitations(r.sources, new Set(pointSources.get(p.id) ?? [])) : null;
    if (!citations) {
      dropped++;
      return p;
    }
    kept++;
    return { ...p, text: r.text.trim(), mode: "abstractive", citations };
  });

  const finalOverview = overview.length > 0 ? overview : briefing.overview;
  const next: Briefing = {
    ...briefing,
    overview: finalOverview,
    points,
    summary: writeSummary(finalOverview, points, options.words ?? 250),
  };
  const storyMap = new Map(stories.map((s) => [s.id, { body: s.body }]));
  const sentenceCount = stories.reduce((n, s) => n + splitSentences(s.body).length, 0);
  const checks = checkBriefing(next, storyMap, sentenceCount);
  next.checks = { ...checks, ...(briefing.checks.timings ? { timings: briefing.checks.timings } : {}) };
  return { briefing: next, kept, dropped, error: null };
}

async function requestCompletion(prompt: string, options: ModelOptions): Promise<ModelReply> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const url = `${options.baseUrl.replace(/\/+$/, "")}/chat/completions`;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
  const response = await doFetch(url, {
    method: "POST",
    headers,
    body: JSON.stringify({
      model: options.model,
      temperature: 0,
      response_format: { type: "json_object" },
      messages: [
        { role: "system", content: "You rewrite news briefings faithfully and cite your sources." },
        { role: "user", content: prompt },
      ],
    }),
    signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
  });
  if (!response.ok) throw new Error(`model endpoint ${url} answered HTTP ${response.status}`);
  const payload: unknown = await response.json();
  const content = readContent(payload);
  if (content === null) throw new Error("model reply has no choices[0].message.content");
  return parseReply(content);
}

function readContent(payload: unknown): string | null {
  if (typeof payload !== "object" || payload === null) return null;
  const choices = (payload as { choices?: unknown }).choices;
  if (!Array.isArray(choices)) return null;
  const message = (choices[0] as { message?: { content?: unknown } } | undefined)?.message;
  return typeof message?.content === "string" ? message.content : null;
}

/** Parses the model's JSON (tolerating a ```json fence); malformed entries are left out. */
export function parseReply(content: string): ModelReply {
  const json = content.replace(/^\s*```(?:json)?\s*/i, "").replace(/\s*```\s*$/, "");
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new Error("model reply is not JSON");
  }
  const readSentences = (value: unknown): Array<ModelSentence & { id: string }> => {
    if (!Array.isArray(value)) return [];
    const out: Array<ModelSentence & { id: string }> = [];
    for (const item of value) {
      if (typeof item !== "object" || item === null) continue;
      const { text, sources, id } = item as { text?: unknown; sources?: unknown; id?: unknown };
      if (typeof text !== "string") continue;
      const list = Array.isArray(sources) ? sources.filter((s): s is string => typeof s === "string") : [];
      out.push({ text, sources: list, id: typeof id === "string" ? id : "" });
    }
    return out;
  };
  const obj =
    typeof data === "object" && data !== null ? (data as { overview?: unknown; points?: unknown }) : {};
  return {
    overview: readSentences(obj.overview),
    points: readSentences(obj.points).filter((p) => p.id !== ""),
  };
}
