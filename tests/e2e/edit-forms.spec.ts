// The overview's edit forms (Edit info, Edit member): two tabs editing the
// same customer do not undo each other, and with JavaScript the focus follows
// the form as it opens and closes.
import type { Page } from "@playwright/test";
import { collectConsoleErrors, expect, seedCustomer, test, toast, waitForEnhancements } from "./support/fixtures";

async function addMember(page: Page, customerId: string, member: { name: string; role: string }) {
  const added = await page.request.post(`/customers/${customerId}/overview`, {
    form: { intent: "add-team-member", ...member },
    maxRedirects: 0,
  });
  expect(added.status(), await added.text()).toBe(302);
}

/** A second tab in the same browser (same session), on the same page. */
async function secondTab(page: Page, isJs: boolean) {
  const tab = await page.context().newPage();
  const errors = collectConsoleErrors(tab);
  await tab.goto(page.url());
  await waitForEnhancements(tab, isJs);
  return { tab, errors };
}

test.describe("two tabs on one customer", () => {
  test("Edit info: the second save keeps the first's change, and a change to the same field is refused, keeping what was typed", async ({ page, user, isJs, consoleErrors }) => {
    void user;
    void consoleErrors;
    const id = await seedCustomer(page, { name: "Two Tabs Co", vertical: "Retail" });
    await page.goto(`/customers/${id}/overview`);
    await waitForEnhancements(page, isJs);
    const { tab: other, errors } = await secondTab(page, isJs);
    const infoOf = (tab: Page) => tab.getByRole("region", { name: "Customer info" });

    // Different fields: both changes stay.
    for (const tab of [page, other]) await infoOf(tab).getByRole("link", { name: "Edit info" }).click();
    await infoOf(page).getByLabel("About", { exact: true }).fill("Makes widgets");
    await infoOf(page).getByRole("button", { name: "Save info" }).click();
    await expect(toast(page, "Customer info saved.")).toBeVisible();
    await infoOf(other).getByLabel("Vertical", { exact: true }).fill("Fintech");
    await infoOf(other).getByRole("button", { name: "Save info" }).click();
    await expect(toast(other, "Customer info saved.")).toBeVisible();
    await expect(infoOf(other)).toContainText("Makes widgets");
    await expect(infoOf(other)).toContainText("Fintech");

    // The same field: the second save is refused and says what it reads now.
    await page.reload();
    await waitForEnhancements(page, isJs);
    for (const tab of [page, other]) await infoOf(tab).getByRole("link", { name: "Edit info" }).click();
    await infoOf(page).getByLabel("About", { exact: true }).fill("Makes gadgets");
    await infoOf(page).getByRole("button", { name: "Save info" }).click();
    await expect(toast(page, "Customer info saved.")).toBeVisible();
    await infoOf(other).getByLabel("About", { exact: true }).fill("Makes gizmos");
    await infoOf(other).getByRole("button", { name: "Save info" }).click();
    await expect(infoOf(other).getByText("Someone else changed About since you opened this form: it now reads \u201cMakes gadgets\u201d.")).toBeVisible();
    await expect(infoOf(other).getByLabel("About", { exact: true })).toHaveValue("Makes gizmos");
    await expect(infoOf(other).getByLabel("Vertical", { exact: true })).toHaveValue("Fintech");

    // Saving again, knowing, keeps what this tab typed.
    await infoOf(other).getByRole("button", { name: "Save info" }).click();
    await expect(toast(other, "Customer info saved.")).toBeVisible();
    await expect(infoOf(other)).toContainText("Makes gizmos");
    expect(errors, "the second tab logged errors").toEqual([]);
  });

  test("Edit member: the second save keeps the first's change, and a change to the same field is refused, keeping what was typed", async ({ page, user, isJs, consoleErrors }) => {
    void user;
    void consoleErrors;
    const id = await seedCustomer(page, { name: "Team Tabs Co" });
    await addMember(page, id, { name: "Maya Okafor", role: "CTO" });
    await page.goto(`/customers/${id}/overview`);
    await waitForEnhancements(page, isJs);
    const { tab: other, errors } = await secondTab(page, isJs);
    const teamOf = (tab: Page) => tab.getByRole("region", { name: "Team" });
    // The member being edited: its list item holds the edit form.
    const editing = (tab: Page) => teamOf(tab).getByRole("listitem").filter({ has: tab.getByRole("button", { name: "Save member" }) });

    for (const tab of [page, other]) await teamOf(tab).getByRole("link", { name: "Edit Maya Okafor" }).click();
    await editing(page).getByLabel("Role", { exact: true }).fill("CEO");
    await editing(page).getByRole("button", { name: "Save member" }).click();
    await expect(toast(page, "Saved Maya Okafor.")).toBeVisible();
    await editing(other).getByLabel("Email", { exact: true }).fill("maya@okafor.example");
    await editing(other).getByRole("button", { name: "Save member" }).click();
    await expect(toast(other, "Saved Maya Okafor.")).toBeVisible();
    const member = teamOf(other).getByRole("listitem").filter({ hasText: "Maya Okafor" });
    await expect(member).toContainText("CEO");
    await expect(member).toContainText("maya@okafor.example");

    await page.reload();
    await waitForEnhancements(page, isJs);
    for (const tab of [page, other]) await teamOf(tab).getByRole("link", { name: "Edit Maya Okafor" }).click();
    await editing(page).getByLabel("Role", { exact: true }).fill("Chair");
    await editing(page).getByRole("button", { name: "Save member" }).click();
    await expect(toast(page, "Saved Maya Okafor.")).toBeVisible();
    await editing(other).getByLabel("Role", { exact: true }).fill("COO");
    await editing(other).getByRole("button", { name: "Save member" }).click();
    await expect(editing(other).getByText("Someone else changed Role since you opened this form: it now reads \u201cChair\u201d.")).toBeVisible();
    await expect(editing(other).getByLabel("Role", { exact: true })).toHaveValue("COO");

    await editing(other).getByRole("button", { name: "Save member" }).click();
    await expect(toast(other, "Saved Maya Okafor.")).toBeVisible();
    await expect(member).toContainText("COO");
    await expect(member).toContainText("maya@okafor.example");
    expect(errors, "the second tab logged errors").toEqual([]);
  });
});

