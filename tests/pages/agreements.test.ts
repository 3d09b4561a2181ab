import { randomUUID } from "node:crypto";
import { allowedActions, LIFECYCLE_ACTIONS, LIFECYCLE_INTENT, type AgreementActionFailure } from "~/agreements/actions";
import type { AgreementStatus } from "~/agreements/constants";
import type { Prisma } from "~/generated/prisma/client";
import * as agreementsRoute from "~/routes/customers.$id.agreements";
import { formatDate } from "~/utils/format";
import { insertCustomer } from "../../prisma/factories";
import { signedUpUser } from "../auth-helpers";
import { call, cookiesFrom, get, postForm } from "../http";
import { ownerPrisma as prisma } from "../setup/owner";
import { DAY_MS } from "../support/db";

// The Agreements tab through its real handlers, as a browser without
// JavaScript drives it: form posts in, a redirect with a toast or a 400/409
// page out. Every refused request leaves the database as it was.

let me: { id: string; cookie: string };
let other: { id: string; cookie: string };
let customerId: string;

/** A date `offset` days from today (the account's zone is UTC). */
const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
const asDate = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

beforeAll(async () => {
  me = await signedUpUser();
  other = await signedUpUser();
});

beforeEach(async () => {
  customerId = (await insertCustomer(prisma(), me.id, { name: "Acme Corp", status: "live" })).id;
});

async function insertAgreement(
  data: { scope?: string; type?: string; start?: string | null; end?: string | null; notice?: number; pricing?: Prisma.InputJsonObject; override?: string | null } = {},
  owner: { userId: string; customerId: string } = { userId: me.id, customerId },
) {
  const start = data.start === undefined ? day(-30) : data.start;
  const end = data.end === undefined ? day(300) : data.end;
  return prisma().agreement.create({
    data: {
      ...owner,
      scope: data.scope ?? "Monthly retainer",
      type: data.type ?? "retainer",
      startDate: start ? asDate(start) : null,
      endDate: end ? asDate(end) : null,
      noticeDays: data.notice ?? 30,
      pricing: data.pricing ?? { amount: "1500.00", period: "month" },
      overrideStatus: data.override ?? null,
    },
  });
}

function post(fields: Record<string, string>, id = customerId, cookie = me.cookie) {
  return call(agreementsRoute.action, postForm(`/customers/${encodeURIComponent(id)}/agreements`, fields, { cookie }), { id });
}

interface TabData {
  agreements: Array<Record<string, unknown> & { id: string; status: AgreementStatus; renewalOf: string | null }>;
  currency: string;
  today: string;
}

async function load(id = customerId): Promise<TabData> {
  const response = await call(agreementsRoute.loader, get(`/customers/${id}/agreements`, { cookie: me.cookie }), { id });
  expect(response.status).toBe(200);
  return (await response.json()) as TabData;
}

async function toastAfter(response: Response): Promise<{ kind: string; message: string } | null> {
  const root = await import("~/root");
  const page = await call(root.loader, get("/customers", { cookie: `${me.cookie}; ${cookiesFrom(response)}` }));
  return ((await page.json()) as { toast: { kind: string; message: string } | null }).toast;
}

async function expectSuccess(response: Response, message: string | RegExp) {
  expect(response.status).toBe(302);
  expect(response.headers.get("Location")).toBe(`/customers/${customerId}/agreements`);
  const toast = await toastAfter(response);
  expect(toast?.kind).toBe("success");
  expect(toast?.message).toMatch(message);
}

async function failure(response: Response, status: number): Promise<AgreementActionFailure> {
  expect(response.status).toBe(status);
  return (await response.json()) as AgreementActionFailure;
}

