// Every page, as a signed-in user with data and as a visitor: no console
// error, no uncaught exception, no hydration mismatch (React reports those on
// the console), and nothing wider than the screen at 375 px and 1280 px.
import { expect, seedCustomer, test } from "./support/fixtures";
import { visitAtEveryWidth as visit } from "./support/page-width";
import { seedProject } from "./support/projects";

test("the signed-out pages log no error", async ({ consoleErrors, page, isJs }) => {
  void consoleErrors;
  for (const path of ["/login", "/signup", "/login?redirectTo=%2Fagreements"]) await visit(page, isJs, path);
});

test("every signed-in page logs no error", async ({ consoleErrors, page, user, isJs }) => {
  test.setTimeout(180_000);
  void consoleErrors;
  void user;
  const id = await seedCustomer(page, { name: "Everywhere Co", status: "live" });
  const created = await page.request.post(`/customers/${id}/agreements`, {
    form: { intent: "create-agreement", scope: "Support", type: "retainer", amount: "1500", period: "month", noticeDays: "30" },
    maxRedirects: 0,
  });
  expect(created.status()).toBe(302);
  const invoice = await page.request.post(`/customers/${id}/receivables`, {
    form: { intent: "create-invoice", reference: "INV-0001", amount: "300", status: "sent" },
    maxRedirects: 0,
  });
  expect(invoice.status()).toBe(302);
  const { projectPath, artifactPaths } = await seedProject(page, id, { name: "Website relaunch" }, [
    { title: "Brand guide", content: "# Colours\n\n[Site](https://acme.example)", moves: ["in_progress", "review"] },
  ]);
  const archived = await seedCustomer(page, { name: "Archived Co" });
  expect((await page.request.post(`/customers/${archived}`, { form: { intent: "delete" }, maxRedirects: 0 })).status()).toBe(302);

  for (const path of [
    "/customers",
    "/customers?status=live&sort=name",
    "/customers/new",
    `/customers/${id}/overview`,
    `/customers/${id}/agreements`,
    `/customers/${id}/agreements?new`,
    `/customers/${id}/receivables`,
    `/customers/${id}/receivables?new=invoice`,
    `/customers/${id}/projects`,
    `/customers/${id}/projects?archived`,
    `/customers/${id}/projects?new`,
    projectPath,
    `${projectPath}?new-artifact`,
    artifactPaths[0]!,
    `${artifactPaths[0]!}?edit`,
    // A project and an artifact that are not there: their own 404 pages.
    `/customers/${id}/projects/00000000-0000-4000-8000-000000000000`,
    `${projectPath}/artifacts/00000000-0000-4000-8000-000000000000`,
    "/customers/archived",
    "/agreements",
    "/agreements?status=expiring_soon",
    "/receivables",
    "/receivables?status=received",
    "/account",
  ]) {
    await visit(page, isJs, path);
  }
});

test("the not-found pages log nothing but their own 404", async ({ consoleErrors, page, user, isJs }) => {
  void consoleErrors;
  void user;
  for (const path of ["/customers/00000000-0000-4000-8000-000000000000/overview", "/customers/not-an-id", "/no-such-page"]) {
    await visit(page, isJs, path);
  }
});
