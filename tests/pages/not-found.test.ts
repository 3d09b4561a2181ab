import { randomUUID } from "node:crypto";
import { ownerPrisma as prisma } from "../setup/owner";
import * as detailRoute from "~/routes/customers.$id";
import * as detailIndexRoute from "~/routes/customers.$id._index";
import * as agreementsRoute from "~/routes/customers.$id.agreements";
import * as overviewRoute from "~/routes/customers.$id.overview";
import * as projectsRoute from "~/routes/customers.$id.projects";
import * as receivablesRoute from "~/routes/customers.$id.receivables";
import { insertCommercials, insertCustomer, insertEvents } from "../../prisma/factories";
import { signUp } from "../auth-helpers";
import { call, get, postForm } from "../http";

// Tenant isolation at the page edge: whatever id a client sends, a customer
// that is not the signed-in user's live customer answers 404 and nothing changes.

let cookie: string;
let ids: Record<"otherUsers" | "randomUuid" | "notAUuid" | "archived", string>;
/** An agreement of the user's own live customer: the URL's customer must still be theirs. */
let myAgreementId: string;

async function snapshot() {
  const [customers, events, agreements, receivables, projects] = await Promise.all([
    prisma().customer.findMany({ orderBy: { id: "asc" } }),
    prisma().customerEvent.count(),
    prisma().agreement.findMany({ orderBy: { id: "asc" } }),
    prisma().receivable.count(),
    prisma().project.count(),
  ]);
  return JSON.stringify({ customers, events, agreements, receivables, projects });
}

beforeAll(async () => {
  const mine = await signUp();
  cookie = mine.cookie;
  const other = await signUp();
  const otherUser = await prisma().user.findUniqueOrThrow({ where: { email: other.email } });
  const foreign = await insertCustomer(prisma(), otherUser.id, { name: "Someone Else's" });
  await insertEvents(prisma(), foreign, 2);
  await insertCommercials(prisma(), foreign);
  const me = await prisma().user.findUniqueOrThrow({ where: { email: mine.email } });
  myAgreementId = (await insertCommercials(prisma(), await insertCustomer(prisma(), me.id, { name: "Live Mine" }))).id;
  const archived = await insertCustomer(prisma(), me.id, { name: "Archived Mine" });
  await insertCommercials(prisma(), archived);
  await prisma().customer.update({ where: { id: archived.id }, data: { deletedAt: new Date() } });
  ids = { otherUsers: foreign.id, randomUuid: randomUUID(), notAUuid: "not-a-uuid'; DROP TABLE customers;--", archived: archived.id };
});

const cases = ["otherUsers", "randomUuid", "notAUuid", "archived"] as const;

describe.each(cases)("a customer id that is %s", (which) => {
  const loaders = [
    ["/customers/:id (layout)", detailRoute.loader, ""],
    ["/customers/:id (redirect)", detailIndexRoute.loader, ""],
    ["/customers/:id/overview", overviewRoute.loader, "/overview"],
    ["/customers/:id/agreements", agreementsRoute.loader, "/agreements"],
    ["/customers/:id/receivables", receivablesRoute.loader, "/receivables"],
    ["/customers/:id/projects", projectsRoute.loader, "/projects"],
  ] as const;

  it.each(loaders)("GET %s answers 404", async (_name, loader, suffix) => {
    const id = ids[which];
    const response = await call(loader, get(`/customers/${encodeURIComponent(id)}${suffix}`, { cookie }), { id });
    expect(response.status).toBe(404);
  });

  const detailIntents: Array<Record<string, string>> = [
    { intent: "status", status: "live" },
    { intent: "delete" },
    ...(which === "archived" ? [] : [{ intent: "restore" }]),
  ];
  it.each(detailIntents)("POST /customers/:id %o answers 404 and changes nothing", async (fields) => {
    const id = ids[which];
    const before = await snapshot();
    const response = await call(detailRoute.action, postForm(`/customers/${encodeURIComponent(id)}`, fields, { cookie }), { id });
    expect(response.status).toBe(404);
    expect(await snapshot()).toBe(before);
  });

  const overviewIntents: Array<Record<string, string>> = [
    { intent: "update-info", vertical: "Hacked" },
    { intent: "add-team-member", name: "Intruder" },
    { intent: "update-team-member", memberId: randomUUID(), name: "Intruder" },
    { intent: "remove-team-member", memberId: randomUUID() },
    { intent: "add-event", title: "Intrusion" },
  ];
  it.each(overviewIntents)("POST /customers/:id/overview %o answers 404 and changes nothing", async (fields) => {
    const id = ids[which];
    const before = await snapshot();
    const response = await call(
      overviewRoute.action,
      postForm(`/customers/${encodeURIComponent(id)}/overview`, fields, { cookie }),
      { id },
    );
    expect(response.status).toBe(404);
    expect(await snapshot()).toBe(before);
  });

  const agreementIntents: Array<Record<string, string>> = [
    { intent: "create-agreement", scope: "Intrusion", type: "other" },
    { intent: "update-agreement", scope: "Intrusion", type: "other" },
    { intent: "terminate-agreement", reason: "Intrusion" },
    { intent: "suspend-agreement" },
    { intent: "resume-agreement" },
    { intent: "renew-agreement" },
    { intent: "delete-agreement" },
  ];
  it.each(agreementIntents)("POST /customers/:id/agreements %o answers 404 and changes nothing", async (fields) => {
    const id = ids[which];
    const before = await snapshot();
    const response = await call(
      agreementsRoute.action,
      postForm(`/customers/${encodeURIComponent(id)}/agreements`, { ...fields, agreementId: myAgreementId }, { cookie }),
      { id },
    );
    expect(response.status).toBe(404);
    expect(await snapshot()).toBe(before);
  });
});

it("restores someone else's archived customer? no: 404, and it stays archived", async () => {
  await prisma().customer.update({ where: { id: ids.otherUsers }, data: { deletedAt: new Date() } });
  try {
    const response = await call(detailRoute.action, postForm(`/customers/${ids.otherUsers}`, { intent: "restore" }, { cookie }), { id: ids.otherUsers });
    expect(response.status).toBe(404);
    expect((await prisma().customer.findUniqueOrThrow({ where: { id: ids.otherUsers } })).deletedAt).not.toBeNull();
  } finally {
    await prisma().customer.update({ where: { id: ids.otherUsers }, data: { deletedAt: null } });
  }
});
