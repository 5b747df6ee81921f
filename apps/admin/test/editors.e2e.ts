// The editors' journey on the built apps with the worker running: an editor pins a point,
// strikes another (with a reason) and locks a storyline's label; a new story's rebuild keeps
// all three, on the admin's comparison ("pinned by …", "struck by …") and on the reader; with
// review before publishing on, the next rebuild waits as a draft in the drafts list while the
// reader keeps the published version, until the editor publishes it; the reader shows old
// versions at /topics/<slug>/versions/<n>, and a draft's number is a 404.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { hasChromium, launchBrowser, screenshotPath } from "@dispatch/ui/testing";
import { ADMIN, EDITOR } from "./accounts";
import { signIn } from "./session";

const adminUrl = inject("adminUrl");
const readerUrl = inject("readerUrl");
const TOPIC = "orrin-ferries";

// Our own text: a ferry strike told by four stories, uploaded in three goes.
const story = (title: string, source: string, publishedAt: string, sentences: string[]) => ({
  title,
  source,
  publishedAt,
  topic: "Orrin ferries",
  body: sentences.join("\n\n"),
});
const FIRST = [
  story("Ferry crews at Orrin strike over new rotas", "Orrin Gazette", "2026-11-20T09:00:00Z", [
    "Ferry crews at Orrin harbour went on strike on Monday over new rotas, the seafarers' union said.",
    "Union steward Lida Marsh said the rotas cut crews' rest days without notice.",
    "The island route to Kessa was cancelled for the day.",
    "Harbour master Ivo Brandt said freight would be held at the quay.",
  ]),
  story("Orrin ferry strike strands island travellers", "Coastal Post", "2026-11-20T15:00:00Z", [
    "Travellers to Kessa were stranded on Monday as Orrin ferry crews walked out over rotas.",
    "The seafarers' union said crews had been given new rotas without notice.",
    "A fish market on Kessa closed early for want of stock.",
    "The ferry company said talks would be held on Thursday.",
  ]),
];
const SECOND = story(
  "Orrin ferry talks set for Thursday as strike goes on",
  "Harbour Wire",
  "2026-11-21T10:00:00Z",
  [
    "The ferry company said talks with the seafarers' union over the Orrin ferry strike would be held on Thursday.",
    "Ferry crews at Orrin harbour stayed on strike on Tuesday over new rotas, the seafarers' union said.",
    "A relief boat carried medicine to Kessa on Tuesday.",
  ],
);
const THIRD = story("Orrin ferry crews vote on rota deal", "Orrin Gazette", "2026-11-23T10:00:00Z", [
  "Ferry crews at Orrin voted on Saturday on a rota deal reached at Thursday's talks, the seafarers' union said.",
  "Union steward Lida Marsh said crews would keep two rest days a week under the deal.",
]);
const PINNED = "The ferry company said talks would be held on Thursday.";
const STRUCK = "The island route to Kessa was cancelled for the day.";
const LABEL = "The Orrin ferry strike";

