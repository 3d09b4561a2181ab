// The overview's edit forms (Edit info, Edit member): two tabs editing the
// same customer do not undo each other, and with JavaScript the focus follows
// the form as it opens and closes.
import type { Locator, Page } from "@playwright/test";
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

/** One of the overview's edit forms, as a person finds it in a tab. */
interface EditUnderTest {
  /** The Edit button (a link) that opens it. */
  opener: (tab: Page) => Locator;
  /** What holds the open form. */
  form: (tab: Page) => Locator;
  /** What shows the saved values once it is closed. */
  shown: (tab: Page) => Locator;
  saveButton: string;
  savedToast: string;
}

const infoRegion = (tab: Page) => tab.getByRole("region", { name: "Customer info" });
const teamRegion = (tab: Page) => tab.getByRole("region", { name: "Team" });

const editInfo: EditUnderTest = {
  opener: (tab) => infoRegion(tab).getByRole("link", { name: "Edit info" }),
  form: infoRegion,
  shown: infoRegion,
  saveButton: "Save info",
  savedToast: "Customer info saved.",
};

function editMember(name: string): EditUnderTest {
  return {
    opener: (tab) => teamRegion(tab).getByRole("link", { name: `Edit ${name}` }),
    // The member being edited: its list item holds the edit form.
    form: (tab) => teamRegion(tab).getByRole("listitem").filter({ has: tab.getByRole("button", { name: "Save member" }) }),
    shown: (tab) => teamRegion(tab).getByRole("listitem").filter({ hasText: name }),
    saveButton: "Save member",
    savedToast: `Saved ${name}.`,
  };
}

async function typeAndSave(tab: Page, edit: EditUnderTest, label: string, value: string) {
  await edit.form(tab).getByLabel(label, { exact: true }).fill(value);
  await edit.form(tab).getByRole("button", { name: edit.saveButton }).click();
}

async function saved(tab: Page, edit: EditUnderTest, label: string, value: string) {
  await typeAndSave(tab, edit, label, value);
  await expect(toast(tab, edit.savedToast)).toBeVisible();
}

/**
 * Both tabs open the form. Different fields: the first tab saves one, the
 * second another, and both changes stay. Then the same field: the second
 * save is refused, says what the field reads now and keeps what was typed
 * (and the first tab's other change); saving again keeps it.
 */
async function twoTabs(
  page: Page,
  isJs: boolean,
  edit: EditUnderTest,
  fields: { first: [string, string]; second: [string, string]; both: { label: string; first: string; second: string } },
) {
  const { tab: other, errors } = await secondTab(page, isJs);
  const openBoth = async () => {
    for (const tab of [page, other]) await edit.opener(tab).click();
  };

  await openBoth();
  await saved(page, edit, ...fields.first);
  await saved(other, edit, ...fields.second);
  await expect(edit.shown(other)).toContainText(fields.first[1]);
  await expect(edit.shown(other)).toContainText(fields.second[1]);

  await page.reload();
  await waitForEnhancements(page, isJs);
  await openBoth();
  const { label, first, second } = fields.both;
  await saved(page, edit, label, first);
  await typeAndSave(other, edit, label, second);
  await expect(edit.form(other).getByText(`Someone else changed ${label} since you opened this form: it now reads \u201c${first}\u201d.`)).toBeVisible();
  await expect(edit.form(other).getByLabel(label, { exact: true })).toHaveValue(second);
  await expect(edit.form(other).getByLabel(fields.second[0], { exact: true })).toHaveValue(fields.second[1]);
  if (isJs) await expect(edit.form(other).getByLabel(label, { exact: true })).toBeFocused();

  await edit.form(other).getByRole("button", { name: edit.saveButton }).click();
  await expect(toast(other, edit.savedToast)).toBeVisible();
  await expect(edit.shown(other)).toContainText(second);
  await expect(edit.shown(other)).toContainText(fields.second[1]);
  expect(errors, "the second tab logged errors").toEqual([]);
}

test.describe("two tabs on one customer", () => {
  // Two tabs, each saving twice: more page loads than most tests make.
  test.slow();

  test("Edit info: the second save keeps the first's change, and a change to the same field is refused, keeping what was typed", async ({ page, user, isJs, consoleErrors }) => {
    void user;
    void consoleErrors;
    const id = await seedCustomer(page, { name: "Two Tabs Co", vertical: "Retail" });
    await page.goto(`/customers/${id}/overview`);
    await waitForEnhancements(page, isJs);
    await twoTabs(page, isJs, editInfo, {
      first: ["About", "Makes widgets"],
      second: ["Vertical", "Fintech"],
      both: { label: "About", first: "Makes gadgets", second: "Makes gizmos" },
    });
  });

  test("Edit member: the second save keeps the first's change, and a change to the same field is refused, keeping what was typed", async ({ page, user, isJs, consoleErrors }) => {
    void user;
    void consoleErrors;
    const id = await seedCustomer(page, { name: "Team Tabs Co" });
    await addMember(page, id, { name: "Maya Okafor", role: "CTO" });
    await page.goto(`/customers/${id}/overview`);
    await waitForEnhancements(page, isJs);
    await twoTabs(page, isJs, editMember("Maya Okafor"), {
      first: ["Role", "CEO"],
      second: ["Email", "maya@okafor.example"],
      both: { label: "Role", first: "Chair", second: "COO" },
    });
  });
});

/**
 * Opens the form (focus on its `first` field), cancels (focus back on the
 * Edit button), opens it again with the keyboard, changes a field and saves
 * (focus back on the Edit button).
 */
async function focusFollows(page: Page, edit: EditUnderTest, fields: { first: string; change: [string, string] }) {
  const opener = edit.opener(page);
  const first = edit.form(page).getByLabel(fields.first, { exact: true });
  await opener.click();
  await expect(first).toBeFocused();
  await edit.form(page).getByRole("link", { name: "Cancel" }).click();
  await expect(opener).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(first).toBeFocused();
  await typeAndSave(page, edit, ...fields.change);
  await expect(toast(page, edit.savedToast)).toBeVisible();
  await expect(edit.shown(page)).toContainText(fields.change[1]);
  await expect(opener).toBeFocused();
}

test("the focus moves to the first field when an edit form opens, and back to its Edit button on cancel and on save @js-only", async ({ page, user, consoleErrors }) => {
  void user;
  void consoleErrors;
  const id = await seedCustomer(page, { name: "Focus Co", vertical: "Retail" });
  await addMember(page, id, { name: "Maya Okafor", role: "CTO" });
  await page.goto(`/customers/${id}/overview`);
  await waitForEnhancements(page, true);

  await focusFollows(page, editInfo, { first: "About", change: ["About", "Makes widgets"] });
  await focusFollows(page, editMember("Maya Okafor"), { first: "Name", change: ["Role", "CEO"] });
});
