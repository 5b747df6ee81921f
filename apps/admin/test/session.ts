// Signing in through the admin's sign-in page, as a person would.
import { expect } from "vitest";
import type { Browser, Page } from "playwright-core";

export async function signIn(
  browser: Browser,
  baseUrl: string,
  account: { email: string; password: string },
  next = "/",
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}${next}`);
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(
    (url) => !url.pathname.startsWith("/sign-in") || url.pathname === "/sign-in/not-allowed",
  );
  expect(await page.locator(".form-error").count()).toBe(0);
  return page;
}
