import { expect, freshUser, logIn, signUp, test } from "./support/fixtures";

// A login link carrying a hostile redirectTo must end on the app, with and
// without JavaScript: the browser, not a unit test, decides where a Location
// header (or Remix's client-side redirect) really goes.

const HOSTILE = [
  "/.//evil.example",
  "/%2e//evil.example",
  "/a/..//evil.example",
  "/customers/../..//evil.example/x",
  "//evil.example",
  "/\\evil.example",
];

test.beforeEach(async ({ context }) => {
  // A log-in per hostile value, on a machine shared with other test runs.
  test.slow();
  // Were the app to send the browser away, it lands on a page we recognise
  // instead of failing on DNS, so the assertion below says what happened.
  await context.route(
    (url) => url.hostname === "evil.example",
    (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<h1>evil.example</h1>" }),
  );
});

function loginUrl(redirectTo: string): string {
  return `/login?${new URLSearchParams({ redirectTo })}`;
}

test("a signed-in visit to /login with a hostile redirectTo stays on the app", async ({ page, baseURL, user: _user }) => {
  for (const redirectTo of HOSTILE) {
    await page.goto(loginUrl(redirectTo));
    expect(new URL(page.url()).origin, redirectTo).toBe(new URL(baseURL!).origin);
    await expect(page.getByRole("heading", { level: 1, name: "Customers" })).toBeVisible();
  }
});

test("logging in with a hostile redirectTo ends on the app", async ({ page, baseURL }, testInfo) => {
  const user = freshUser(testInfo);
  await signUp(page, user);
  for (const redirectTo of HOSTILE) {
    await page.getByRole("button", { name: "Log out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto(loginUrl(redirectTo));
    await logIn(page, user);
    // (Without the fix, a no-JS browser either leaves for evil.example or —
    // where the CSP's form-action blocks that redirect — stays on /login.)
    await expect(page.getByRole("heading", { level: 1, name: "Customers" })).toBeVisible();
    expect(new URL(page.url()).origin, redirectTo).toBe(new URL(baseURL!).origin);
  }
});
