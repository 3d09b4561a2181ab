// The spec's "Manual Testing" list, done by a browser instead of a person, in
// both projects: "js" (the enhanced app) and "no-js" (plain HTML forms).
import type { Locator } from "@playwright/test";
import {
  archiveConfirmation,
  card,
  cardNames,
  expect,
  seedCustomer,
  test,
  toast,
  waitForEnhancements,
} from "./support/fixtures";

/** The value shown for a term (<dt>) inside a description list. */
function detail(scope: Locator, term: string): Locator {
  return scope.locator("dt", { hasText: new RegExp(`^${term}$`) }).locator("xpath=following-sibling::dd[1]");
}

test.describe("customers (spec's manual testing list)", () => {
  test("the sidebar's Customers item navigates to /customers", async ({ page, user }) => {
    void user;
    await page.goto("/customers/archived");
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Customers" }).click();
    await expect(page).toHaveURL(/\/customers$/);
    await expect(page.getByRole("heading", { level: 1, name: "Customers" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Customers" })).toHaveAttribute("aria-current", "page");
  });

  test("an empty list invites to add the first customer", async ({ page, user }) => {
    void user;
    await expect(page.getByRole("heading", { name: "No customers yet" })).toBeVisible();
    await expect(page.getByRole("article")).toHaveCount(0);
  });

  test("list cards show each customer's data", async ({ page, user }) => {
    void user;
    const acmeId = await seedCustomer(page, { name: "Acme Corp", status: "prospect", vertical: "Fintech", productName: "Ledger" });
    await seedCustomer(page, { name: "Bare Ltd", status: "live" });
    const added = await page.request.post(`/customers/${acmeId}/overview`, {
      form: { intent: "add-team-member", name: "Dana Scully", role: "CTO" },
      maxRedirects: 0,
    });
    expect(added.status()).toBe(302);

    await page.goto("/customers");
    await expect(page.getByRole("article")).toHaveCount(2);

    const acme = card(page, "Acme Corp");
    await expect(acme.getByText("Prospect", { exact: true })).toBeVisible();
    await expect(detail(acme, "Vertical")).toHaveText("Fintech");
    await expect(detail(acme, "Product")).toHaveText("Ledger");
    await expect(detail(acme, "Team")).toHaveText("1 person");
    await expect(detail(acme, "Last interaction")).toHaveText("No interactions yet");
    await expect(detail(acme, "Updated")).toHaveText("just now");

    const bare = card(page, "Bare Ltd");
    await expect(bare.getByText("Live", { exact: true })).toBeVisible();
    await expect(detail(bare, "Vertical")).toHaveText("Not set");
    await expect(detail(bare, "Product")).toHaveText("Not set");
    await expect(detail(bare, "Team")).toHaveText("No team yet");

    // The name is the card's link to the customer.
    await acme.getByRole("link", { name: "Acme Corp" }).click();
    await expect(page).toHaveURL(`/customers/${acmeId}/overview`);
    await expect(page.getByRole("heading", { level: 1, name: "Acme Corp" })).toBeVisible();
  });

  test("the status filter bar filters the cards", async ({ page, user }) => {
    void user;
    await seedCustomer(page, { name: "Lead One", status: "lead" });
    await seedCustomer(page, { name: "Prospect One", status: "prospect" });
    await seedCustomer(page, { name: "Prospect Two", status: "prospect" });
    await page.goto("/customers");
    await expect(page.getByRole("article")).toHaveCount(3);

    const filters = page.getByRole("navigation", { name: "Filter by status" });
    // Each filter shows its count (the visible number, then "customers" for
    // screen readers).
    await expect(filters.getByRole("link", { name: /^All/ })).toContainText("3");
    await expect(filters.getByRole("link", { name: /^Prospect/ })).toContainText("2");

    await filters.getByRole("link", { name: /^Prospect/ }).click();
    await expect(page).toHaveURL(/\/customers\?status=prospect$/);
    await expect(filters.getByRole("link", { name: /^Prospect/ })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("article")).toHaveCount(2);
    expect((await cardNames(page)).sort()).toEqual(["Prospect One", "Prospect Two"]);

    await filters.getByRole("link", { name: /^Lead/ }).click();
    await expect(page).toHaveURL(/\/customers\?status=lead$/);
    await expect(page.getByRole("article")).toHaveCount(1);
    await expect(card(page, "Lead One")).toBeVisible();

    await filters.getByRole("link", { name: /^On hold/ }).click();
    await expect(page.getByRole("heading", { name: "No customers match" })).toBeVisible();
    await expect(page.getByRole("article")).toHaveCount(0);

    await filters.getByRole("link", { name: /^All/ }).click();
    await expect(page).toHaveURL(/\/customers$/);
    await expect(page.getByRole("article")).toHaveCount(3);
  });

  test("New customer opens a dialog (JS) or a page (no JS) and lands on the overview", async ({ page, user, isJs }) => {
    void user;
    await waitForEnhancements(page, isJs);
    await page.getByRole("link", { name: "New customer" }).first().click();

    if (isJs) {
      const dialog = page.getByRole("dialog", { name: "New customer" });
      await expect(dialog).toBeVisible();
      await expect(page).toHaveURL(/\/customers$/);
      // A modal dialog: focus moves into it.
      await expect(dialog.locator(":focus")).toHaveCount(1);
    } else {
      await expect(page).toHaveURL(/\/customers\/new$/);
      await expect(page.getByRole("heading", { level: 1, name: "New customer" })).toBeVisible();
    }

    await page.getByLabel("Name", { exact: true }).fill("Initech");
    await page.getByLabel("Status", { exact: true }).selectOption({ label: "Negotiation" });
    await page.getByRole("button", { name: "Create customer" }).click();

    await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}\/overview$/);
    await expect(page.getByRole("heading", { level: 1, name: "Initech" })).toBeVisible();
    await expect(toast(page, "Created Initech.")).toBeVisible();
    await expect(page.getByLabel("Status", { exact: true })).toHaveValue("negotiation");
    // No dialog left open over the overview.
    await expect(page.getByRole("dialog")).toHaveCount(0);

    await page.getByRole("link", { name: "← Customers" }).click();
    await expect(card(page, "Initech")).toBeVisible();
  });

  test("the detail page's tabs navigate, with real empty states", async ({ page, user }) => {
    void user;
    const id = await seedCustomer(page, { name: "Tabbed Inc" });
    await page.goto(`/customers/${id}`);
    // /customers/<id> itself redirects to the overview.
    await expect(page).toHaveURL(`/customers/${id}/overview`);

    const tabs = page.getByRole("navigation", { name: "Customer sections" });
    await expect(tabs.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("heading", { name: "Customer info" })).toBeVisible();
    await expect(page.getByText("Active agreements")).toBeVisible();

    const expected = [
      { tab: "Agreements", path: "agreements", empty: "No agreements yet" },
      { tab: "Receivables", path: "receivables", empty: "No invoices or payments yet" },
      { tab: "Projects", path: "projects", empty: "No projects yet" },
    ];
    for (const { tab, path, empty } of expected) {
      await tabs.getByRole("link", { name: tab }).click();
      await expect(page).toHaveURL(`/customers/${id}/${path}`);
      await expect(tabs.getByRole("link", { name: tab })).toHaveAttribute("aria-current", "page");
      await expect(page.getByRole("heading", { name: empty })).toBeVisible();
      // The customer's header stays in place above every tab.
      await expect(page.getByRole("heading", { level: 1, name: "Tabbed Inc" })).toBeVisible();
    }

    await tabs.getByRole("link", { name: "Overview" }).click();
    await expect(page).toHaveURL(`/customers/${id}/overview`);
    await expect(page.getByRole("heading", { name: "Customer info" })).toBeVisible();
  });

  test("the status select changes the status with a toast", async ({ page, user, isJs }) => {
    void user;
    const id = await seedCustomer(page, { name: "Status Co", status: "lead" });
    await page.goto(`/customers/${id}/overview`);
    await waitForEnhancements(page, isJs);
    const update = page.getByRole("button", { name: "Update" });

    if (isJs) {
      // With JS the select submits on change: no button to press.
      await expect(update).toHaveCount(0);
      await page.getByLabel("Status", { exact: true }).selectOption({ label: "Live" });
    } else {
      await page.getByLabel("Status", { exact: true }).selectOption({ label: "Live" });
      await update.click();
    }

    await expect(toast(page, "Status changed to Live.")).toBeVisible();
    await expect(page).toHaveURL(`/customers/${id}/overview`);
    await expect(page.getByLabel("Status", { exact: true })).toHaveValue("live");
    // The header badge and the timeline follow.
    await expect(page.getByRole("main").locator("header span", { hasText: /^Live$/ })).toBeVisible();
    const timeline = page.getByRole("region", { name: "Interactions" });
    await expect(timeline.getByRole("heading", { name: "Status changed from Lead to Live" })).toBeVisible();

    // The list agrees.
    await page.goto("/customers");
    await expect(card(page, "Status Co").getByText("Live", { exact: true })).toBeVisible();
  });

  test("editing the customer info saves and shows the values", async ({ page, user }) => {
    void user;
    const id = await seedCustomer(page, { name: "Info GmbH" });
    await page.goto(`/customers/${id}/overview`);
    const info = page.getByRole("region", { name: "Customer info" });
    await expect(detail(info, "Vertical")).toHaveText("Not set");

    await info.getByRole("link", { name: "Edit info" }).click();
    await expect(page).toHaveURL(`/customers/${id}/overview?edit=info`);
    await info.getByLabel("About", { exact: true }).fill("Makes widgets.\nSince 1999.");
    await info.getByLabel("Vertical", { exact: true }).fill("Manufacturing");
    await info.getByLabel("Persona", { exact: true }).fill("Operations lead");
    await info.getByLabel("Ideal customer profile", { exact: true }).fill("Mid-size plants");
    await info.getByLabel("Product name", { exact: true }).fill("WidgetOS");
    await info.getByLabel("Product stage", { exact: true }).fill("Beta");
    await info.getByLabel("Product category", { exact: true }).fill("Software");
    await info.getByLabel("Product URL", { exact: true }).fill("https://widgets.example.com");
    await info.getByLabel("Product description", { exact: true }).fill("An OS for widgets");
    await info.getByRole("button", { name: "Save info" }).click();

    await expect(toast(page, "Customer info saved.")).toBeVisible();
    await expect(page).toHaveURL(`/customers/${id}/overview`);
    await expect(info.getByRole("button", { name: "Save info" })).toHaveCount(0);
    await expect(detail(info, "About")).toHaveText("Makes widgets.\nSince 1999.");
    await expect(detail(info, "Vertical")).toHaveText("Manufacturing");
    await expect(detail(info, "Persona")).toHaveText("Operations lead");
    await expect(detail(info, "Ideal customer profile")).toHaveText("Mid-size plants");
    await expect(detail(info, "Product")).toHaveText("WidgetOS");
    await expect(detail(info, "Product stage")).toHaveText("Beta");
    await expect(detail(info, "Product category")).toHaveText("Software");
    await expect(info.getByRole("link", { name: "https://widgets.example.com" })).toHaveAttribute(
      "href",
      "https://widgets.example.com",
    );
    await expect(detail(info, "Product description")).toHaveText("An OS for widgets");

    // Saved for real: a fresh load shows the same, and the list card too.
    await page.reload();
    await expect(detail(info, "Vertical")).toHaveText("Manufacturing");
    await page.goto("/customers");
    await expect(detail(card(page, "Info GmbH"), "Vertical")).toHaveText("Manufacturing");
    await expect(detail(card(page, "Info GmbH"), "Product")).toHaveText("WidgetOS");
  });

  test("archiving asks for confirmation, then the customer leaves the list", async ({ page, user, isJs }) => {
    void user;
    const id = await seedCustomer(page, { name: "Doomed LLC" });
    await seedCustomer(page, { name: "Stays Ltd" });
    await page.goto(`/customers/${id}/overview`);
    await waitForEnhancements(page, isJs);

    await page.getByRole("link", { name: "Archive" }).click();
    const confirm = isJs
      ? page.getByRole("dialog", { name: "Archive customer" })
      : page.getByRole("alertdialog", { name: "Archive customer" });
    await expect(confirm).toBeVisible();
    await expect(confirm.getByText(archiveConfirmation("Doomed LLC"), { exact: true })).toBeVisible();
    if (isJs) {
      // A dialog over the page, not a navigation.
      await expect(page).toHaveURL(`/customers/${id}/overview`);
    } else {
      await expect(page).toHaveURL(`/customers/${id}/overview?archive=confirm`);
    }

    // Cancel first: nothing happens.
    await confirm.getByRole(isJs ? "button" : "link", { name: "Cancel" }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByRole("heading", { level: 1, name: "Doomed LLC" })).toBeVisible();

    await page.getByRole("link", { name: "Archive" }).click();
    await expect(confirm).toBeVisible();
    await confirm.getByRole("button", { name: "Archive" }).click();

    await expect(page).toHaveURL(/\/customers$/);
    await expect(toast(page, "Archived Doomed LLC. You can restore it within 30 days.")).toBeVisible();
    await expect(card(page, "Stays Ltd")).toBeVisible();
    await expect(card(page, "Doomed LLC")).toHaveCount(0);
    await expect(page.getByRole("article")).toHaveCount(1);

    // Its pages are gone too: they only say it is archived and offer to restore it.
    const gone = await page.goto(`/customers/${id}/overview`);
    expect(gone?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Doomed LLC is archived" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Restore Doomed LLC" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Customer sections" })).toHaveCount(0);
  });
});
