// Guessing passwords: the fifth wrong one locks the account and says when to try again; even
// the right password is refused until then.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { hasChromium, launchBrowser } from "@dispatch/ui/testing";
import { LOCKOUT_ACCOUNT } from "./accounts";

const adminUrl = inject("adminUrl");

describe.skipIf(!hasChromium)("sign-in rate limit", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("tells the person on the 5th wrong password when to retry", async () => {
    const page = await browser.newPage();
    await page.goto(`${adminUrl}/sign-in`);
    const attempt = async (password: string) => {
      await page.getByLabel("Email").fill(LOCKOUT_ACCOUNT.email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
      const error = page.locator("#sign-in-error");
      await page.waitForFunction(
        () => !document.querySelector("button[type=submit]")?.hasAttribute("disabled"),
      );
      await error.waitFor();
      return { reason: await error.getAttribute("data-reason"), text: await error.innerText() };
    };
    for (let n = 1; n <= 4; n += 1) {
      const result = await attempt(`wrong-password-${n}`);
      expect(result.reason, `attempt ${n}`).toBe("invalid");
      expect(result.text).toMatch(/don't match an account/);
    }
    const fifth = await attempt("wrong-password-5");
    expect(fifth.reason).toBe("rate_limited");
    expect(fifth.text).toMatch(/Too many attempts; try again in (1[0-5]|[1-9]) minutes?\./);

    const rightPassword = await attempt(LOCKOUT_ACCOUNT.password);
    expect(rightPassword.reason).toBe("rate_limited");
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await page.close();
  });
});
