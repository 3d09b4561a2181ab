import { ownerPrisma as prisma } from "../setup/owner";
import * as layoutRoute from "~/routes/customers";
import * as detailRoute from "~/routes/customers.$id";
import * as indexRoute from "~/routes/customers._index";
import * as archivedRoute from "~/routes/customers.archived";
import * as newRoute from "~/routes/customers.new";
import * as overviewRoute from "~/routes/customers.$id.overview";
import { signUp } from "../auth-helpers";
import { call, cookiesFrom, get, postForm } from "../http";

// What a browser without JavaScript does: plain form-encoded POSTs to the
// route actions, following the redirect with a GET.

let cookie: string;
beforeAll(async () => {
  ({ cookie } = await signUp());
});

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

async function toastAfter(response: Response): Promise<string | undefined> {
  // The flash cookie is read by the root loader on the next page.
  const root = await import("~/root");
  const page = await call(root.loader, get("/customers", { cookie: `${cookie}; ${cookiesFrom(response)}` }));
  const data = await json<{ toast: { message: string } | null }>(page);
  return data.toast?.message;
}

async function createVia(handler: typeof indexRoute.action, path: string, name: string) {
  const response = await call(handler, postForm(path, { intent: "create", name, status: "prospect" }, { cookie }));
  expect(response.status).toBe(302);
  const location = response.headers.get("Location")!;
  expect(location).toMatch(/^\/customers\/[0-9a-f-]{36}\/overview$/);
  return { id: location.split("/")[2]!, response };
}

describe("create", () => {
  it.each([
    ["the list page (index action)", indexRoute.action, "/customers?index"],
    ["POST /customers (layout action)", layoutRoute.action, "/customers"],
    ["the /customers/new page", newRoute.action, "/customers/new"],
  ])("creates from %s and lands on the overview with a toast", async (_where, handler, path) => {
    const { id, response } = await createVia(handler, path, `Created via ${path}`);
    expect(await toastAfter(response)).toBe(`Created Created via ${path}.`);
    const list = await json<{ customers: Array<{ id: string; name: string; status: string }> }>(
      await call(indexRoute.loader, get("/customers", { cookie })),
    );
    expect(list.customers.find((customer) => customer.id === id)).toMatchObject({ name: `Created via ${path}`, status: "prospect" });
  });

  it("defaults the status to lead", async () => {
    const response = await call(indexRoute.action, postForm("/customers?index", { intent: "create", name: "No Status Co" }, { cookie }));
    const id = response.headers.get("Location")!.split("/")[2]!;
    expect((await prisma().customer.findUniqueOrThrow({ where: { id } })).status).toBe("lead");
  });

  it("re-renders with 400 and a field error, keeping what was typed", async () => {
    const before = await prisma().customer.count();
    const response = await call(newRoute.action, postForm("/customers/new", { intent: "create", name: "   ", status: "live" }, { cookie }));
    expect(response.status).toBe(400);
    const body = await json<{ result: { error: Record<string, string[]>; initialValue: Record<string, string> } }>(response);
    expect(body.result.error.name).toEqual(["Name is required"]);
    expect(body.result.initialValue.status).toBe("live");
    expect(await prisma().customer.count()).toBe(before);
  });

  it("rejects an unknown status with 400", async () => {
    const response = await call(newRoute.action, postForm("/customers/new", { intent: "create", name: "X", status: "won" }, { cookie }));
    expect(response.status).toBe(400);
  });
});

