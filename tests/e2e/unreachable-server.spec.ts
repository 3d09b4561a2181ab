// With JavaScript, a submission or a navigation that cannot reach the server
// keeps the page and what was typed, and offers to try again. (Without it the
// browser shows its own offline page, as for any site.)
import type { Page } from "@playwright/test";
import { expect, seedCustomer, test, toast, waitForEnhancements } from "./support/fixtures";

async function openOverview(page: Page, isJs: boolean, name: string) {
  const id = await seedCustomer(page, { name });
  await page.goto(`/customers/${id}/overview`);
  await waitForEnhancements(page, isJs);
  // The page fetches what its links lead to once it is up; let it finish.
  await page.waitForLoadState("networkidle");
  return id;
}

test.describe("when the server cannot be reached @js-only", () => {
  test("a submission keeps the page and what was typed, and Retry sends it again", async ({ page, user, isJs, context }) => {
    void user;
    await openOverview(page, isJs, "Offline Save Co");
    const timeline = page.getByRole("region", { name: "Interactions" });
    await timeline.locator("summary", { hasText: "Add event" }).click();
    await timeline.getByLabel("Title", { exact: true }).fill("Call from the train");
    await timeline.getByLabel("Description", { exact: true }).fill("Signal was bad.");

    await context.setOffline(true);
    await timeline.getByRole("button", { name: "Add event" }).click();

    const offline = toast(page, "Could not reach the server");
    await expect(offline).toBeVisible();
    await expect(page.getByText("Something went wrong")).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 1, name: "Offline Save Co" })).toBeVisible();
    await expect(timeline.getByLabel("Title", { exact: true })).toHaveValue("Call from the train");
    await expect(timeline.getByLabel("Description", { exact: true })).toHaveValue("Signal was bad.");

    await context.setOffline(false);
    await offline.getByRole("button", { name: "Retry" }).click();
    await expect(toast(page, "Event added.")).toBeVisible();
    await expect(offline).toHaveCount(0);
    await expect(timeline.getByRole("heading", { name: "Call from the train" })).toHaveCount(1);
  });

  test("a link keeps the page, and Retry follows it", async ({ page, user, isJs, context }) => {
    void user;
    const id = await openOverview(page, isJs, "Offline Link Co");
    const timeline = page.getByRole("region", { name: "Interactions" });
    await timeline.locator("summary", { hasText: "Add event" }).click();
    await timeline.getByLabel("Title", { exact: true }).fill("Half-typed");

    await context.setOffline(true);
    await page.getByRole("navigation", { name: "Customer sections" }).getByRole("link", { name: "Agreements" }).click();

    const offline = toast(page, "Could not reach the server");
    await expect(offline).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/customers/${id}/overview$`));
    await expect(page.getByRole("heading", { level: 1, name: "Offline Link Co" })).toBeVisible();
    await expect(timeline.getByLabel("Title", { exact: true })).toHaveValue("Half-typed");

    await context.setOffline(false);
    await offline.getByRole("button", { name: "Retry" }).click();
    await expect(page).toHaveURL(new RegExp(`/customers/${id}/agreements$`));
    await expect(page.getByRole("heading", { name: "No agreements yet" })).toBeVisible();
    await expect(offline).toHaveCount(0);
  });
});
