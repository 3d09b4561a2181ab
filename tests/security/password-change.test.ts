import { MAX_FAILURES } from "~/auth/throttle.server";
import * as accountRoute from "~/routes/account";
import * as listRoute from "~/routes/customers._index";
import * as loginRoute from "~/routes/login";
import { signUp } from "../auth-helpers";
import { call, get, postForm, sessionCookieFrom } from "../http";

async function login(email: string, password: string) {
  return call(loginRoute.action, postForm("/login", { email, password }));
}

function changePassword(cookie: string, currentPassword: string, newPassword: string, headers?: Record<string, string>) {
  return call(
    accountRoute.action,
    postForm("/account", { intent: "change-password", currentPassword, newPassword }, { cookie, headers }),
  );
}

async function signedIn(cookie: string): Promise<boolean> {
  return (await call(listRoute.loader, get("/customers", { cookie }))).status === 200;
}

describe("changing the password", () => {
  it("replaces it, signs out every other session, and keeps this browser signed in with a fresh session", async () => {
    const { email, password, cookie } = await signUp();
    const laptop = sessionCookieFrom(await login(email, password))!;
    const response = await changePassword(cookie, password, "a brand new secret");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/account");
    const fresh = sessionCookieFrom(response)!;
    expect(fresh).not.toBe(cookie);

    expect(await signedIn(cookie)).toBe(false);
    expect(await signedIn(laptop)).toBe(false);
    expect(await signedIn(fresh)).toBe(true);
    expect((await login(email, password)).status).toBe(400);
    expect((await login(email, "a brand new secret")).status).toBe(302);
  });

  it("refuses a wrong current password with a field error and changes nothing", async () => {
    const { email, password, cookie } = await signUp();
    const response = await changePassword(cookie, "not my password", "a brand new secret");
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: Record<string, string[]> };
    expect(body.error.currentPassword).toEqual(["That is not your current password"]);
    expect(await signedIn(cookie)).toBe(true);
    expect((await login(email, password)).status).toBe(302);
  });

  it("refuses a new password that is too short or the same as the current one", async () => {
    const { password, cookie } = await signUp();
    expect((await changePassword(cookie, password, "short")).status).toBe(400);
    const same = await changePassword(cookie, password, password);
    expect(same.status).toBe(400);
    expect(((await same.json()) as { error: Record<string, string[]> }).error.newPassword).toEqual([
      "Choose a password different from the current one",
    ]);
  });

  it(`counts wrong current passwords against the login budget: 429 after ${MAX_FAILURES}`, async () => {
    const { password, cookie } = await signUp();
    for (let index = 0; index < MAX_FAILURES; index += 1) {
      expect((await changePassword(cookie, `guess-${index}`, "a brand new secret")).status).toBe(400);
    }
    const blocked = await changePassword(cookie, password, "a brand new secret");
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(0);
  });

  it("counts them for the address they came from only: the owner still signs in from another", async () => {
    const { email, password, cookie } = await signUp();
    const stolenLaptop = { clientIp: "203.0.113.60" };
    for (let index = 0; index < MAX_FAILURES; index += 1) {
      const guess = await call(
        accountRoute.action,
        postForm("/account", { intent: "change-password", currentPassword: `guess-${index}`, newPassword: "a brand new secret" }, { cookie }),
        {},
        stolenLaptop,
      );
      expect(guess.status).toBe(400);
    }
    const fromHome = await call(loginRoute.action, postForm("/login", { email, password }), {}, { clientIp: "198.51.100.61" });
    expect(fromHome.status).toBe(302);
  });

  it("is refused from another site (CSRF) and without a session", async () => {
    const { password, cookie } = await signUp();
    const crossSite = await changePassword(cookie, password, "a brand new secret", { Origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
    expect(await signedIn(cookie)).toBe(true);
    const anonymous = await call(
      accountRoute.action,
      postForm("/account", { intent: "change-password", currentPassword: password, newPassword: "x".repeat(12) }),
    );
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);
  });

  it("shows the account page to its user", async () => {
    const { email, cookie } = await signUp({ name: "Page Owner" });
    const page = await call(accountRoute.loader, get("/account", { cookie }));
    expect(await page.json()).toMatchObject({ name: "Page Owner", email });
  });
});