/** Everything an agreement action could write: agreements and the timeline. */
async function snapshot() {
  const [agreements, events] = await Promise.all([
    prisma().agreement.findMany({ orderBy: { id: "asc" } }),
    prisma().customerEvent.findMany({ orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ agreements, events });
}

async function eventsOf(id = customerId) {
  return prisma().customerEvent.findMany({ where: { customerId: id }, orderBy: { createdAt: "asc" } });
}

const retainerForm = {
  intent: "create-agreement",
  scope: "Design retainer",
  type: "retainer",
  startDate: day(-10),
  endDate: day(355),
  noticeDays: "45",
  amount: "1,500",
  period: "month",
  hoursIncluded: "10",
  // Without JavaScript every pricing field is posted; only the type's are read.
  rate: "95",
  hoursCap: "40",
  note: "ignored",
};

describe("GET /customers/:id/agreements", () => {
  it("lists the agreements with their computed status, money and what the page needs only", async () => {
    const running = await insertAgreement({ scope: "Running", start: day(-30), end: day(300) });
    await insertAgreement({ scope: "Soon over", start: day(-300), end: day(12), notice: 30 });
    await insertAgreement({ scope: "Not yet", start: day(10), end: day(100) });
    await insertAgreement({ scope: "Done", start: day(-100), end: day(-1) });
    await insertAgreement({ scope: "Paused", override: "suspended" });
    const invoice = await prisma().receivable.create({
      data: { userId: me.id, customerId, type: "invoice", amount: "1000.00", date: asDate(day(-20)), status: "sent", linkedAgreementId: running.id },
    });
    await prisma().receivable.create({
      data: { userId: me.id, customerId, type: "payment", amount: "400.00", date: asDate(day(-5)), status: "received", linkedInvoiceId: invoice.id },
    });

    const data = await load();
    // Upcoming and running first, then the rest; each group by start, latest first.
    expect(data.agreements.map((agreement) => agreement.scope)).toEqual(["Not yet", "Running", "Soon over", "Paused", "Done"]);
    const byScope = Object.fromEntries(data.agreements.map((agreement) => [agreement.scope, agreement]));
    expect(byScope.Running).toMatchObject({ status: "active", billed: "1000.00", paid: "400.00", outstanding: "600.00" });
    expect(byScope["Soon over"]).toMatchObject({ status: "expiring_soon", daysLeft: 12 });
    expect(byScope["Not yet"]!.status).toBe("upcoming");
    expect(byScope.Done!.status).toBe("expired");
    expect(byScope.Paused!.status).toBe("suspended");
    expect(Object.keys(byScope.Running!).sort()).toEqual(
      [
        "id", "scope", "type", "startDate", "endDate", "noticeDays", "pricing", "status", "daysLeft",
        "billed", "paid", "outstanding", "terminatedOn", "terminationReason", "renewalOf",
      ].sort(),
    );
    expect(data.currency).toBe("EUR");
    expect(data.today).toBe(day(0));
  });

  it("shows money in the account's currency", async () => {
    await prisma().user.update({ where: { id: me.id }, data: { currency: "GBP" } });
    try {
      expect((await load()).currency).toBe("GBP");
    } finally {
      await prisma().user.update({ where: { id: me.id }, data: { currency: "EUR" } });
    }
  });
});

describe("create-agreement", () => {
  it("creates it from the form's fields, reading only the chosen type's pricing", async () => {
    const response = await post(retainerForm);
    await expectSuccess(response, "Agreement created.");
    const [created] = await prisma().agreement.findMany({ where: { customerId } });
    expect(created).toMatchObject({
      userId: me.id,
      scope: "Design retainer",
      type: "retainer",
      noticeDays: 45,
      pricing: { amount: "1500.00", period: "month", hours_included: 10 },
      overrideStatus: null,
    });
    expect(created!.startDate).toEqual(asDate(day(-10)));
    expect(created!.endDate).toEqual(asDate(day(355)));
  });

  it.each([
    [{ type: "fixed_fee", amount: "12000" }, { amount: "12000.00" }],
    [{ type: "hourly", rate: "95.5", hoursCap: "" }, { rate: "95.50" }],
    [{ type: "hourly", rate: "95", hoursCap: "40" }, { rate: "95.00", hours_cap: 40 }],
    [{ type: "other", note: "Revenue share" }, { note: "Revenue share" }],
    [{ type: "other", note: "" }, {}],
  ])("stores %o as pricing %o", async (fields, pricing) => {
    const blank = { amount: "", period: "month", hoursIncluded: "", rate: "", hoursCap: "", note: "" };
    await expectSuccess(await post({ intent: "create-agreement", scope: "Work", ...blank, ...fields }), "Agreement created.");
    const created = await prisma().agreement.findFirstOrThrow({ where: { customerId } });
    expect(created.pricing).toEqual(pricing);
    expect(created.noticeDays).toBe(30);
    expect(created.startDate).toBeNull();
  });

  it("re-renders with 400, every field error at once and what was typed, and writes nothing", async () => {
    const before = await snapshot();
    const body = await failure(
      await post({ ...retainerForm, scope: "", amount: "", startDate: day(10), endDate: day(5), noticeDays: "400" }),
      400,
    );
    expect(body.intent).toBe("create-agreement");
    expect(body.result?.error).toMatchObject({
      scope: ["Scope is required"],
      amount: ["Amount is required"],
      endDate: ["End date cannot be before the start date"],
      noticeDays: ["Notice must be at most 365 days"],
    });
    expect(body.result?.initialValue).toMatchObject({ type: "retainer", hoursIncluded: "10", note: "ignored" });
    expect(await snapshot()).toBe(before);
  });

  it("reports a bad amount on the field that holds it", async () => {
    const body = await failure(await post({ ...retainerForm, type: "hourly", rate: "95.123" }), 400);
    expect(body.result?.error?.rate?.[0]).toMatch(/at most two decimals/);
  });

  it.each([
    ["another user's customer", () => insertCustomer(prisma(), other.id, { name: "Theirs" }).then((c) => c.id)],
    ["an archived customer", () => insertCustomer(prisma(), me.id, { name: "Gone" }).then(async (c) => {
      await prisma().customer.update({ where: { id: c.id }, data: { deletedAt: new Date() } });
      return c.id;
    })],
    ["a random id", async () => randomUUID()],
    ["not a UUID", async () => "nope"],
  ])("answers 404 for %s and writes nothing", async (_which, target) => {
    const id = await target();
    const before = await snapshot();
    expect((await post(retainerForm, id)).status).toBe(404);
    expect(await snapshot()).toBe(before);
  });
});

describe("an agreement that is not this customer's", () => {
  const intents: Array<Record<string, string>> = [
    { ...retainerForm, intent: "update-agreement" },
    { intent: "terminate-agreement", reason: "Nope" },
    { intent: "suspend-agreement" },
    { intent: "resume-agreement" },
    { intent: "renew-agreement" },
    { intent: "delete-agreement" },
  ];
  const targets: Array<[string, () => Promise<string | null>]> = [
    ["another user's", async () => {
      const theirs = await insertCustomer(prisma(), other.id, { name: "Theirs" });
      return (await insertAgreement({ override: "suspended" }, { userId: other.id, customerId: theirs.id })).id;
    }],
    ["another customer's of mine", async () => {
      const mine = await insertCustomer(prisma(), me.id, { name: "Also mine" });
      return (await insertAgreement({ override: "suspended" }, { userId: me.id, customerId: mine.id })).id;
    }],
    ["an archived customer's", async () => {
      const mine = await insertCustomer(prisma(), me.id, { name: "Archived" });
      const agreement = await insertAgreement({ override: "suspended" }, { userId: me.id, customerId: mine.id });
      await prisma().customer.update({ where: { id: mine.id }, data: { deletedAt: new Date() } });
      return agreement.id;
    }],
    ["a random id", async () => randomUUID()],
    ["not a UUID", async () => "x' OR 1=1 --"],
    ["missing", async () => null],
  ];
  describe.each(targets)("(%s)", (_which, target) => {
    it.each(intents)("%o answers 404 and changes nothing", async (fields) => {
      const agreementId = await target();
      const before = await snapshot();
      const response = await post(agreementId === null ? fields : { ...fields, agreementId });
      expect(response.status).toBe(404);
      expect(await snapshot()).toBe(before);
    });
  });
});

describe("update-agreement", () => {
  it("saves every field, the pricing of the new type replacing the old", async () => {
    const agreement = await insertAgreement();
    const response = await post({
      ...retainerForm,
      intent: "update-agreement",
      agreementId: agreement.id,
      scope: "Support, hourly",
      type: "hourly",
      startDate: "",
      endDate: day(60),
      noticeDays: "14",
      rate: "110",
      hoursCap: "",
    });
    await expectSuccess(response, "Agreement saved.");
    const saved = await prisma().agreement.findUniqueOrThrow({ where: { id: agreement.id } });
    expect(saved).toMatchObject({ scope: "Support, hourly", type: "hourly", noticeDays: 14, pricing: { rate: "110.00" }, startDate: null });
    expect(saved.endDate).toEqual(asDate(day(60)));
  });

  it("re-renders with 400 and the field errors, naming the agreement, and changes nothing", async () => {
    const agreement = await insertAgreement();
    const before = await snapshot();
    const body = await failure(await post({ ...retainerForm, intent: "update-agreement", agreementId: agreement.id, amount: "lots" }), 400);
    expect(body).toMatchObject({ intent: "update-agreement", agreementId: agreement.id });
    expect(body.result?.error?.amount?.[0]).toMatch(/must be an amount/);
    expect(body.result?.initialValue?.amount).toBe("lots");
    expect(await snapshot()).toBe(before);
  });
});

describe("terminate-agreement", () => {
  it("terminates on the date given, with the reason; the end date moves to it; the timeline says so", async () => {
    const agreement = await insertAgreement({ start: day(-30), end: day(300) });
    const response = await post({ intent: "terminate-agreement", agreementId: agreement.id, date: day(5), reason: "Budget cut" });
    await expectSuccess(response, `Agreement terminated on ${formatDate(day(5))}.`);
    const saved = await prisma().agreement.findUniqueOrThrow({ where: { id: agreement.id } });
    expect(saved).toMatchObject({ overrideStatus: "terminated", terminationReason: "Budget cut" });
    expect(saved.terminatedOn).toEqual(asDate(day(5)));
    expect(saved.endDate).toEqual(asDate(day(5)));
    expect((await eventsOf()).map((event) => event.title)).toEqual(["Agreement terminated: Monthly retainer"]);
    const listed = (await load()).agreements.find((row) => row.id === agreement.id);
    expect(listed).toMatchObject({ status: "terminated", terminatedOn: day(5), terminationReason: "Budget cut" });
  });

  it("defaults the date to today and the reason to none", async () => {
    const agreement = await insertAgreement({ end: null });
    await expectSuccess(await post({ intent: "terminate-agreement", agreementId: agreement.id, date: "", reason: "" }), /Agreement terminated on/);
    const saved = await prisma().agreement.findUniqueOrThrow({ where: { id: agreement.id } });
    expect(saved.terminatedOn).toEqual(asDate(day(0)));
    expect(saved.endDate).toEqual(asDate(day(0)));
    expect(saved.terminationReason).toBeNull();
  });

  it("re-renders with 400 for a date that does not exist, keeping the reason", async () => {
    const agreement = await insertAgreement();
    const before = await snapshot();
    const body = await failure(await post({ intent: "terminate-agreement", agreementId: agreement.id, date: "2026-02-30", reason: "Typed" }), 400);
    expect(body.result?.error?.date?.[0]).toMatch(/real date/);
    expect(body.result?.initialValue?.reason).toBe("Typed");
    expect(await snapshot()).toBe(before);
  });

  it.each([
    ["already terminated", { override: "terminated" }, {}, "This agreement is already terminated."],
    ["before it starts", { start: day(10) }, { date: day(5) }, /cannot end before it starts/],
  ])("answers 409 when %s, with the reason, keeping the form, and changes nothing", async (_why, setup, fields, message) => {
    const agreement = await insertAgreement(setup);
    const before = await snapshot();
    const body = await failure(await post({ intent: "terminate-agreement", agreementId: agreement.id, reason: "Kept", ...fields }), 409);
    expect(body).toMatchObject({ intent: "terminate-agreement", agreementId: agreement.id });
    expect(body.message).toMatch(message);
    expect(body.result?.initialValue?.reason).toBe("Kept");
    expect(await snapshot()).toBe(before);
  });
});

describe("suspend-agreement and resume-agreement", () => {
  it("suspends, then resumes, each with a toast and a timeline event", async () => {
    const agreement = await insertAgreement();
    await expectSuccess(await post({ intent: "suspend-agreement", agreementId: agreement.id }), "Agreement suspended.");
    expect((await load()).agreements[0]!.status).toBe("suspended");
    await expectSuccess(await post({ intent: "resume-agreement", agreementId: agreement.id }), "Agreement resumed.");
    expect((await load()).agreements[0]!.status).toBe("active");
    expect((await eventsOf()).map((event) => event.title)).toEqual(["Agreement suspended: Monthly retainer", "Agreement resumed: Monthly retainer"]);
  });

  it.each([
    ["suspend-agreement", "terminated", "A terminated agreement cannot be suspended."],
    ["suspend-agreement", "suspended", "This agreement is already suspended."],
    ["resume-agreement", null, "This agreement is not suspended."],
    ["resume-agreement", "terminated", "A terminated agreement cannot be resumed."],
  ])("%s on a %s agreement answers 409 with the reason and changes nothing", async (intent, override, message) => {
    const agreement = await insertAgreement({ override });
    const before = await snapshot();
    const body = await failure(await post({ intent, agreementId: agreement.id }), 409);
    expect(body).toEqual({ intent, agreementId: agreement.id, message });
    expect(await snapshot()).toBe(before);
  });
});

describe("renew-agreement", () => {
  it("creates the successor, as long as the old one and starting the day after, linked to it", async () => {
    const agreement = await insertAgreement({ start: "2026-01-01", end: "2026-12-31" });
    await expectSuccess(await post({ intent: "renew-agreement", agreementId: agreement.id }), "Agreement renewed: the new one runs from 1 Jan 2027 to 31 Dec 2027.");
    const successor = await prisma().agreement.findFirstOrThrow({ where: { renewalOf: agreement.id } });
    expect(successor).toMatchObject({ scope: "Monthly retainer", type: "retainer", pricing: { amount: "1500.00", period: "month" }, noticeDays: 30 });
    expect(successor.startDate).toEqual(asDate("2027-01-01"));
    expect(successor.endDate).toEqual(asDate("2027-12-31"));
    expect((await load()).agreements.find((row) => row.id === successor.id)!.renewalOf).toBe(agreement.id);
  });

  it.each([
    ["without an end date", { end: null }, "This agreement has no end date, so there is nothing to renew."],
    ["when terminated", { override: "terminated" }, "A terminated agreement cannot be renewed. Create a new agreement instead."],
  ])("answers 409 %s and writes nothing", async (_why, setup, message) => {
    const agreement = await insertAgreement(setup);
    const before = await snapshot();
    expect((await failure(await post({ intent: "renew-agreement", agreementId: agreement.id }), 409)).message).toBe(message);
    expect(await snapshot()).toBe(before);
  });

  it("answers 409 the second time: it has been renewed already", async () => {
    const agreement = await insertAgreement();
    expect((await post({ intent: "renew-agreement", agreementId: agreement.id })).status).toBe(302);
    const before = await snapshot();
    expect((await failure(await post({ intent: "renew-agreement", agreementId: agreement.id }), 409)).message).toBe("This agreement has already been renewed.");
    expect(await snapshot()).toBe(before);
  });
});

describe("delete-agreement", () => {
  it("deletes it, with a toast and a timeline event", async () => {
    const agreement = await insertAgreement();
    await expectSuccess(await post({ intent: "delete-agreement", agreementId: agreement.id }), "Agreement deleted.");
    expect(await prisma().agreement.findUnique({ where: { id: agreement.id } })).toBeNull();
    expect((await eventsOf()).map((event) => event.title)).toEqual(["Agreement deleted: Monthly retainer (Retainer)"]);
  });

  it("answers 409 while an invoice refers to it, suggesting to terminate it, and deletes nothing", async () => {
    const agreement = await insertAgreement();
    await prisma().receivable.create({
      data: { userId: me.id, customerId, type: "invoice", amount: "100.00", date: asDate(day(-1)), linkedAgreementId: agreement.id },
    });
    const before = await snapshot();
    const body = await failure(await post({ intent: "delete-agreement", agreementId: agreement.id }), 409);
    expect(body.message).toBe("This agreement cannot be deleted: 1 invoice or payment refer to it. Terminate it instead.");
    expect(await snapshot()).toBe(before);
  });
});

describe("the actions the tab offers are the ones the domain allows", () => {
  const setups: Record<AgreementStatus, Parameters<typeof insertAgreement>[0]> = {
    upcoming: { start: day(10), end: day(100) },
    active: { start: day(-10), end: day(300) },
    expiring_soon: { start: day(-300), end: day(10) },
    expired: { start: day(-300), end: day(-10) },
    suspended: { start: day(-10), end: day(300), override: "suspended" },
    terminated: { start: day(-10), end: day(300), override: "terminated" },
  };
  it.each(Object.entries(setups) as Array<[AgreementStatus, Parameters<typeof insertAgreement>[0]]>)(
    "from %s: every offered action succeeds, every other one is refused with 409",
    async (status, setup) => {
      const offered = allowedActions({ status, startDate: setup!.start ?? null, endDate: setup!.end ?? null }, { renewed: false });
      for (const action of LIFECYCLE_ACTIONS) {
        const agreement = await insertAgreement(setup);
        expect((await load()).agreements.find((row) => row.id === agreement.id)!.status).toBe(status);
        // The form's default date: today, or the start when it has not started.
        const date = setup!.start && setup!.start > day(0) ? setup!.start : day(0);
        const response = await post({ intent: LIFECYCLE_INTENT[action], agreementId: agreement.id, ...(action === "terminate" ? { date } : {}) });
        expect([action, response.status]).toEqual([action, offered.includes(action) ? 302 : 409]);
      }
    },
  );
});

describe("intents", () => {
  it.each([["launch-rockets"], [""]])("answers 400 unknown_intent to %j and writes nothing", async (intent) => {
    const before = await snapshot();
    const response = await post({ intent, scope: "x" });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "unknown_intent" });
    expect(await snapshot()).toBe(before);
  });
});