describe("detail actions", () => {
  let id: string;
  beforeEach(async () => {
    ({ id } = await createVia(indexRoute.action, "/customers?index", "Acme Corp"));
  });

  it("changes the status, records the event and shows a toast", async () => {
    const response = await call(
      detailRoute.action,
      postForm(`/customers/${id}`, { intent: "status", status: "negotiation", redirectTo: `/customers/${id}/agreements` }, { cookie }),
      { id },
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/customers/${id}/agreements`);
    expect(await toastAfter(response)).toBe("Status changed to Negotiation.");
    const overview = await json<{ events: Array<{ title: string }> }>(
      await call(overviewRoute.loader, get(`/customers/${id}/overview`, { cookie }), { id }),
    );
    expect(overview.events[0]!.title).toBe("Status changed from Prospect to Negotiation");
    const header = await json<{ customer: { status: string } }>(await call(detailRoute.loader, get(`/customers/${id}`, { cookie }), { id }));
    expect(header.customer.status).toBe("negotiation");
  });

  it("re-selecting the current status writes nothing and says so, without claiming a change", async () => {
    const before = await prisma().customer.findUniqueOrThrow({ where: { id } });
    const response = await call(
      detailRoute.action,
      postForm(`/customers/${id}`, { intent: "status", status: "prospect", redirectTo: `/customers/${id}/overview` }, { cookie }),
      { id },
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/customers/${id}/overview`);
    expect(await toastAfter(response)).toBe("Status is already Prospect.");
    expect(await prisma().customer.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await prisma().customerEvent.count({ where: { customerId: id } })).toBe(0);
  });

  it("does not redirect a status change off the customer's pages", async () => {
    const response = await call(
      detailRoute.action,
      postForm(`/customers/${id}`, { intent: "status", status: "live", redirectTo: "//evil.example/x" }, { cookie }),
      { id },
    );
    expect(response.headers.get("Location")).toBe(`/customers/${id}/overview`);
  });

  it("edits info: set fields appear, cleared fields go, unknown keys stay", async () => {
    await prisma().customer.update({ where: { id }, data: { info: { about: "Old", custom_field: "kept", product: { name: "Old", extra: 1 } } } });
    const response = await call(
      overviewRoute.action,
      postForm(`/customers/${id}/overview`, {
        intent: "update-info",
        about: "",
        vertical: "Fintech",
        productName: "Acme Pay",
        productUrl: "https://acme.example",
      }, { cookie }),
      { id },
    );
    expect(response.status).toBe(302);
    expect(await toastAfter(response)).toBe("Customer info saved.");
    const { info } = await json<{ info: Record<string, unknown> }>(
      await call(overviewRoute.loader, get(`/customers/${id}/overview`, { cookie }), { id }),
    );
    expect(info).toMatchObject({ vertical: "Fintech", product: { name: "Acme Pay", url: "https://acme.example" } });
    expect(info.about).toBeUndefined();
    const stored = await prisma().customer.findUniqueOrThrow({ where: { id } });
    expect(stored.info).toMatchObject({ custom_field: "kept", product: { extra: 1 } });
  });

  it("saving the info form unchanged writes nothing and says so", async () => {
    await prisma().customer.update({
      where: { id },
      data: { info: { about: "Makes things", custom_field: "kept", product: { name: "Acme Pay", url: "https://acme.example", extra: 1 } } },
    });
    const before = await prisma().customer.findUniqueOrThrow({ where: { id } });
    // What the form sends back untouched: every field, the empty ones blank.
    const response = await call(
      overviewRoute.action,
      postForm(`/customers/${id}/overview`, {
        intent: "update-info",
        about: "Makes things",
        vertical: "",
        persona: "",
        icp: "",
        productName: "Acme Pay",
        productStage: "",
        productCategory: "",
        productDescription: "",
        productUrl: "https://acme.example",
      }, { cookie }),
      { id },
    );
    expect(response.status).toBe(302);
    expect(await toastAfter(response)).toBe("No changes to save.");
    expect(await prisma().customer.findUniqueOrThrow({ where: { id } })).toEqual(before);
  });

  it("rejects a bad product URL with 400 and changes nothing", async () => {
    const before = await prisma().customer.findUniqueOrThrow({ where: { id } });
    const response = await call(
      overviewRoute.action,
      postForm(`/customers/${id}/overview`, { intent: "update-info", productUrl: "javascript:alert(1)" }, { cookie }),
      { id },
    );
    expect(response.status).toBe(400);
    const body = await json<{ intent: string; result: { error: Record<string, string[]> } }>(response);
    expect(body.intent).toBe("update-info");
    expect(body.result.error.productUrl).toBeDefined();
    expect((await prisma().customer.findUniqueOrThrow({ where: { id } })).info).toEqual(before.info);
  });

  it("adds, edits and removes a team member", async () => {
    const add = await call(
      overviewRoute.action,
      postForm(`/customers/${id}/overview`, { intent: "add-team-member", name: "Maya Okafor", role: "CTO", email: "maya@acme.example" }, { cookie }),
      { id },
    );
    expect(add.status).toBe(302);
    expect(await toastAfter(add)).toBe("Added Maya Okafor to the team.");
    type Team = { team: Array<{ id: string; name: string; role?: string; email?: string }> };
    let { team } = await json<Team>(await call(overviewRoute.loader, get(`/customers/${id}/overview`, { cookie }), { id }));
    expect(team).toEqual([expect.objectContaining({ name: "Maya Okafor", role: "CTO", email: "maya@acme.example" })]);
    const memberId = team[0]!.id;

    const edit = await call(
      overviewRoute.action,
      postForm(`/customers/${id}/overview`, { intent: "update-team-member", memberId, name: "Maya Okafor", role: "CEO" }, { cookie }),
      { id },
    );
    expect(edit.status).toBe(302);
    ({ team } = await json<Team>(await call(overviewRoute.loader, get(`/customers/${id}/overview`, { cookie }), { id })));
    expect(team[0]).toMatchObject({ id: memberId, role: "CEO" });
    expect(team[0]!.email).toBeUndefined();

    const remove = await call(overviewRoute.action, postForm(`/customers/${id}/overview`, { intent: "remove-team-member", memberId }, { cookie }), { id });
    expect(remove.status).toBe(302);
    ({ team } = await json<Team>(await call(overviewRoute.loader, get(`/customers/${id}/overview`, { cookie }), { id })));
    expect(team).toEqual([]);
  });

  it("saving a team member unchanged writes nothing and says so", async () => {
    const memberId = "6f1c1d4e-8a43-4b8e-9a4e-2f4a7c0d9b11";
    await prisma().customer.update({ where: { id }, data: { info: { team: [{ id: memberId, name: "Maya Okafor", role: "CTO", linkedin: "kept" }] } } });
    const before = await prisma().customer.findUniqueOrThrow({ where: { id } });
    const response = await call(
      overviewRoute.action,
      postForm(`/customers/${id}/overview`, { intent: "update-team-member", memberId, name: "Maya Okafor", role: "CTO", email: "", notes: "" }, { cookie }),
      { id },
    );
    expect(response.status).toBe(302);
    expect(await toastAfter(response)).toBe("No changes to save.");
    expect(await prisma().customer.findUniqueOrThrow({ where: { id } })).toEqual(before);
  });

  it("validates a team member's email", async () => {
    const response = await call(
      overviewRoute.action,
      postForm(`/customers/${id}/overview`, { intent: "add-team-member", name: "Liam", email: "not-an-email" }, { cookie }),
      { id },
    );
    expect(response.status).toBe(400);
    const body = await json<{ result: { error: Record<string, string[]> } }>(response);
    expect(body.result.error.email).toEqual(["Enter a valid email address"]);
  });

  it("adds an event that appears first in the timeline", async () => {
    const response = await call(
      overviewRoute.action,
      postForm(`/customers/${id}/overview`, {
        intent: "add-event",
        eventType: "meeting",
        title: "Quarterly review",
        description: "Went well",
        participants: ["Maya Okafor", " Liam Hughes ", ""],
        eventDate: "2099-01-02T10:30",
      }, { cookie }),
      { id },
    );
    expect(response.status).toBe(302);
    expect(await toastAfter(response)).toBe("Event added.");
    const { events } = await json<{ events: Array<{ title: string; eventType: string; participants: string[]; eventDate: string }> }>(
      await call(overviewRoute.loader, get(`/customers/${id}/overview`, { cookie }), { id }),
    );
    expect(events[0]).toMatchObject({
      title: "Quarterly review",
      eventType: "meeting",
      participants: ["Maya Okafor", "Liam Hughes"],
      eventDate: "2099-01-02T10:30:00.000Z",
    });
  });

  // Date.parse would store 30 February as 2 March and "0" as 1 January 2000.
  it.each(["2026-02-30T10:00", "0", "2026-03-01T24:00", "2026-03-01T10:60", "2026-03-01", "2026-03-01T10:00:00Z"])(
    "refuses the event date %j with 400 and a field error, keeping what was typed",
    async (eventDate) => {
      const response = await call(
        overviewRoute.action,
        postForm(`/customers/${id}/overview`, { intent: "add-event", title: "Typed", eventDate }, { cookie }),
        { id },
      );
      expect(response.status).toBe(400);
      const body = await json<{ intent: string; result: { error: Record<string, string[]>; initialValue: Record<string, string> } }>(response);
      expect(body.intent).toBe("add-event");
      expect(body.result.error.eventDate).toEqual(["Date must be a real date and time (YYYY-MM-DDTHH:MM)"]);
      expect(body.result.initialValue).toMatchObject({ title: "Typed", eventDate });
      expect(await prisma().customerEvent.count({ where: { customerId: id, title: "Typed" } })).toBe(0);
    },
  );

  it("requires an event title", async () => {
    const response = await call(overviewRoute.action, postForm(`/customers/${id}/overview`, { intent: "add-event", title: "" }, { cookie }), { id });
    expect(response.status).toBe(400);
  });

  it("answers an unknown intent with 400", async () => {
    const response = await call(detailRoute.action, postForm(`/customers/${id}`, { intent: "explode" }, { cookie }), { id });
    expect(response.status).toBe(400);
  });

  it("archives: gone from the list, detail 404, listed as archived; restore brings it back", async () => {
    const archive = await call(detailRoute.action, postForm(`/customers/${id}`, { intent: "delete" }, { cookie }), { id });
    expect(archive.status).toBe(302);
    expect(archive.headers.get("Location")).toBe("/customers");
    expect(await toastAfter(archive)).toBe("Archived Acme Corp. You can restore it within 30 days.");

    const list = await json<{ customers: Array<{ id: string }> }>(await call(indexRoute.loader, get("/customers", { cookie })));
    expect(list.customers.map((customer) => customer.id)).not.toContain(id);
    expect((await call(detailRoute.loader, get(`/customers/${id}`, { cookie }), { id })).status).toBe(404);
    expect((await call(overviewRoute.loader, get(`/customers/${id}/overview`, { cookie }), { id })).status).toBe(404);

    const archived = await json<{ customers: Array<{ id: string; daysLeft: number }> }>(
      await call(archivedRoute.loader, get("/customers/archived", { cookie })),
    );
    expect(archived.customers.find((customer) => customer.id === id)?.daysLeft).toBe(30);

    const restore = await call(detailRoute.action, postForm(`/customers/${id}`, { intent: "restore" }, { cookie }), { id });
    expect(restore.status).toBe(302);
    expect(restore.headers.get("Location")).toBe(`/customers/${id}/overview`);
    expect(await toastAfter(restore)).toBe("Restored Acme Corp.");
    expect((await call(overviewRoute.loader, get(`/customers/${id}/overview`, { cookie }), { id })).status).toBe(200);
  });

  it("will not restore after the 30-day window", async () => {
    await prisma().customer.update({ where: { id }, data: { deletedAt: new Date(Date.now() - 31 * 86_400_000) } });
    const restore = await call(detailRoute.action, postForm(`/customers/${id}`, { intent: "restore" }, { cookie }), { id });
    expect(restore.headers.get("Location")).toBe("/customers/archived");
    expect(await toastAfter(restore)).toMatch(/can no longer be restored/);
    expect((await prisma().customer.findUniqueOrThrow({ where: { id } })).deletedAt).not.toBeNull();
  });
});
