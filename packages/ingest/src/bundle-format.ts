// The bundle format editors paste: an optional topic line, then articles each ended by a line
// "Source link". One story per article; the topic line becomes every story's topicHint.

import { limitItemCount } from "./item-limits";
import { splitParagraphs } from "./paragraph-splitting";
import { parseItemSafely } from "./item-guard";
import { assembleStory, reject } from "./story-assembly";
import type { ItemResult } from "./types";

const END_MARKER = /^[ \t]*Source link[ \t]*$/gim;

export function isBundle(text: string): boolean {
  END_MARKER.lastIndex = 0;
  return END_MARKER.test(text);
}

type Chunk = { text: string; ended: boolean };

export function parseBundle(text: string, label: string, maxItems: number): ItemResult[] {
  const normalized = text.replace(/\r\n?/g, "\n");
  const { topic, rest } = takeTopicLine(normalized);
  const chunks = splitChunks(rest);
  if (chunks.length === 0)
    return [
      reject(label, "EMPTY", "the bundle has no articles. Each article ends with a line “Source link”."),
    ];

  const { kept, overflow } = limitItemCount(chunks, maxItems, label);
  const results = kept.map((chunk, index) => {
    const item = `${label}#${index + 1}`;
    const [title, ...paragraphs] = splitParagraphs(chunk.text.replace(END_MARKER, ""));
    if (title === undefined)
      return reject(item, "EMPTY", "this article is empty (nothing before its “Source link” line).");
    const warnings = chunk.ended
      ? []
      : ["the last article has no “Source link” line; parsed it up to the end of the file"];
    return parseItemSafely(item, () =>
      assembleStory(
        {
          title,
          paragraphs,
          findBylineInText: true,
          topicHint: topic,
          format: "bundle",
          original: chunk.text,
          warnings,
          dropped: chunk.ended ? [{ text: "Source link", reason: "end-of-article marker" }] : [],
        },
        item,
      ),
    );
  });
  return overflow ? [...results, overflow] : results;
}

/**
 * The topic line is short ("envoy", "Topic: Sudan talks") and is followed by a headline rather
 * than prose, so a one-line headline opening the first article is not mistaken for a topic.
 */
function takeTopicLine(text: string): { topic: string | null; rest: string } {
  const match = /^\s*([^\n]+)\n/.exec(text);
  const line = match?.[1]?.trim();
  if (!match || !line) return { topic: null, rest: text };
  const rest = text.slice(match[0].length);

  const explicit =
    /^(?:topic|tag)\s*:\s*(.{1,60})$/i.exec(line)?.[1] ?? /^#([\p{L}\p{N}_-]{1,40})$/u.exec(line)?.[1];
  if (explicit) return { topic: explicit.trim(), rest };

  const next = splitParagraphs(rest.split(END_MARKER)[0] ?? "");
  const headline = next[0];
  const topicLike = line.length <= 40 && line.split(/\s+/).length <= 4 && !/[.!?:;,"”]$/u.test(line);
  const headlineLike =
    headline !== undefined && headline.length <= 250 && !/\.$/.test(headline) && next.length >= 2;
  return topicLike && headlineLike ? { topic: line, rest } : { topic: null, rest: text };
}

/** Chunks keep their text verbatim (only surrounding blank lines trimmed) for `original`. */
function splitChunks(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  END_MARKER.lastIndex = 0;
  for (const match of text.matchAll(END_MARKER)) {
    const end = (match.index ?? 0) + match[0].length;
    pushChunk(chunks, text.slice(start, end), true);
    start = end;
  }
  pushChunk(chunks, text.slice(start), false);
  return chunks;
}

function pushChunk(chunks: Chunk[], raw: string, ended: boolean): void {
  const text = raw.replace(/^\s*\n/, "").replace(/\s+$/, "");
  if (text.replace(END_MARKER, "").trim() === "") return;
  chunks.push({ text, ended });
}
