import { ownerPrisma as prisma } from "../setup/owner";
import { api, customerFor, jsonOf, signedInUser, type ErrorBody, type TestUser } from "./helpers";
import {
  act,
  addDays,
  agreementsSnapshot,
  createVia,
  daysBetween,
  eventsOf,
  insertAgreement,
  insertReceivable,
  todayOf,
  type AgreementBody,
  type ConflictBody,
} from "./agreement-helpers";

// The lifecycle actions through the API: terminate, suspend, resume, renew and
// delete. Each allowed action writes exactly one timeline event; each refused
// one answers 409 { error: "conflict", message } and writes nothing.

let user: TestUser;
let customer: { id: string; userId: string };
let today: string;

beforeAll(async () => {
  user = await signedInUser();
  customer = await customerFor(user, { name: "Lifecycle Co", status: "live" });
  today = await todayOf(user.id);
});

/** Runs an action that must succeed with `status`; checks it wrote exactly one event, about it. */
async function expectDone(response: Promise<Response>, status: number, action: string, agreementId: string) {
  const before = await eventsOf(customer.id);
  const answer = await response;
  const json = await jsonOf<AgreementBody & ErrorBody>(answer);
  expect(answer.status, JSON.stringify(json)).toBe(status);
  const events = await eventsOf(customer.id);
  expect(events).toHaveLength(before.length + 1);
  const event = events.find((candidate) => !before.some((old) => old.id === candidate.id))!;
  expect(event.metadata).toMatchObject({ agreement_id: agreementId, action });
  expect(event.userId).toBe(user.id);
  return json.agreement;
}

/** Runs an action that must be refused with a 409; checks nothing was written at all. */
async function expectConflict(response: () => Promise<Response>, message: RegExp) {
  const before = await agreementsSnapshot();
  const answer = await response();
  const json = await jsonOf<ConflictBody>(answer);
  expect(answer.status, JSON.stringify(json)).toBe(409);
  expect(json).toEqual({ error: "conflict", message: expect.stringMatching(message) });
  expect(await agreementsSnapshot()).toEqual(before);
}

const running = () =>
  createVia(user, customer.id, {
    scope: "Running",
    type: "retainer",
    pricing: { amount: 2000, period: "month", hours_included: 12.5 },
    start_date: addDays(today, -60),
    end_date: addDays(today, 120),
    notice_days: 45,
  });