test("the focus moves to the first field when an edit form opens, and back to its Edit button on cancel and on save @js-only", async ({ page, user, consoleErrors }) => {
  void user;
  void consoleErrors;
  const id = await seedCustomer(page, { name: "Focus Co", vertical: "Retail" });
  await addMember(page, id, { name: "Maya Okafor", role: "CTO" });
  await page.goto(`/customers/${id}/overview`);
  await waitForEnhancements(page, true);

  const info = page.getByRole("region", { name: "Customer info" });
  const editInfo = info.getByRole("link", { name: "Edit info" });
  const about = info.getByLabel("About", { exact: true });
  await editInfo.click();
  await expect(about).toBeFocused();
  await info.getByRole("link", { name: "Cancel" }).click();
  await expect(editInfo).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(about).toBeFocused();
  await page.keyboard.type("Makes widgets");
  await info.getByRole("button", { name: "Save info" }).click();
  await expect(toast(page, "Customer info saved.")).toBeVisible();
  await expect(info).toContainText("Makes widgets");
  await expect(editInfo).toBeFocused();

  const team = page.getByRole("region", { name: "Team" });
  const editMember = team.getByRole("link", { name: "Edit Maya Okafor" });
  const editing = team.getByRole("listitem").filter({ has: page.getByRole("button", { name: "Save member" }) });
  const name = editing.getByLabel("Name", { exact: true });
  await editMember.click();
  await expect(name).toBeFocused();
  await editing.getByRole("link", { name: "Cancel" }).click();
  await expect(editMember).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(name).toBeFocused();
  await editing.getByLabel("Role", { exact: true }).fill("CEO");
  await editing.getByRole("button", { name: "Save member" }).click();
  await expect(toast(page, "Saved Maya Okafor.")).toBeVisible();
  await expect(team.getByRole("listitem").filter({ hasText: "Maya Okafor" })).toContainText("CEO");
  await expect(editMember).toBeFocused();
});
