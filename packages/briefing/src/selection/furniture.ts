// Sentences that are prose by shape but page furniture by content: photo captions written as
// sentences ("X leaves the court in San Francisco, March 25, 2015."), embedded tweets, share
// and subscribe widgets, syndication notices, teasers cut off with an ellipsis, and lead-ins
// to a video or list ("You can see it below:"). The text stage keeps them as prose because
// they read like sentences; selection should not spend the reader's attention on them, and
// they should not push the real lead down a story's order. Several outlets scraped with the
// same widget repeat such a sentence word for word, which would otherwise read as support.

const MONTH =
  "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
const WEEKDAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
// AP/Reuters caption convention: the day written out in full with its year, often ending the caption.
const CAPTION_DATE = new RegExp(
  `\\b${WEEKDAY},? ${MONTH}\\.? \\d{1,2}, (?:19|20)\\d{2}\\b|\\b${MONTH}\\.? \\d{1,2}, (?:19|20)\\d{2}\\W*$`,
);
const CAPTION_MARK =
  /^\W*(?:FILE|IMAGE|PHOTO)\b\s*[-–—:]|\bFOR (?:MOVEMENT|RELEASE)\b|\bin this (?:\w+ )?(?:photo|image|picture|frame grab|handout)\b|\b(?:is|are) (?:seen|pictured|shown) (?:here|at|in|during|before|after|as|with|on)\b|\((?:AP|Reuters|AFP|Getty)[^)]*\/[^)]*\)/i;
const EMBED = /pic\.twitter\.com|\(@\w+\)|^\W*[-–—]\s*[\p{Lu}][^()]{0,60}\(@\w+\)/u;
const WIDGET =
  /\b(?:click|tap) (?:to|here)\b|\bopens? in (?:a )?new window\b|\bsubscrib(?:e|ing)\b|\bsign(?:ed)? up\b|\byour inbox\b|\breprints?\b|\bnon-commercial use\b|\bas an interest\b|\blocation information\b|\btweet location\b|\bupdated? (?:your|our) (?:privacy|cookie)|\bstay up to date\b|\bshare (?:this|on)\b|\bdownload (?:the|our) app\b/i;

/** True when a prose sentence is a caption, embed, widget or teaser rather than reporting. */
export function isFurnitureSentence(text: string): boolean {
  const t = text.trim();
  if (CAPTION_MARK.test(t) || CAPTION_DATE.test(t)) return true;
  if (EMBED.test(t) || WIDGET.test(t)) return true;
  // A teaser cut short, or a lead-in to something the page shows ("Watch it below:").
  if (/(?:\.\.\.|…)\W*$/u.test(t)) return true;
  return (
    /:\s*$/.test(t) &&
    (t.split(/\s+/).length <= 12 || /\b(?:below|above|following|here|watch|listen)\b/i.test(t))
  );
}
