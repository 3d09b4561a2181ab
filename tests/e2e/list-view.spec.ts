// A list view (status + search + sort) lives in the URL: set it through the UI,
// then open that URL in a brand-new browser context as the same user.
import { cardNames, expect, logIn, seedCustomer, test, waitForEnhancements } from "./support/fixtures";

test("search, status and sort set in the UI survive in the URL", async ({ page, user, isJs, browser, javaScriptEnabled, baseURL }) => {
  // Prospects whose names contain "acme", created in an order that differs
  // from the name order, plus decoys another filter must drop.
  for (const [name, status] of [
    ["Zeta Acme", "prospect"],
    ["Acme Alpha", "prospect"],
    ["Mid ACME Partners", "prospect"],
    ["Acme Lead", "lead"],
    ["Other Prospect", "prospect"],
  ] as const) {
    await seedCustomer(page, { name, status });
  }
  await page.goto("/customers");
  await waitForEnhancements(page, isJs);

  await page.getByRole("navigation", { name: "Filter by status" }).getByRole("link", { name: /^Prospect/ }).click();
  await expect(page).toHaveURL(/status=prospect/);
  await waitForEnhancements(page, isJs);

  await page.getByLabel("Search by name", { exact: true }).fill("acme");
  await page.getByLabel("Sort by", { exact: true }).selectOption({ label: "Name (A–Z)" });
  if (isJs) {
    // The sort select submits by itself, search text included.
    await expect(page).toHaveURL(/sort=name/);
  } else {
    await page.getByRole("button", { name: "Apply" }).click();
  }
  await expect(page).toHaveURL(/\/customers\?status=prospect&q=acme&sort=name$/);

  const expected = ["Acme Alpha", "Mid ACME Partners", "Zeta Acme"];
  await expect(page.getByRole("article")).toHaveCount(3);
  expect(await cardNames(page)).toEqual(expected);
  await expect(page.getByLabel("Search by name", { exact: true })).toHaveValue("acme");
  await expect(page.getByLabel("Sort by", { exact: true })).toHaveValue("name");
  const url = page.url();

  // A fresh context has no cookies: the login page takes us back to the view.
  const context = await browser.newContext({ baseURL, javaScriptEnabled });
  try {
    const other = await context.newPage();
    await other.goto(url);
    await expect(other).toHaveURL(/\/login\?redirectTo=/);
    await logIn(other, user);
    await expect(other).toHaveURL(url);
    await expect(other.getByRole("article")).toHaveCount(3);
    expect(await cardNames(other)).toEqual(expected);
    await expect(
      other.getByRole("navigation", { name: "Filter by status" }).getByRole("link", { name: /^Prospect/ }),
    ).toHaveAttribute("aria-current", "page");
  } finally {
    await context.close();
  }
});
