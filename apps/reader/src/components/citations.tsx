// Citation markers (small superscript links to the cited sentence) and the inline panel
// that lists a point's outlets and, once opened, the cited passages (sources-on-open.tsx).
import { storyHref, type BriefingStory, type Citation } from "~/server/briefing-view";
import { pointSourcesHref } from "~/server/point-sources";
import { Markers, type Marker } from "./markers";
import { SourcePanel as SourcesOnOpen } from "./sources-on-open";

type Numbers = Map<string, { n: number; story: BriefingStory }>;

// A point drawn from a dozen stories would otherwise carry a dozen markers: the first few
// stand for them inline, and the sources panel lists every one.
const MARKERS_SHOWN = 2;
// Likewise the panel's summary names the first few outlets.
const BADGES_SHOWN = 3;

export function CitationMarkers(props: { citations: Citation[]; numbers: Numbers }) {
  const seen = new Set<string>();
  const markers: Marker[] = [];
  for (const citation of props.citations) {
    const entry = props.numbers.get(citation.storyId);
    if (seen.has(citation.storyId) || !entry) continue;
    seen.add(citation.storyId);
    markers.push([
      entry.n,
      storyHref(entry.story, citation.sentenceIndex),
      entry.story.source ?? "unknown outlet",
    ]);
  }
  if (markers.length === 0) return null;
  return (
    <Markers markers={markers.slice(0, MARKERS_SHOWN)} more={Math.max(0, markers.length - MARKERS_SHOWN)} />
  );
}

/** The point's outlets; opened, every cited passage with a link to it in its story. */
export function SourcePanel(props: { slug: string; pointId: string; outlets: string[] }) {
  return (
    <SourcesOnOpen
      outlets={props.outlets.slice(0, BADGES_SHOWN)}
      outletCount={props.outlets.length}
      pageHref={pointSourcesHref(props.slug, props.pointId)}
    />
  );
}
