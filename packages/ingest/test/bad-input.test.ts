// Bad uploads: each is refused with a code and a message that says what to do; nothing else is lost.

import { describe, expect, it } from "vitest";
import { INGEST_LIMITS, parseText, parseUpload } from "../src/index";
import { getOnlyStory, getRejection } from "./fixture-loading";

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("size limit", () => {
  it("refuses a file over the limit, saying both sizes", async () => {
    const bytes = new Uint8Array(Math.round(12.3 * 1024 * 1024)).fill(0x61);
    const error = getRejection(await parseUpload({ name: "huge.txt", bytes }));
    expect(error.code).toBe("TOO_LARGE");
    expect(error.message).toContain("huge.txt: file is 12.3 MB; the limit is 5 MB");
  });

  it("takes the limit from options", async () => {
    const error = getRejection(
      await parseUpload(
        { name: "a.txt", bytes: encode("Title\n\n" + "word ".repeat(400)) },
        { maxBytes: 1024 },
      ),
    );
    expect(error.message).toMatch(/file is 2 KB; the limit is 1 KB/);
    expect(getRejection(parseText("Title\n\n" + "word ".repeat(400), { maxBytes: 1024 })).code).toBe(
      "TOO_LARGE",
    );
  });

  it("caps the items of one file, answering for the rest", () => {
    const lines = Array.from({ length: 5 }, (_, i) =>
      JSON.stringify({ title: `Story ${i}`, body: "Body text." }),
    ).join("\n");
    const results = parseText(lines, { name: "many.ndjson", maxBatchItems: 3 });
    expect(results.filter((result) => result.ok)).toHaveLength(3);
    expect(getRejection(results)).toMatchObject({
      code: "TOO_LARGE",
      message: expect.stringMatching(/holds 5 items; the limit is 3.*items 4–5 were not parsed/),
    });
    expect(INGEST_LIMITS).toEqual({ maxBytes: 5 * 1024 * 1024, maxBatchItems: 500 });
  });
});

describe("binary and non-text files", () => {
  it.each([
    [
      "report.pdf",
      encode("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"),
      /looks like a PDF document \(application\/pdf\); upload text, Markdown, HTML, JSON, NDJSON, RSS\/Atom or a bundle/,
    ],
    [
      "photo.png",
      new Uint8Array([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0,
        0, 1, 8, 2, 0, 0, 0,
      ]),
      /looks like a PNG image \(image\/png\)/,
    ],
    [
      "story.docx",
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, ...encode("[Content_Types].xml")]),
      /looks like .*(zip|Word|Office)/i,
    ],
    ["blob.bin", new Uint8Array([0x01, 0x02, 0x00, 0x7f, 0x10, 0x00, 0x33]), /looks like binary data/],
  ])("refuses %s, naming what it looks like", async (name, bytes, message) => {
    const error = getRejection(await parseUpload({ name, bytes }));
    expect(error.code).toBe("UNSUPPORTED_TYPE");
    expect(error.message).toMatch(message);
  });
});

describe("encodings", () => {
  it("decodes Windows-1252 smart quotes when the file is not UTF-8, with a warning", async () => {
    const bytes = new Uint8Array([
      ...encode("Caf"),
      0xe9,
      ...encode(" owner wins award\n\nThe owner said: "),
      0x93,
      ...encode("We are delighted"),
      0x94,
      ...encode("."),
    ]);
    const story = getOnlyStory(await parseUpload({ name: "cafe.txt", bytes }));
    expect(story.title).toBe("Café owner wins award");
    expect(story.body).toBe("The owner said: “We are delighted”.");
    expect(story.warnings.join(" ")).toMatch(/not valid UTF-8; decoded it as Windows-1252/);
  });

  it("refuses bytes that are neither UTF-8 nor Windows-1252", async () => {
    // Shift-JIS for 「東京」: runs of high bytes, which single-byte Windows-1252 text never has.
    const bytes = new Uint8Array([
      ...encode("Title\n\n"),
      0x81,
      0x75,
      0x93,
      0x8c,
      0x8b,
      0x9e,
      0x81,
      0x76,
      ...encode(" news"),
    ]);
    const error = getRejection(await parseUpload({ name: "tokyo.txt", bytes }));
    expect(error.code).toBe("BAD_ENCODING");
    expect(error.message).toMatch(/not valid UTF-8 \(first bad byte at offset 7\).*save it as UTF-8/);
  });

  it("honours a declared charset and a UTF-16 byte order mark", async () => {
    const latin = new Uint8Array([...encode("Na"), 0xef, ...encode("ve title\n\nBody text.")]);
    expect(
      getOnlyStory(
        await parseUpload({ name: "a.txt", bytes: latin, contentType: "text/plain; charset=iso-8859-1" }),
      ).title,
    ).toBe("Naïve title");
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...Array.from("Title\n\nBody text.").flatMap((char) => [char.charCodeAt(0), 0]),
    ]);
    expect(getOnlyStory(await parseUpload({ name: "b.txt", bytes: utf16 })).body).toBe("Body text.");
  });
});

