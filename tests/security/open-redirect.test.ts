import * as detailRoute from "~/routes/customers.$id";
import * as loginRoute from "~/routes/login";
import { DEFAULT_REDIRECT, safeRedirect } from "~/utils/safe-redirect";
import { insertCustomer } from "../../prisma/factories";
import { signedUpUser, signUp } from "../auth-helpers";
import { BASE_URL, call, get, postForm } from "../http";
import { ownerPrisma } from "../setup/owner";

// A redirectTo (or a form's redirectTo) must never take the browser off the
// app, however it is spelled. The check has to judge the path a browser will
// actually follow, i.e. after dot segments, encoded dots, backslashes and
// stripped tabs have been normalised away.

const HOSTILE = [
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "\\/evil.example",
  "\\\\evil.example",
  "https://evil.example/x",
  "http:evil.example",
  "javascript:alert(1)",
  "/.//evil.example",
  "/./\\evil.example",
  "/%2e//evil.example",
  "/%2E//evil.example",
  "/.%2e//evil.example",
  "/%2e%2e//evil.example",
  "/a/..//evil.example",
  "/customers/../..//evil.example/x",
  "/x/%2e%2e/%2e%2e//evil.example",
  "/.\\.\\/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n//evil.example",
  "\t//evil.example",
  " //evil.example",
  "/%2f%2fevil.example",
  "%2f%2fevil.example",
  "/%5c/evil.example",
  "/%09/evil.example",
  "/%0d%0a//evil.example",
] as const;

/** Where a browser goes when it follows `location` from a page of the app. */
function followedBy(location: string): URL {
  return new URL(location, BASE_URL);
}

/** A Location header that keeps the browser on the app, whichever way it is read. */
function expectStaysOnTheApp(location: string | null) {
  expect(location).not.toBeNull();
  // Exactly one leading slash, nothing a browser strips or turns into a slash.
  expect(location).toMatch(/^\/(?![/\\])/);
  // eslint-disable-next-line no-control-regex
  expect(location).not.toMatch(/[\u0000-\u0020\\]/);
  expect(followedBy(location!).origin).toBe(BASE_URL);
}

describe("safeRedirect", () => {
  it.each(HOSTILE)("keeps %j on the app", (value) => {
    const target = safeRedirect(value);
    expectStaysOnTheApp(target);
  });

  it.each([
    ["/.//evil.example"],
    ["/%2e//evil.example"],
    ["/a/..//evil.example"],
    ["/customers/../..//evil.example/x"],
    ["//evil.example"],
    ["\\/evil.example"],
    ["/\t/evil.example"],
  ])("falls back to the default for %j", (value) => {
    expect(safeRedirect(value)).toBe(DEFAULT_REDIRECT);
  });

  it.each([
    ["/customers?status=live", "/customers?status=live"],
    ["/customers/archived", "/customers/archived"],
    ["/customers/./archived", "/customers/archived"],
    ["/customers/x/../archived#top", "/customers/archived#top"],
    ["/%2f%2fevil.example", "/%2f%2fevil.example"],
  ])("returns the normalised same-origin path for %j", (value, expected) => {
    expect(safeRedirect(value)).toBe(expected);
  });
});

describe("GET /login while signed in", () => {
  let cookie: string;
  beforeAll(async () => {
    ({ cookie } = await signUp());
  });

  it.each(HOSTILE)("redirectTo=%j stays on the app", async (redirectTo) => {
    const url = `/login?${new URLSearchParams({ redirectTo })}`;
    const response = await call(loginRoute.loader, get(url, { cookie }));
    expect(response.status).toBe(302);
    expectStaysOnTheApp(response.headers.get("Location"));
  });

  it("follows a same-origin redirectTo", async () => {
    const response = await call(loginRoute.loader, get("/login?redirectTo=%2Fcustomers%2Farchived", { cookie }));
    expect(response.headers.get("Location")).toBe("/customers/archived");
  });
});

describe("POST /login", () => {
  let email: string;
  let password: string;
  beforeAll(async () => {
    ({ email, password } = await signUp());
  });

  it.each(HOSTILE)("redirectTo=%j stays on the app", async (redirectTo) => {
    const response = await call(loginRoute.action, postForm("/login", { email, password, redirectTo }));
    expect(response.status).toBe(302);
    expectStaysOnTheApp(response.headers.get("Location"));
  });
});

describe("the customer page's redirectTo (back to the tab)", () => {
  let cookie: string;
  let id: string;
  beforeAll(async () => {
    const user = await signedUpUser();
    cookie = user.cookie;
    id = (await insertCustomer(ownerPrisma(), user.id, { name: "Back To Co", status: "lead" })).id;
  });

  it.each([...HOSTILE, `/customers/{id}/../../..//evil.example`, `/customers/{id}/%2e%2e/%2e%2e/%2e%2e//evil.example`])(
    "redirectTo=%j lands on the overview",
    async (template) => {
      const redirectTo = template.replace("{id}", id);
      const response = await call(
        detailRoute.action,
        postForm(`/customers/${id}`, { intent: "status", status: "prospect", redirectTo }, { cookie }),
        { id },
      );
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe(`/customers/${id}/overview`);
    },
  );

  it("goes back to the tab the form was on", async () => {
    const response = await call(
      detailRoute.action,
      postForm(`/customers/${id}`, { intent: "status", status: "live", redirectTo: `/customers/${id}/projects` }, { cookie }),
      { id },
    );
    expect(response.headers.get("Location")).toBe(`/customers/${id}/projects`);
  });
});
