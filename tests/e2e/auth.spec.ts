import { expect, freshUser, logIn, signUp, test } from "./support/fixtures";

test.describe("authentication", () => {
  test("sign up, log out, log in again", async ({ page }, testInfo) => {
    const user = freshUser(testInfo);
    await signUp(page, user);
    await expect(page.getByRole("status")).toContainText(`Welcome, ${user.name}!`);
    // The signed-in shell shows who is logged in.
    await expect(page.getByRole("complementary").getByText(user.email)).toBeVisible();

    await page.getByRole("button", { name: "Log out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole("heading", { name: "Log in to your account" })).toBeVisible();

    // The session is gone for real: the list sends us back to the login page.
    await page.goto("/customers");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fcustomers$/);

    await logIn(page, user);
    await expect(page).toHaveURL(/\/customers$/);
    await expect(page.getByRole("heading", { level: 1, name: "Customers" })).toBeVisible();
  });

  test("a wrong password shows one generic message and keeps the user out", async ({ page, isJs }, testInfo) => {
    const user = freshUser(testInfo);
    await signUp(page, user);
    await page.getByRole("button", { name: "Log out" }).click();
    await expect(page).toHaveURL(/\/login$/);

    await logIn(page, { email: user.email, password: "not-the-password" });
    await expect(page.getByText("Invalid email or password")).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
    // The typed email is kept. Without JS the page is re-rendered by the
    // server, which must not echo the password back; with JS the form stays in
    // the DOM and keeps whatever was typed.
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue(user.email);
    if (!isJs) await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");

    // An unknown email gets exactly the same message (no account probing).
    await logIn(page, { email: `nobody-${user.email}`, password: "whatever-password" });
    await expect(page.getByText("Invalid email or password")).toBeVisible();
  });

  test("a signed-out visit to a customer page returns there after logging in", async ({ page }, testInfo) => {
    const user = freshUser(testInfo);
    await signUp(page, user);
    await page.getByRole("button", { name: "Log out" }).click();
    await expect(page).toHaveURL(/\/login$/);

    await page.goto("/customers/archived");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fcustomers%2Farchived$/);
    await logIn(page, user);
    await expect(page).toHaveURL(/\/customers\/archived$/);
    await expect(page.getByRole("heading", { level: 1, name: "Archived customers" })).toBeVisible();
  });

  test("after logging out, Back does not show the customer list from the browser's cache", async ({ page, user: _user }) => {
    await page.getByRole("link", { name: "New customer" }).first().waitFor();
    await expect(page.getByRole("heading", { level: 1, name: "Customers" })).toBeVisible();
    await page.getByRole("button", { name: "Log out" }).click();
    await expect(page).toHaveURL(/\/login$/);

    await page.goBack();
    // The list is asked for again, and without a session that means the login page.
    await expect(page.getByRole("heading", { name: "Log in to your account" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Customers" })).toHaveCount(0);
  });
});
