import { Window } from "happy-dom";
import type { Prisma } from "~/generated/prisma/client";
import { insertCustomer } from "../../prisma/factories";
import { signedUpUser } from "../auth-helpers";
import { ownerPrisma as prisma } from "../setup/owner";
import { startAppServer, type AppServer } from "../support/app-server";

// Two tabs open the same edit form; each changes a field and saves. Each tab
// is the form exactly as the page renders it (hidden fields included), posted
// as a browser without JavaScript posts it, through the real server. The
// second save must not put back what the first one changed: it keeps the
// first's change when they touched different fields, and is refused with a
// 409 that keeps what was typed and says what changed when they touched the
// same one.

let server: AppServer;
let me: { id: string; cookie: string };

beforeAll(async () => {
  server = await startAppServer();
  me = await signedUpUser();
});
afterAll(() => server.close());

const window = new Window();

interface OpenForm {
  action: string;
  fields: Array<[string, string]>;
}

function fetchPage(path: string, init: RequestInit = {}) {
  return fetch(`${server.url}${path}`, {
    redirect: "manual",
    ...init,
    headers: { Cookie: me.cookie, Origin: server.url, ...init.headers },
  });
}

/** The form posting `intent` in `html` (the page at `path`), with every value it would send. */
function formIn(html: string, path: string, intent: string): OpenForm {
  const document = new window.DOMParser().parseFromString(html, "text/html");
  const forms = [...document.querySelectorAll("form")].filter(
    (form) => form.querySelector(`input[name="intent"][value="${intent}"]`) !== null,
  );
  expect(forms, `one form posting ${intent} on ${path}`).toHaveLength(1);
  const form = forms[0]!;
  const fields: Array<[string, string]> = [];
  for (const element of form.querySelectorAll("input, textarea, select")) {
    const control = element as unknown as { name: string; value: string; type: string; checked?: boolean };
    if (!control.name || control.type === "submit" || ((control.type === "checkbox" || control.type === "radio") && !control.checked)) continue;
    fields.push([control.name, control.value]);
  }
  const action = new URL(form.getAttribute("action") ?? path, `${server.url}${path}`);
  return { action: `${action.pathname}${action.search}`, fields };
}

/** Opens the page at `path` as a tab would, and takes its `intent` form. */
async function open(path: string, intent: string): Promise<OpenForm> {
  const response = await fetchPage(path);
  expect(response.status).toBe(200);
  return formIn(await response.text(), path, intent);
}

/** Two tabs opening the same form. */
function openTwice(path: string, intent: string): Promise<[OpenForm, OpenForm]> {
  return Promise.all([open(path, intent), open(path, intent)]);
}

/** The form with `changes` typed into it (every other field as it was). */
function typed(form: OpenForm, changes: Record<string, string>): OpenForm {
  for (const name of Object.keys(changes)) expect(form.fields.some(([field]) => field === name), `a field ${name}`).toBe(true);
  return { ...form, fields: form.fields.map(([name, value]) => [name, name in changes ? changes[name]! : value]) };
}

async function submit(form: OpenForm): Promise<{ status: number; html: string }> {
  const response = await fetchPage(form.action, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form.fields),
  });
  return { status: response.status, html: await response.text() };
}

/** What a field of the form holds, as the page rendered it. */
function valueOf(form: OpenForm, name: string): string | undefined {
  return form.fields.find(([field]) => field === name)?.[1];
}

/** Text as the page's HTML escapes it. */
function escaped(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#x27;");
}

async function storedInfo(customerId: string) {
  return (await prisma().customer.findUniqueOrThrow({ where: { id: customerId } })).info as Record<string, unknown> & {
    product?: Record<string, unknown>;
    team?: Array<Record<string, unknown>>;
  };
}

