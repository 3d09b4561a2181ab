// axe-core on every kind of page: no violation of impact "serious" or
// "critical" is allowed. Lesser findings are printed but do not fail.
import AxeBuilder from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";
import { expect, freshUser, seedCustomer, signUp, test, waitForEnhancements } from "./support/fixtures";
import { seedProject } from "./support/projects";

async function expectNoSeriousViolations(page: Page, testInfo: TestInfo, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const describe = (list: typeof results.violations) =>
    list
      .map(
        (violation) =>
          `[${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n` +
          violation.nodes.map((node) => `    ${node.target.join(" ")}  ${node.failureSummary?.replace(/\s+/g, " ") ?? ""}`).join("\n"),
      )
      .join("\n");
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  const minor = results.violations.filter((violation) => !serious.includes(violation));
  if (minor.length) {
    await testInfo.attach(`axe-minor-${label}`, { body: describe(minor), contentType: "text/plain" });
  }
  expect(serious, `axe found serious/critical violations on ${label}:\n${describe(serious)}`).toEqual([]);
}

// axe runs inside the page, so it needs JavaScript. For the "no-js" project the
// context keeps JavaScript on but every script the app ships is blocked: the
// browser shows exactly the server-rendered HTML a no-JS user gets (no
// hydration, no dialogs), and axe can still be injected.
test.use({ javaScriptEnabled: true });
test.beforeEach(async ({ page, isJs }) => {
  if (isJs) return;
  await page.route("**/*", (route) =>
    route.request().resourceType() === "script" ? route.abort() : route.continue(),
  );
});

/** Six agreements, one in each status, made with the tab's own form posts; the tab's path. */
async function seedAgreements(page: Page, customerId: string): Promise<string> {
  const tab = `/customers/${customerId}/agreements`;
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const agreements = [
    { scope: "Running", startDate: day(-30), endDate: day(300) },
    { scope: "Ending", startDate: day(-300), endDate: day(10) },
    { scope: "Later", startDate: day(20), endDate: day(200) },
    { scope: "Over", startDate: day(-300), endDate: day(-20) },
    { scope: "Paused", startDate: day(-30), endDate: day(300) },
    { scope: "Stopped", startDate: day(-30), endDate: day(300) },
  ];
  for (const agreement of agreements) {
    await page.request.post(tab, { form: { intent: "create-agreement", type: "retainer", amount: "1500", period: "month", ...agreement } });
  }
  await page.goto(tab);
  const idOf = async (scope: string) =>
    new URL((await page.getByRole("link", { name: `Delete ${scope}` }).getAttribute("href"))!, page.url()).searchParams.get("agreementId")!;
  const [paused, stopped] = [await idOf("Paused"), await idOf("Stopped")];
  await page.request.post(tab, { form: { intent: "suspend-agreement", agreementId: paused } });
  await page.request.post(tab, { form: { intent: "terminate-agreement", agreementId: stopped, reason: "Done early" } });
  return tab;
}