describe("terminate", () => {
  it("defaults to today: the end date becomes today, the reason is kept", async () => {
    const agreement = await running();
    const done = await expectDone(act(user, agreement.id, "terminate", { reason: " Budget cut " }), 200, "terminate", agreement.id);
    expect(done).toMatchObject({
      status: "terminated",
      override_status: "terminated",
      terminated_on: today,
      end_date: today,
      termination_reason: "Budget cut",
    });
    const events = await eventsOf(customer.id);
    expect(events.at(-1)!.metadata).toEqual({ agreement_id: agreement.id, action: "terminate", date: today, reason: "Budget cut" });
  });

  it("works without any body at all", async () => {
    const agreement = await running();
    const done = await expectDone(act(user, agreement.id, "terminate"), 200, "terminate", agreement.id);
    expect(done).toMatchObject({ status: "terminated", terminated_on: today, termination_reason: null });
  });

  it("on a given date: the end date becomes it when the end was later", async () => {
    const agreement = await running();
    const date = addDays(today, 10);
    const done = await expectDone(act(user, agreement.id, "terminate", { date }), 200, "terminate", agreement.id);
    expect(done).toMatchObject({ end_date: date, terminated_on: date, status: "terminated" });
  });

  it("the end date becomes the date when there was none", async () => {
    const agreement = await createVia(user, customer.id, { scope: "Open-ended", type: "other", start_date: addDays(today, -5) });
    const done = await expectDone(act(user, agreement.id, "terminate", { date: today }), 200, "terminate", agreement.id);
    expect(done.end_date).toBe(today);
  });

  it("an earlier end date is kept", async () => {
    const agreement = await createVia(user, customer.id, { scope: "Ended", type: "other", start_date: addDays(today, -50), end_date: addDays(today, -20) });
    const done = await expectDone(act(user, agreement.id, "terminate", { date: addDays(today, -10) }), 200, "terminate", agreement.id);
    expect(done).toMatchObject({ end_date: addDays(today, -20), terminated_on: addDays(today, -10) });
  });

  it("on the start date itself is allowed; before it → 409", async () => {
    const agreement = await createVia(user, customer.id, { scope: "Future", type: "other", start_date: addDays(today, 5) });
    await expectConflict(() => act(user, agreement.id, "terminate"), /before it starts/);
    await expectConflict(() => act(user, agreement.id, "terminate", { date: addDays(today, 4) }), /before it starts/);
    const done = await expectDone(act(user, agreement.id, "terminate", { date: addDays(today, 5) }), 200, "terminate", agreement.id);
    expect(done.end_date).toBe(addDays(today, 5));
  });

  it("an agreement already terminated → 409", async () => {
    const agreement = await running();
    await expectDone(act(user, agreement.id, "terminate"), 200, "terminate", agreement.id);
    await expectConflict(() => act(user, agreement.id, "terminate"), /already terminated/);
  });

  it("a suspended agreement can be terminated", async () => {
    const agreement = await running();
    await expectDone(act(user, agreement.id, "suspend"), 200, "suspend", agreement.id);
    expect((await expectDone(act(user, agreement.id, "terminate"), 200, "terminate", agreement.id)).status).toBe("terminated");
  });

  it.each([
    [{ date: "2026-02-30" }, ["date"]],
    [{ date: "today" }, ["date"]],
    [{ date: null }, ["date"]],
    [{ reason: "r".repeat(1001) }, ["reason"]],
    [{ reason: 42 }, ["reason"]],
    [{ when: "2026-01-01" }, ["when"]],
    ["[]", [""]],
    ["{", [""]],
  ])("%j → 400 naming %j, nothing written", async (body, fields) => {
    const agreement = await running();
    const before = await agreementsSnapshot();
    const response = await act(user, agreement.id, "terminate", body);
    expect(response.status).toBe(400);
    expect(Object.keys((await jsonOf<ErrorBody>(response)).issues!)).toEqual(fields);
    expect(await agreementsSnapshot()).toEqual(before);
  });
});

describe("suspend and resume", () => {
  it("suspend → suspended; resume → back to its computed status; one event each", async () => {
    const agreement = await running();
    expect(agreement.status).toBe("active");
    const suspended = await expectDone(act(user, agreement.id, "suspend"), 200, "suspend", agreement.id);
    expect(suspended).toMatchObject({ status: "suspended", override_status: "suspended" });
    const resumed = await expectDone(act(user, agreement.id, "resume", {}), 200, "resume", agreement.id);
    expect(resumed).toMatchObject({ status: "active", override_status: null });
  });

  it("suspend twice → 409; resume when not suspended → 409", async () => {
    const agreement = await running();
    await expectConflict(() => act(user, agreement.id, "resume"), /not suspended/);
    await expectDone(act(user, agreement.id, "suspend"), 200, "suspend", agreement.id);
    await expectConflict(() => act(user, agreement.id, "suspend"), /already suspended/);
  });

  it("a terminated agreement can be neither suspended nor resumed → 409", async () => {
    const agreement = await running();
    await expectDone(act(user, agreement.id, "terminate"), 200, "terminate", agreement.id);
    await expectConflict(() => act(user, agreement.id, "suspend"), /terminated/);
    await expectConflict(() => act(user, agreement.id, "resume"), /terminated/);
  });

  it.each(["suspend", "resume", "renew"])("%s takes no field: an unknown one → 400, nothing written", async (action) => {
    const agreement = await running();
    const before = await agreementsSnapshot();
    const response = await act(user, agreement.id, action, { date: today });
    expect(response.status).toBe(400);
    expect((await jsonOf<ErrorBody>(response)).issues).toEqual({ date: ["Unknown field"] });
    const notJson = await api("POST", `/api/agreements/${agreement.id}/${action}`, { cookie: user.cookie, body: "x", contentType: "text/plain" });
    expect(notJson.status).toBe(400);
    expect(await agreementsSnapshot()).toEqual(before);
  });
});

