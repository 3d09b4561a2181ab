import { randomUUID } from "node:crypto";
import { test as base, expect, type Locator, type Page, type TestInfo } from "@playwright/test";

export { expect };

export interface TestUser {
  name: string;
  email: string;
  password: string;
}

/** A user nobody else has: tests run in parallel against one database. */
export function freshUser(testInfo: TestInfo): TestUser {
  const tag = `${testInfo.project.name}-${testInfo.workerIndex}-${randomUUID().slice(0, 8)}`;
  return { name: `E2E ${tag}`, email: `e2e-${tag}@example.test`, password: `pw-${randomUUID()}` };
}

/** Signs up through the form, as a person would, and lands on the list. */
export async function signUp(page: Page, user: TestUser): Promise<void> {
  await page.goto("/signup");
  await page.getByLabel("Name", { exact: true }).fill(user.name);
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page).toHaveURL(/\/customers$/);
  await expect(page.getByRole("heading", { level: 1, name: "Customers" })).toBeVisible();
}

/** Fills the login form on the current page (which must be /login…). */
export async function logIn(page: Page, user: Pick<TestUser, "email" | "password">): Promise<void> {
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Log in" }).click();
}

/**
 * Creates a customer with the same form POST the New Customer form sends
 * (the contract's `intent=create`), through the page's own cookies. It is for
 * arranging data quickly; the UI path is what the customer specs test.
 */
export async function seedCustomer(
  page: Page,
  customer: { name: string; status?: string; vertical?: string; productName?: string },
): Promise<string> {
  const created = await page.request.post("/customers", {
    form: { intent: "create", name: customer.name, status: customer.status ?? "lead" },
    maxRedirects: 0,
  });
  expect(created.status(), await created.text()).toBe(302);
  const id = /\/customers\/([0-9a-f-]{36})\/overview$/.exec(created.headers().location ?? "")?.[1];
  if (!id) throw new Error(`No customer id in the redirect: ${created.headers().location}`);
  if (customer.vertical || customer.productName) {
    const updated = await page.request.post(`/customers/${id}/overview`, {
      form: { intent: "update-info", vertical: customer.vertical ?? "", productName: customer.productName ?? "" },
      maxRedirects: 0,
    });
    expect(updated.status(), await updated.text()).toBe(302);
  }
  return id;
}

/**
 * With JavaScript, progressive enhancements (dialogs, auto-submit) switch on
 * only after hydration; clicking earlier would take the no-JS path. The list
 * and detail pages render their <dialog> only once hydrated, so its presence
 * is the signal. Without JavaScript there is nothing to wait for.
 */
export async function waitForEnhancements(page: Page, isJs: boolean): Promise<void> {
  if (isJs) await expect(page.locator("dialog")).toHaveCount(1);
}

/** The toast region (role=status) showing `message`. */
export function toast(page: Page, message: string | RegExp): Locator {
  return page.getByRole("status").filter({ hasText: message });
}

/** The card of the customer called `name` in the list. */
export function card(page: Page, name: string): Locator {
  return page.getByRole("article").filter({ has: page.getByRole("link", { name, exact: true }) });
}

/** The names on the list's cards, top to bottom. */
export function cardNames(page: Page): Promise<string[]> {
  return page.getByRole("article").getByRole("heading", { level: 2 }).allInnerTexts();
}

export function archiveConfirmation(name: string): string {
  return `Archive ${name}? This will hide all their agreements, invoices, and projects. You can restore within 30 days.`;
}

interface Fixtures {
  /** True in the "js" project, false in "no-js". */
  isJs: boolean;
  /** A freshly signed-up user; the page is signed in as them, on /customers. */
  user: TestUser;
  /**
   * Opt in by naming it: fails the test if the page logs an error to the
   * console or throws (a hydration mismatch does both). The network lines
   * Chromium logs for a 400 or 409 page are left out: a refused form answers
   * so on purpose, and the tests check those statuses themselves; so is a 404
   * for the document itself (a page that answers "not found" on purpose), but
   * never for anything the page loads.
   */
  consoleErrors: string[];
}

const EXPECTED_REFUSAL = /^Failed to load resource: the server responded with a status of (400|409) /;
const DOCUMENT_NOT_FOUND = /^Failed to load resource: the server responded with a status of 404 /;

export const test = base.extend<Fixtures>({
  // From the project, not the context option: the axe spec turns JavaScript
  // on for its "no-js" runs (and blocks the app's scripts instead).
  isJs: async ({ browserName: _browserName }, use, testInfo) => {
    await use(testInfo.project.use.javaScriptEnabled !== false);
  },
  user: async ({ page }, use, testInfo) => {
    const user = freshUser(testInfo);
    await signUp(page, user);
    await use(user);
  },
  consoleErrors: async ({ page }, use) => {
    const errors = collectConsoleErrors(page);
    await use(errors);
    expect(errors, "the page logged errors").toEqual([]);
  },
});

/**
 * The errors `page` logs or throws from now on, as the consoleErrors fixture
 * counts them; for a second page (a second tab) the fixture does not watch.
 */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error" || EXPECTED_REFUSAL.test(message.text())) return;
    if (DOCUMENT_NOT_FOUND.test(message.text()) && message.location().url === page.url()) return;
    errors.push(`${message.text()} (${message.location().url || "no url"})`);
  });
  page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
  return errors;
}

/**
 * Presses Tab (Shift+Tab with `backwards`) until `target` has the focus, as a
 * keyboard user would; fails after `max` presses so a focus trap or an
 * unreachable control is a test failure, not a hang.
 */
export async function tabTo(page: Page, target: Locator, { max = 40, backwards = false } = {}): Promise<void> {
  for (let presses = 0; presses < max; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  await expect(target, `not reachable with ${max} presses of Tab`).toBeFocused({ timeout: 1 });
}
