// Who may use the admin: signed-out visitors are sent to sign in; a reader-role account is
// told the admin is not for it; over HTTP every editor and admin procedure answers
// UNAUTHORIZED without a session and FORBIDDEN to a reader — and admin-only ones to an editor.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { appRouter, listProcedures, type ProcedureEntry } from "@dispatch/api";
import { hasChromium, launchBrowser } from "@dispatch/ui/testing";
import { EDITOR, READER_ACCOUNT } from "./accounts";
import { signIn } from "./session";

const adminUrl = inject("adminUrl");

const ADMIN_ONLY = [
  "topic.create",
  "topic.update",
  "topic.archive",
  "topic.merge",
  "topic.testRule",
  "suggestion.list",
  "suggestion.approve",
  "briefing.rebuild",
  "user.list",
  "user.invite",
  "user.changeRole",
  "audit.list",
];

type Procedure = Pick<ProcedureEntry, "path" | "type">;

/** Every editor and admin procedure, read from the router with the audience each declares
 * (public reads and a signed-in reader's own procedures, such as follows, are not staff). */
function staffProcedures(): Procedure[] {
  return listProcedures(appRouter).filter(
    (procedure) => procedure.audience === "editor" || procedure.audience === "admin",
  );
}

/** Calls a procedure the way the browser's tRPC client does (superjson envelope), without input. */
async function call(
  procedure: Procedure,
  cookie: string | null,
): Promise<{ status: number; code: string | undefined; message: string | undefined }> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const url = `${adminUrl}/api/trpc/${procedure.path}`;
  const response =
    procedure.type === "query"
      ? await fetch(`${url}?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`, { headers })
      : await fetch(url, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body: JSON.stringify({ json: {} }),
        });
  const body = (await response.json()) as {
    error?: { json?: { message?: string; data?: { code?: string } } };
  };
  return { status: response.status, code: body.error?.json?.data?.code, message: body.error?.json?.message };
}

describe.skipIf(!hasChromium)("access control", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("sends a signed-out visitor to sign in, and back to the page afterwards", async () => {
    const page = await browser.newPage();
    await page.goto(`${adminUrl}/stories?status=draft`);
    await page.waitForURL(/\/sign-in\?next=/);
    expect(new URL(page.url()).searchParams.get("next")).toBe("/stories?status=draft");
    await page.getByLabel("Email").fill(EDITOR.email);
    await page.getByLabel("Password").fill(EDITOR.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/stories\?status=draft/);
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe("Stories");
    await page.close();
  });

  it("answers UNAUTHORIZED to every staff procedure without a session, FORBIDDEN to a reader, and admin-only ones FORBIDDEN to an editor", async () => {
    const procedures = staffProcedures();
    // The list really is the staff surface (a change to the router shows up here).
    for (const known of [
      "upload.commit",
      "upload.preview",
      "story.listAll",
      "story.update",
      "tag.add",
      "suggestion.approve",
      "user.invite",
      "audit.list",
    ]) {
      expect(procedures.map((procedure) => procedure.path)).toContain(known);
    }

    // A reader signs in (the session is real) and is told plainly that the admin is not for them.
    const readerPage = await signIn(browser, adminUrl, READER_ACCOUNT, "/upload");
    await expect(readerPage.getByRole("heading", { level: 1 }).innerText()).resolves.toMatch(
      /cannot use the admin app/,
    );
    await readerPage.goto(`${adminUrl}/users`);
    await expect(readerPage.getByRole("heading", { level: 1 }).innerText()).resolves.toMatch(
      /cannot use the admin app/,
    );
    const readerCookie = (await readerPage.context().cookies())
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join("; ");
    expect(readerCookie).toMatch(/session_token/);
    await readerPage.context().close();

    const editorPage = await signIn(browser, adminUrl, EDITOR);
    const editorCookie = (await editorPage.context().cookies())
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join("; ");
    await editorPage.context().close();

    for (const procedure of procedures) {
      const anonymous = await call(procedure, null);
      expect({ path: procedure.path, status: anonymous.status, code: anonymous.code }).toEqual({
        path: procedure.path,
        status: 401,
        code: "UNAUTHORIZED",
      });
      const reader = await call(procedure, readerCookie);
      expect({ path: procedure.path, status: reader.status, code: reader.code }).toEqual({
        path: procedure.path,
        status: 403,
        code: "FORBIDDEN",
      });
      expect(reader.message).toMatch(/your account is a reader/);
    }
    for (const path of ADMIN_ONLY) {
      const procedure = procedures.find((candidate) => candidate.path === path);
      expect(procedure, path).toBeDefined();
      if (!procedure) continue;
      const editor = await call(procedure, editorCookie);
      expect({ path, status: editor.status, code: editor.code }).toEqual({
        path,
        status: 403,
        code: "FORBIDDEN",
      });
    }
    // The same cookie does open what an editor may use: the refusals above are about roles.
    const allowed = await fetch(
      `${adminUrl}/api/trpc/story.listAll?input=${encodeURIComponent(JSON.stringify({ json: { limit: 1 } }))}`,
      {
        headers: { cookie: editorCookie },
      },
    );
    expect(allowed.status).toBe(200);
  });

  it("hides admin sections from an editor and shows the server's refusal on admin pages", async () => {
    const page = await signIn(browser, adminUrl, EDITOR, "/");
    expect(
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).count(),
    ).toBe(0);
    await page.goto(`${adminUrl}/users`);
    await expect(page.getByRole("status").innerText()).resolves.toMatch(/needs the admin role/);
    await page.goto(`${adminUrl}/topics`);
    expect(await page.getByRole("button", { name: "Create topic" }).count()).toBe(0);
    await page.context().close();
  });
});