describe("renew", () => {
  it("creates the successor: same scope, type, pricing and notice, the day after the end, as long, linked", async () => {
    const agreement = await running();
    const successor = await expectDone(act(user, agreement.id, "renew"), 201, "renew", agreement.id);
    expect(successor).toMatchObject({
      customer_id: customer.id,
      scope: agreement.scope,
      type: agreement.type,
      pricing: agreement.pricing,
      notice_days: agreement.notice_days,
      renewal_of: agreement.id,
      start_date: addDays(agreement.end_date!, 1),
      override_status: null,
      status: "upcoming",
      billed: "0.00",
    });
    expect(successor.id).not.toBe(agreement.id);
    expect(daysBetween(successor.start_date!, successor.end_date!)).toBe(daysBetween(agreement.start_date!, agreement.end_date!));
    // The old one is untouched, and both are listed.
    const old = await jsonOf<AgreementBody>(await api("GET", `/api/agreements/${agreement.id}`, { cookie: user.cookie }));
    expect(old.agreement).toEqual(agreement);
    const event = (await eventsOf(customer.id)).at(-1)!;
    expect(event.metadata).toMatchObject({ successor_id: successor.id, start_date: successor.start_date, end_date: successor.end_date });
  });

  it("a one-day agreement renews into one day", async () => {
    const agreement = await createVia(user, customer.id, { scope: "One day", type: "other", start_date: "2026-03-31", end_date: "2026-03-31" });
    const successor = await expectDone(act(user, agreement.id, "renew"), 201, "renew", agreement.id);
    expect(successor).toMatchObject({ start_date: "2026-04-01", end_date: "2026-04-01" });
  });

  it("an expired agreement renews (across a leap day, length in days kept)", async () => {
    const agreement = await createVia(user, customer.id, { scope: "Leap", type: "other", start_date: "2027-03-01", end_date: "2028-02-28" });
    const successor = await expectDone(act(user, agreement.id, "renew"), 201, "renew", agreement.id);
    expect(successor).toMatchObject({ start_date: "2028-02-29", end_date: addDays("2028-02-29", daysBetween("2027-03-01", "2028-02-28")) });
  });

  it("open-ended → 409", async () => {
    const agreement = await createVia(user, customer.id, { scope: "Open", type: "other", start_date: today });
    await expectConflict(() => act(user, agreement.id, "renew"), /no end date/);
  });

  it("no start date → 409", async () => {
    const agreement = await createVia(user, customer.id, { scope: "No start", type: "other", end_date: addDays(today, 10) });
    await expectConflict(() => act(user, agreement.id, "renew"), /no start date/);
  });

  it("terminated → 409", async () => {
    const agreement = await running();
    await expectDone(act(user, agreement.id, "terminate"), 200, "terminate", agreement.id);
    await expectConflict(() => act(user, agreement.id, "renew"), /terminated/);
  });

  it("twice → 409 (renew the successor instead)", async () => {
    const agreement = await running();
    const successor = await expectDone(act(user, agreement.id, "renew"), 201, "renew", agreement.id);
    await expectConflict(() => act(user, agreement.id, "renew"), /already been renewed/);
    const third = await expectDone(act(user, successor.id, "renew"), 201, "renew", successor.id);
    expect(third.renewal_of).toBe(successor.id);
  });

  it("a double submit creates exactly one successor: the row lock makes the second a 409", async () => {
    const agreement = await running();
    const eventsBefore = (await eventsOf(customer.id)).length;
    const responses = await Promise.all([act(user, agreement.id, "renew"), act(user, agreement.id, "renew")]);
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
    expect(await prisma().agreement.count({ where: { renewalOf: agreement.id } })).toBe(1);
    expect((await eventsOf(customer.id)).length).toBe(eventsBefore + 1);
  });

  it("five at once still make one successor", async () => {
    const agreement = await running();
    const responses = await Promise.all(Array.from({ length: 5 }, () => act(user, agreement.id, "renew")));
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await prisma().agreement.count({ where: { renewalOf: agreement.id } })).toBe(1);
  });
});

