// The digest mail: what is new in the topics a reader follows, each item with links to the
// sentences it cites, as plain text and HTML (every value escaped), with a one-click
// unsubscribe (RFC 8058: List-Unsubscribe with an https URL, List-Unsubscribe-Post).
import type { MailMessage } from "./mailer";
import { escapeHtml } from "./html";

export type DigestItemKind = "point" | "storyline" | "disagreement" | "superseded";

export type DigestMailInput = {
  to: string;
  name: string;
  frequency: "daily" | "weekly";
  meUrl: string;
  accountUrl: string;
  /** A page that asks to confirm (a person clicking the link in the mail). */
  unsubscribeUrl: string;
  /** What a mail client POSTs to for one-click unsubscribe. */
  oneClickUrl: string;
  topics: {
    name: string;
    url: string;
    version: number;
    moreCount: number;
    items: {
      kind: DigestItemKind;
      text: string;
      url: string;
      citations: { source: string; title: string; url: string }[];
    }[];
  }[];
};

const KIND_LABELS: Record<DigestItemKind, string> = {
  point: "New",
  storyline: "New storyline",
  disagreement: "Sources differ",
  superseded: "Updated",
};

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export function digestMail(input: DigestMailInput): MailMessage {
  const itemCount = input.topics.reduce((sum, topic) => sum + topic.items.length + topic.moreCount, 0);
  const topicNames = input.topics.map((topic) => topic.name);
  const subject = `What is new in ${topicNames.length === 1 ? topicNames[0] : `${topicNames.length} topics you follow`}: ${plural(itemCount, "update")}`;
  const period = input.frequency === "weekly" ? "weekly" : "daily";

  const text = [
    `Hello ${input.name},`,
    "",
    `Here is what is new in the topics you follow on Dispatch since your last digest.`,
    "",
    ...input.topics.flatMap((topic) => [
      `${topic.name} (version ${topic.version}) — ${topic.url}`,
      ...topic.items.flatMap((item) => [
        `  * ${KIND_LABELS[item.kind]}: ${item.text}`,
        ...item.citations.slice(0, 3).map((citation) => `      ${citation.source}: ${citation.url}`),
        `      Details: ${item.url}`,
      ]),
      ...(topic.moreCount > 0 ? [`  …and ${topic.moreCount} more on the topic page.`] : []),
      "",
    ]),
    `Everything new since your last visit: ${input.meUrl}`,
    "",
    `You get this ${period} digest because you chose it on your account (${input.accountUrl}).`,
    `To stop it, unsubscribe: ${input.unsubscribeUrl}`,
    "",
    "— Dispatch",
  ].join("\n");

  const itemHtml = (item: DigestMailInput["topics"][number]["items"][number]) => {
    const cites = item.citations
      .slice(0, 3)
      .map(
        (citation) =>
          `<a href="${escapeHtml(citation.url)}" title="${escapeHtml(citation.title)}" style="color:#1f3b5c">[${escapeHtml(citation.source)}]</a>`,
      )
      .join(" ");
    return `<li style="margin:0 0 .75rem">
<span style="display:inline-block;font-size:12px;font-weight:600;text-transform:uppercase;letter-spacing:.03em;color:#8a4b08;margin-right:.4rem">${escapeHtml(KIND_LABELS[item.kind])}</span>${escapeHtml(item.text)}
<br><span style="font-size:13px">${cites}${cites ? " · " : ""}<a href="${escapeHtml(item.url)}" style="color:#555">sources and context</a></span>
</li>`;
  };
  const topicsHtml = input.topics
    .map(
      (
        topic,
      ) => `<h2 style="font-size:18px;margin:1.5rem 0 .5rem"><a href="${escapeHtml(topic.url)}" style="color:#111;text-decoration:none">${escapeHtml(topic.name)}</a> <span style="font-size:13px;font-weight:normal;color:#666">version ${topic.version}</span></h2>
<ul style="padding-left:1.1rem;margin:0">${topic.items.map(itemHtml).join("\n")}</ul>
${topic.moreCount > 0 ? `<p style="font-size:13px;color:#555">…and ${topic.moreCount} more on <a href="${escapeHtml(topic.url)}">the topic page</a>.</p>` : ""}`,
    )
    .join("\n");
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:40rem;margin:0 auto;padding:1rem;color:#111">
<p>Hello ${escapeHtml(input.name)},</p>
<p>Here is what is new in the topics you follow on Dispatch since your last digest. Every item links to the sentences it comes from.</p>
${topicsHtml}
<p style="margin-top:1.5rem"><a href="${escapeHtml(input.meUrl)}" style="display:inline-block;padding:.5rem 1rem;background:#1f3b5c;color:#fff;text-decoration:none;border-radius:4px">Open my briefing</a></p>
<hr style="border:0;border-top:1px solid #ddd;margin:1.5rem 0">
<p style="font-size:13px;color:#555">You get this ${period} digest because you chose it on <a href="${escapeHtml(input.accountUrl)}">your account</a>. To stop it, <a href="${escapeHtml(input.unsubscribeUrl)}">unsubscribe</a>.</p>
</body></html>`;

  return {
    to: input.to,
    subject,
    text,
    html,
    headers: {
      "List-Unsubscribe": `<${input.oneClickUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}
