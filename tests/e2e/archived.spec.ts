// Archive → the Archived view → Restore, through the UI in both projects.
import { archiveConfirmation, card, expect, seedCustomer, test, toast, waitForEnhancements } from "./support/fixtures";

test("an archived customer's own page says so and restores it to that tab", async ({ page, user, isJs }) => {
  void user;
  const id = await seedCustomer(page, { name: "Lazarus Inc", status: "lead" });
  await page.goto(`/customers/${id}/overview`);
  await waitForEnhancements(page, isJs);
  await page.getByRole("link", { name: "Archive" }).click();
  await page.getByRole(isJs ? "dialog" : "alertdialog", { name: "Archive customer" }).getByRole("button", { name: "Archive" }).click();
  await expect(page).toHaveURL(/\/customers$/);

  const response = await page.goto(`/customers/${id}/projects`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Lazarus Inc is archived" })).toBeVisible();
  await expect(page.getByText("30 days left to restore it")).toBeVisible();
  await page.getByRole("button", { name: "Restore Lazarus Inc" }).click();
  await expect(page).toHaveURL(`/customers/${id}/projects`);
  await expect(toast(page, "Restored Lazarus Inc.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Lazarus Inc" })).toBeVisible();
});

test("an archived customer is listed under Archived and Restore brings it back", async ({ page, user, isJs }) => {
  void user;
  const id = await seedCustomer(page, { name: "Phoenix Ltd", status: "live" });
  await page.goto(`/customers/${id}/overview`);
  await waitForEnhancements(page, isJs);
  await page.getByRole("link", { name: "Archive" }).click();
  const confirm = page.getByRole(isJs ? "dialog" : "alertdialog", { name: "Archive customer" });
  await expect(confirm).toContainText(archiveConfirmation("Phoenix Ltd"));
  await confirm.getByRole("button", { name: "Archive" }).click();
  await expect(page).toHaveURL(/\/customers$/);
  await expect(card(page, "Phoenix Ltd")).toHaveCount(0);

  await page.getByRole("link", { name: "Archived", exact: true }).click();
  await expect(page).toHaveURL(/\/customers\/archived$/);
  await expect(page.getByRole("heading", { level: 1, name: "Archived customers" })).toBeVisible();
  const row = page.getByRole("listitem").filter({ hasText: "Phoenix Ltd" });
  await expect(row).toContainText("Live");
  await expect(row).toContainText("30 days left to restore");
  const staleTab = await page.context().newPage();
  await staleTab.goto("/customers/archived");

  await row.getByRole("button", { name: "Restore Phoenix Ltd" }).click();
  await expect(page).toHaveURL(`/customers/${id}/overview`);
  await expect(toast(page, "Restored Phoenix Ltd.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Phoenix Ltd" })).toBeVisible();

  // A second tab still showing the Archived list from before: restoring again is not an error.
  await staleTab.getByRole("listitem").filter({ hasText: "Phoenix Ltd" }).getByRole("button", { name: "Restore Phoenix Ltd" }).click();
  await expect(staleTab).toHaveURL(`/customers/${id}/overview`);
  await expect(toast(staleTab, "Phoenix Ltd is already restored.")).toBeVisible();
  await staleTab.close();

  await page.goto("/customers/archived");
  await expect(page.getByRole("heading", { name: "Nothing archived" })).toBeVisible();
  await page.goto("/customers");
  await expect(card(page, "Phoenix Ltd")).toBeVisible();
});