describe("Edit info in two tabs", () => {
  let customerId: string;
  let overview: string;
  beforeEach(async () => {
    const info = { about: "Makes widgets", vertical: "Retail", custom_field: "kept", product: { name: "Widget", extra: 1 } };
    customerId = (await insertCustomer(prisma(), me.id, { name: "Two Tabs Co", info })).id;
    overview = `/customers/${customerId}/overview`;
  });

  it("the second save keeps the first's change to another field (About, then Vertical)", async () => {
    const [tab1, tab2] = await openTwice(`${overview}?edit=info`, "update-info");
    expect((await submit(typed(tab1, { about: "Makes better widgets" }))).status).toBe(302);
    expect((await submit(typed(tab2, { vertical: "Fintech" }))).status).toBe(302);
    expect(await storedInfo(customerId)).toEqual({
      about: "Makes better widgets",
      vertical: "Fintech",
      custom_field: "kept",
      product: { name: "Widget", extra: 1 },
    });
  });

  it("a save that changes the same field someone else changed is refused with 409, keeping what was typed and saying what it reads now", async () => {
    const [tab1, tab2] = await openTwice(`${overview}?edit=info`, "update-info");
    expect((await submit(typed(tab1, { about: "Makes gadgets", productName: "Gadget" }))).status).toBe(302);
    const refused = await submit(typed(tab2, { about: "Makes gizmos", persona: "CTO" }));
    expect(refused.status).toBe(409);
    expect(refused.html).toContain(escaped("Someone else changed About since you opened this form: it now reads \u201cMakes gadgets\u201d."));
    expect(await storedInfo(customerId)).toMatchObject({ about: "Makes gadgets", product: { name: "Gadget" } });
    expect((await storedInfo(customerId)).persona).toBeUndefined();

    // The form again: what tab 2 typed, the other tab's change where tab 2 typed nothing.
    const again = formIn(refused.html, `${overview}?edit=info`, "update-info");
    expect(valueOf(again, "about")).toBe("Makes gizmos");
    expect(valueOf(again, "persona")).toBe("CTO");
    expect(valueOf(again, "productName")).toBe("Gadget");
    // Saving it again is a choice made knowing what changed: it goes through, and keeps the rest.
    expect((await submit(again)).status).toBe(302);
    expect(await storedInfo(customerId)).toEqual({
      about: "Makes gizmos",
      vertical: "Retail",
      persona: "CTO",
      custom_field: "kept",
      product: { name: "Gadget", extra: 1 },
    });
  });

  it("says so when someone else cleared the field", async () => {
    const [tab1, tab2] = await openTwice(`${overview}?edit=info`, "update-info");
    expect((await submit(typed(tab1, { vertical: "" }))).status).toBe(302);
    const refused = await submit(typed(tab2, { vertical: "Fintech" }));
    expect(refused.status).toBe(409);
    expect(refused.html).toContain("Someone else cleared Vertical since you opened this form.");
  });

  it("a 400 in between does not make the stale form current: the first tab's change still survives", async () => {
    const [tab1, tab2] = await openTwice(`${overview}?edit=info`, "update-info");
    expect((await submit(typed(tab1, { about: "Makes better widgets" }))).status).toBe(302);
    const invalid = await submit(typed(tab2, { productUrl: "not a url" }));
    expect(invalid.status).toBe(400);
    const corrected = typed(formIn(invalid.html, `${overview}?edit=info`, "update-info"), { productUrl: "https://widget.example" });
    expect((await submit(corrected)).status).toBe(302);
    expect(await storedInfo(customerId)).toMatchObject({ about: "Makes better widgets", product: { name: "Widget", url: "https://widget.example" } });
  });

  it("the same change made in both tabs is no conflict", async () => {
    const [tab1, tab2] = await openTwice(`${overview}?edit=info`, "update-info");
    expect((await submit(typed(tab1, { vertical: "Fintech" }))).status).toBe(302);
    expect((await submit(typed(tab2, { vertical: "Fintech", persona: "CFO" }))).status).toBe(302);
    expect(await storedInfo(customerId)).toMatchObject({ vertical: "Fintech", persona: "CFO", about: "Makes widgets" });
  });
});

