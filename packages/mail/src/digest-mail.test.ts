import { describe, expect, it } from "vitest";
import { digestMail, type DigestMailInput } from "./digest-mail";

const input: DigestMailInput = {
  to: "reader@example.test",
  name: "Rae <Reader>",
  frequency: "weekly",
  meUrl: "https://news.example.test/me",
  accountUrl: "https://news.example.test/account#digest",
  unsubscribeUrl: "https://news.example.test/digest/unsubscribe/tok",
  oneClickUrl: "https://news.example.test/api/digest/unsubscribe/tok",
  topics: [
    {
      name: "Harbour talks",
      url: "https://news.example.test/topics/harbour-talks",
      version: 4,
      moreCount: 2,
      items: [
        {
          kind: "point",
          text: 'Dockers said the <script>alert("x")</script> offer & rota were refused.',
          url: "https://news.example.test/topics/harbour-talks/points/p1",
          citations: [
            {
              source: "Quay Post",
              title: "Offer refused",
              url: "https://news.example.test/stories/offer#s-2",
            },
          ],
        },
        {
          kind: "disagreement",
          text: "Quay Post says 40 ships; Coast Ledger says 44 ships",
          url: "https://news.example.test/topics/harbour-talks/points/p2",
          citations: [],
        },
      ],
    },
  ],
};

describe("the digest mail", () => {
  const mail = digestMail(input);

  it("says how much is new, in which topic, and carries one-click unsubscribe headers", () => {
    expect(mail.subject).toBe("What is new in Harbour talks: 4 updates");
    expect(mail.headers).toEqual({
      "List-Unsubscribe": "<https://news.example.test/api/digest/unsubscribe/tok>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });

  it("has a plain-text part with every item, its sources' links and the way out", () => {
    expect(mail.text).toContain("Harbour talks (version 4) — https://news.example.test/topics/harbour-talks");
    expect(mail.text).toContain("* Sources differ: Quay Post says 40 ships; Coast Ledger says 44 ships");
    expect(mail.text).toContain("Quay Post: https://news.example.test/stories/offer#s-2");
    expect(mail.text).toContain("…and 2 more on the topic page.");
    expect(mail.text).toContain("weekly digest");
    expect(mail.text).toContain("unsubscribe: https://news.example.test/digest/unsubscribe/tok");
  });

  it("escapes every value in the HTML part", () => {
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&#60;script&#62;");
    expect(mail.html).toContain("Hello Rae &#60;Reader&#62;,");
    expect(mail.html).toContain("offer &#38; rota");
    expect(mail.html).toContain('href="https://news.example.test/stories/offer#s-2"');
  });
});