describe("empty and title-only articles", () => {
  it.each([
    ["", "EMPTY"],
    ["   \n\n  ", "EMPTY"],
    ["Just a headline", "TITLE_ONLY"],
    ["Just a headline\n\nRecommended Stories\n\nShare", "TITLE_ONLY"],
  ])("rejects %j as %s, saying why", async (text, code) => {
    const error = getRejection(await parseUpload({ name: "paste.txt", bytes: encode(text) }));
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(20);
  });

  it("explains that the rest of a title-only paste was page furniture", () => {
    expect(getRejection(parseText("Just a headline\n\nRecommended Stories\n\nShare")).message).toMatch(
      /other lines were page furniture: widget: recommended stories, widget: share\/save button/,
    );
  });

  it("rejects one empty bundle article and keeps the others", () => {
    const results = parseText(
      "topic\n\nA real story\n\nIt has a body.\n\nSource link\n\nTitle with no body\n\nSource link\n",
    );
    expect(results.map((result) => [result.item, result.ok])).toEqual([
      ["pasted text#1", true],
      ["pasted text#2", false],
    ]);
    expect(getRejection(results, "pasted text#2").code).toBe("TITLE_ONLY");
  });

  it("rejects a broken JSON file as a whole, with the parser's position", () => {
    expect(getRejection(parseText('[{"title": "x", ', { name: "bad.json" }))).toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(/bad.json: is not valid JSON/),
    });
  });

  it("rejects malformed XML feeds", () => {
    expect(
      getRejection(parseText("<rss><channel><item><title>x</item></channel></rss>", { name: "bad.rss" }))
        .code,
    ).toBe("INVALID_INPUT");
  });
});

describe("unsafe markup in text formats", () => {
  it("removes scripts and handlers from HTML pasted into text or JSON", () => {
    const story = getOnlyStory(
      parseText(
        JSON.stringify({
          title: "Harbour",
          body: '<p onmouseover="x()">Boats <a href="javascript:void(0)">sail</a>.</p><script>steal()</script><iframe src="https://evil.example"></iframe>',
        }),
      ),
    );
    expect(story.body).toBe("Boats sail.");
    expect(story.dropped.map((entry) => entry.text)).toEqual(
      expect.arrayContaining([
        "1 × <script> element",
        "1 × on… event handler",
        "1 × javascript: URL",
        "1 × <iframe>/<object> element",
      ]),
    );
  });

  it("keeps only http(s) URLs", () => {
    const story = getOnlyStory(
      parseText(JSON.stringify({ title: "Harbour", body: "Boats sail.", url: "javascript:alert(1)" })),
    );
    expect(story.url).toBeNull();
    expect(story.warnings.join(" ")).toMatch(/only http\(s\) links are kept/);
  });
});

describe("programmer errors", () => {
  it("throws on a wrong argument type or a bad limit, instead of returning a result", async () => {
    await expect(parseUpload({ bytes: 42 as unknown as string })).rejects.toThrow(TypeError);
    expect(() => parseText("x", { maxBytes: 0 })).toThrow(RangeError);
  });
});