describe("Edit member in two tabs", () => {
  const memberId = "6f1c1d4e-8a43-4b8e-9a4e-2f4a7c0d9b11";
  let customerId: string;
  let editPage: string;
  beforeEach(async () => {
    const team = [
      { id: memberId, name: "Maya Okafor", role: "CTO", email: "maya@acme.example", linkedin: "kept" },
      { id: "0b7f0c3e-8a8e-4a0c-9a49-3f1b2c4d5e6f", name: "Liam Hughes" },
    ];
    customerId = (await insertCustomer(prisma(), me.id, { name: "Team Tabs Co", info: { team } as Prisma.InputJsonObject })).id;
    editPage = `/customers/${customerId}/overview?member=${memberId}`;
  });

  const maya = async (id: string) => (await storedInfo(id)).team!.find((member) => member.id === memberId);

  it("the second save keeps the first's change to another field (Role, then Email)", async () => {
    const [tab1, tab2] = await openTwice(editPage, "update-team-member");
    expect((await submit(typed(tab1, { role: "CEO" }))).status).toBe(302);
    expect((await submit(typed(tab2, { email: "maya@okafor.example" }))).status).toBe(302);
    expect(await maya(customerId)).toEqual({ id: memberId, name: "Maya Okafor", role: "CEO", email: "maya@okafor.example", linkedin: "kept" });
  });

  it("a save that changes the same field is refused with 409, keeping what was typed; saving again goes through", async () => {
    const [tab1, tab2] = await openTwice(editPage, "update-team-member");
    expect((await submit(typed(tab1, { role: "CEO", notes: "Board member" }))).status).toBe(302);
    const refused = await submit(typed(tab2, { role: "COO" }));
    expect(refused.status).toBe(409);
    expect(refused.html).toContain(escaped("Someone else changed Role since you opened this form: it now reads \u201cCEO\u201d."));
    expect(await maya(customerId)).toMatchObject({ role: "CEO", notes: "Board member" });

    const again = formIn(refused.html, editPage, "update-team-member");
    expect(valueOf(again, "role")).toBe("COO");
    expect(valueOf(again, "notes")).toBe("Board member");
    expect((await submit(again)).status).toBe(302);
    expect(await maya(customerId)).toEqual({
      id: memberId,
      name: "Maya Okafor",
      role: "COO",
      email: "maya@acme.example",
      notes: "Board member",
      linkedin: "kept",
    });
  });
});

describe("Edit agreement in two tabs", () => {
  let customerId: string;
  let agreementId: string;
  let editPage: string;
  beforeEach(async () => {
    customerId = (await insertCustomer(prisma(), me.id, { name: "Agreement Tabs Co", status: "live" })).id;
    agreementId = (
      await prisma().agreement.create({
        data: {
          userId: me.id,
          customerId,
          scope: "Monthly retainer",
          type: "retainer",
          startDate: new Date("2026-01-01T00:00:00Z"),
          endDate: new Date("2026-12-31T00:00:00Z"),
          noticeDays: 30,
          pricing: { amount: "1500.00", period: "month" },
        },
      })
    ).id;
    editPage = `/customers/${customerId}/agreements?edit=${agreementId}`;
  });

  const stored = () => prisma().agreement.findUniqueOrThrow({ where: { id: agreementId } });

  it("the second save keeps the first's change to another field (Scope, then Notice and Amount)", async () => {
    const [tab1, tab2] = await openTwice(editPage, "update-agreement");
    expect((await submit(typed(tab1, { scope: "Monthly retainer, design and build" }))).status).toBe(302);
    expect((await submit(typed(tab2, { noticeDays: "60", amount: "1800" }))).status).toBe(302);
    expect(await stored()).toMatchObject({ scope: "Monthly retainer, design and build", noticeDays: 60, pricing: { amount: "1800.00", period: "month" } });
  });

  it("a save that changes the same field is refused with 409, keeping what was typed", async () => {
    const [tab1, tab2] = await openTwice(editPage, "update-agreement");
    expect((await submit(typed(tab1, { amount: "2000" }))).status).toBe(302);
    const refused = await submit(typed(tab2, { amount: "1750", scope: "Retainer" }));
    expect(refused.status).toBe(409);
    expect(refused.html).toContain(escaped("Someone else changed Amount since you opened this form: it now reads \u201c2000.00\u201d."));
    expect(await stored()).toMatchObject({ scope: "Monthly retainer", pricing: { amount: "2000.00" } });
    const again = formIn(refused.html, editPage, "update-agreement");
    expect(valueOf(again, "amount")).toBe("1750");
    expect(valueOf(again, "scope")).toBe("Retainer");
    expect((await submit(again)).status).toBe(302);
    expect(await stored()).toMatchObject({ scope: "Retainer", pricing: { amount: "1750.00", period: "month" } });
  });

  it("a price typed for a type someone else has since changed is refused: the price means nothing for the new type", async () => {
    const [tab1, tab2] = await openTwice(editPage, "update-agreement");
    expect((await submit(typed(tab1, { type: "hourly", rate: "120" }))).status).toBe(302);
    const refused = await submit(typed(tab2, { amount: "1800" }));
    expect(refused.status).toBe(409);
    expect(refused.html).toContain(escaped("Someone else changed Type since you opened this form: it now reads \u201cHourly\u201d."));
    expect(await stored()).toMatchObject({ type: "hourly", pricing: { rate: "120.00" } });
  });
});