test.describe("accessibility (axe-core)", () => {
  // Each test audits several pages; axe takes seconds per page on a busy machine.
  test.describe.configure({ timeout: 90_000 });
  test("login and sign-up pages", async ({ page }, testInfo) => {
    await page.goto("/login");
    await expectNoSeriousViolations(page, testInfo, "login");
    // With the error message shown, too.
    await page.getByLabel("Email", { exact: true }).fill("nobody@example.test");
    await page.getByLabel("Password", { exact: true }).fill("wrong-password");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByText("Invalid email or password")).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "login with error");
    await page.goto("/signup");
    await expectNoSeriousViolations(page, testInfo, "signup");
  });

  test("customer list, empty and full", async ({ page }, testInfo) => {
    await signUp(page, freshUser(testInfo));
    await expectNoSeriousViolations(page, testInfo, "empty list");
    for (const [name, status] of [
      ["Acme Corp", "lead"],
      ["Globex", "prospect"],
      ["Initech", "live"],
      ["Umbrella", "on_hold"],
    ] as const) {
      await seedCustomer(page, { name, status, vertical: "Industry", productName: "Product" });
    }
    await page.goto("/customers");
    await expect(page.getByRole("article")).toHaveCount(4);
    await expectNoSeriousViolations(page, testInfo, "full list");
    await page.goto("/customers?status=archive&q=zzz");
    await expect(page.getByRole("heading", { name: "No customers match" })).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "filtered empty list");
  });

  test("new customer form (dialog with JS, page without)", async ({ page, user, isJs }, testInfo) => {
    void user;
    await waitForEnhancements(page, isJs);
    await page.getByRole("link", { name: "New customer" }).first().click();
    await expect(isJs ? page.getByRole("dialog", { name: "New customer" }) : page.getByRole("heading", { level: 1, name: "New customer" })).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "new customer");
    await page.goto("/customers/new");
    await expectNoSeriousViolations(page, testInfo, "new customer page");
  });

  test("customer overview, its forms and the archive confirmation", async ({ page, user, isJs }, testInfo) => {
    void user;
    const id = await seedCustomer(page, { name: "Acme Corp", status: "negotiation", vertical: "Fintech", productName: "Ledger" });
    await page.request.post(`/customers/${id}/overview`, {
      form: { intent: "add-team-member", name: "Maya Okafor", role: "CTO", email: "maya@acme.example" },
    });
    await page.request.post(`/customers/${id}/overview`, { form: { intent: "add-event", eventType: "call", title: "Kick-off" } });
    await page.goto(`/customers/${id}/overview`);
    await waitForEnhancements(page, isJs);
    await expectNoSeriousViolations(page, testInfo, "overview");

    await page.goto(`/customers/${id}/overview?edit=info`);
    await expect(page.getByRole("button", { name: "Save info" })).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "overview editing info");

    await page.goto(`/customers/${id}/overview`);
    await waitForEnhancements(page, isJs);
    await page.getByRole("link", { name: "Archive" }).click();
    await expect(page.getByRole(isJs ? "dialog" : "alertdialog", { name: "Archive customer" })).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "archive confirmation");

    await page.goto(`/customers/${id}/agreements`);
    await expectNoSeriousViolations(page, testInfo, "agreements tab");
  });

  test("receivables tab: summary, invoices, payments and the invoice form", async ({ page, user }, testInfo) => {
    void user;
    const id = await seedCustomer(page, { name: "Acme Corp", status: "live" });
    const tab = `/customers/${id}/receivables`;
    const forms: Array<Record<string, string>> = [
      { intent: "create-invoice", reference: "INV-0001", amount: "300", status: "sent", dueDate: "2026-01-01", date: "2025-12-01" },
      { intent: "create-invoice", reference: "INV-0002", amount: "50" },
      { intent: "record-payment", amount: "20" },
    ];
    for (const form of forms) await page.request.post(tab, { form });
    await page.goto(tab);
    await expectNoSeriousViolations(page, testInfo, "receivables tab");
    await page.goto(`${tab}?new=invoice`);
    await expectNoSeriousViolations(page, testInfo, "receivables new invoice");
  });

  test("agreements tab: cards in every status", async ({ page, user, isJs }, testInfo) => {
    void user;
    const id = await seedCustomer(page, { name: "Acme Corp", status: "live" });
    const tab = await seedAgreements(page, id);
    await page.goto(tab);
    await waitForEnhancements(page, isJs);
    await expect(page.getByRole("article")).toHaveCount(6);
    await expectNoSeriousViolations(page, testInfo, "agreements");
  });

  test("agreements tab: the form with its errors, a confirmation, a dialog", async ({ page, user, isJs }, testInfo) => {
    void user;
    const id = await seedCustomer(page, { name: "Acme Corp", status: "live" });
    const tab = `/customers/${id}/agreements`;
    await page.request.post(tab, { form: { intent: "create-agreement", scope: "Running", type: "fixed_fee", amount: "900" } });

    await page.goto(`${tab}?new`);
    await waitForEnhancements(page, isJs);
    await page.getByRole("button", { name: "Create agreement" }).click();
    await expect(page.getByText("Scope is required")).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "new agreement with errors");

    await page.goto(tab);
    await waitForEnhancements(page, isJs);
    await page.getByRole("link", { name: "Terminate Running" }).click();
    await expect(page.getByRole("button", { name: "Terminate agreement" })).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, isJs ? "terminate dialog" : "terminate confirmation");
  });

  test("projects: the board, a project, an artifact, their forms and confirmations", async ({ page, user, isJs }, testInfo) => {
    test.setTimeout(120_000);
    void user;
    const id = await seedCustomer(page, { name: "Acme Corp", status: "live" });
    const board = `/customers/${id}/projects`;
    const { projectPath, artifactPaths } = await seedProject(page, id, { name: "Website relaunch", description: "New site" }, [
      { title: "Brand guide", content: "# Colours\n\n- **Indigo**\n\n[Site](https://acme.example) `code`\n\n> Quote", moves: ["in_progress", "review"] },
      { title: "Wireframes", moves: ["in_progress", "review", "final"] },
      { title: "Old draft", moves: ["archived"] },
    ]);
    for (const status of ["planning", "on_hold", "completed", "archived"]) await seedProject(page, id, { name: `A ${status} project`, status });

    await page.goto(`${board}?archived`);
    await waitForEnhancements(page, isJs);
    await expect(page.getByRole("article")).toHaveCount(5);
    await expectNoSeriousViolations(page, testInfo, "projects board");
    await page.getByRole("link", { name: "New project" }).click();
    await page.getByRole("button", { name: "Create project" }).click();
    await expect(page.getByText("Name is required")).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "new project with errors");
    await page.goto(board);
    await waitForEnhancements(page, isJs);
    await page.getByRole("link", { name: "Delete Website relaunch" }).click();
    await expect(page.getByRole("button", { name: "Delete project" })).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, isJs ? "delete project dialog" : "delete project confirmation");

    await page.goto(projectPath);
    await waitForEnhancements(page, isJs);
    await expectNoSeriousViolations(page, testInfo, "project page");
    await page.getByRole("link", { name: "New artifact" }).click();
    await page.getByRole("button", { name: "Create artifact" }).click();
    await expect(page.getByText("Title is required")).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "new artifact with errors");

    await page.goto(artifactPaths[0]!);
    await waitForEnhancements(page, isJs);
    await expect(page.getByRole("button", { name: "Approve" })).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "artifact page");
    await page.goto(`${artifactPaths[0]!}?edit`);
    await waitForEnhancements(page, isJs);
    if (isJs) await page.getByRole("button", { name: "Preview" }).click();
    await expectNoSeriousViolations(page, testInfo, isJs ? "artifact edit, preview" : "artifact edit");
  });

  test("statement of account, and its period form with an error", async ({ page, user }, testInfo) => {
    void user;
    const id = await seedCustomer(page, { name: "Statement Ltd", status: "live" });
    const invoice = await page.request.post(`/api/customers/${id}/receivables`, {
      data: { type: "invoice", amount: "120.00", date: "2026-03-02", due_date: "2026-04-01", reference: "A11Y-1" },
    });
    expect(invoice.status()).toBe(201);
    await page.goto(`/customers/${id}/receivables/statement?from=2026-03-01&to=2026-05-31`);
    await expect(page.getByRole("heading", { name: "Statement of account" })).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "statement");
    await page.goto(`/customers/${id}/receivables/statement?from=2026-06-01&to=2026-05-31`);
    await expect(page.getByText("The start date must be on or before the end date.")).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "statement (bad period)");
  });

  test("receivables across customers, empty, with rows and with an unknown status", async ({ page, user }, testInfo) => {
    void user;
    await page.goto("/receivables");
    await expect(page.getByRole("heading", { name: "Nothing is owed to you" })).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "receivables (empty)");
    const id = await seedCustomer(page, { name: "Acme Corp", status: "live" });
    const origin = new URL(page.url()).origin;
    for (const [reference, offset] of [["INV-1", -40], ["INV-2", 10]] as const) {
      const due = new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
      const created = await page.request.post(`/api/customers/${id}/receivables`, {
        data: { type: "invoice", amount: "120.00", reference, date: due, due_date: due },
        headers: { Origin: origin },
      });
      expect(created.status()).toBe(201);
    }
    await page.goto("/receivables");
    await expect(page.getByText("40 days overdue")).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "receivables");
    await page.goto("/receivables?status=bogus");
    await expect(page.getByRole("alert")).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "receivables (unknown status)");
  });

  test("archived customers", async ({ page, user }, testInfo) => {
    void user;
    await page.goto("/customers/archived");
    await expectNoSeriousViolations(page, testInfo, "archived (empty)");
    const id = await seedCustomer(page, { name: "Gone Ltd", status: "live" });
    await page.request.post(`/customers/${id}`, { form: { intent: "delete" } });
    await page.goto("/customers/archived");
    await expect(page.getByRole("button", { name: "Restore Gone Ltd" })).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "archived");
  });

  test("account page, with a form error", async ({ page, user }, testInfo) => {
    void user;
    await page.goto("/account");
    await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "account");
    await page.getByLabel("Current password").fill("not the password");
    await page.getByLabel("New password").fill("a brand new secret");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("That is not your current password")).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "account (error)");
  });

  test("not-found pages", async ({ page, user }, testInfo) => {
    void user;
    const missing = await page.goto("/no-such-page");
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "404");

    const customer = await page.goto("/customers/00000000-0000-4000-8000-000000000000/overview");
    expect(customer?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Customer not found" })).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "customer not found");
  });
});
