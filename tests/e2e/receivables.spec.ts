// The Receivables tab, with and without JavaScript: the same links open a
// dialog once the page has hydrated, and a form on the page (?new=, ?edit=,
// ?confirm=) without it. Money is checked as the page shows it.
import type { Locator, Page } from "@playwright/test";
import { expect, seedCustomer, test, toast, waitForEnhancements } from "./support/fixtures";

async function openTab(page: Page, isJs: boolean, customerId: string) {
  await page.goto(`/customers/${customerId}/receivables`);
  await waitForEnhancements(page, isJs);
}

/** Where a form opens: a dialog with JavaScript, a section of the page without. */
function panel(page: Page, isJs: boolean, title: string): Locator {
  return isJs ? page.getByRole("dialog", { name: title }) : page.getByRole("region", { name: title });
}

const invoiceCard = (page: Page, number: string) => page.getByRole("article", { name: `Invoice ${number}`, exact: true });
const summary = (page: Page) => page.getByRole("region", { name: "Summary" });

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
}

test.describe("receivables tab", () => {
  test("invoices, payments, credit and confirmations, start to end", async ({ consoleErrors, page, user, isJs }) => {
    void consoleErrors;
    void user;
    test.slow();
    const id = await seedCustomer(page, { name: "Billing Co", status: "live" });
    await openTab(page, isJs, id);
    await expect(page.getByRole("heading", { name: "No invoices or payments yet" })).toBeVisible();

    // A draft, from the suggested number.
    await page.getByRole("link", { name: "New invoice" }).click();
    let form = panel(page, isJs, "New invoice");
    await expect(form.getByLabel("Invoice number")).toHaveValue("INV-0001");
    await form.getByRole("button", { name: "Create invoice" }).click();
    await expect(form.getByText("Amount is required")).toBeVisible();
    await form.getByLabel("Amount").fill("300");
    await form.getByRole("button", { name: "Create invoice" }).click();
    await expect(toast(page, "Invoice INV-0001 saved as a draft.")).toBeVisible();
    await expect(invoiceCard(page, "INV-0001")).toContainText("Draft");

    // Sent with one click.
    await waitForEnhancements(page, isJs);
    await invoiceCard(page, "INV-0001").getByRole("button", { name: "Send invoice INV-0001" }).click();
    await expect(toast(page, "Invoice INV-0001 sent.")).toBeVisible();
    await expect(invoiceCard(page, "INV-0001")).toContainText("Open");

    // A partial payment from the row, prefilled with the balance.
    await waitForEnhancements(page, isJs);
    await page.getByRole("link", { name: "Record a payment on invoice INV-0001" }).click();
    form = panel(page, isJs, "Record payment");
    await expect(form.getByLabel("Amount")).toHaveValue("300.00");
    await form.getByLabel("Amount").fill("100");
    await form.getByRole("button", { name: "Record payment" }).click();
    await expect(toast(page, "Payment recorded.")).toBeVisible();
    await expect(invoiceCard(page, "INV-0001")).toContainText("Partly paid");
    await expect(invoiceCard(page, "INV-0001")).toContainText("Balance€200.00");

    // An overpayment: the invoice is paid and the rest is credit.
    await waitForEnhancements(page, isJs);
    await page.getByRole("link", { name: "Record a payment on invoice INV-0001" }).click();
    form = panel(page, isJs, "Record payment");
    await expect(form.getByLabel("Amount")).toHaveValue("200.00");
    await form.getByLabel("Amount").fill("250");
    await form.getByRole("button", { name: "Record payment" }).click();
    await expect(toast(page, "Payment recorded.")).toBeVisible();
    await expect(invoiceCard(page, "INV-0001")).toContainText("Paid");
    await expect(summary(page)).toContainText("Credit€50.00");

    // A payment on no invoice is credit.
    await waitForEnhancements(page, isJs);
    await page.getByRole("link", { name: "Record payment", exact: true }).click();
    form = panel(page, isJs, "Record payment");
    await expect(form.getByLabel("Applied to")).toHaveValue("");
    await form.getByLabel("Amount").fill("70");
    await form.getByLabel("Reference").fill("WIRE-7");
    await form.getByRole("button", { name: "Record payment" }).click();
    await expect(toast(page, "Payment recorded as credit.")).toBeVisible();
    await expect(summary(page)).toContainText("Credit€120.00");

    // A second invoice, sent now; the credit applied to it.
    await waitForEnhancements(page, isJs);
    await page.getByRole("link", { name: "New invoice" }).click();
    form = panel(page, isJs, "New invoice");
    await expect(form.getByLabel("Invoice number")).toHaveValue("INV-0002");
    await form.getByLabel("Amount").fill("100");
    await form.getByLabel("Save as").selectOption("sent");
    await form.getByRole("button", { name: "Create invoice" }).click();
    await expect(toast(page, "Invoice INV-0002 created and sent.")).toBeVisible();
    await waitForEnhancements(page, isJs);
    await page.getByRole("link", { name: /^Apply payment of €70\.00/ }).click();
    form = panel(page, isJs, "Apply payment");
    await form.getByLabel("Invoice").selectOption({ label: "Invoice INV-0002 · balance €100.00" });
    await form.getByRole("button", { name: "Apply payment" }).click();
    await expect(toast(page, "Payment applied to the invoice.")).toBeVisible();
    await expect(invoiceCard(page, "INV-0002")).toContainText("Balance€30.00");
    await expect(summary(page)).toContainText("Credit€50.00");

    // Voiding that payment asks first; then the invoice owes it all again.
    await waitForEnhancements(page, isJs);
    await page.getByRole("link", { name: /^Void payment of €70\.00/ }).click();
    form = panel(page, isJs, "Void payment");
    if (!isJs) await expect(page).toHaveURL(/\?confirm=void-payment&receivableId=/);
    await form.getByRole("button", { name: "Void payment" }).click();
    await expect(toast(page, "Payment voided.")).toBeVisible();
    await expect(invoiceCard(page, "INV-0002")).toContainText("Balance€100.00");

    // A draft is deleted after a confirmation.
    const created = await page.request.post(`/customers/${id}/receivables`, {
      form: { intent: "create-invoice", reference: "INV-0003", amount: "5" },
      maxRedirects: 0,
    });
    expect(created.status()).toBe(302);
    await openTab(page, isJs, id);
    await page.getByRole("link", { name: "Delete invoice INV-0003" }).click();
    form = panel(page, isJs, "Delete draft");
    await form.getByRole("button", { name: "Delete draft" }).click();
    await expect(toast(page, "Draft INV-0003 deleted.")).toBeVisible();
    await expect(invoiceCard(page, "INV-0003")).toHaveCount(0);
  });

  for (const width of [375, 1280]) {
    test(`fits ${width} px without sideways scrolling`, async ({ consoleErrors, page, user, isJs }) => {
      void consoleErrors;
      void user;
      const id = await seedCustomer(page, { name: "Narrow Co", status: "live" });
      const tab = `/customers/${id}/receivables`;
      const post = (form: Record<string, string>) => page.request.post(tab, { form, maxRedirects: 0 });
      await post({ intent: "create-invoice", reference: "WIDE-0000000001", amount: "1234567890.12", status: "sent", description: "A long description ".repeat(12) });
      await post({ intent: "create-invoice", reference: "WIDE-0000000002", amount: "99.99" });
      await post({ intent: "record-payment", amount: "9999999999.99", reference: "A-VERY-LONG-BANK-REFERENCE-WITHOUT-SPACES-0123456789" });
      await page.setViewportSize({ width, height: 900 });
      await openTab(page, isJs, id);
      await expect(summary(page)).toBeVisible();
      await expectNoHorizontalScroll(page);
      await page.goto(`${tab}?new=invoice`);
      await expectNoHorizontalScroll(page);
    });
  }
});