describe("pathological nesting", () => {
  const deepArray = (levels: number) => "[".repeat(levels) + "]".repeat(levels);
  const goodItem = {
    title: "Council approves harbour wall repairs",
    body: "The council approved the repairs on Tuesday.\n\nWork starts in spring.",
  };

  it("rejects only the deeply nested entry of a JSON array, with the limit in the message", () => {
    const text = `[${JSON.stringify(goodItem)}, {"title": "Deep", "body": "x", "extra": ${deepArray(10_000)}}, ${JSON.stringify({ ...goodItem, title: "Library opens on Sundays" })}]`;
    const results = parseText(text, { name: "mixed.json" });
    expect(results.map((result) => [result.item, result.ok])).toEqual([
      ["mixed.json[0]", true],
      ["mixed.json[1]", false],
      ["mixed.json[2]", true],
    ]);
    expect(getRejection(results, "mixed.json[1]").message).toMatch(/more than 32 levels deep.*Fix the item/);
  });

  it("answers for a JSON document that is nothing but nesting", () => {
    expect(getRejection(parseText(deepArray(10_000), { name: "deep.json" })).message).toMatch(
      /^deep\.json\[0\]: nests arrays or objects more than 32 levels/,
    );
  });

  it("rejects one NDJSON line nested too deep and reads the others", () => {
    const text = `${JSON.stringify(goodItem)}\n{"title":"Deep","body":"x","extra":${deepArray(10_000)}}\n`;
    const results = parseText(text, { name: "lines.ndjson" });
    expect(results.map((result) => result.ok)).toEqual([true, false]);
  });

  it("rejects a feed item whose markup nests thousands of levels and keeps the other items", () => {
    const body = `${"<b>".repeat(10_000)}x${"</b>".repeat(10_000)}`;
    const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title>
      <item><title>Wall repairs approved</title><description>The council approved the harbour wall repairs on Tuesday.</description></item>
      <item><title>Deep</title><description><![CDATA[${body}]]></description></item>
    </channel></rss>`;
    const results = parseText(feed, { name: "feed.xml" });
    expect(results.map((result) => [result.item, result.ok])).toEqual([
      ["feed.xml#1", true],
      ["feed.xml#2", false],
    ]);
    expect(getRejection(results, "feed.xml#2").message).toMatch(
      /^feed\.xml#2: nests tags more than 256 levels deep/,
    );
  });

  it("rejects a text file of deeply nested markup instead of throwing", () => {
    const results = parseText(`Title\n\n${"<i>".repeat(10_000)}x${"</i>".repeat(10_000)}`, {
      name: "deep.txt",
    });
    expect(getRejection(results).message).toMatch(/^deep\.txt: nests tags more than 256 levels deep/);
  });

  it("refuses an HTML page nested 50,000 levels deep before parsing it (parsing took minutes)", () => {
    const page = `<!doctype html><html><body><h1>Deep</h1>${"<div>".repeat(50_000)}text${"</div>".repeat(50_000)}</body></html>`;
    expect(getRejection(parseText(page, { name: "deep.html" })).message).toMatch(
      /^deep\.html: nests tags more than 256 levels deep/,
    );
  });

  it("does not count elements whose end tag may be left out, so a page of unclosed paragraphs still reads", () => {
    const page = `<!doctype html><html><body><h1>Harbour wall repairs approved</h1>${"<p>The council approved the repairs to the harbour wall on Tuesday evening. ".repeat(400)}</body></html>`;
    expect(parseText(page, { name: "unclosed.html" })[0]?.ok).toBe(true);
  });
});

describe("size messages", () => {
  it("never says a file over the limit is the limit's size", async () => {
    const limit = INGEST_LIMITS.maxBytes;
    const error = getRejection(
      await parseUpload({ name: "edge.txt", bytes: new Uint8Array(limit + 1).fill(0x61) }),
    );
    const [, size, max] = /file is (.+?); the limit is (.+?)\. /.exec(error.message) ?? [];
    expect(size).toBeDefined();
    expect(size).not.toBe(max);
    expect(error.message).toContain("file is 5,242,881 bytes; the limit is 5 MB (5,242,880 bytes)");
  });

  it("adds decimals when one is not enough to tell the sizes apart", async () => {
    const error = getRejection(
      await parseUpload({ name: "a.txt", bytes: new Uint8Array(5 * 1024 * 1024 + 30 * 1024).fill(0x61) }),
    );
    expect(error.message).toContain("file is 5.03 MB; the limit is 5 MB");
  });
});

describe("field lengths", () => {
  it("rejects a title longer than the limit instead of storing it", () => {
    const title = "<img src=x onerror=alert(1)>".repeat(72);
    const error = getRejection(
      parseText(JSON.stringify({ title, body: "A short body of text." }), { name: "long.json" }),
    );
    expect(error.message).toMatch(/title is 2,016 characters long; the limit is 300.*fix the title/);
  });

  it("leaves out an over-long standfirst, source, topic line and byline name, saying so", () => {
    const results = parseText(
      JSON.stringify({
        title: "Ferry service resumes",
        dek: "d".repeat(700),
        source: "s".repeat(200),
        topic: "t".repeat(200),
        author: ["Mara Quinn", "n".repeat(200)],
        body: "The ferry sailed again on Monday after repairs.",
      }),
      { name: "fields.json" },
    );
    const story = getOnlyStory(results);
    expect(story).toMatchObject({ dek: null, source: null, topicHint: null, byline: ["Mara Quinn"] });
    expect(story.warnings.join("\n")).toMatch(
      /left out the standfirst: it is 700 characters long; the limit is 600/,
    );
    expect(story.warnings.join("\n")).toMatch(/left out the source .*200 characters long; the limit is 120/);
    expect(story.warnings.join("\n")).toMatch(/left out the topic line .*the limit is 120/);
    expect(story.warnings.join("\n")).toMatch(/left out 1 byline name/);
  });
});
