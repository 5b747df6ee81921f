// Recognises lines that are page furniture rather than reporting: photo captions and
// credits, bylines, section headings, widget residue, "Watch:" teasers. Such sentences keep
// their index (citations stay aligned with `splitSentences`) but never become points.

const WIDGET_LINE =
  /^(?:recommended stories|related(?: stories| topics| articles| content)?|read more|see also|source link|advertisement|sign up|subscribe|share this|follow us|image (?:source|caption)|getty images|media caption|more on this story|most read|top stories|skip to|list of \d+ items|end of list)\b/i;
const TEASER_LINE =
  /^(?:watch|listen|video|photo|image|map|chart|graphic|pictured|picture|read|live|explainer|analysis|opinion)\s*:/i;
const FIGURE_LINE = /^(?:map|chart|graphic|video|image|photo|picture|timeline)s? (?:showing|shows|of)\b/i;
const CREDIT_TAIL =
  /\((?:file (?:picture|photo|image)|pictured|archive (?:picture|photo))\)\s*$|\([^()]*\/[^()]*\)\s*$|(?:photo|picture|image)(?:graph)?:\s*[^.]+$/i;
// Site chrome and archive/scraper residue (web-archive notices, video-player messages).
const WEB_FURNITURE =
  /\b(?:cookies?|javascript|browser|terms of (?:service|use)|privacy policy|all rights reserved|newsletter|click here|©|copyright \d{4}|https?:\/\/|www\.|image copyright|image caption|media playback|crawl data|web crawl|these crawls|internet archive|wayback machine|video has been rented|video is unavailable|autoplay)/i;

/** True when a body line is a caption, credit, heading, byline or widget rather than prose. */
export function isBoilerplateLine(line: string): boolean {
  const text = line.trim();
  if (text === "") return true;
  if (WIDGET_LINE.test(text) || /end of list$/i.test(text)) return true;
  if (TEASER_LINE.test(text) || FIGURE_LINE.test(text)) return true;
  if (CREDIT_TAIL.test(text)) return true;
  if (hasCreditFrame(text)) return true;
  const words = text.split(/\s+/);
  // Headings and bylines: short and with no sentence punctuation at the end.
  if (words.length < 16 && !/[.!?"”’:;)…。！？]$/u.test(text)) return true;
  return false;
}

/** True when a single sentence is web furniture even inside a prose line. */
export function isBoilerplateSentence(sentence: string): boolean {
  return WEB_FURNITURE.test(sentence) || /^\W*$/u.test(sentence);
}

// Captions pasted with their agency credit on both ends: "Reuters President X and Y ... Reuters".
function hasCreditFrame(text: string): boolean {
  const first = /^([\p{Lu}][\p{L}]+)\b/u.exec(text)?.[1];
  const last = /\b([\p{Lu}][\p{L}]+)\W*$/u.exec(text)?.[1];
  return first !== undefined && first === last && text.split(/\s+/).length > 3;
}

/** Drops a trailing section or outlet suffix from a title ("… | Russia-Ukraine war News"). */
export function cleanTitle(title: string): string {
  let t = title.replace(/\s+/g, " ").trim();
  t = t.replace(/\s+[|｜]\s+[^|｜]{1,60}$/u, "");
  t = t.replace(/\s+[-–—]\s+(?:BBC|CNN|Reuters|AP|Al Jazeera|The [A-Z][\w ]+|[A-Z][\w]+ News)$/u, "");
  return t.trim();
}
