// The engine checks its own output before returning it: every citation resolves to a real
// sentence span, every quote is a verbatim substring of its story, and the counts add up.
import { splitSentences } from "../text/sentences";
import type { Briefing, BriefingChecks, Citation, CheckResult, StoryInput } from "../types";

type CheckedParts = Omit<Briefing, "checks" | "summary" | "engineVersion" | "changes" | "diagnostics">;

export function checkBriefing(parts: CheckedParts, stories: ReadonlyMap<string, Pick<StoryInput, "body">>, sentenceCount: number): BriefingChecks {
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
    return exact ? s.start === c.start && s.end === c.end : c.start >= s.start && c.end <= s.end && c.end > c.start;
  };

  const uncited = parts.points.filter((p) => p.citations.length === 0).map((p) => p.id);
  results.push({ name: "every point has a citation", ok: uncited.length === 0, detail: uncited.length === 0 ? `${parts.points.length} points` : `uncited: ${uncited.join(", ")}` });

  const allCitations = [
    ...parts.points.flatMap((p) => p.citations),
    ...parts.overview.flatMap((s) => s.citations),
    ...parts.timeline.flatMap((e) => e.citations),
  ];
  const broken = allCitations.filter((c) => !resolves(c, true));
  results.push({ name: "citations resolve to sentence spans", ok: broken.length === 0, detail: broken.length === 0 ? `${allCitations.length} citations` : `${broken.length} broken, first ${JSON.stringify(broken[0])}` });

  const notVerbatim = parts.quotes.filter((q) => {
    const body = stories.get(q.citation.storyId)?.body;
    return body === undefined || body.slice(q.citation.start, q.citation.end) !== q.text || !resolves(q.citation, false);
  });
  results.push({ name: "quotes are verbatim", ok: notVerbatim.length === 0, detail: notVerbatim.length === 0 ? `${parts.quotes.length} quotes` : `not verbatim: ${notVerbatim.map((q) => q.id).join(", ")}` });

  const overviewUncited = parts.overview.filter((s) => s.citations.length === 0).length;
  results.push({ name: "overview sentences are cited", ok: overviewUncited === 0, detail: `${parts.overview.length} sentences` });

  const pointIds = new Set(parts.points.map((p) => p.id));
  const dangling = parts.storylines.flatMap((s) => s.pointIds).filter((id) => !pointIds.has(id));
  results.push({ name: "storylines reference existing points", ok: dangling.length === 0, detail: dangling.length === 0 ? `${parts.storylines.length} storylines` : `missing: ${dangling.join(", ")}` });

  const sourceSum = parts.sources.reduce((n, s) => n + s.stories, 0);
  results.push({ name: "source counts add up to the stories", ok: sourceSum === stories.size, detail: `${sourceSum} of ${stories.size}` });

  const miscounted = parts.points.filter((p) => p.sourceCount < 1 || p.singleSource !== (p.sourceCount === 1));
  results.push({ name: "point source counts are consistent", ok: miscounted.length === 0, detail: miscounted.length === 0 ? "ok" : miscounted.map((p) => p.id).join(", ") });

  return {
    ok: results.every((r) => r.ok),
    results,
    counts: {
      stories: stories.size,
      sentences: sentenceCount,
      storylines: parts.storylines.length,
      points: parts.points.length,
      citations: parts.points.reduce((n, p) => n + p.citations.length, 0),
      quotes: parts.quotes.length,
      timelineEvents: parts.timeline.length,
      people: parts.people.length,
      organizations: parts.organizations.length,
      places: parts.places.length,
    },
  };
}