/** Calls a procedure over HTTP with the page's session, as the admin app's own client does. */
async function callProcedure(page: Page, path: string, input: unknown, kind: "query" | "mutation") {
  const url = `${adminUrl}/api/trpc/${path}`;
  const response =
    kind === "mutation"
      ? await page.request.post(url, {
          headers: { origin: adminUrl, "content-type": "application/json" },
          data: JSON.stringify({ json: input }),
        })
      : await page.request.get(`${url}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  const body = (await response.json()) as { result?: { data?: { json?: unknown } }; error?: unknown };
  if (!response.ok()) throw new Error(`${path}: ${response.status()} ${JSON.stringify(body.error)}`);
  return body.result?.data?.json;
}

/** Uploads stories as JSON, tagged with their topic line (the admin creates the topic the first time). */
async function upload(page: Page, stories: unknown[], name: string) {
  await callProcedure(
    page,
    "upload.commit",
    {
      files: [{ name, contentType: "application/json", text: JSON.stringify(stories) }],
      topicFromHint: true,
    },
    "mutation",
  );
}

/** Waits for the worker's rebuild: until the topic has `count` versions (drafts included). */
async function waitForVersions(page: Page, count: number) {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const view = (await callProcedure(page, "briefing.editorView", { topic: TOPIC }, "query").catch(
      () => null,
    )) as { versions: unknown[] } | null;
    if (view && view.versions.length >= count) return;
    if (Date.now() > deadline) throw new Error(`the topic did not reach ${count} versions in 90 s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The reader's topic page, read fresh. */
async function openReader(page: Page, path: string) {
  const response = await page.goto(`${readerUrl}${path}`);
  return response?.status() ?? 0;
}

describe.skipIf(!hasChromium)("editors steer the briefing", { timeout: 300_000 }, () => {
  let browser: Browser;
  let admin: Page;
  let editor: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await signIn(browser, adminUrl, ADMIN, "/briefings");
    editor = await signIn(browser, adminUrl, EDITOR, "/briefings");
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("pins, strikes and locks; a rebuild keeps them; review holds a draft until published", async () => {
    await upload(admin, FIRST, "orrin-1.json");
    await waitForVersions(admin, 1);

    // The editor acts on version 1.
    await editor.goto(`${adminUrl}/briefings/${TOPIC}`);
    const points = editor.getByRole("region", { name: /^Points of v1/ });
    await points.getByRole("button", { name: `Pin “${PINNED}”` }).click();
    await points
      .locator("li", { hasText: PINNED })
      .getByText(/^pinned by /)
      .waitFor();
    const struckId = await points.locator("li", { hasText: STRUCK }).getAttribute("data-point-id");
    await points.getByRole("button", { name: `Strike… “${STRUCK}”` }).click();
    const strike = points.getByRole("form", { name: `Strike “${STRUCK}”` });
    await strike.getByRole("button", { name: "Strike point" }).click();
    await expect(strike.getByRole("alert").innerText()).resolves.toBe(
      "Write the reason for striking; it cannot be empty.",
    );
    await strike.getByLabel("Why strike it?").fill("The route ran that day; the report was wrong.");
    await strike.getByRole("button", { name: "Strike point" }).click();
    await points.getByRole("heading", { name: "Struck from this version" }).waitFor();
    await points
      .getByRole("button", { name: /^Lock label/ })
      .first()
      .click();
    const lock = points.getByRole("form", { name: "Lock the label" });
    await lock.getByLabel("Storyline label").fill(LABEL);
    await lock.getByRole("button", { name: "Lock label" }).click();
    await points.getByText(/^label locked by /).waitFor();
    await points.screenshot({ path: screenshotPath("editors-admin-controls") });
    const controls = editor.getByRole("region", { name: "Editors' controls" });
    await expect(controls.locator("tbody tr").count()).resolves.toBe(3);

    // A new story: the worker rebuilds, and the controls hold in version 2.
    await upload(admin, [SECOND], "orrin-2.json");
    await waitForVersions(admin, 2);
    await editor.goto(`${adminUrl}/briefings/${TOPIC}?from=1&to=2`);
    const v2 = editor.getByRole("region", { name: /^Points of v2/ });
    const firstPoint = v2.locator("ol > li").first();
    await expect(firstPoint.innerText()).resolves.toMatch(/^pinned by Demo Editor/);
    // The pinned point, found again in v2 (reworded there by the new story's lead).
    const pinnedId = await firstPoint.getAttribute("data-point-id");
    expect(pinnedId).toMatch(/^point-/);
    await expect(v2.getByRole("heading", { level: 3 }).first().innerText()).resolves.toContain(LABEL);
    await expect(v2.innerText()).resolves.toContain(`struck by Demo Editor${STRUCK}`);
    const comparison = editor.getByRole("region", { name: "v1 → v2" });
    const newer = comparison.locator(".side-by-side__col").nth(1);
    await expect(newer.innerText()).resolves.toMatch(/pinned by Demo Editor/);
    await expect(newer.innerText()).resolves.toContain(`struck by Demo Editor${STRUCK}`);
    await comparison.screenshot({ path: screenshotPath("editors-admin-comparison") });

    // The reader sees the same: the label as the storyline's heading, the pin first, no struck point.
    const reader = await browser.newPage();
    expect(await openReader(reader, `/topics/${TOPIC}`)).toBe(200);
    await expect(reader.locator(".briefing__meta").innerText()).resolves.toContain("Version 2");
    const storyline = reader.locator("section.storyline").first();
    await expect(storyline.getByRole("heading", { level: 2 }).innerText()).resolves.toBe(LABEL);
    await expect(storyline.locator(".point__text").first().innerText()).resolves.toContain("talks");
    await expect(storyline.locator("[data-point-id]").first().getAttribute("data-point-id")).resolves.toBe(
      pinnedId,
    );
    await expect(reader.locator("main").innerText()).resolves.not.toContain(STRUCK);
    // Nor on the point's own page, in the feed or in the public API.
    expect(await openReader(reader, `/topics/${TOPIC}/points/${struckId}`)).toBe(404);
    const feed = await reader.request.get(`${readerUrl}/topics/${TOPIC}/feed.json`);
    expect(await feed.text()).not.toContain(STRUCK);
    // The API's cited passages keep a neighbouring sentence as context: the story still has it.
    const api = await reader.request.get(`${readerUrl}/api/v1/topics/${TOPIC}/briefing?version=1`);
    expect(api.status()).toBe(200);
    const answer = await api.text();
    for (const field of ["text", "sentence"]) expect(answer).not.toContain(`"${field}":"${STRUCK}"`);
    expect(answer).toContain("Harbour master Ivo Brandt");

    // Review before publishing: the next rebuild is a draft the reader does not see.
    await admin.goto(`${adminUrl}/briefings/${TOPIC}`);
    await admin.getByRole("button", { name: "Review before publishing" }).click();
    await admin.getByRole("button", { name: "Turn review off" }).waitFor();
    await upload(admin, [THIRD], "orrin-3.json");
    await waitForVersions(admin, 3);

    await editor.goto(`${adminUrl}/briefings`);
    const drafts = editor.getByRole("region", { name: "Drafts waiting for review" });
    await expect(drafts.locator("tbody tr").first().innerText()).resolves.toMatch(/Orrin ferries\s+v3/);
    await drafts.screenshot({ path: screenshotPath("editors-admin-drafts") });

    expect(await openReader(reader, `/topics/${TOPIC}`)).toBe(200);
    await expect(reader.locator(".briefing__meta").innerText()).resolves.toContain("Version 2");
    await expect(reader.locator("main").innerText()).resolves.not.toContain("rota deal");
    expect(await openReader(reader, `/topics/${TOPIC}/versions/3`)).toBe(404);
    await expect(reader.getByRole("heading", { level: 1 }).innerText()).resolves.toBe(
      "There is no such version of this briefing",
    );

    // The editor sees what the draft changes, then publishes it: Publish waits for the comparison.
    await editor.goto(`${adminUrl}/briefings/${TOPIC}`);
    const waiting = editor.getByRole("region", { name: "Draft v3 waits for review" });
    await waiting.getByRole("link", { name: "Compare v2 → v3" }).waitFor();
    await expect(waiting.getByRole("button", { name: "Publish v3" }).count()).resolves.toBe(0);
    await editor.goto(`${adminUrl}/briefings`);
    await drafts.getByRole("link", { name: "Orrin ferries" }).click();
    await editor.waitForURL(/from=2&to=3/);
    const draft = editor.getByRole("region", { name: "Draft v3 waits for review" });
    await expect(draft.innerText()).resolves.toContain("Readers see v2 until it is published.");
    await draft.screenshot({ path: screenshotPath("editors-admin-draft") });
    await editor.getByRole("region", { name: "v2 → v3" }).waitFor();
    await draft.getByRole("button", { name: "Publish v3" }).click();
    await editor.getByRole("status").filter({ hasText: "Published: readers see version 3." }).waitFor();
    await editor.getByRole("region", { name: /^Points of v3 · published/ }).waitFor();
    await editor.screenshot({ path: screenshotPath("editors-admin-briefing-page"), fullPage: true });

    expect(await openReader(reader, `/topics/${TOPIC}`)).toBe(200);
    await expect(reader.locator(".briefing__meta").innerText()).resolves.toContain("Version 3");
    await expect(reader.locator("main").innerText()).resolves.toContain("rota deal");

    // Old versions on the reader, from the topic page's list, with the strike applied there too.
    await reader.getByRole("link", { name: "Version 1" }).click();
    await reader.waitForURL(`${readerUrl}/topics/${TOPIC}/versions/1`);
    await expect(
      reader.getByRole("heading", { level: 2, name: "The first version of this briefing" }).count(),
    ).resolves.toBe(1);
    await expect(reader.locator("main").innerText()).resolves.not.toContain(STRUCK);
    expect(await openReader(reader, `/topics/${TOPIC}/versions/2`)).toBe(200);
    await expect(reader.getByRole("heading", { name: "What changed since version 1" }).count()).resolves.toBe(
      1,
    );
    await reader.screenshot({ path: screenshotPath("editors-reader-version-2"), fullPage: true });
    expect(await openReader(reader, `/topics/${TOPIC}/versions/1`)).toBe(200);
    await reader.screenshot({ path: screenshotPath("editors-reader-version-1"), fullPage: true });
    await reader.close();
  });
});
