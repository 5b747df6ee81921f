// Bounds how deeply a JSON value may nest. A story needs a few levels (an item, its authors,
// an author's name); thousands of levels only come from a broken or hostile file, and the
// recursive code downstream (JSON.stringify, the sanitizer) would overflow the stack on it.

/** Levels of arrays and objects one story item may have. */
export const MAX_JSON_DEPTH = 32;

/** True when the value nests deeper than `maxDepth` (checked without recursion). */
export function exceedsJsonDepth(value: unknown, maxDepth: number = MAX_JSON_DEPTH): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const next = stack.pop();
    if (!next || typeof next.value !== "object" || next.value === null) continue;
    const depth = next.depth + 1;
    if (depth > maxDepth) return true;
    for (const child of Object.values(next.value)) {
      if (typeof child === "object" && child !== null) stack.push({ value: child, depth });
    }
  }
  return false;
}

export function describeExcessiveDepth(maxDepth: number = MAX_JSON_DEPTH): string {
  return `nests arrays or objects more than ${maxDepth} levels deep; a story needs only a few (the item, its authors, a name). Fix the item and upload it again.`;
}
