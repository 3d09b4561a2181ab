import { ownerPrisma as prisma } from "./setup/owner";
import * as apiCatchAll from "~/routes/api.$";
import * as customersIndex from "~/routes/customers._index";
import * as loginRoute from "~/routes/login";
import * as logoutRoute from "~/routes/logout";
import * as signupRoute from "~/routes/signup";
import { signUp } from "./auth-helpers";
import { call, get, postForm, sendJson, sessionCookieFrom } from "./http";

describe("signup", () => {
  it("creates an account, sets a session cookie and lands on /customers, which then answers 200", async () => {
    const response = await call(
      signupRoute.action,
      postForm("/signup", { name: "Ada", email: "Ada@Example.com", password: "a long password" }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/customers");
    const setCookie = response.headers.getSetCookie().find((value) => value.startsWith("__session="));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Max-Age=2592000/);

    const page = await call(customersIndex.loader, get("/customers", { cookie: sessionCookieFrom(response) }));
    expect(page.status).toBe(200);

    const user = await prisma().user.findUniqueOrThrow({ where: { email: "ada@example.com" }, include: { password: true } });
    expect(user.password?.hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user.password?.hash).not.toContain("a long password");
  });

  it("rejects a short password with a 400 and a field error", async () => {
    const response = await call(signupRoute.action, postForm("/signup", { name: "Bo", email: "bo@example.com", password: "short" }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: Record<string, string[]> };
    expect(body.error.password).toEqual(["Password must be at least 8 characters"]);
    expect(await prisma().user.count({ where: { email: "bo@example.com" } })).toBe(0);
  });

  it("reports an email that is already taken as a field error, whatever its case", async () => {
    await signUp({ email: "taken@example.com" });
    const response = await call(
      signupRoute.action,
      postForm("/signup", { name: "Other", email: "TAKEN@example.com", password: "another password" }),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: Record<string, string[]>; initialValue: Record<string, string> };
    expect(body.error.email).toEqual(["An account with this email already exists"]);
    expect(body.initialValue.name).toBe("Other");
    expect(body.initialValue.password).toBeUndefined();
  });
});

describe("login", () => {
  it("signs in with the right password and follows a same-origin redirectTo", async () => {
    const { email, password } = await signUp();
    const response = await call(
      loginRoute.action,
      postForm("/login", { email, password, redirectTo: "/customers?status=live" }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/customers?status=live");
    const page = await call(customersIndex.loader, get("/customers", { cookie: sessionCookieFrom(response) }));
    expect(page.status).toBe(200);
  });

  it("answers a wrong password and an unknown email with the same generic 400", async () => {
    const { email } = await signUp();
    for (const attempt of [
      { email, password: "not the password" },
      { email: "nobody@example.com", password: "not the password" },
    ]) {
      const response = await call(loginRoute.action, postForm("/login", attempt));
      expect(response.status).toBe(400);
      expect(sessionCookieFrom(response)).toBeNull();
      const body = (await response.json()) as { error: Record<string, string[]> };
      expect(body.error[""]).toEqual(["Invalid email or password"]);
    }
  });

  it.each(["//evil.example", "https://evil.example/x", "/\\evil.example", "javascript:alert(1)", "/%0d%0a//evil.example"])(
    "lands on /customers for the open-redirect attempt %s",
    async (redirectTo) => {
      const { email, password } = await signUp();
      const response = await call(loginRoute.action, postForm("/login", { email, password, redirectTo }));
      expect(response.status).toBe(302);
      const location = response.headers.get("Location")!;
      expect(new URL(location, "http://localhost:3000").origin).toBe("http://localhost:3000");
      if (!redirectTo.startsWith("/%0d")) expect(location).toBe("/customers");
    },
  );
});

describe("logout", () => {
  it("destroys the server-side session so the old cookie no longer works", async () => {
    const { cookie } = await signUp();
    expect((await call(customersIndex.loader, get("/customers", { cookie }))).status).toBe(200);

    const response = await call(logoutRoute.action, postForm("/logout", {}, { cookie }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login");
    expect(response.headers.getSetCookie().join()).toMatch(/__session=;.*Max-Age=0/);

    const replay = await call(customersIndex.loader, get("/customers", { cookie }));
    expect(replay.status).toBe(302);
    expect(replay.headers.get("Location")).toBe("/login?redirectTo=%2Fcustomers");
  });
});

describe("unauthenticated requests", () => {
  it("redirects a page to /login with where it was going", async () => {
    const response = await call(customersIndex.loader, get("/customers?status=lead&q=acme"));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent("/customers?status=lead&q=acme")}`);
  });

  it("answers /api/anything with 401 JSON, for reads and writes", async () => {
    for (const request of [get("/api/anything"), sendJson("POST", "/api/anything", { a: 1 })]) {
      const handler = request.method === "GET" ? apiCatchAll.loader : apiCatchAll.action;
      const response = await call(handler, request, { "*": "anything" });
      expect(response.status).toBe(401);
      expect(response.headers.get("Content-Type")).toMatch(/application\/json/);
      expect(await response.json()).toEqual({ error: "unauthorized" });
    }
  });

  it("does not accept a forged or tampered cookie", async () => {
    const { cookie } = await signUp();
    const tampered = cookie.replace(/.$/, (last) => (last === "A" ? "B" : "A"));
    const response = await call(customersIndex.loader, get("/customers", { cookie: tampered }));
    expect(response.status).toBe(302);
  });

  it("does not accept an expired session", async () => {
    const { cookie } = await signUp();
    await prisma().session.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const response = await call(customersIndex.loader, get("/customers", { cookie }));
    expect(response.status).toBe(302);
  });
});

describe("session rotation", () => {
  it("gives a new session at login and revokes the one the browser had", async () => {
    const { email, password, cookie: before } = await signUp();
    const response = await call(loginRoute.action, postForm("/login", { email, password }, { cookie: before }));
    expect(response.status).toBe(302);
    const after = sessionCookieFrom(response);
    expect(after).not.toBeNull();
    expect(after).not.toBe(before);
    expect((await call(customersIndex.loader, get("/customers", { cookie: after }))).status).toBe(200);
    expect((await call(customersIndex.loader, get("/customers", { cookie: before }))).status).toBe(302);
  });
});

describe("session cookie name", () => {
  it("uses the __Host- prefix in production only", async () => {
    const { sessionCookieName } = await import("~/auth/session.server");
    expect(sessionCookieName(true)).toBe("__Host-session");
    expect(sessionCookieName(false)).toBe("__session");
  });
});

describe("session lookup", () => {
  it("reads the session once per request, and afresh for the next one", async () => {
    const { getSessionUser } = await import("~/auth/session.server");
    const { cookie, email } = await signUp();
    const request = get("/customers", { cookie });
    const first = getSessionUser(request);
    expect(getSessionUser(request)).toBe(first);
    expect(await first).toMatchObject({ email });

    await prisma().session.deleteMany({ where: { user: { email } } });
    expect(await getSessionUser(request)).toMatchObject({ email }); // same request: same answer
    expect(await getSessionUser(get("/customers", { cookie }))).toBeNull();
  });

  it("shares the lookup between the copies of the Request that Remix gives each loader", async () => {
    const { getSessionUser } = await import("~/auth/session.server");
    const { anonymously } = await import("~/db/scope.server");
    const { withRequestScope } = await import("~/http/request-scope.server");
    const { cookie, email } = await signUp();
    const seen: unknown[] = [];
    await withRequestScope(get("/customers", { cookie }), async () => {
      seen.push(await getSessionUser(get("/customers", { cookie })));
      // Were the second copy to look again, it would find no session.
      await anonymously((db) => db.session.deleteMany({ where: { user: { email } } }));
      seen.push(await getSessionUser(get("/customers?index", { cookie })));
      return new Response(null, { status: 204 });
    });
    expect(seen).toEqual([expect.objectContaining({ email }), expect.objectContaining({ email })]);
  });
});
