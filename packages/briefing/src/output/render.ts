// Renders a briefing as Markdown or plain text for the CLI. Stories are numbered in the
// Sources list (with their titles when the caller has them) and a citation reads
// [source.sentence], counted from 1, so every citation leads to a story and a sentence.
import type { Briefing, Citation, Entity, TimelineEvent } from "../types";

export type RenderFormat = "md" | "text";

/** What the caller knows of the stories a briefing cites; the briefing itself holds only ids. */
export type RenderedStory = { id: string; title: string };

export type RenderOptions = {
  /** Titles for the numbered Sources list. */
  stories?: readonly RenderedStory[];
  /** Plain text only: wrap lines to this many columns (bullets keep a hanging indent). */
  width?: number;
};

/** Story numbers in the order the Sources list shows them: by outlet, then as the briefing lists them. */
function numberStories(briefing: Briefing): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const source of briefing.sources)
    for (const id of source.storyIds) if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
  const cited = [
    ...briefing.points.flatMap((p) => [...p.citations, ...(p.supersededBy?.citations ?? [])]),
    ...briefing.disagreements.flatMap((d) => d.sides.map((s) => s.citation)),
    ...briefing.quotes.map((q) => q.citation),
    ...briefing.timeline.flatMap((e) => e.citations),
  ];
  for (const c of cited) if (!numbers.has(c.storyId)) numbers.set(c.storyId, numbers.size + 1);
  return numbers;
}

export function renderBriefing(
  briefing: Briefing,
  format: RenderFormat,
  options: RenderOptions = {},
): string {
  const md = format === "md";
  const lines: string[] = [];
  const numbers = numberStories(briefing);
  const cite = (citations: readonly Citation[]): string =>
    citations.length === 0
      ? ""
      : ` [${[...new Set(citations.map((c) => `${numbers.get(c.storyId) ?? c.storyId}.${c.sentenceIndex + 1}`))].join("; ")}]`;
  const heading = (text: string, level: number): void => {
    lines.push("");
    lines.push(
      md
        ? `${"#".repeat(level)} ${text}`
        : level === 1
          ? text.toUpperCase()
          : `${text}\n${"-".repeat(text.length)}`,
    );
  };
  const bullet = md ? "- " : "* ";

  lines.push(md ? `# ${briefing.headline}` : briefing.headline.toUpperCase());
  lines.push("");
  lines.push(briefing.overview.map((s) => `${s.text}${cite(s.citations)}`).join(" ") || "No overview.");

  const pointsById = new Map(briefing.points.map((p) => [p.id, p]));
  const differOn = new Map<string, string[]>();
  for (const d of briefing.disagreements) {
    for (const id of d.pointIds)
      differOn.set(id, [
        ...(differOn.get(id) ?? []),
        `${d.description}${cite(d.sides.map((s) => s.citation))}`,
      ]);
  }
  const sub = md ? "  - " : "    ";
  if (briefing.storylines.length > 0) heading("Storylines", 2);
  for (const storyline of briefing.storylines) {
    heading(
      `${storyline.label} (${storyline.storyIds.length} ${storyline.storyIds.length === 1 ? "story" : "stories"})`,
      3,
    );
    for (const id of storyline.pointIds) {
      const p = pointsById.get(id);
      if (!p) continue;
      const tag = p.singleSource ? "single source" : `${p.sourceCount} sources`;
      // A superseded fact is shown as such, with what replaced it; a point the outlets
      // report differently says how.
      if (p.supersededBy) {
        lines.push(`${bullet}Superseded: ${p.text} (${tag})${cite(p.citations)}`);
        lines.push(`${sub}Updated: ${p.supersededBy.description}${cite(p.supersededBy.citations)}`);
      } else lines.push(`${bullet}${p.text} (${tag})${cite(p.citations)}`);
      for (const line of differOn.get(p.id) ?? []) lines.push(`${sub}Sources differ: ${line}`);
    }
  }
  if (briefing.disagreements.length > 0) {
    heading("Where sources differ", 2);
    for (const d of briefing.disagreements)
      lines.push(`${bullet}${d.description}${cite(d.sides.map((s) => s.citation))}`);
  }
  const entityLine = (title: string, list: readonly Entity[]): void => {
    if (list.length === 0) return;
    heading(title, 2);
    lines.push(
      list
        .slice(0, 15)
        .map((e) => `${e.name} (${e.mentions})`)
        .join(", "),
    );
  };
  entityLine("People", briefing.people);
  entityLine("Organizations", briefing.organizations);
  entityLine("Places", briefing.places);
  if (briefing.timeline.length > 0) {
    heading("Timeline", 2);
    for (const e of briefing.timeline)
      lines.push(`${bullet}${formatEventDate(e)}: ${e.text}${cite(e.citations)}`);
  }
  if (briefing.quotes.length > 0) {
    heading("Quotes", 2);
    for (const q of briefing.quotes)
      lines.push(`${bullet}“${q.text}” — ${q.speaker?.name ?? "unattributed"}${cite([q.citation])}`);
  }
  if (numbers.size > 0) {
    heading("Sources", 2);
    lines.push("A citation [2.5] is the fifth sentence of story 2.");
    const titles = new Map((options.stories ?? []).map((s) => [s.id, s.title]));
    const outletOf = new Map(briefing.sources.flatMap((s) => s.storyIds.map((id) => [id, s.name] as const)));
    for (const [id, n] of numbers) {
      const title = titles.get(id);
      const outlet = outletOf.get(id) ?? "unknown outlet";
      lines.push(
        `${md ? `${n}. ` : `[${n}] `}${outlet}${title ? ` — ${md ? `*${title}*` : title}` : ""} (${id})`,
      );
    }
  }
  if (briefing.changes) {
    heading("What changed", 2);
    const c = briefing.changes;
    lines.push(
      `${c.newStoryIds.length} new stories, ${c.newPointIds.length} new points, ${c.newStorylineIds.length} new storylines, ${c.newSources.length} new sources, ${c.removedPointCount} points dropped.`,
    );
    for (const fact of c.supersededFacts)
      lines.push(`${bullet}Superseded: ${fact.text} — ${fact.description}`);
  }
  if (briefing.diagnostics.length > 0) {
    heading("Notes", 2);
    for (const d of briefing.diagnostics) lines.push(`${bullet}${d.level}: ${d.message}`);
  }
  const text = lines.join("\n").trim();
  return `${!md && options.width ? wrapLines(text, options.width) : text}\n`;
}

