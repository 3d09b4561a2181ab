// The Agreements tab, with and without JavaScript: the same links open a
// dialog once the page has hydrated, and a form on the page (?new, ?edit=,
// ?confirm=) without it.
import type { Locator, Page } from "@playwright/test";
import { expect, seedCustomer, test, toast, waitForEnhancements } from "./support/fixtures";

const DAY_MS = 86_400_000;
/** A date `offset` days from today in UTC (a new account's time zone). */
const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** "24 Nov 2026", as the page writes dates. */
const shown = (iso: string) => {
  const [year, month, date] = iso.split("-").map(Number);
  return `${date} ${MONTHS[month! - 1]} ${year}`;
};

/** Creates an agreement with the form post the tab's form sends. */
async function seedAgreement(page: Page, customerId: string, fields: Record<string, string>) {
  const response = await page.request.post(`/customers/${customerId}/agreements`, {
    form: { intent: "create-agreement", type: "retainer", period: "month", noticeDays: "30", ...fields },
    maxRedirects: 0,
  });
  expect(response.status(), await response.text()).toBe(302);
}

async function openTab(page: Page, isJs: boolean, customerId: string) {
  await page.goto(`/customers/${customerId}/agreements`);
  await waitForEnhancements(page, isJs);
}

/** Where a form opens: a dialog with JavaScript, a section of the page without. */
function panel(page: Page, isJs: boolean, title: string): Locator {
  return isJs ? page.getByRole("dialog", { name: title }) : page.getByRole("region", { name: title });
}

function card(page: Page, scope: string): Locator {
  return page.getByRole("article", { name: scope, exact: true });
}

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
}

