// A phone-sized screen (375 px): the sidebar collapses into a "Menu"
// disclosure, and the list and detail pages must still work without
// sideways scrolling.
import type { Page } from "@playwright/test";
import { card, expect, seedCustomer, test, toast, waitForEnhancements } from "./support/fixtures";

test.use({ viewport: { width: 375, height: 740 } });

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
}

test("navigation, list and detail are usable at 375 px", async ({ page, user, isJs }) => {
  const id = await seedCustomer(page, { name: "Pocket Industries International", status: "lead", vertical: "Retail" });
  await page.goto("/customers/archived");

  // The desktop sidebar is hidden; the Menu disclosure holds the navigation.
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  const mobileNav = page.getByRole("navigation", { name: "Mobile" });
  await expect(mobileNav).toBeHidden();
  await page.getByText("Menu", { exact: true }).click();
  await expect(mobileNav).toBeVisible();
  await expect(page.getByRole("banner").getByText(user.email)).toBeVisible();
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
  await mobileNav.getByRole("link", { name: "Customers" }).click();
  await expect(page).toHaveURL(/\/customers$/);

  // The list.
  await expect(card(page, "Pocket Industries International")).toBeVisible();
  await expect(card(page, "Pocket Industries International")).toContainText("Retail");
  await expect(page.getByRole("link", { name: "New customer" })).toBeVisible();
  await expect(page.getByLabel("Search by name", { exact: true })).toBeVisible();
  await expectNoHorizontalScroll(page);

  // The detail page.
  await card(page, "Pocket Industries International").getByRole("link").click();
  await expect(page).toHaveURL(`/customers/${id}/overview`);
  await waitForEnhancements(page, isJs);
  await expect(page.getByRole("heading", { level: 1, name: "Pocket Industries International" })).toBeVisible();
  const tabs = page.getByRole("navigation", { name: "Customer sections" });
  for (const tab of ["Overview", "Agreements", "Receivables", "Projects"]) {
    await expect(tabs.getByRole("link", { name: tab })).toBeAttached();
  }
  await expectNoHorizontalScroll(page);

  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Prospect" });
  if (!isJs) await page.getByRole("button", { name: "Update" }).click();
  await expect(toast(page, "Status changed to Prospect.")).toBeVisible();

  await tabs.getByRole("link", { name: "Projects" }).click();
  await expect(page.getByRole("heading", { name: "No projects yet" })).toBeVisible();
  await expectNoHorizontalScroll(page);
});
