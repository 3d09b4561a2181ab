// The "add" forms start over after a save. Without JavaScript the redirect
// after the post brings a fresh page; with it the page stays, so the form has
// to close and empty itself, or the next click adds the same thing again.
import type { Locator, Page } from "@playwright/test";
import { expect, seedCustomer, test, toast, waitForEnhancements } from "./support/fixtures";

async function openOverview(page: Page, isJs: boolean, name: string) {
  const id = await seedCustomer(page, { name });
  await page.goto(`/customers/${id}/overview`);
  await waitForEnhancements(page, isJs);
  return id;
}

/** The <details> disclosure whose summary reads `summary`. */
function disclosure(scope: Locator, summary: string): Locator {
  return scope.locator("details").filter({ has: scope.page().locator("summary", { hasText: summary }) });
}

/** A new customer's overview, its "Add team member" form opened and named Maya Okafor. */
async function startAddingMaya(page: Page, isJs: boolean, customer: string) {
  await openOverview(page, isJs, customer);
  const team = page.getByRole("region", { name: "Team" });
  const add = disclosure(team, "Add team member");
  await add.locator("summary").click();
  await team.getByLabel("Name", { exact: true }).fill("Maya Okafor");
  return { team, add };
}

test.describe("add forms", () => {
  test("after adding a team member the form is closed and empty, and one member was added", async ({ page, user, isJs }) => {
    void user;
    const { team, add } = await startAddingMaya(page, isJs, "Team Reset Co");
    await team.getByLabel("Role", { exact: true }).fill("CTO");
    await team.getByRole("button", { name: "Add member" }).click();

    await expect(toast(page, "Added Maya Okafor to the team.")).toBeVisible();
    await expect(add).not.toHaveAttribute("open");
    // The field that had the focus went with the form: a keyboard user goes on from the summary.
    if (isJs) await expect(add.locator("summary")).toBeFocused();
    await add.locator("summary").click();
    await expect(team.getByLabel("Name", { exact: true })).toHaveValue("");
    await expect(team.getByLabel("Role", { exact: true })).toHaveValue("");
    await expect(team.getByRole("listitem").filter({ hasText: "Maya Okafor" })).toHaveCount(1);
  });

  test("after adding an event the form is closed and empty, and one event was added", async ({ page, user, isJs }) => {
    void user;
    await openOverview(page, isJs, "Event Reset Co");
    const timeline = page.getByRole("region", { name: "Interactions" });
    const add = disclosure(timeline, "Add event");

    await add.locator("summary").click();
    await timeline.getByLabel("Type", { exact: true }).selectOption({ label: "Call" });
    await timeline.getByLabel("Title", { exact: true }).fill("Kick-off call");
    await timeline.getByLabel("Participant 1", { exact: true }).fill("Maya");
    await timeline.getByRole("button", { name: "Add event" }).click();

    await expect(toast(page, "Event added.")).toBeVisible();
    await expect(add).not.toHaveAttribute("open");
    await add.locator("summary").click();
    await expect(timeline.getByLabel("Title", { exact: true })).toHaveValue("");
    await expect(timeline.getByLabel("Participant 1", { exact: true })).toHaveValue("");
    await expect(timeline.getByLabel("Type", { exact: true })).toHaveValue("note");
    await expect(timeline.getByRole("heading", { name: "Kick-off call" })).toHaveCount(1);
  });

  test("a save that fails keeps the form open and filled", async ({ page, user, isJs }) => {
    void user;
    const { team, add } = await startAddingMaya(page, isJs, "Refused Co");
    await team.getByLabel("Email", { exact: true }).fill("not an email");
    await team.getByRole("button", { name: "Add member" }).click();

    await expect(team.getByLabel("Email", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(add).toHaveAttribute("open");
    await expect(team.getByLabel("Name", { exact: true })).toHaveValue("Maya Okafor");
    await expect(team.getByLabel("Email", { exact: true })).toHaveValue("not an email");
    await expect(team.getByText("No team members yet.", { exact: false })).toBeVisible();
  });

  test("a second submit while the first is in flight is dropped @js-only", async ({ page, user, isJs }) => {
    void user;
    const { team } = await startAddingMaya(page, isJs, "Double Co");
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST") posts.push(request.url());
    });
    const button = team.getByRole("button", { name: "Add member" });
    const form = await button.evaluateHandle((element: HTMLButtonElement) => element.form!);
    const sent = page.waitForRequest((request) => request.method() === "POST");
    await button.click();
    await sent;
    // A second submit once the first has gone out, as a quick double click or
    // Enter can land before the page has rendered the button disabled.
    await form.evaluate((element) => element.requestSubmit());

    await expect(toast(page, "Added Maya Okafor to the team.")).toBeVisible();
    await expect(team.getByRole("listitem").filter({ hasText: "Maya Okafor" })).toHaveCount(1);
    expect(posts).toHaveLength(1);
  });

  test("after creating an agreement, New agreement opens an empty form", async ({ page, user, isJs }) => {
    void user;
    const id = await seedCustomer(page, { name: "Agreement Reset Co", status: "live" });
    await page.goto(`/customers/${id}/agreements`);
    await waitForEnhancements(page, isJs);
    const form = isJs ? page.getByRole("dialog", { name: "New agreement" }) : page.getByRole("region", { name: "New agreement" });

    await page.getByRole("link", { name: "New agreement" }).first().click();
    await form.getByLabel("Scope").fill("Design retainer");
    await form.getByLabel(isJs ? "Amount per period" : "Amount", { exact: true }).fill("1500");
    await form.getByRole("button", { name: "Create agreement" }).click();

    await expect(toast(page, "Agreement created.")).toBeVisible();
    await expect(form).toBeHidden();
    await expect(page.getByRole("article", { name: "Design retainer", exact: true })).toHaveCount(1);
    await page.getByRole("link", { name: "New agreement" }).first().click();
    await expect(form.getByLabel("Scope")).toHaveValue("");
    await expect(form.getByLabel(isJs ? "Amount per period" : "Amount", { exact: true })).toHaveValue("");
  });
});
