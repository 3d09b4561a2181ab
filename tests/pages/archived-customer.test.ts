import { ownerPrisma as prisma } from "../setup/owner";
import * as detailRoute from "~/routes/customers.$id";
import * as agreementsRoute from "~/routes/customers.$id.agreements";
import * as overviewRoute from "~/routes/customers.$id.overview";
import * as projectsRoute from "~/routes/customers.$id.projects";
import * as receivablesRoute from "~/routes/customers.$id.receivables";
import { DAY_MS } from "~/utils/format";
import { insertCustomer } from "../../prisma/factories";
import { signedUpUser } from "../auth-helpers";
import { call, cookiesFrom, get, postForm } from "../http";
import { startAppServer, type AppServer } from "../support/app-server";

// An archived customer's own URL tells its owner that it is archived and
// offers to restore it, still as the 404 the contract gives an archived
// customer; a restore that already happened (a stale tab) is not an error.
// Nobody else learns anything from either.

let server: AppServer;
let me: { id: string; cookie: string };
let other: { id: string; cookie: string };
beforeAll(async () => {
  server = await startAppServer();
  [me, other] = [await signedUpUser(), await signedUpUser()];
});
afterAll(() => server.close());

async function archivedCustomer(userId: string, name: string, daysAgo = 3) {
  const customer = await insertCustomer(prisma(), userId, { name, status: "live" });
  return prisma().customer.update({ where: { id: customer.id }, data: { deletedAt: new Date(Date.now() - daysAgo * DAY_MS) } });
}

async function toastAfter(response: Response, cookie: string) {
  const root = await import("~/root");
  const page = await call(root.loader, get("/customers", { cookie: `${cookie}; ${cookiesFrom(response)}` }));
  return ((await page.json()) as { toast: { kind: string; message: string } | null }).toast;
}

function fetchPage(path: string, cookie: string, init: RequestInit = {}) {
  return fetch(`${server.url}${path}`, { redirect: "manual", ...init, headers: { Cookie: cookie, Origin: server.url, ...init.headers } });
}

describe("restoring a customer that is already restored", () => {
  it("redirects to the customer with a neutral toast instead of Customer not found", async () => {
    const customer = await archivedCustomer(me.id, "Twice Restored Ltd");
    const restore = () => call(detailRoute.action, postForm(`/customers/${customer.id}`, { intent: "restore" }, { cookie: me.cookie }), { id: customer.id });
    expect((await restore()).status).toBe(302);

    const again = await restore();
    expect(again.status).toBe(302);
    expect(again.headers.get("Location")).toBe(`/customers/${customer.id}/overview`);
    expect(await toastAfter(again, me.cookie)).toEqual({ kind: "info", message: "Twice Restored Ltd is already restored." });
    expect((await prisma().customer.findUniqueOrThrow({ where: { id: customer.id } })).deletedAt).toBeNull();
  });

  it("goes back to the tab the restore was sent from", async () => {
    const customer = await archivedCustomer(me.id, "Back To Tab Co");
    const response = await call(
      detailRoute.action,
      postForm(`/customers/${customer.id}`, { intent: "restore", redirectTo: `/customers/${customer.id}/projects` }, { cookie: me.cookie }),
      { id: customer.id },
    );
    expect(response.headers.get("Location")).toBe(`/customers/${customer.id}/projects`);
    expect(await toastAfter(response, me.cookie)).toEqual({ kind: "success", message: "Restored Back To Tab Co." });
  });

  it("another user's live customer is still a 404, and it stays as it was", async () => {
    const theirs = await insertCustomer(prisma(), other.id, { name: "Not Yours Inc" });
    const response = await call(detailRoute.action, postForm(`/customers/${theirs.id}`, { intent: "restore" }, { cookie: me.cookie }), { id: theirs.id });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("Not Yours Inc");
    expect(await prisma().customer.findUniqueOrThrow({ where: { id: theirs.id } })).toEqual(theirs);
  });
});

