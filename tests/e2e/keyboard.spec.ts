// Keyboard only: no click, no fill. Focus moves with Tab, controls are
// operated with Enter, typing and arrow keys, as a keyboard user would.
import { expect, tabTo, test, toast, waitForEnhancements } from "./support/fixtures";

test("create a customer and change its status with the keyboard alone", async ({ page, user, isJs }) => {
  void user;
  await waitForEnhancements(page, isJs);

  await tabTo(page, page.getByRole("link", { name: "New customer" }).first());
  await page.keyboard.press("Enter");
  if (isJs) {
    const dialog = page.getByRole("dialog", { name: "New customer" });
    await expect(dialog).toBeVisible();
    // Focus is trapped in the modal: Tab reaches its field without leaving it.
    await tabTo(page, dialog.getByLabel("Name", { exact: true }));
  } else {
    await expect(page).toHaveURL(/\/customers\/new$/);
    await tabTo(page, page.getByLabel("Name", { exact: true }));
  }
  await page.keyboard.type("Keyboard Corp");
  await page.keyboard.press("Tab");
  const status = page.getByLabel("Status", { exact: true });
  await expect(status).toBeFocused();
  // Lead → Prospect → Negotiation.
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(status).toHaveValue("negotiation");
  await tabTo(page, page.getByRole("button", { name: "Create customer" }));
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}\/overview$/);
  await expect(page.getByRole("heading", { level: 1, name: "Keyboard Corp" })).toBeVisible();
  await waitForEnhancements(page, isJs);

  const select = page.getByLabel("Status", { exact: true });
  await expect(select).toHaveValue("negotiation");
  await tabTo(page, select);
  // Negotiation → Live.
  await page.keyboard.press("ArrowDown");
  if (!isJs) {
    await tabTo(page, page.getByRole("button", { name: "Update" }));
    await page.keyboard.press("Enter");
  }
  await expect(toast(page, "Status changed to Live.")).toBeVisible();
  await expect(page.getByLabel("Status", { exact: true })).toHaveValue("live");
});