test.describe("agreements tab", () => {
  test("create an agreement, after a validation error", async ({ consoleErrors, page, user, isJs }) => {
    void consoleErrors;
    void user;
    const id = await seedCustomer(page, { name: "Create Co", status: "live" });
    await openTab(page, isJs, id);
    await expect(page.getByRole("heading", { name: "No agreements yet" })).toBeVisible();

    await page.getByRole("link", { name: "New agreement" }).click();
    const form = panel(page, isJs, "New agreement");
    await expect(form).toBeVisible();
    if (!isJs) {
      await expect(page).toHaveURL(/\?new$/);
      // Every pricing field is there, each saying which type reads it.
      await expect(form.getByText("Fill in the fields of the type you chose above; the others are ignored.")).toBeVisible();
      await expect(form.getByLabel("Hourly rate")).toBeVisible();
      await expect(form.getByLabel("Pricing note")).toBeVisible();
    } else {
      // The pricing fields follow the type.
      await expect(form.getByLabel("Hourly rate")).toBeHidden();
      await form.getByLabel("Type").selectOption({ label: "Hourly" });
      await expect(form.getByLabel("Hourly rate")).toBeVisible();
      await expect(form.getByLabel("Amount per period")).toBeHidden();
      await form.getByLabel("Type").selectOption({ label: "Retainer" });
    }

    // Nothing filled in: both errors at once, and the form stays open.
    await form.getByRole("button", { name: "Create agreement" }).click();
    await expect(form.getByText("Scope is required")).toBeVisible();
    await expect(form.getByText("Amount is required")).toBeVisible();
    await expect(form.getByLabel("Scope")).toHaveAttribute("aria-invalid", "true");

    await form.getByLabel("Scope").fill("Design retainer");
    await form.getByLabel(isJs ? "Amount per period" : "Amount", { exact: true }).fill("1500");
    await form.getByLabel("Hours included").fill("10");
    await form.getByLabel("Start date").fill(day(-30));
    await form.getByLabel("End date").fill(day(300));
    await form.getByRole("button", { name: "Create agreement" }).click();

    await expect(toast(page, "Agreement created.")).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/customers/${id}/agreements$`));
    await expect(form).toHaveCount(0);
    const created = card(page, "Design retainer");
    await expect(created).toContainText("Retainer · €1,500.00 / month, 10 h included");
    await expect(created).toContainText(`${shown(day(-30))} – ${shown(day(300))} · 30 days notice`);
    await expect(created.getByText("Active", { exact: true })).toBeVisible();
  });

  test("terminate an agreement with a reason", async ({ consoleErrors, page, user, isJs }) => {
    void consoleErrors;
    void user;
    const id = await seedCustomer(page, { name: "Terminate Co", status: "live" });
    await seedAgreement(page, id, { scope: "Support retainer", amount: "900", startDate: day(-60), endDate: day(200) });
    await openTab(page, isJs, id);

    await card(page, "Support retainer").getByRole("link", { name: "Terminate Support retainer" }).click();
    const form = panel(page, isJs, "Terminate agreement");
    await expect(form).toContainText("Terminate “Support retainer”?");
    await expect(form.getByLabel("Termination date")).toHaveValue(day(0));
    await form.getByLabel("Reason").fill("Budget moved to the new product line.");
    await form.getByRole("button", { name: "Terminate agreement" }).click();

    await expect(toast(page, `Agreement terminated on ${shown(day(0))}.`)).toBeVisible();
    const terminated = card(page, "Support retainer");
    await expect(terminated.getByText("Terminated", { exact: true })).toBeVisible();
    await expect(terminated).toContainText(`Terminated on ${shown(day(0))}: Budget moved to the new product line.`);
    await expect(terminated).toContainText(`${shown(day(-60))} – ${shown(day(0))}`);
    // Only what a terminated agreement allows.
    await expect(terminated.getByRole("link")).toHaveText(["Edit", "Delete"]);
  });

  test("a refused termination shows the reason and changes nothing", async ({ consoleErrors, page, user, isJs }) => {
    void consoleErrors;
    void user;
    const id = await seedCustomer(page, { name: "Early Co", status: "live" });
    await seedAgreement(page, id, { scope: "Next year", amount: "900", startDate: day(30), endDate: day(300) });
    await openTab(page, isJs, id);

    await page.getByRole("link", { name: "Terminate Next year" }).click();
    const form = panel(page, isJs, "Terminate agreement");
    // It has not started: the default is its start date.
    await expect(form.getByLabel("Termination date")).toHaveValue(day(30));
    await form.getByLabel("Termination date").fill(day(10));
    await form.getByLabel("Reason").fill("Changed our minds");
    await form.getByRole("button", { name: "Terminate agreement" }).click();

    await expect(form.getByRole("alert")).toContainText(`An agreement cannot end before it starts (${day(30)}).`);
    await expect(form.getByLabel("Reason")).toHaveValue("Changed our minds");
    await expect(card(page, "Next year").getByText("Upcoming", { exact: true })).toBeVisible();
  });

  test("renew an agreement: the successor links back to it", async ({ consoleErrors, page, user, isJs }) => {
    void consoleErrors;
    void user;
    const id = await seedCustomer(page, { name: "Renew Co", status: "live" });
    await seedAgreement(page, id, { scope: "Annual audit", type: "fixed_fee", amount: "12000", startDate: "2025-01-01", endDate: "2025-12-31" });
    await openTab(page, isJs, id);
    await expect(card(page, "Annual audit")).toContainText("Fixed fee · €12,000.00 fixed fee");

    await page.getByRole("link", { name: "Renew Annual audit" }).click();
    const form = panel(page, isJs, "Renew agreement");
    await expect(form).toContainText("starts the day after this one ends (31 Dec 2025)");
    await form.getByRole("button", { name: "Renew agreement" }).click();

    await expect(toast(page, "Agreement renewed: the new one runs from 1 Jan 2026 to 31 Dec 2026.")).toBeVisible();
    const cards = page.getByRole("article", { name: "Annual audit", exact: true });
    await expect(cards).toHaveCount(2);
    const successor = cards.filter({ hasText: "Renews" });
    await expect(successor).toContainText("1 Jan 2026 – 31 Dec 2026");
    const original = cards.filter({ hasText: "Renewed by" });
    await expect(original.getByRole("link", { name: "Renew Annual audit" })).toHaveCount(0);
    await successor.getByRole("link", { name: "Annual audit (1 Jan 2025 – 31 Dec 2025)" }).click();
    await expect(page).toHaveURL(/#agreement-[0-9a-f-]{36}$/);
  });

  test("suspend, then resume", async ({ consoleErrors, page, user, isJs }) => {
    void consoleErrors;
    void user;
    const id = await seedCustomer(page, { name: "Pause Co", status: "live" });
    await seedAgreement(page, id, { scope: "Hosting", type: "hourly", rate: "95", hoursCap: "40", startDate: day(-10), endDate: day(20) });
    await openTab(page, isJs, id);
    const hosting = card(page, "Hosting");
    await expect(hosting).toContainText("Hourly · €95.00 / hour, up to 40 h");
    await expect(hosting.getByText("Expiring soon")).toBeVisible();
    await expect(hosting).toContainText("20 days left");

    await hosting.getByRole("link", { name: "Suspend Hosting" }).click();
    await panel(page, isJs, "Suspend agreement").getByRole("button", { name: "Suspend agreement" }).click();
    await expect(toast(page, "Agreement suspended.")).toBeVisible();
    await expect(hosting.getByText("Suspended", { exact: true })).toBeVisible();
    await expect(hosting.getByRole("link", { name: "Suspend Hosting" })).toHaveCount(0);

    await hosting.getByRole("link", { name: "Resume Hosting" }).click();
    await panel(page, isJs, "Resume agreement").getByRole("button", { name: "Resume agreement" }).click();
    await expect(toast(page, "Agreement resumed.")).toBeVisible();
    await expect(hosting.getByText("Expiring soon")).toBeVisible();
  });

  test("cancel closes the form and changes nothing", async ({ consoleErrors, page, user, isJs }) => {
    void consoleErrors;
    void user;
    const id = await seedCustomer(page, { name: "Cancel Co", status: "live" });
    await seedAgreement(page, id, { scope: "Keep me", amount: "100" });
    await openTab(page, isJs, id);
    await page.getByRole("link", { name: "Delete Keep me" }).click();
    const form = panel(page, isJs, "Delete agreement");
    await expect(form).toContainText("This cannot be undone.");
    await form.getByRole(isJs ? "button" : "link", { name: "Cancel" }).click();
    await expect(form).toHaveCount(0);
    await expect(card(page, "Keep me")).toBeVisible();
  });
});

for (const width of [375, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });
    test("agreements in every status fit without sideways scrolling", async ({ consoleErrors, page, user, isJs }) => {
      void consoleErrors;
      void user;
      const id = await seedCustomer(page, { name: "Wide Load International Holdings", status: "live" });
      await seedAgreement(page, id, {
        scope: "Website redesign and ongoing design support for the marketing and communications team",
        amount: "1500",
        hoursIncluded: "10",
        startDate: day(-60),
        endDate: day(20),
      });
      await seedAgreement(page, id, { scope: "Next phase", type: "hourly", rate: "95", startDate: day(15), endDate: day(120) });
      await seedAgreement(page, id, { scope: "Old work", type: "other", note: "Paid in kind", startDate: day(-400), endDate: day(-35) });
      await openTab(page, isJs, id);
      await expect(page.getByRole("article")).toHaveCount(3);
      await expectNoHorizontalScroll(page);

      await page.getByRole("link", { name: "Terminate Next phase" }).click();
      await expect(panel(page, isJs, "Terminate agreement")).toBeVisible();
      await expectNoHorizontalScroll(page);
    });
  });
}
