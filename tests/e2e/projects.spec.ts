// Projects, with and without JavaScript, on a phone and a desktop: the board
// → a project → an artifact → send to review → approve. The same links open
// a dialog once the page has hydrated and a section of the page without it;
// the status select posts on change with JavaScript and with a button without.
import type { Locator, Page } from "@playwright/test";
import { expect, seedCustomer, test, toast, waitForEnhancements } from "./support/fixtures";

/** Where a form opens: a dialog with JavaScript, a section of the page without. */
function panel(page: Page, isJs: boolean, title: string): Locator {
  return isJs ? page.getByRole("dialog", { name: title }) : page.getByRole("region", { name: title });
}

function column(page: Page, status: string): Locator {
  return page.getByRole("region", { name: new RegExp(`^${status}`) });
}

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
}

for (const width of [375, 1280]) {
  test(`board → project → artifact → review → approve at ${width} px`, async ({ consoleErrors, page, user, isJs }) => {
    test.setTimeout(90_000);
    void consoleErrors;
    void user;
    await page.setViewportSize({ width, height: 900 });
    const id = await seedCustomer(page, { name: "Acme Corp", status: "live" });
    const agreement = await page.request.post(`/customers/${id}/agreements`, {
      form: { intent: "create-agreement", scope: "Design retainer", type: "fixed_fee", amount: "900" },
      maxRedirects: 0,
    });
    expect(agreement.status()).toBe(302);

    // The board, empty; a new project after a validation error.
    await page.goto(`/customers/${id}/projects`);
    await waitForEnhancements(page, isJs);
    await expect(page.getByRole("heading", { name: "No projects yet" })).toBeVisible();
    await page.getByRole("link", { name: "New project" }).click();
    const form = panel(page, isJs, "New project");
    await expect(form).toBeVisible();
    await form.getByRole("button", { name: "Create project" }).click();
    await expect(form.getByText("Name is required")).toBeVisible();
    await form.getByLabel("Name").fill("Website relaunch");
    await form.getByLabel("Agreement").selectOption({ label: "Design retainer" });
    await form.getByRole("button", { name: "Create project" }).click();
    await expect(toast(page, "Project “Website relaunch” created.")).toBeVisible();
    const planned = column(page, "Planning").getByRole("article", { name: "Website relaunch" });
    await expect(planned).toBeVisible();
    await expect(planned.getByRole("link", { name: "Design retainer" })).toBeVisible();
    await expect(planned.getByText("No artifacts yet")).toBeVisible();
    await expectNoHorizontalScroll(page);

    // Its status: on change with JavaScript, a Move button without.
    await planned.getByLabel("Status of Website relaunch").selectOption("active");
    if (!isJs) await planned.getByRole("button", { name: "Move" }).click();
    await expect(toast(page, "“Website relaunch” moved to Active.")).toBeVisible();
    const active = column(page, "Active").getByRole("article", { name: "Website relaunch" });
    await expect(active).toBeVisible();

    // The project's page, and a new artifact.
    await active.getByRole("link", { name: "Website relaunch", exact: true }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Website relaunch" })).toBeVisible();
    await waitForEnhancements(page, isJs);
    await expect(page.getByRole("link", { name: "Projects", exact: true })).toHaveAttribute("aria-current", "page");
    await page.getByRole("link", { name: "New artifact" }).click();
    const artifactForm = panel(page, isJs, "New artifact");
    await artifactForm.getByLabel("Title").fill("Brand guide");
    await artifactForm.getByLabel("Type").selectOption({ label: "Design" });
    await artifactForm.getByLabel("Content").fill("# Colours\n\n- **Indigo** for links\n\n<script>alert(1)</script>");
    if (isJs) {
      await artifactForm.getByRole("button", { name: "Preview" }).click();
      await expect(artifactForm.getByRole("region", { name: "Preview" }).getByRole("heading", { name: "Colours" })).toBeVisible();
      await artifactForm.getByRole("button", { name: "Write" }).click();
    }
    await artifactForm.getByRole("button", { name: "Create artifact" }).click();
    await expect(toast(page, "Artifact “Brand guide” created as a draft.")).toBeVisible();

    // The artifact's page: its Markdown rendered, raw HTML as text.
    await expect(page.getByRole("heading", { level: 2, name: "Brand guide" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: "Colours" })).toBeVisible();
    await expect(page.getByText("<script>alert(1)</script>")).toBeVisible();
    await expectNoHorizontalScroll(page);

    const workflow = page.getByRole("form", { name: "Workflow of Brand guide" });
    await expect(workflow.getByRole("button")).toHaveText(["Start work", "Archive"]);
    await workflow.getByRole("button", { name: "Start work" }).click();
    await expect(toast(page, "“Brand guide” work started.")).toBeVisible();
    await workflow.getByRole("button", { name: "Send to review" }).click();
    await expect(toast(page, "“Brand guide” sent to review.")).toBeVisible();
    await expect(workflow.getByRole("button")).toHaveText(["Approve", "Request changes", "Archive"]);
    await workflow.getByRole("button", { name: "Approve" }).click();
    await expect(toast(page, "“Brand guide” approved.")).toBeVisible();
    await expect(page.getByText("Final", { exact: true })).toBeVisible();
    await expect(workflow.getByRole("button")).toHaveText(["Reopen", "Archive"]);

    // The project lists it as final; the board counts it.
    await page.getByRole("link", { name: "Website relaunch", exact: true }).click();
    await expect(page.getByRole("region", { name: /^Final/ }).getByRole("link", { name: "Brand guide" })).toBeVisible();
    await page.getByRole("link", { name: "All projects" }).click();
    await expect(column(page, "Active").getByRole("article", { name: "Website relaunch" }).getByRole("listitem")).toHaveText(["1 final"]);

    // The timeline has the review and the approval.
    await page.goto(`/customers/${id}/overview`);
    await expect(page.getByText("Artifact 'Brand guide' approved")).toBeVisible();
    await expect(page.getByText("Artifact 'Brand guide' sent to review")).toBeVisible();
  });
}

test("edit an artifact, and delete a project with the artifacts it takes", async ({ consoleErrors, page, user, isJs }) => {
  test.setTimeout(90_000);
  void consoleErrors;
  void user;
  const id = await seedCustomer(page, { name: "Acme Corp", status: "live" });
  const created = await page.request.post(`/customers/${id}/projects`, { form: { intent: "create-project", name: "Site", status: "active" }, maxRedirects: 0 });
  expect(created.status()).toBe(302);
  await page.goto(`/customers/${id}/projects`);
  await page.getByRole("link", { name: "Site", exact: true }).click();
  await waitForEnhancements(page, isJs);
  await page.getByRole("link", { name: "New artifact" }).click();
  await panel(page, isJs, "New artifact").getByLabel("Title").fill("Wireframes");
  await panel(page, isJs, "New artifact").getByRole("button", { name: "Create artifact" }).click();
  await expect(toast(page, /created as a draft/)).toBeVisible();
  await expect(page.getByText("No content yet.")).toBeVisible();

  await page.getByRole("link", { name: "Edit Wireframes" }).click();
  await page.getByLabel("Content").fill("Two **screens**.");
  await page.getByRole("button", { name: "Save artifact" }).click();
  await expect(toast(page, "Artifact saved.")).toBeVisible();
  await expect(page.locator("strong", { hasText: "screens" })).toBeVisible();

  await page.goto(`/customers/${id}/projects`);
  await waitForEnhancements(page, isJs);
  await page.getByRole("link", { name: "Delete Site" }).click();
  const confirm = panel(page, isJs, "Delete project");
  await expect(confirm).toContainText("Its 1 artifact is deleted with it.");
  await confirm.getByRole("button", { name: "Delete project" }).click();
  await expect(toast(page, "Project “Site” deleted with its artifact.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "No projects yet" })).toBeVisible();
});
