// The engine checks its own output before returning it: every citation resolves to a real
// sentence span, every quote is a verbatim substring of its story, every point shows its
// cited text (bracketed words are ours), no point leans on context, both sides of every
// disagreement and supersession are cited, and the counts add up.
import { isFaithfulExcerpt, leansOnContext } from "../selection/standalone";
import { splitSentences } from "../text/sentences";
import type { Briefing, BriefingChecks, Citation, CheckResult, StoryInput } from "../types";

const OUR_SEPARATELY = /^Separately, /;

type CheckedParts = Omit<Briefing, "checks" | "summary" | "engineVersion" | "changes" | "diagnostics">;

export function checkBriefing(
  parts: CheckedParts,
  stories: ReadonlyMap<string, Pick<StoryInput, "body">>,
  sentenceCount: number,
): BriefingChecks {
  const results: CheckResult[] = [];
  const spans = new Map<string, Array<{ start: number; end: number }>>();
  const spansOf = (storyId: string): Array<{ start: number; end: number }> | null => {
    const cached = spans.get(storyId);
    if (cached) return cached;
    const story = stories.get(storyId);
    if (!story) return null;
    const list = splitSentences(story.body);
    spans.set(storyId, list);
    return list;
  };
  const resolves = (c: Citation, exact: boolean): boolean => {
    const list = spansOf(c.storyId);
    const s = list?.[c.sentenceIndex];
    if (!s) return false;
    return exact
      ? s.start === c.start && s.end === c.end
      : c.start >= s.start && c.end <= s.end && c.end > c.start;
  };

  const pointIdsAll = new Set(parts.points.map((p) => p.id));
  const uncited = parts.points.filter((p) => p.citations.length === 0).map((p) => p.id);
  results.push({
    name: "every point has a citation",
    ok: uncited.length === 0,
    detail: uncited.length === 0 ? `${parts.points.length} points` : `uncited: ${uncited.join(", ")}`,
  });

  // A point, overview sentence or timeline entry may cite the tail of a sentence (a connective dropped).
  const allCitations = [
    ...parts.points.flatMap((p) => p.citations).map((c) => ({ c, exact: false })),
    ...parts.overview.flatMap((s) => s.citations).map((c) => ({ c, exact: false })),
    ...parts.timeline.flatMap((e) => e.citations).map((c) => ({ c, exact: false })),
  ];
  const broken = allCitations.filter(({ c, exact }) => !resolves(c, exact)).map(({ c }) => c);
  results.push({
    name: "citations resolve to sentence spans",
    ok: broken.length === 0,
    detail:
      broken.length === 0
        ? `${allCitations.length} citations`
        : `${broken.length} broken, first ${JSON.stringify(broken[0])}`,
  });

  // The text shown is one story's cited spans (joined by a space), apart from our brackets
  // and the overview's own "Separately, ".
  const showsCitedText = (text: string, citations: readonly Citation[]): boolean => {
    const byStory = new Map<string, Citation[]>();
    for (const c of citations) byStory.set(c.storyId, [...(byStory.get(c.storyId) ?? []), c]);
    return [...byStory.entries()].some(([storyId, list]) => {
      const body = stories.get(storyId)?.body;
      if (body === undefined) return false;
      const source = [...list]
        .sort((a, b) => a.sentenceIndex - b.sentenceIndex)
        .map((c) => body.slice(c.start, c.end))
        .join(" ");
      return isFaithfulExcerpt(text, source);
    });
  };
  const unfaithful = [
    ...parts.points
      .filter((p) => p.mode === "extractive" && !showsCitedText(p.text, p.citations))
      .map((p) => p.id),
    ...parts.overview
      .filter(
        (s) => s.mode === "extractive" && !showsCitedText(s.text.replace(OUR_SEPARATELY, ""), s.citations),
      )
      .map((s) => s.text.slice(0, 40)),
    ...parts.timeline
      .filter((e) => !showsCitedText(e.text, e.citations))
      .map((e) => `timeline: ${e.text.slice(0, 40)}`),
  ];
  results.push({
    name: "points show their cited text",
    ok: unfaithful.length === 0,
    detail:
      unfaithful.length === 0
        ? `${parts.points.length + parts.overview.length} checked`
        : `not the cited text: ${unfaithful.join(", ")}`,
  });

  // The overview's later sentences follow its first, so our own "Separately," there is fine.
  const leaning = [
    ...parts.points.filter((p) => leansOnContext(p.text)).map((p) => p.id),
    ...parts.overview
      .filter((s, i) => leansOnContext(i > 0 ? s.text.replace(OUR_SEPARATELY, "") : s.text))
      .map((s) => `overview: ${s.text.slice(0, 40)}`),
  ];
  results.push({
    name: "points stand alone",
    ok: leaning.length === 0,
    detail:
      leaning.length === 0
        ? `${parts.points.length + parts.overview.length} read without context`
        : `${leaning.length} lean on context: ${leaning.join(", ")}`,
  });

  const notVerbatim = parts.quotes.filter((q) => {
    const body = stories.get(q.citation.storyId)?.body;
    return (
      body === undefined ||
      body.slice(q.citation.start, q.citation.end) !== q.text ||
      !resolves(q.citation, false)
    );
  });
  results.push({
    name: "quotes are verbatim",
    ok: notVerbatim.length === 0,
    detail:
      notVerbatim.length === 0
        ? `${parts.quotes.length} quotes`
        : `not verbatim: ${notVerbatim.map((q) => q.id).join(", ")}`,
  });

  const overviewUncited = parts.overview.filter((s) => s.citations.length === 0).length;
  results.push({
    name: "overview sentences are cited",
    ok: overviewUncited === 0,
    detail: `${parts.overview.length} sentences`,
  });

  const pointIds = new Set(parts.points.map((p) => p.id));
  const dangling = parts.storylines.flatMap((s) => s.pointIds).filter((id) => !pointIds.has(id));
  results.push({
    name: "storylines reference existing points",
    ok: dangling.length === 0,
    detail:
      dangling.length === 0 ? `${parts.storylines.length} storylines` : `missing: ${dangling.join(", ")}`,
  });

  // A disagreement shows both sides and a supersession what replaced the old fact: each
  // side must be a real sentence of a story, the two sides from different stories.
  const unresolvedSides = [
    ...parts.disagreements
      .filter(
        (d) =>
          d.sides.length < 2 ||
          new Set(d.sides.map((s) => s.citation.storyId)).size < 2 ||
          !d.sides.every((s) => resolves(s.citation, true)),
      )
      .map((d) => d.id),
    ...parts.points
      .filter((p) => p.supersededBy !== null)
      .filter((p) => {
        const by = p.supersededBy;
        if (!by) return false;
        const newer = by.citations;
        return (
          newer.length === 0 ||
          !newer.every((c) => resolves(c, true)) ||
          newer.some((c) =>
            p.citations.some((o) => o.storyId === c.storyId && o.sentenceIndex === c.sentenceIndex),
          ) ||
          (by.pointId !== null && !pointIdsAll.has(by.pointId))
        );
      })
      .map((p) => p.id),
  ];
  results.push({
    name: "disagreements and supersessions cite both sides",
    ok: unresolvedSides.length === 0,
    detail:
      unresolvedSides.length === 0
        ? `${parts.disagreements.length} disagreements, ${parts.points.filter((p) => p.supersededBy).length} superseded points`
        : `not cited on both sides: ${unresolvedSides.join(", ")}`,
  });

  const sourceSum = parts.sources.reduce((n, s) => n + s.stories, 0);
  results.push({
    name: "source counts add up to the stories",
    ok: sourceSum === stories.size,
    detail: `${sourceSum} of ${stories.size}`,
  });

  const miscounted = parts.points.filter(
    (p) => p.sourceCount < 1 || p.singleSource !== (p.sourceCount === 1),
  );
  results.push({
    name: "point source counts are consistent",
    ok: miscounted.length === 0,
    detail: miscounted.length === 0 ? "ok" : miscounted.map((p) => p.id).join(", "),
  });

  return {
    ok: results.every((r) => r.ok),
    results,
    counts: {
      stories: stories.size,
      sentences: sentenceCount,
      storylines: parts.storylines.length,
      points: parts.points.length,
      citations: parts.points.reduce((n, p) => n + p.citations.length, 0),
      leaningPoints: leaning.length,
      quotes: parts.quotes.length,
      timelineEvents: parts.timeline.length,
      people: parts.people.length,
      organizations: parts.organizations.length,
      places: parts.places.length,
    },
  };
}