describe("delete", () => {
  it("200 with the agreement; then it is gone from every read; one event", async () => {
    const agreement = await running();
    const deleted = await expectDone(api("DELETE", `/api/agreements/${agreement.id}`, { cookie: user.cookie }), 200, "delete", agreement.id);
    expect(deleted).toEqual(agreement);
    expect((await api("GET", `/api/agreements/${agreement.id}`, { cookie: user.cookie })).status).toBe(404);
    const list = await jsonOf<{ agreements: Array<{ id: string }> }>(await api("GET", `/api/customers/${customer.id}/agreements`, { cookie: user.cookie }));
    expect(list.agreements.map(({ id }) => id)).not.toContain(agreement.id);
    expect((await api("DELETE", `/api/agreements/${agreement.id}`, { cookie: user.cookie })).status).toBe(404);
  });

  it("deleting a renewed agreement keeps the successor, unlinked", async () => {
    const agreement = await running();
    const successor = await expectDone(act(user, agreement.id, "renew"), 201, "renew", agreement.id);
    await expectDone(api("DELETE", `/api/agreements/${agreement.id}`, { cookie: user.cookie }), 200, "delete", agreement.id);
    const read = await jsonOf<AgreementBody>(await api("GET", `/api/agreements/${successor.id}`, { cookie: user.cookie }));
    expect(read.agreement.renewal_of).toBeNull();
  });

  it.each([
    ["an invoice", async (agreementId: string) => insertReceivable(customer, { type: "invoice", amount: "100.00", linkedAgreementId: agreementId })],
    ["a draft invoice", async (agreementId: string) => insertReceivable(customer, { type: "invoice", amount: "100.00", status: "draft", linkedAgreementId: agreementId })],
    ["a payment", async (agreementId: string) => insertReceivable(customer, { type: "payment", amount: "100.00", status: "received", linkedAgreementId: agreementId })],
    ["a project", async (agreementId: string) => prisma().project.create({ data: { userId: customer.userId, customerId: customer.id, name: "Linked", agreementId } })],
  ])("409 while %s links to it; 200 once unlinked", async (_label, link) => {
    const agreement = await insertAgreement(customer, { scope: "Linked", startDate: "2026-01-01", endDate: "2026-12-31" });
    const linked = await link(agreement.id);
    await expectConflict(() => api("DELETE", `/api/agreements/${agreement.id}`, { cookie: user.cookie }), /cannot be deleted.*Terminate it instead/);
    if ("amount" in linked) await prisma().receivable.delete({ where: { id: linked.id } });
    else await prisma().project.delete({ where: { id: linked.id } });
    await expectDone(api("DELETE", `/api/agreements/${agreement.id}`, { cookie: user.cookie }), 200, "delete", agreement.id);
  });
});

describe("methods and paths", () => {
  it.each([
    ["PUT", "/api/agreements/:aid", "GET, PATCH, DELETE"],
    ["POST", "/api/agreements/:aid", "GET, PATCH, DELETE"],
    ["GET", "/api/agreements/:aid/terminate", "POST"],
    ["DELETE", "/api/agreements/:aid/renew", "POST"],
    ["PATCH", "/api/agreements/:aid/suspend", "POST"],
    ["PUT", "/api/customers/:id/agreements", "GET, POST"],
    ["DELETE", "/api/customers/:id/agreements", "GET, POST"],
  ])("%s %s → 405 with Allow: %s, nothing written", async (method, template, allow) => {
    const agreement = await running();
    const before = await agreementsSnapshot();
    const response = await api(method, template.replace(":aid", agreement.id).replace(":id", customer.id), { cookie: user.cookie, body: method === "GET" ? undefined : {} });
    expect(response.status).toBe(405);
    expect(response.headers.get("Allow")).toBe(allow);
    expect(await jsonOf(response)).toEqual({ error: "method_not_allowed" });
    expect(await agreementsSnapshot()).toEqual(before);
  });

  it.each(["GET", "POST"])("%s of an unknown action → 404", async (method) => {
    const agreement = await running();
    for (const action of ["archive", "__proto__", "constructor", "toString", "Renew"]) {
      const response = await api(method, `/api/agreements/${agreement.id}/${action}`, { cookie: user.cookie });
      expect(response.status, action).toBe(404);
      expect(await jsonOf(response)).toEqual({ error: "not_found" });
    }
  });
});
