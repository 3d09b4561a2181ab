import { api, customerFor, jsonOf, signedInUser, type ErrorBody, type TestUser } from "./helpers";
import { addDays, todayOf } from "./agreement-helpers";
import { receivablesOf, recordVia, voidReceivable } from "./receivable-helpers";
import type { ApiReceivable } from "~/receivables/api-shape.server";
import type { ReceivablesSummary } from "~/receivables/receivables.server";

// GET /api/receivables?status=&cursor=: every receivable of the user's live
// customers, earliest due first, in keyset pages; the summary of them all
// equals the sum of the customers' own; nobody else's, nothing archived.

type AcrossBody = { receivables: ApiReceivable[]; summary: ReceivablesSummary; next_cursor: string | null };

let user: TestUser;
let today: string;

beforeAll(async () => {
  user = await signedInUser();
  today = await todayOf(user.id);
});

async function across(who: TestUser, query = ""): Promise<AcrossBody> {
  const response = await api("GET", `/api/receivables${query}`, { cookie: who.cookie });
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(200);
  return jsonOf<AcrossBody>(response);
}

it("lists open invoices most overdue first across customers, pages by cursor, and sums the summary over them all", async () => {
  const first = await customerFor(user, { name: "First" });
  const second = await customerFor(user, { name: "Second" });
  const archived = await customerFor(user, { name: "Archived" });
  const stranger = await signedInUser();
  await recordVia(stranger, (await customerFor(stranger)).id, { type: "invoice", amount: "7", reference: "S-1" });
  await recordVia(user, archived.id, { type: "invoice", amount: "1000", reference: "A-1", date: addDays(today, -200), due_date: addDays(today, -199) });
  expect((await api("DELETE", `/api/customers/${archived.id}`, { cookie: user.cookie })).status).toBe(200);

  const created: ApiReceivable[] = [];
  for (let index = 0; index < 60; index++) {
    const customer = index % 2 === 0 ? first : second;
    const due = addDays(today, 30 - index);
    created.push(await recordVia(user, customer.id, { type: "invoice", amount: `${index + 1}.01`, reference: `X-${index}`, date: addDays(due, -1), due_date: due }));
  }
  await recordVia(user, first.id, { type: "payment", amount: "0.02", linked_invoice_id: created[0]!.id });
  await voidReceivable(user, created[1]!.id);

  const page1 = await across(user);
  expect(page1.receivables).toHaveLength(50);
  expect(page1.next_cursor).not.toBeNull();
  const page2 = await across(user, `?cursor=${page1.next_cursor}`);
  const all = [...page1.receivables, ...page2.receivables];
  expect(page2.next_cursor).toBeNull();
  // 60 invoices and one payment; nothing of the stranger's or of the archived customer.
  expect(all).toHaveLength(61);
  expect(new Set(all.map((row) => row.customer_id))).toEqual(new Set([first.id, second.id]));
  const days = all.map((row) => row.due_date ?? row.date);
  expect(days).toEqual([...days].sort());
  expect(all[0]!.reference).toBe("X-59");

  // The summary across customers is the sum of each customer's.
  const [mine1, mine2] = [(await receivablesOf(user, first.id)).summary, (await receivablesOf(user, second.id)).summary];
  const cents = (value: string) => Math.round(Number(value) * 100);
  for (const key of ["outstanding", "credit", "net"] as const) {
    expect(cents(page1.summary[key])).toBe(cents(mine1[key]) + cents(mine2[key]));
  }
  expect(page2.summary).toEqual(page1.summary);

  const overdue = await across(user, "?status=overdue");
  expect(overdue.receivables.every((row) => row.display_status === "overdue")).toBe(true);
  expect(overdue.receivables.map((row) => row.reference)).toEqual(
    all.filter((row) => row.display_status === "overdue").map((row) => row.reference),
  );
  expect((await across(user, "?status=void")).receivables.map((row) => row.id)).toEqual([created[1]!.id]);
  expect((await across(stranger)).receivables.map((row) => row.reference)).toEqual(["S-1"]);
});

it.each(["?status=sent", "?cursor=garbage", `?cursor=${Buffer.from(JSON.stringify(["2026-02-30", crypto.randomUUID()])).toString("base64url")}`, "?status=open&status=paid"])(
  "%s → 400",
  async (query) => {
    const response = await api("GET", `/api/receivables${query}`, { cookie: user.cookie });
    expect(response.status).toBe(400);
    expect((await jsonOf<ErrorBody>(response)).error).toBe("validation");
  },
);

it("answers 401 without a session and 405 to other methods", async () => {
  expect((await api("GET", "/api/receivables")).status).toBe(401);
  const response = await api("POST", "/api/receivables", { cookie: user.cookie, body: {} });
  expect(response.status).toBe(405);
  expect(response.headers.get("Allow")).toBe("GET");
});