/** Greedy word wrap; a bullet's or a numbered entry's continuation lines line up under its text. */
function wrapLines(text: string, width: number): string {
  const columns = Math.max(20, Math.floor(width));
  return text
    .split("\n")
    .map((line) => {
      if (line.length <= columns) return line;
      // A heading's underline is as long as the heading, which wrapping makes no wider than the page.
      if (/^-+$/u.test(line)) return line.slice(0, columns);
      // An indented line (a note under a bullet) keeps its indent on every line.
      const lead = /^ *(?:\* |\[\d+\] )?/.exec(line)?.[0] ?? "";
      const indent = " ".repeat(lead.length);
      const out: string[] = [];
      let current = lead.trimEnd() === "" ? lead : "";
      for (const word of (lead.trimEnd() === "" ? line.slice(lead.length) : line).split(" ")) {
        if (current.trim() !== "" && current.length + 1 + word.length > columns) {
          out.push(current);
          current = indent + word;
        } else current = current.trim() === "" ? current + word : `${current} ${word}`;
      }
      if (current !== "") out.push(current);
      return out.join("\n");
    })
    .join("\n");
}

// A date read against the upload time (the story had no date of its own) says so.
function formatEventDate(e: TimelineEvent): string {
  if (e.date === null) return `undated (“${e.dateText}”)`;
  return e.basis === "uploaded" ? `${e.date} (“${e.dateText}”, read against the upload date)` : e.date;
}
