// Every page, as a signed-in user with data and as a visitor: no console
// error, no uncaught exception, no hydration mismatch (React reports those on
// the console), and nothing wider than the screen at 375 px and 1280 px.
import type { Page } from "@playwright/test";
import { expect, seedCustomer, test } from "./support/fixtures";

const WIDTHS = [375, 1280] as const;

/** Waits until the page's scripts have run and React has hydrated it (with JavaScript). */
async function settled(page: Page, isJs: boolean) {
  await page.waitForLoadState("networkidle");
  if (isJs) {
    await page.waitForFunction(() => "__remixRouter" in window);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }
}

async function visit(page: Page, isJs: boolean, path: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    const response = await page.goto(path);
    expect(response?.status(), `${path} answered`).toBeLessThan(500);
    await settled(page, isJs);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
  }
}

test("the signed-out pages log no error", async ({ consoleErrors, page, isJs }) => {
  void consoleErrors;
  for (const path of ["/login", "/signup", "/login?redirectTo=%2Fagreements"]) await visit(page, isJs, path);
});

test("every signed-in page logs no error", async ({ consoleErrors, page, user, isJs }) => {
  test.setTimeout(180_000);
  void consoleErrors;
  void user;
  const id = await seedCustomer(page, { name: "Everywhere Co", status: "live" });
  const created = await page.request.post(`/customers/${id}/agreements`, {
    form: { intent: "create-agreement", scope: "Support", type: "retainer", amount: "1500", period: "month", noticeDays: "30" },
    maxRedirects: 0,
  });
  expect(created.status()).toBe(302);
  const archived = await seedCustomer(page, { name: "Archived Co" });
  expect((await page.request.post(`/customers/${archived}`, { form: { intent: "delete" }, maxRedirects: 0 })).status()).toBe(302);

  for (const path of [
    "/customers",
    "/customers?status=live&sort=name",
    "/customers/new",
    `/customers/${id}/overview`,
    `/customers/${id}/agreements`,
    `/customers/${id}/agreements?new`,
    `/customers/${id}/receivables`,
    `/customers/${id}/projects`,
    "/customers/archived",
    "/agreements",
    "/agreements?status=expiring_soon",
    "/account",
  ]) {
    await visit(page, isJs, path);
  }
});

test("the not-found pages log nothing but their own 404", async ({ consoleErrors, page, user, isJs }) => {
  void consoleErrors;
  void user;
  for (const path of ["/customers/00000000-0000-4000-8000-000000000000/overview", "/customers/not-an-id", "/no-such-page"]) {
    await visit(page, isJs, path);
  }
});
