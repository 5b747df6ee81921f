// Rules that recognise page furniture pasted along with an article: photo captions and
// credits, widget residue, teasers. Each rule names itself so every removal can be explained.

/** Photo agencies as they appear in image credits ("Reuters", "AFP via Getty Images"). */
const AGENCY =
  "(?:[\\p{Lu}][\\p{L}.-]*(?: [\\p{Lu}][\\p{L}.-]*)? via )?(?:Getty Images|Getty|Reuters|AFP|EPA-EFE|EPA|AP Photo|AP|PA Media|PA Wire|PA|Anadolu Agency|Anadolu|Bloomberg|Shutterstock|Alamy|Xinhua|NurPhoto|SOPA Images|Sipa USA|ABACA|BBC|UPI|Tass|TASS|Ukrinform)(?:\\s?/\\s?[\\p{Lu}][\\p{L}. -]{1,30})?";

const STARTS_WITH_CREDIT = new RegExp(
  `^${AGENCY}\\s+(?!News\\b|Agency\\b|reported\\b|said\\b)[\\p{Lu}"“‘]`,
  "u",
);
const ENDS_WITH_CREDIT = new RegExp(`(?:^|[.!?)”"’]\\s*|\\s)${AGENCY}$`, "u");
const ENDS_WITH_CREDIT_AFTER_SENTENCE = new RegExp(`[.!?)”"’]\\s*${AGENCY}$`, "u");
const CREDIT_ONLY = new RegExp(`^(?:(?:Image|Photo|Picture)(?: source| credit)?[,:]?\\s*)?${AGENCY}$`, "u");

/** Lines that are whole widgets or buttons, compared lower-cased with punctuation trimmed. */
const WIDGET_LINES = new Map<string, string>([
  ["source link", "end-of-article marker"],
  ["recommended stories", "widget: recommended stories"],
  ["related stories", "widget: related stories"],
  ["more on this story", "widget: related stories"],
  ["related topics", "widget: related stories"],
  ["top stories", "widget: related stories"],
  ["most read", "widget: related stories"],
  ["read more", "widget: read-more link"],
  ["continue reading", "widget: read-more link"],
  ["share", "widget: share/save button"],
  ["save", "widget: share/save button"],
  ["share this article", "widget: share/save button"],
  ["share this", "widget: share/save button"],
  ["copy link", "widget: share/save button"],
  ["share on facebook", "widget: share/save button"],
  ["share on twitter", "widget: share/save button"],
  ["share on x", "widget: share/save button"],
  ["email", "widget: share/save button"],
  ["print", "widget: share/save button"],
  ["comments", "widget: comments"],
  ["view comments", "widget: comments"],
  ["advertisement", "advertisement"],
  ["skip advertisement", "advertisement"],
  ["ad", "advertisement"],
  ["sponsored", "advertisement"],
  ["subscribe", "widget: newsletter/subscribe"],
  ["sign up", "widget: newsletter/subscribe"],
  ["play video", "widget: media player"],
  ["video", "widget: media player"],
  ["watch", "widget: media player"],
  ["listen", "widget: media player"],
  ["media caption", "photo caption"],
  ["image caption", "photo caption"],
  ["loading", "widget: loading placeholder"],
  ["skip to content", "widget: navigation"],
  ["back to top", "widget: navigation"],
  ["follow", "widget: share/save button"],
]);

const LIST_MARKER = /^(?:list of \d+ items?\s*(?:end of list)?|end of list)$/i;
const TEASER =
  /^(?:watch|listen|video|read more|read also|also read|related|see also|more|live|podcast|audio)\s*:\s*\S/i;
const NEWSLETTER =
  /^(?:sign up (?:for|to)|subscribe (?:to|for)|follow (?:us|[\p{Lu}][\p{L}]* News) on|get our|click here|download the)\b/iu;
const PICTURE_NOTE =
  /\((?:file|archive|stock) (?:picture|photo|photograph|image)\)$|\((?:pictured|left|right|centre|center|above|below|top|bottom)\)$/i;
const IMAGE_DESCRIPTION =
  /^(?:map|graphic|chart|image|photo|picture|photograph|video|illustration|infographic|satellite image)s? (?:showing|shows|of|depicting)\b/i;
const IMAGE_LABEL = /^(?:image (?:source|caption)|media caption|photo|picture|caption)\s*[,:]\s*/i;

export type NoiseContext = {
  /** The previous paragraph was dropped as a photo caption/credit. */
  afterCaption: boolean;
};

/** Why this paragraph is page furniture, or null when it is article text. */
export function classifyNoise(paragraph: string, context: NoiseContext): string | null {
  const text = paragraph.trim();
  const key = text
    .toLowerCase()
    .replace(/[\s.:!…]+$/u, "")
    .replace(/^[\s•·|-]+/u, "");
  const widget = WIDGET_LINES.get(key);
  if (widget) return widget;
  if (LIST_MARKER.test(key)) return "widget: list marker";
  if (CREDIT_ONLY.test(text)) return "photo credit";
  if (IMAGE_LABEL.test(text)) return "photo caption";

  const short = text.length <= 220;
  const endsLikeSentence = /[.!?…]["”’)]?$/u.test(text);

  if (short && TEASER.test(text)) return "teaser (watch/read-more link)";
  if (short && NEWSLETTER.test(text)) return "widget: newsletter/subscribe";
  if (/^(?:published|updated|last updated)\s+\d/i.test(text) && text.length < 80) return "timestamp line";

  // "Reuters President Donald Trump and … Reuters": alt text with the credit both ends.
  if (STARTS_WITH_CREDIT.test(text) && ENDS_WITH_CREDIT.test(text)) return "photo caption with agency credit";
  // A credit after a full stop ("…flag. Getty Images") closes a caption, never a sentence.
  if (ENDS_WITH_CREDIT_AFTER_SENTENCE.test(text) && text.length <= 600)
    return "photo caption with agency credit";
  if (STARTS_WITH_CREDIT.test(text) && !endsLikeSentence) return "photo caption with agency credit";

  if (short && PICTURE_NOTE.test(text)) return "photo caption";
  if (short && !endsLikeSentence && IMAGE_DESCRIPTION.test(text)) return "image description";
  // BBC pages print the visible caption straight after the credited alt text.
  if (context.afterCaption && short && !endsLikeSentence) return "photo caption";
  return null;
}

export function isCaptionReason(reason: string): boolean {
  return reason.startsWith("photo") || reason === "image description";
}
