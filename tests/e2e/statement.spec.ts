// The statement of account, with and without JavaScript: the figures on
// screen, a bad period, and the page printed to PDF by headless Chromium
// (print media), whose text must hold the closing balance and the aging
// while the app's navigation, the tabs and the period form stay off paper.
import type { Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { expect, seedCustomer, test } from "./support/fixtures";

const PERIOD = "from=2026-03-01&to=2026-05-31";

async function record(page: Page, customerId: string, body: Record<string, unknown>): Promise<string> {
  const response = await page.request.post(`/api/customers/${customerId}/receivables`, { data: body });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { receivable: { id: string } }).receivable.id;
}

/**
 * Before the period: 1000.00 invoiced, 400.00 paid on it (opening 600.00).
 * Within it: 250.50 invoiced, 30.00 received unapplied, a draft that never
 * counts (closing 820.50). On 31 May: 600.00 over 90 days, 250.50 31–60 days,
 * 850.50 outstanding, 30.00 credit.
 */
async function seedStatement(page: Page): Promise<string> {
  const id = await seedCustomer(page, { name: "Statement Print Co", status: "live" });
  const first = await record(page, id, { type: "invoice", amount: "1000.00", date: "2026-01-10", due_date: "2026-02-09", reference: "INV-100" });
  await record(page, id, { type: "payment", amount: "400.00", date: "2026-02-01", reference: "BANK-1", linked_invoice_id: first });
  await record(page, id, { type: "invoice", amount: "250.50", date: "2026-03-05", due_date: "2026-04-04", reference: "INV-101", description: "Workshop" });
  await record(page, id, { type: "invoice", status: "draft", amount: "99.00", date: "2026-03-10", due_date: "2026-04-09", reference: "INV-DRAFT" });
  await record(page, id, { type: "payment", amount: "30.00", date: "2026-03-20", reference: "BANK-2" });
  return id;
}

async function pdfText(page: Page): Promise<string> {
  const pdf = await page.pdf({ format: "A4" });
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: true });
  return text;
}

test.describe("statement of account", () => {
  test("shows the period's balances and aging, and prints the statement alone", async ({ consoleErrors, page, user, isJs }) => {
    void consoleErrors;
    void user;
    const id = await seedStatement(page);
    const response = await page.goto(`/customers/${id}/receivables/statement?${PERIOD}`);
    expect(response?.status()).toBe(200);

    const totals = page.getByRole("list", { name: "Totals" }).or(page.getByLabel("Totals"));
    await expect(totals).toContainText("€600.00");
    await expect(totals).toContainText("€820.50");
    const lines = page.getByRole("table", { name: /Transactions/ });
    await expect(lines.getByRole("row")).toHaveCount(1 + 1 + 2 + 1);
    await expect(lines).not.toContainText("INV-DRAFT");
    await expect(lines.getByRole("row", { name: /INV-101/ })).toContainText("€850.50");
    await expect(lines.getByRole("row", { name: /BANK-2/ })).toContainText("€820.50");
    const aging = page.getByRole("region", { name: "Aging on 31 May 2026" });
    await expect(aging.getByRole("row", { name: "Over 90 days" })).toContainText("€600.00");
    await expect(aging.getByRole("row", { name: "31–60 days" })).toContainText("€250.50");
    await expect(aging.getByRole("row", { name: "Outstanding" })).toContainText("€850.50");
    await expect(aging.getByRole("row", { name: /Less credit/ })).toContainText("€30.00");

    if (isJs) await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
    else await expect(page.getByText("use your browser’s Print command")).toBeVisible();
    await expect(page.getByRole("link", { name: "Back to receivables" })).toHaveAttribute("href", `/customers/${id}/receivables`);

    const text = await pdfText(page);
    for (const expected of ["Statement of account", "Statement Print Co", "€600.00", "€820.50", "€850.50", "€250.50", "€30.00", "Over 90 days"]) {
      expect(text, `the PDF shows ${expected}`).toContain(expected);
    }
    for (const hidden of ["Show statement", "Back to receivables", "Customer sections", "Agreements", "Archive", "Log out"]) {
      expect(text, `the PDF leaves out ${hidden}`).not.toContain(hidden);
    }
  });

  test("the CSV downloads stream the same rows through the real server", async ({ page, user }) => {
    void user;
    const id = await seedStatement(page);
    const one = await page.request.get(`/customers/${id}/receivables.csv`);
    expect(one.status()).toBe(200);
    expect(one.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(one.headers()["content-disposition"]).toMatch(/^attachment; filename="statement-print-co-receivables-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(one.headers()["cache-control"]).toBe("private, no-store");
    const text = await one.text();
    expect(text.startsWith("type,reference,date,due_date,status,display_status,amount,paid,balance,linked_invoice,description\r\n")).toBe(true);
    expect(text).toContain("\r\npayment,BANK-1,2026-02-01,,received,,400.00,,,INV-100,\r\n");
    expect(text.split("\r\n")).toHaveLength(1 + 5 + 1);
    const all = await (await page.request.get("/receivables.csv")).text();
    expect(all).toContain("\r\nStatement Print Co,invoice,INV-101,2026-03-05,2026-04-04,sent,");
  });

  test("a period that ends before it starts is refused on the form", async ({ consoleErrors, page, user }) => {
    void consoleErrors;
    void user;
    const id = await seedCustomer(page, { name: "Bad Period Co", status: "live" });
    await page.goto(`/customers/${id}/receivables/statement?${PERIOD}`);
    await page.getByLabel("From").fill("2026-06-15");
    await page.getByRole("button", { name: "Show statement" }).click();
    await expect(page).toHaveURL(/from=2026-06-15/);
    await expect(page.getByText("The start date must be on or before the end date.")).toBeVisible();
    await expect(page.getByLabel("From")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("heading", { name: "Statement of account" })).toHaveCount(0);
  });

  test("fits a phone's width without the page scrolling sideways", async ({ consoleErrors, page, user }) => {
    void consoleErrors;
    void user;
    await page.setViewportSize({ width: 375, height: 800 });
    const id = await seedStatement(page);
    await page.goto(`/customers/${id}/receivables/statement?${PERIOD}`);
    await expect(page.getByRole("heading", { name: "Statement of account" })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
  });
});
