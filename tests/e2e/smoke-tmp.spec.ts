import { expect, seedCustomer, test } from "./support/fixtures";
test("seed via request", async ({ page, user }) => {
  void user;
  const id = await seedCustomer(page, { name: "Seeded", vertical: "Fintech", productName: "Ledger" });
  await page.goto("/customers");
  console.log(await page.getByRole("navigation", { name: "Filter by status" }).getByRole("link").evaluateAll((els) => els.map((e) => e.textContent)));
  await expect(page.getByRole("link", { name: "Seeded" })).toBeVisible();
  console.log(id);
});
