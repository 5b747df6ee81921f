// Citation markers (small superscript links to the cited sentence) for the overview and the
// timeline; a point's own markers are drawn by point-list.tsx from the same marker set.
import type { BriefingStory, Citation } from "~/server/briefing-view";
import { markerSet } from "~/server/point-views";
import { Markers } from "./markers";

type Numbers = Map<string, { n: number; story: BriefingStory }>;

export function CitationMarkers(props: { citations: Citation[]; numbers: Numbers }) {
  const set = markerSet(props.citations, props.numbers);
  if (set.markers.length === 0) return null;
  return <Markers {...set} />;
}
