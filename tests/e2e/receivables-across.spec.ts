// /receivables with and without JavaScript, on a phone and a laptop: reached
// from the main navigation, totals, unpaid invoices most overdue first, the
// next page, a status filter, and through to the customer's Receivables tab.
import type { Page } from "@playwright/test";
import { expect, seedCustomer, test } from "./support/fixtures";
import { visitAtEveryWidth } from "./support/page-width";

const DAY_MS = 86_400_000;
/** A date `offset` days from today in UTC (a new account's time zone). */
const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);

/** Records an invoice or payment through the JSON API, as any client would. */
async function record(page: Page, customerId: string, body: Record<string, unknown>): Promise<string> {
  const response = await page.request.post(`/api/customers/${customerId}/receivables`, {
    data: body,
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { receivable: { id: string } }).receivable.id;
}

async function openFromNavigation(page: Page) {
  await page.goto("/customers");
  const narrow = (page.viewportSize()?.width ?? 1280) < 768;
  if (narrow) await page.getByText("Menu", { exact: true }).click();
  await page
    .getByRole("navigation", { name: narrow ? "Mobile" : "Main" })
    .getByRole("link", { name: "Receivables" })
    .click();
  await expect(page).toHaveURL(/\/receivables$/);
  await expect(page.getByRole("heading", { level: 1, name: "Receivables" })).toBeVisible();
}

const rows = (page: Page) => page.getByRole("list", { name: "Receivables" }).getByRole("listitem");

test.describe("receivables across customers", () => {
  test("empty at first, with a link to the customers", async ({ consoleErrors, page, user }) => {
    void consoleErrors;
    void user;
    await page.goto("/receivables");
    await expect(page.getByRole("heading", { name: "Nothing is owed to you" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Download CSV" })).toHaveAttribute("href", "/receivables.csv");
  });

  test("navigate, page, filter and open a customer's tab", async ({ consoleErrors, page, user, isJs }) => {
    void consoleErrors;
    void user;
    test.setTimeout(120_000);
    const acme = await seedCustomer(page, { name: "Acme", status: "live" });
    const globex = await seedCustomer(page, { name: "Globex", status: "live" });
    await page.goto("/customers");
    // 51 unpaid invoices (one more than a page), the oldest due 50 days ago, the last due today.
    for (let index = 0; index < 51; index++) {
      const due = day(index - 50);
      await record(page, index % 2 === 0 ? acme : globex, { type: "invoice", amount: "10.00", reference: `INV-${index}`, date: due, due_date: due });
    }
    const paid = await record(page, globex, { type: "invoice", amount: "25.00", reference: "PAID-1", date: day(-5), due_date: day(-5) });
    await record(page, globex, { type: "payment", amount: "25.00", linked_invoice_id: paid });

    await visitAtEveryWidth(page, isJs, "/receivables");

    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await openFromNavigation(page);
      // 510.00 owed, all but the invoice due today past due.
      await expect(page.getByRole("term").filter({ hasText: /^Outstanding$/ }).locator("+ dd")).toHaveText("€510.00");
      await expect(page.getByRole("term").filter({ hasText: /^Overdue$/ }).locator("+ dd")).toHaveText("€500.00");
      await expect(rows(page)).toHaveCount(50);
      await expect(rows(page).first()).toContainText("Invoice INV-0");
      await expect(rows(page).first()).toContainText("50 days overdue");

      await page.getByRole("link", { name: "Next page" }).click();
      await expect(page).toHaveURL(/\/receivables\?cursor=/);
      await expect(rows(page)).toHaveCount(1);
      await expect(rows(page).first()).toContainText("INV-50");
      await expect(rows(page).first()).toContainText("Not yet due");
      await page.getByRole("link", { name: "First page" }).click();
      await expect(rows(page)).toHaveCount(50);

      await page.getByRole("navigation", { name: "Filter by status" }).getByRole("link", { name: "Paid", exact: true }).click();
      await expect(page).toHaveURL(/\/receivables\?status=paid$/);
      await expect(page.getByRole("link", { name: "Paid", exact: true })).toHaveAttribute("aria-current", "page");
      await expect(rows(page)).toHaveCount(1);
      await expect(rows(page).first()).toContainText("PAID-1");

      await rows(page).first().getByRole("link", { name: "Globex" }).click();
      await expect(page).toHaveURL(new RegExp(`/customers/${globex}/receivables$`));
    }
  });

  test("an unknown status is said so, not an error page", async ({ consoleErrors, page, user }) => {
    void consoleErrors;
    void user;
    const response = await page.goto("/receivables?status=sent");
    expect(response?.status()).toBe(400);
    await expect(page.getByRole("alert")).toContainText("“sent” is not a status receivables can be filtered by");
    await expect(page.getByRole("navigation", { name: "Filter by status" }).getByRole("link", { name: "Overdue" })).toBeVisible();
  });
});
