// Pairwise precision/recall/F1 of a storyline clustering against event labels: a pair of
// stories counts as "together" when they share a storyline, and is right when they share a label.
export interface PairScores {
  precision: number;
  recall: number;
  f1: number;
}

export function scoreStoryPairs(
  storylines: ReadonlyArray<readonly string[]>,
  eventOf: (storyId: string) => string,
): PairScores {
  const storylineOf = new Map<string, number>();
  storylines.forEach((ids, i) => ids.forEach((id) => storylineOf.set(id, i)));
  const ids = [...storylineOf.keys()].sort();
  let together = 0;
  let same = 0;
  let both = 0;
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i] ?? "";
      const b = ids[j] ?? "";
      const t = storylineOf.get(a) === storylineOf.get(b);
      const s = eventOf(a) === eventOf(b);
      if (t) together++;
      if (s) same++;
      if (t && s) both++;
    }
  }
  const precision = together === 0 ? 1 : both / together;
  const recall = same === 0 ? 1 : both / same;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
