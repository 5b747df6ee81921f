// Splits pasted text into paragraphs: blank-line blocks, one line per paragraph inside a block
// unless the block is hard-wrapped prose (e-mail style), which is joined back together.

export function splitParagraphs(text: string): string[] {
  const normalized = text
    .replace(/\r\n?/g, "\n")
    .replace(/\u00a0/g, " ")
    .replace(/[\u200b\u200c\u200d\ufeff]/g, "");
  const paragraphs: string[] = [];
  for (const block of normalized.split(/\n\s*\n/)) {
    const lines = block
      .split("\n")
      .map((line) => line.replace(/[ \t]+/g, " ").trim())
      .filter((line) => line.length > 0);
    if (lines.length === 0) continue;
    if (isHardWrapped(lines)) paragraphs.push(lines.join(" "));
    else paragraphs.push(...lines);
  }
  return paragraphs;
}

/** Hard-wrapped prose: several lines of similar width, most not ending a sentence. */
function isHardWrapped(lines: string[]): boolean {
  if (lines.length < 3) return false;
  const body = lines.slice(0, -1);
  const maxWidth = Math.max(...body.map((line) => line.length));
  if (maxWidth > 100) return false;
  const unfinished = body.filter((line) => !/[.!?:"”]$/u.test(line) && line.length >= maxWidth * 0.6).length;
  return unfinished >= body.length * 0.6;
}
