// Cleans the paragraphs of one article: finds the byline block near the top, then drops page
// furniture anywhere, recording each removal with its reason.

import { readBylineLine } from "./byline-names";
import { classifyNoise, isCaptionReason } from "./noise-rules";
import type { DroppedText } from "./types";

export type CleanedParagraphs = {
  paragraphs: string[];
  byline: string[];
  dropped: DroppedText[];
  /** A "Published 3 March 2025" line, when the paste carried one. */
  dateLine: string | null;
};

/** How far below the title a byline block may start (captions often sit between). */
const BYLINE_ZONE = 6;

export function cleanArticleParagraphs(
  input: readonly string[],
  options: { findByline: boolean },
): CleanedParagraphs {
  const paragraphs: string[] = [];
  const byline: string[] = [];
  const dropped: DroppedText[] = [];
  let dateLine: string | null = null;
  let afterCaption = false;
  let inZone = options.findByline;

  for (let i = 0; i < input.length; i++) {
    const text = input[i] ?? "";
    if (inZone && (i >= BYLINE_ZONE || looksLikeProse(text))) inZone = false;

    if (inZone) {
      const names = readBylineLine(text, input[i + 1]);
      if (names) {
        for (const name of names) if (!byline.includes(name)) byline.push(name);
        dropped.push({ text, reason: "byline (moved to byline)" });
        continue;
      }
    }

    const reason = classifyNoise(text, { afterCaption });
    if (reason) {
      if (reason === "timestamp line") dateLine ??= text;
      dropped.push({ text, reason });
      afterCaption = isCaptionReason(reason);
      continue;
    }
    afterCaption = false;
    paragraphs.push(text);
  }
  return { paragraphs, byline, dropped, dateLine };
}

/** A sentence of real article text ends the byline block. */
function looksLikeProse(text: string): boolean {
  return text.split(/\s+/).length >= 12 && /[.!?"”’]$/u.test(text);
}
