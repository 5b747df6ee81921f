// The newsroom journey: an editor uploads a bundle with a broken file among good ones; its
// topic line names a topic that does not exist, so an admin is asked to create it; once it
// exists, the worker suggests it for a stray article; the admin approves it in the review
// queue and rebuilds the briefing; the reader's topic page shows the new briefing.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from "vitest";
import type { Browser } from "playwright-core";
import { hasChromium, launchBrowser, screenshotPath } from "@dispatch/ui/testing";
import { ADMIN, EDITOR } from "./accounts";
import { signIn } from "./session";

const adminUrl = inject("adminUrl");
const readerUrl = inject("readerUrl");
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const STRAY_TITLE = "Former keeper opens Ferrow Island lighthouse diary to the public";

async function waitFor<T>(what: string, attempt: () => Promise<T | null>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await attempt();
    if (result !== null) return result;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

describe.skipIf(!hasChromium)("upload → review → briefing", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("an editor uploads a bundle; a PNG beside it is rejected with its reason", async () => {
    const page = await signIn(browser, adminUrl, EDITOR, "/upload");
    onTestFailed(() =>
      page.screenshot({ path: screenshotPath("admin-upload-FAILED"), fullPage: true }).then(() => undefined),
    );
    expect(new URL(page.url()).pathname).toBe("/upload");
    // The masthead says who is signed in and shows only what an editor may use.
    await expect(page.locator(".admin-user").innerText()).resolves.toContain(EDITOR.email);
    const nav = page.getByRole("navigation", { name: "Main" });
    expect(await nav.getByRole("link", { name: "Stories" }).count()).toBe(1);
    expect(await nav.getByRole("link", { name: "Users" }).count()).toBe(0);
    expect(await nav.getByRole("link", { name: "Review queue" }).count()).toBe(0);

    await page
      .getByLabel("choose files")
      .setInputFiles([path.join(fixtures, "lighthouse-bundle.txt"), path.join(fixtures, "front-page.png")]);

    // The preview parses each file: three bundle articles, and the PNG refused before upload.
    const titleOne = page.getByLabel("Title of lighthouse-bundle.txt#1");
    await titleOne.waitFor();
    await expect(titleOne.inputValue()).resolves.toBe("Ferrow Island lighthouse to go dark for restoration");
    await expect(page.getByLabel("Topic line of lighthouse-bundle.txt#2").inputValue()).resolves.toBe(
      "lighthouse",
    );
    await page.getByText("Will be rejected").waitFor();
    await expect(page.locator(".preview-table").nth(1).innerText()).resolves.toMatch(
      /front-page\.png: looks like a PNG image/,
    );

    // Edits in the preview travel as overrides.
    await page.getByLabel("Source of lighthouse-bundle.txt#1").fill("Gannet Gazette");
    await page.getByLabel("Date of lighthouse-bundle.txt#1").fill("2026-10-05");
    for (const item of ["lighthouse-bundle.txt#2", "lighthouse-bundle.txt#3"])
      await page.getByLabel(`Source of ${item}`).fill("Gannet Gazette");
    // An editor cannot create topics: the topic line becomes a request to an admin.
    await expect(
      page.getByLabel(/Tag with the topic line .*for editors an admin is asked to create it/).isChecked(),
    ).resolves.toBe(true);

    await page.getByRole("button", { name: "Upload 2 files" }).click();
    const results = page.getByTestId("upload-results");
    await results.getByText(/3 stored · 0 duplicates · 1 rejected/).waitFor({ timeout: 60_000 });
    // Each file shows its state; each item its result.
    await expect(page.locator('.upload-file[data-state="done"]').count()).resolves.toBe(2);
    await expect(results.locator('[data-status="stored"]').count()).resolves.toBe(3);
    const rejected = results.locator('[data-status="rejected"]');
    await expect(rejected.count()).resolves.toBe(1);
    await expect(rejected.innerText()).resolves.toMatch(
      /front-page\.png: looks like a PNG image \(image\/png\); upload text/,
    );
    // The history below the form picks up the new batch.
    await page
      .getByRole("region", { name: "Past uploads" })
      .getByRole("row", { name: new RegExp(EDITOR.email) })
      .first()
      .waitFor();
    await page.screenshot({ path: screenshotPath("admin-upload-results"), fullPage: true });

    // The upload is one batch in the history, with the same results.
    await results.getByRole("link", { name: "This upload in the history" }).click();
    await page.waitForURL(/\/upload\/batches\//);
    await expect(page.locator("main").innerText()).resolves.toMatch(/3 stored · 0 duplicates · 1 rejected/);

    // The override reached the stored story.
    await page.goto(`${adminUrl}/stories?q=${encodeURIComponent("go dark for restoration")}`);
    const row = page.getByRole("row", { name: /Ferrow Island lighthouse to go dark/ });
    await expect(row.innerText()).resolves.toMatch(/Gannet Gazette\s+5 Oct 2026/);

    // Uploading the bundle again stores nothing new: each article is a duplicate with a link to the original.
    await page.goto(`${adminUrl}/upload`);
    await page.getByLabel("choose files").setInputFiles(path.join(fixtures, "lighthouse-bundle.txt"));
    await page.getByLabel("Title of lighthouse-bundle.txt#1").waitFor();
    await page.getByRole("button", { name: "Upload 1 file" }).click();
    await page
      .getByTestId("upload-results")
      .getByText(/0 stored · 3 duplicates · 0 rejected/)
      .waitFor({ timeout: 60_000 });
    await page.getByRole("link", { name: "Open the existing story" }).first().click();
    await page.waitForURL(/\/stories\//);
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe(
      "Ferrow Island lighthouse to go dark for restoration",
    );
    await page.context().close();
  });

  it("an admin creates the topic the editor asked for, then approves it for a stray article in the review queue, by keyboard", async () => {
    const page = await signIn(browser, adminUrl, ADMIN, "/suggestions");
    onTestFailed(() =>
      page.screenshot({ path: screenshotPath("admin-review-FAILED"), fullPage: true }).then(() => undefined),
    );
    // The editor's topic line waits beside the queue; creating it tags the bundle's three articles.
    const request = page
      .getByTestId("topic-requests")
      .locator("li.result-item")
      .filter({ has: page.locator("strong", { hasText: /^lighthouse$/i }) });
    await expect(request.innerText()).resolves.toMatch(/3 stories waiting · asked by/);
    await request.getByLabel("Topic name").fill("Lighthouse");
    await request.getByRole("button", { name: "Create topic" }).click();
    await page.getByRole("status").filter({ hasText: "Created /lighthouse and tagged 3 stories." }).waitFor();

    // A stray article about the lighthouse arrives after the topic exists.
    await page.goto(`${adminUrl}/upload`);
    await page.getByLabel("choose files").setInputFiles(path.join(fixtures, "keeper-diary.md"));
    await page.getByLabel("Source of keeper-diary.md").fill("Anselm Herald");
    await page.getByRole("button", { name: "Upload 1 file" }).click();
    await page
      .getByTestId("upload-results")
      .getByText(/1 stored · 0 duplicates · 0 rejected/)
      .waitFor({ timeout: 60_000 });

    // The worker suggests "Lighthouse" for it.
    await page.goto(`${adminUrl}/suggestions`);
    const row = await waitFor("the worker's suggestion", async () => {
      await page.reload();
      const candidate = page
        .getByRole("row", { name: new RegExp(STRAY_TITLE) })
        .filter({ hasText: "Lighthouse" });
      return (await candidate.count()) === 1 ? candidate : null;
    });
    await expect(row.innerText()).resolves.toMatch(/mentions ‘Lighthouse’/i);
    await expect(row.innerText()).resolves.toMatch(/\d+%/);

    // Keyboard: the help opens with ?, j moves down to the row, x selects it, a approves.
    await page.locator("body").press("?");
    await page.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor();
    await page.keyboard.press("Escape");
    const rows = page.locator(".queue-table tbody tr");
    const names = await rows.allInnerTexts();
    const index = names.findIndex((text) => text.includes(STRAY_TITLE) && text.includes("Lighthouse"));
    expect(index).toBeGreaterThanOrEqual(0);
    await page.locator("body").press("k");
    for (let step = 0; step < index; step += 1) await page.keyboard.press("j");
    await expect(rows.nth(index).getAttribute("aria-current")).resolves.toBe("true");
    await page.keyboard.press("x");
    await expect(row.getByRole("checkbox").isChecked()).resolves.toBe(true);
    await page.getByRole("button", { name: "Approve 1 selected" }).waitFor();
    await page.screenshot({ path: screenshotPath("admin-review-queue"), fullPage: true });
    await page.keyboard.press("a");
    await page.getByRole("status").filter({ hasText: "Approved 1 suggestion." }).waitFor();
    // The queue reloads without the reviewed suggestion.
    await page
      .getByRole("row", { name: new RegExp(STRAY_TITLE) })
      .filter({ hasText: "Lighthouse" })
      .waitFor({ state: "detached" });

    // The story now carries the topic.
    await page.goto(`${adminUrl}/stories?q=${encodeURIComponent("keeper opens")}`);
    await page.getByRole("link", { name: STRAY_TITLE }).click();
    await page.waitForURL(/\/stories\//);
    await expect(page.locator(".tag-list").first().innerText()).resolves.toContain("Lighthouse");
    await page.context().close();
  });

  it("the admin rebuilds the briefing, compares versions, and the reader shows the new briefing", async () => {
    const page = await signIn(browser, adminUrl, ADMIN, "/briefings/lighthouse");
    onTestFailed(() =>
      page
        .screenshot({ path: screenshotPath("admin-briefing-FAILED"), fullPage: true })
        .then(() => undefined),
    );
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe("Lighthouse");
    await page.getByRole("button", { name: "Rebuild now" }).click();
    const built = await page.getByRole("status").filter({ hasText: /Built version \d+ from 4 stories/ });
    await built.waitFor({ timeout: 60_000 });
    const version = Number(/Built version (\d+)/.exec(await built.innerText())?.[1]);
    expect(version).toBeGreaterThanOrEqual(2);

    // The engine's checks and timings for the shown version.
    const checks = page.locator(".checks li");
    expect(await checks.count()).toBeGreaterThan(0);
    await expect(page.getByRole("heading", { name: /Timings for v\d+/ }).count()).resolves.toBe(1);
    await expect(page.locator(".timings").innerText()).resolves.toMatch(/Building \(all stages\)\s+\d/);

    // Compare the first version (the bundle alone, built by the worker) with the latest.
    await page.getByLabel("Compare", { exact: true }).selectOption("1");
    await page.getByLabel("with", { exact: true }).selectOption(String(version));
    await page.getByRole("button", { name: "Compare" }).click();
    await page.waitForURL(/from=1&to=/);
    const comparison = page.locator(".comparison");
    await expect(comparison.getByRole("heading", { name: `v1 → v${version}` }).count()).resolves.toBe(1);
    await expect(comparison.locator(".diff-summary").innerText()).resolves.toContain(STRAY_TITLE);
    await expect(comparison.locator(".side-by-side__col").count()).resolves.toBe(2);
    expect(await comparison.locator(".point-added").count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath("admin-briefing-comparison"), fullPage: true });
    await page.context().close();

    // The reader's topic page shows the briefing built from all four stories.
    const reader = await browser.newPage();
    await reader.goto(`${readerUrl}/topics/lighthouse`);
    await expect(reader.getByRole("heading", { level: 1 }).innerText()).resolves.not.toBe("");
    const text = await reader.locator("main").innerText();
    // The stray article's outlet only enters the briefing with the approved tag. (Outlet names
    // show in small capitals, which innerText upper-cases; the stories' list loads when opened.)
    expect(text).toMatch(/Anselm Herald/i);
    expect(Number(/Version (\d+)/.exec(text)?.[1])).toBeGreaterThanOrEqual(version);
    await reader.close();
  });
});