describe("an archived customer's own pages", () => {
  it.each([
    ["layout", detailRoute.loader],
    ["overview", overviewRoute.loader],
    ["agreements", agreementsRoute.loader],
    ["receivables", receivablesRoute.loader],
    ["projects", projectsRoute.loader],
  ] as const)("keep the contract's 404 (%s loader)", async (_tab, loader) => {
    const customer = await archivedCustomer(me.id, "Still Archived Co");
    const response = await call(loader, get(`/customers/${customer.id}/overview`, { cookie: me.cookie }), { id: customer.id });
    expect(response.status).toBe(404);
  });

  it.each(["overview", "agreements", "receivables", "projects"])(
    "/customers/<id>/%s says it is archived, when, for how long it can be restored, with a Restore form",
    async (tab) => {
      const customer = await archivedCustomer(me.id, "Archived & Co", 3);
      const response = await fetchPage(`/customers/${customer.id}/${tab}`, me.cookie);
      expect(response.status).toBe(404);
      const html = await response.text();
      expect(html).toContain("Archived &amp; Co is archived");
      expect(html).not.toContain("Customer not found</h1>");
      expect(html).toMatch(/27 days left to restore it/);
      expect(html).toContain(`<time dateTime="${customer.deletedAt!.toISOString()}"`);
      const form = html.match(new RegExp(`<form method="post" action="/customers/${customer.id}"[^>]*>([\\s\\S]*?)</form>`));
      expect(form?.[1]).toContain('name="intent" value="restore"');
      expect(form?.[1]).toContain(`name="redirectTo" value="/customers/${customer.id}/${tab}"`);
      expect(form?.[1]).toMatch(/<button[^>]*type="submit"[^>]*>[\s\S]*Restore/);
    },
  );

  it("the Restore form, posted without JavaScript, brings the customer back to that tab", async () => {
    const customer = await archivedCustomer(me.id, "Form Restored Co");
    const response = await fetchPage(`/customers/${customer.id}`, me.cookie, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "restore", redirectTo: `/customers/${customer.id}/agreements` }).toString(),
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/customers/${customer.id}/agreements`);
    const page = await fetchPage(`/customers/${customer.id}/agreements`, me.cookie);
    expect(page.status).toBe(200);
  });

  it("a customer past the restore window is plainly not found", async () => {
    const customer = await archivedCustomer(me.id, "Long Gone Co", 31);
    const response = await fetchPage(`/customers/${customer.id}/overview`, me.cookie);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain("Customer not found");
    expect(html).not.toContain("Long Gone Co");
    expect(html).not.toContain('value="restore"');
  });

  it("the JSON API answers exactly as the contract says", async () => {
    const customer = await archivedCustomer(me.id, "Api Archived Co");
    const response = await fetchPage(`/api/customers/${customer.id}`, me.cookie);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "not_found" });
  });
});

describe("another user's customer id", () => {
  it.each([
    ["archived", (name: string) => archivedCustomer(other.id, name)],
    ["live", (name: string) => insertCustomer(prisma(), other.id, { name })],
  ] as const)("answers a plain 404 that reveals nothing (%s)", async (_which, make) => {
    const theirs = await make("Their Secret Co");
    for (const tab of ["overview", "agreements", "receivables", "projects"]) {
      const response = await fetchPage(`/customers/${theirs.id}/${tab}`, me.cookie);
      expect(response.status).toBe(404);
      const html = await response.text();
      expect(html).toContain("Customer not found");
      expect(html).not.toContain("Their Secret Co");
      expect(html).not.toContain("is archived");
      expect(html).not.toContain('value="restore"');
      const data = await fetchPage(`/customers/${theirs.id}/${tab}?_data=routes%2Fcustomers.%24id`, me.cookie);
      expect(data.status).toBe(404);
      expect(await data.json()).toEqual({ error: "not_found" });
    }
  });
});
