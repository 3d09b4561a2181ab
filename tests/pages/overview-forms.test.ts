import { ownerPrisma as prisma } from "../setup/owner";
import * as overviewRoute from "~/routes/customers.$id.overview";
import { LIMITS } from "~/customers/constants";
import { insertCustomer } from "../../prisma/factories";
import { signedUpUser } from "../auth-helpers";
import { call, postForm } from "../http";
import { startAppServer, type AppServer } from "../support/app-server";

// The overview's forms as a browser without JavaScript uses them: removing a
// team member asks first (a page of its own, ?confirm=remove-member), and an
// event's participants are one field each, so a name may hold a comma.

const memberId = "6f1c1d4e-8a43-4b8e-9a4e-2f4a7c0d9b11";
let server: AppServer;
let me: { id: string; cookie: string };
let customerId: string;
let theirCustomerId: string;

beforeAll(async () => {
  server = await startAppServer();
  me = await signedUpUser();
  const other = await signedUpUser();
  customerId = (await insertCustomer(prisma(), me.id, { name: "Team Co", info: { team: [{ id: memberId, name: "Maya Okafor", role: "CTO" }] } })).id;
  theirCustomerId = (await insertCustomer(prisma(), other.id, { name: "Their Co", info: { team: [{ id: memberId, name: "Secret Person" }] } })).id;
});
afterAll(() => server.close());

async function page(path: string) {
  const response = await fetch(`${server.url}${path}`, { redirect: "manual", headers: { Cookie: me.cookie } });
  return { status: response.status, html: await response.text() };
}

/** The page's forms whose `intent` is `intent`, as their HTML. */
function formsFor(html: string, intent: string): string[] {
  return [...html.matchAll(/<form[^>]*>[\s\S]*?<\/form>/g)].map(([form]) => form).filter((form) => form.includes(`name="intent" value="${intent}"`));
}

describe("removing a team member", () => {
  it("the overview has no form that removes a member at once, only a link that asks first", async () => {
    const { status, html } = await page(`/customers/${customerId}/overview`);
    expect(status).toBe(200);
    expect(formsFor(html, "remove-team-member")).toEqual([]);
    const link = html.match(/<a[^>]*aria-label="Remove Maya Okafor"[^>]*>/)?.[0];
    expect(link).toContain(`href="/customers/${customerId}/overview?confirm=remove-member&amp;memberId=${memberId}#remove-member-heading"`);
  });

  it("?confirm=remove-member&memberId= asks, in a plain form that posts the removal, with a way back", async () => {
    const { status, html } = await page(`/customers/${customerId}/overview?confirm=remove-member&memberId=${memberId}`);
    expect(status).toBe(200);
    expect(html).toContain("Remove Maya Okafor from the team?");
    const [form, ...others] = formsFor(html, "remove-team-member");
    expect(others).toEqual([]);
    expect(form).toMatch(/^<form method="post"/);
    expect(form).toContain(`name="memberId" value="${memberId}"`);
    expect(form).toMatch(/<button[^>]*type="submit"[^>]*>[\s\S]*Remove member/);
    expect(form).toMatch(new RegExp(`<a[^>]*href="/customers/${customerId}/overview"[^>]*>Cancel</a>`));
  });

  it("asks nothing for a member that is not there", async () => {
    const { status, html } = await page(`/customers/${customerId}/overview?confirm=remove-member&memberId=${crypto.randomUUID()}`);
    expect(status).toBe(200);
    expect(formsFor(html, "remove-team-member")).toEqual([]);
  });

  it("another user's customer id answers 404 and reveals nothing, even asking to confirm", async () => {
    const { status, html } = await page(`/customers/${theirCustomerId}/overview?confirm=remove-member&memberId=${memberId}`);
    expect(status).toBe(404);
    expect(html).toContain("Customer not found");
    expect(html).not.toContain("Secret Person");
    expect(formsFor(html, "remove-team-member")).toEqual([]);
  });
});

describe("an event's participants", () => {
  async function addEvent(fields: Record<string, string | string[]>, id = customerId) {
    return call(overviewRoute.action, postForm(`/customers/${id}/overview`, { intent: "add-event", eventType: "meeting", ...fields }, { cookie: me.cookie }), { id });
  }

  it("the form has one input per participant, a few of them empty, all named participants", async () => {
    const { html } = await page(`/customers/${customerId}/overview`);
    const [form] = formsFor(html, "add-event");
    const inputs = [...form!.matchAll(/<input[^>]*name="participants"[^>]*>/g)].map(([input]) => input);
    expect(inputs.length).toBeGreaterThanOrEqual(3);
    for (const input of inputs) {
      expect(input).not.toContain("value=");
      const id = input.match(/id="([^"]+)"/)![1]!;
      expect(form).toMatch(new RegExp(`<label[^>]*for="${id}"[^>]*>Participant \\d+</label>`));
    }
  });

  it("keeps a name with a comma whole, trims names and leaves out empty fields", async () => {
    const response = await addEvent({ title: "Comma names", participants: ["Okafor, Maya", "", "  Liam Hughes ", "   "] });
    expect(response.status).toBe(302);
    const event = await prisma().customerEvent.findFirstOrThrow({ where: { customerId, title: "Comma names" } });
    expect(event.participants).toEqual(["Okafor, Maya", "Liam Hughes"]);
  });

  it("takes one participant, or none", async () => {
    expect((await addEvent({ title: "One", participants: "Ann" })).status).toBe(302);
    expect((await addEvent({ title: "None" })).status).toBe(302);
    const events = await prisma().customerEvent.findMany({ where: { customerId, title: { in: ["One", "None"] } }, orderBy: { title: "desc" } });
    expect(events.map((event) => event.participants)).toEqual([["Ann"], []]);
  });

  it(`refuses more than ${LIMITS.participants} participants with 400, keeping what was typed`, async () => {
    const names = Array.from({ length: LIMITS.participants + 1 }, (_, index) => `Person ${index}`);
    const response = await addEvent({ title: "Crowd", participants: names });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { result: { error: Record<string, string[]>; initialValue: { participants: string[] } } };
    expect(body.result.error.participants).toEqual([`At most ${LIMITS.participants} participants`]);
    expect(body.result.initialValue.participants).toEqual(names);
    expect((await addEvent({ title: "Exactly the limit", participants: names.slice(1) })).status).toBe(302);
    expect(await prisma().customerEvent.count({ where: { customerId, title: "Crowd" } })).toBe(0);
  });

  it(`refuses a name over ${LIMITS.shortText} characters with 400 on that field`, async () => {
    const response = await addEvent({ title: "Long name", participants: ["Ann", "x".repeat(LIMITS.shortText + 1)] });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { result: { error: Record<string, string[]> } };
    expect(body.result.error["participants[1]"]).toEqual(["A participant's name must be at most 200 characters"]);
    expect(await prisma().customerEvent.count({ where: { customerId, title: "Long name" } })).toBe(0);
  });

  it("another user's customer id answers 404 and gets no event", async () => {
    const response = await addEvent({ title: "Intrusion", participants: ["Ann", "Bob"] }, theirCustomerId);
    expect(response.status).toBe(404);
    expect(await prisma().customerEvent.count({ where: { customerId: theirCustomerId } })).toBe(0);
  });
});
