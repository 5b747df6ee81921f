// Renders a briefing as Markdown or plain text for the CLI; citations are shown as
// [storyId#sentenceIndex] so a reader can find the passage.
import type { Briefing, Citation, Entity, TimelineEvent } from "../types";

export type RenderFormat = "md" | "text";

export function renderBriefing(briefing: Briefing, format: RenderFormat): string {
  const md = format === "md";
  const lines: string[] = [];
  const cite = (citations: readonly Citation[]): string =>
    citations.length === 0 ? "" : ` [${[...new Set(citations.map((c) => `${c.storyId}#${c.sentenceIndex}`))].join("; ")}]`;
  const heading = (text: string, level: number): void => {
    lines.push("");
    lines.push(md ? `${"#".repeat(level)} ${text}` : level === 1 ? text.toUpperCase() : `${text}\n${"-".repeat(text.length)}`);
  };
  const bullet = md ? "- " : "* ";

  lines.push(md ? `# ${briefing.headline}` : briefing.headline.toUpperCase());
  lines.push("");
  lines.push(briefing.overview.map((s) => `${s.text}${cite(s.citations)}`).join(" ") || "No overview.");

  const pointsById = new Map(briefing.points.map((p) => [p.id, p]));
  if (briefing.storylines.length > 0) heading("Storylines", 2);
  for (const storyline of briefing.storylines) {
    heading(`${storyline.label} (${storyline.storyIds.length} ${storyline.storyIds.length === 1 ? "story" : "stories"})`, 3);
    for (const id of storyline.pointIds) {
      const p = pointsById.get(id);
      if (!p) continue;
      const tag = p.singleSource ? "single source" : `${p.sourceCount} sources`;
      lines.push(`${bullet}${p.text} (${tag})${cite(p.citations)}`);
    }
  }
  const entityLine = (title: string, list: readonly Entity[]): void => {
    if (list.length === 0) return;
    heading(title, 2);
    lines.push(list.slice(0, 15).map((e) => `${e.name} (${e.mentions})`).join(", "));
  };
  entityLine("People", briefing.people);
  entityLine("Organizations", briefing.organizations);
  entityLine("Places", briefing.places);
  if (briefing.timeline.length > 0) {
    heading("Timeline", 2);
    for (const e of briefing.timeline) lines.push(`${bullet}${formatEventDate(e)}: ${e.text}${cite(e.citations)}`);
  }
  if (briefing.quotes.length > 0) {
    heading("Quotes", 2);
    for (const q of briefing.quotes) lines.push(`${bullet}“${q.text}” — ${q.speaker?.name ?? "unattributed"}${cite([q.citation])}`);
  }
  if (briefing.sources.length > 0) {
    heading("Sources", 2);
    for (const s of briefing.sources) lines.push(`${bullet}${s.name}: ${s.stories} ${s.stories === 1 ? "story" : "stories"}`);
  }
  if (briefing.changes) {
    heading("What changed", 2);
    const c = briefing.changes;
    lines.push(`${c.newStoryIds.length} new stories, ${c.newPointIds.length} new points, ${c.newStorylineIds.length} new storylines, ${c.newSources.length} new sources, ${c.removedPointCount} points dropped.`);
  }
  if (briefing.diagnostics.length > 0) {
    heading("Notes", 2);
    for (const d of briefing.diagnostics) lines.push(`${bullet}${d.level}: ${d.message}`);
  }
  return `${lines.join("\n").trim()}\n`;
}

// A date read against the upload time (the story had no date of its own) says so.
function formatEventDate(e: TimelineEvent): string {
  if (e.date === null) return `undated (“${e.dateText}”)`;
  return e.basis === "uploaded" ? `${e.date} (“${e.dateText}”, read against the upload date)` : e.date;
}
