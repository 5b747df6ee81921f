// Strips the site and section names pages append to titles ("… | Russia-Ukraine war News",
// "… - BBC News") and reports which outlet the suffix named.

import { findOutletByName, findOutletByTitleSuffixStyle } from "./known-outlets";

export type CleanTitle = {
  title: string;
  suffixes: string[];
  source: string | null;
  /** True when the source comes from the suffix's house style rather than a name in it. */
  sourceFromStyle: boolean;
};

const PIPE_SEGMENT = /^(.*\S)(\s+[|｜]\s+)([^|｜]+)$/u;
const DASH_SEGMENT = /^(.*\S)(\s+[-–—:]\s+)([^-–—:]+)$/u;

export function stripTitleSuffix(rawTitle: string): CleanTitle {
  let title = rawTitle.trim().replace(/\s+/g, " ");
  const suffixes: string[] = [];
  let source: string | null = null;
  let sourceFromStyle = false;

  // Pages stack suffixes ("Title | World news | The Guardian"): peel from the right.
  for (let guard = 0; guard < 3; guard++) {
    const pipe = PIPE_SEGMENT.exec(title);
    const dash = pipe ? null : DASH_SEGMENT.exec(title);
    const match = pipe ?? dash;
    const head = match?.[1];
    const separator = match?.[2];
    const tail = match?.[3]?.trim();
    if (!head || !separator || !tail || head.length < 12) break;

    const outlet = findOutletByName(tail);
    const styleOutlet = pipe ? findOutletByTitleSuffixStyle(`| ${tail}`) : null;
    const isSection = pipe !== null && /\b(?:news|section)$/iu.test(tail) && tail.split(/\s+/).length <= 6;
    if (!outlet && !styleOutlet && !isSection) break;

    if (source === null && (outlet ?? styleOutlet)) {
      source = outlet ?? styleOutlet;
      sourceFromStyle = outlet === null;
    }
    suffixes.unshift(`${separator}${tail}`);
    title = head;
  }
  return { title, suffixes, source, sourceFromStyle };
}
