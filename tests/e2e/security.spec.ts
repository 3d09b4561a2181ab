import { expect, test, waitForEnhancements } from "./support/fixtures";

// The browser, not a unit test, is the judge of a Content-Security-Policy:
// it must block nothing the app needs, and carry no 'unsafe-inline' for scripts.

test("pages carry the security headers and a nonce-based CSP", async ({ page }) => {
  const response = await page.goto("/login");
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  const scriptSrc = csp.split(";").map((part) => part.trim()).find((part) => part.startsWith("script-src")) ?? "";
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(scriptSrc).not.toContain("unsafe-inline");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");

  // A new nonce for every response.
  const again = await page.goto("/login");
  expect(again!.headers()["content-security-policy"]).not.toBe(csp);
});

test("every inline script the server renders carries the response's nonce", async ({ page, user: _user }) => {
  const response = await page.request.get("/customers");
  const csp = response.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  const html = await response.text();
  const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((match) => match[1]!);
  expect(inlineScripts.length).toBeGreaterThan(0);
  for (const attributes of inlineScripts) expect(attributes).toContain(`nonce="${nonce}"`);
});

test("the app's scripts run under the CSP, and it blocks nothing @js-only", async ({ page, user: _user, isJs }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/customers");
  // Hydrated: the New Customer dialog exists only once React runs in the page.
  await waitForEnhancements(page, isJs);
  await page.getByRole("link", { name: "New customer" }).first().click();
  await expect(page.getByRole("dialog", { name: "New customer" })).toBeVisible();
  expect(violations).toEqual([]);
});
