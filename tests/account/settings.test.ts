import { createCustomer } from "~/customers/customers.server";
import * as accountRoute from "~/routes/account";
import * as eventsApiRoute from "~/routes/api.customers.$id.events";
import * as overviewRoute from "~/routes/customers.$id.overview";
import { signedUpUser, signUp } from "../auth-helpers";
import { call, get, postForm } from "../http";
import { ownerPrisma } from "../setup/owner";

/** /account intent=update-settings: time zone, currency, payment terms (DOMAIN.md). */

async function settingsOf(email: string) {
  return ownerPrisma().user.findUniqueOrThrow({
    where: { email: email.toLowerCase() },
    select: { timeZone: true, currency: true, paymentTermsDays: true },
  });
}

function save(cookie: string, fields: Record<string, string>) {
  return call(accountRoute.action, postForm("/account", { intent: "update-settings", ...fields }, { cookie }));
}

/** A new user with these settings saved, and a customer of theirs. */
async function customerOfUserWith(settings: { timeZone: string; currency: string }, name: string) {
  const { id, cookie } = await signedUpUser();
  const customer = await createCustomer(id, { name });
  expect((await save(cookie, { ...settings, paymentTermsDays: "30" })).status).toBe(302);
  return { cookie, customerId: customer.id };
}

/** The overview's Add event form, posted. */
async function addEvent(cookie: string, customerId: string, fields: Record<string, string>) {
  const added = await call(
    overviewRoute.action,
    postForm(`/customers/${customerId}/overview`, { intent: "add-event", ...fields }, { cookie }),
    { id: customerId },
  );
  expect(added.status).toBe(302);
}

describe("account settings", () => {
  it("start as UTC, EUR and 30 days, and the page shows them with the choices", async () => {
    const { email, cookie } = await signUp();
    expect(await settingsOf(email)).toEqual({ timeZone: "UTC", currency: "EUR", paymentTermsDays: 30 });
    const page = (await (await call(accountRoute.loader, get("/account", { cookie }))).json()) as {
      settings: unknown;
      timeZones: Array<{ value: string }>;
      currencies: Array<{ value: string; label: string }>;
    };
    expect(page.settings).toEqual({ timeZone: "UTC", currency: "EUR", paymentTermsDays: 30 });
    expect(page.timeZones[0]!.value).toBe("UTC");
    expect(page.timeZones.map((zone) => zone.value)).toContain("Pacific/Kiritimati");
    expect(page.currencies).toContainEqual({ value: "EUR", label: "EUR — Euro" });
  });

  it("saves valid settings and says so", async () => {
    const { email, cookie } = await signUp();
    const response = await save(cookie, { timeZone: "Europe/Paris", currency: "usd", paymentTermsDays: "14" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/account");
    expect(await settingsOf(email)).toEqual({ timeZone: "Europe/Paris", currency: "USD", paymentTermsDays: 14 });
  });

  it("puts the pages' money in the chosen currency", async () => {
    const { cookie, customerId } = await customerOfUserWith({ timeZone: "UTC", currency: "CHF" }, "Currency Co");
    const overview = await call(overviewRoute.loader, get(`/customers/${customerId}/overview`, { cookie }), { id: customerId });
    expect(((await overview.json()) as { currency: string }).currency).toBe("CHF");
  });

  it("reads the Add event date on the account's clock; the API still answers in UTC", async () => {
    const { cookie, customerId } = await customerOfUserWith({ timeZone: "America/New_York", currency: "EUR" }, "Zone Co");
    const typed = [
      ["2026-01-15T09:00", "2026-01-15T14:00:00.000Z"],
      // 02:30 on the night the clocks skip from 02:00 to 03:00 is 03:30 EDT.
      ["2026-03-08T02:30", "2026-03-08T07:30:00.000Z"],
      // Summer time: New York is four hours behind UTC, not five.
      ["2026-07-15T09:00", "2026-07-15T13:00:00.000Z"],
    ] as const;
    for (const [eventDate] of typed) await addEvent(cookie, customerId, { title: `At ${eventDate}`, eventDate });
    const stored = await ownerPrisma().customerEvent.findMany({ where: { customerId }, orderBy: { eventDate: "asc" } });
    expect(stored.map((event) => [event.title, event.eventDate?.toISOString()])).toEqual(typed.map(([local, utc]) => [`At ${local}`, utc]));

    const api = await call(eventsApiRoute.loader, get(`/api/customers/${customerId}/events`, { cookie }), { id: customerId });
    const { events } = (await api.json()) as { events: Array<{ title: string; event_date: string }> };
    expect(events.find((event) => event.title === "At 2026-01-15T09:00")?.event_date).toBe("2026-01-15T14:00:00.000Z");

    const overview = await call(overviewRoute.loader, get(`/customers/${customerId}/overview`, { cookie }), { id: customerId });
    expect(((await overview.json()) as { timeZone: string }).timeZone).toBe("America/New_York");
  });

  it("dates an event sent with the date the form offered when it is saved, not when the form was opened", async () => {
    const { cookie, customerId } = await customerOfUserWith({ timeZone: "Asia/Tokyo", currency: "EUR" }, "Now Co");
    const before = Date.now();
    const offered = "2026-01-15T09:00";
    await addEvent(cookie, customerId, { title: "Untouched", eventDate: offered, eventDateOffered: offered });
    const event = await ownerPrisma().customerEvent.findFirstOrThrow({ where: { customerId, title: "Untouched" } });
    expect(event.eventDate!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(event.eventDate!.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it.each([
    [{ timeZone: "Mars/Olympus_Mons" }, "timeZone"],
    [{ timeZone: "" }, "timeZone"],
    [{ currency: "XYZ" }, "currency"],
    [{ currency: "euro" }, "currency"],
    [{ paymentTermsDays: "366" }, "paymentTermsDays"],
    [{ paymentTermsDays: "-1" }, "paymentTermsDays"],
    [{ paymentTermsDays: "7.5" }, "paymentTermsDays"],
    [{ paymentTermsDays: "soon" }, "paymentTermsDays"],
  ])("refuses %j with a field error and changes nothing", async (fields, field) => {
    const { email, cookie } = await signUp();
    const response = await save(cookie, { timeZone: "Asia/Tokyo", currency: "JPY", paymentTermsDays: "10", ...fields });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { intent: string; result: { error: Record<string, string[]> } };
    expect(body.intent).toBe("update-settings");
    expect(Object.keys(body.result.error)).toEqual([field]);
    expect(await settingsOf(email)).toEqual({ timeZone: "UTC", currency: "EUR", paymentTermsDays: 30 });
  });

  it("answers an unknown intent with 400 unknown_intent", async () => {
    const { cookie } = await signUp();
    const response = await call(accountRoute.action, postForm("/account", { intent: "nope" }, { cookie }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "unknown_intent" });
  });

  it("needs a signed-in user", async () => {
    const response = await save("", { timeZone: "UTC", currency: "EUR", paymentTermsDays: "30" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login/);
  });
});
