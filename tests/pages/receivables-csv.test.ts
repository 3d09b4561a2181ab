import { randomUUID } from "node:crypto";
import { CSV_BATCH_SIZE } from "~/receivables/csv-export.server";
import * as customerCsvRoute from "~/routes/customers.$id.receivables[.csv]";
import * as allCsvRoute from "~/routes/receivables[.csv]";
import { insertCustomer } from "../../prisma/factories";
import { receivablesOf } from "../api/receivable-helpers";
import { signedUpUser } from "../auth-helpers";
import { call, get } from "../http";
import { ownerPrisma as prisma } from "../setup/owner";
import { MIX, seedMix, type SeedRow } from "../receivables/statement-fixture";
import { parseCsv } from "../support/csv-parse";

// The CSV downloads through their real loaders: read back with a strict RFC
// 4180 parser, they hold exactly what the JSON API says, in the same
// two-decimal strings; other users' and archived customers stay out.

const COLUMNS = ["type", "reference", "date", "due_date", "status", "display_status", "amount", "paid", "balance", "linked_invoice", "description"];

let me: { id: string; cookie: string };
let other: { id: string; cookie: string };
let customerId: string;
let siblingId: string;
let archivedId: string;

// Text a spreadsheet would mangle or run: every rule of the encoder, in the data.
const NASTY: SeedRow[] = [
  { key: "=INV-10", type: "invoice", status: "sent", amount: "12.34", date: "2026-04-01", due: "2026-05-01", description: 'Line one, "quoted"\r\nline two' },
  { key: "PAY, 10", type: "payment", status: "received", amount: "12.35", date: "2026-04-02", invoice: "=INV-10", description: "+cmd|' /C calc'!A0" },
  { key: "INV-11", type: "invoice", status: "sent", amount: "9999999999.99", date: "2026-04-03", due: "2026-05-03", description: "Ünïcødé — 日本語 🎉\n-minus" },
];

beforeAll(async () => {
  me = await signedUpUser();
  other = await signedUpUser();
  customerId = (await insertCustomer(prisma(), me.id, { name: "Ácme, \"CSV\" Co", status: "live" })).id;
  await seedMix(me.id, customerId, [...MIX, ...NASTY]);
  siblingId = (await insertCustomer(prisma(), me.id, { name: "@Sibling Ltd", status: "live" })).id;
  await seedMix(me.id, siblingId, MIX.slice(0, 4), "S-");
  archivedId = (await insertCustomer(prisma(), me.id, { name: "Archived Ltd", status: "live" })).id;
  await seedMix(me.id, archivedId, MIX.slice(0, 2), "A-");
  await prisma().customer.update({ where: { id: archivedId }, data: { deletedAt: new Date() } });
  const stranger = (await insertCustomer(prisma(), other.id, { name: "Stranger Ltd", status: "live" })).id;
  await seedMix(other.id, stranger, MIX.slice(0, 4), "X-");
});

function customerCsv(id: string, cookie: string | null = me.cookie) {
  return call(customerCsvRoute.loader, get(`/customers/${id}/receivables.csv`, { cookie }), { id });
}

function allCsv(cookie: string | null = me.cookie) {
  return call(allCsvRoute.loader, get("/receivables.csv", { cookie }));
}

/** The API's row as the CSV writes it (linked invoice by its number, text guarded). */
function guard(text: string | null): string {
  if (text === null) return "";
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

async function apiRecords(customer: string): Promise<string[][]> {
  const { receivables } = await receivablesOf({ id: me.id, cookie: me.cookie } as never, customer);
  const referenceOf = new Map(receivables.map((row) => [row.id, row.reference]));
  return receivables.map((row) => [
    row.type,
    guard(row.reference),
    row.date,
    row.due_date ?? "",
    row.status,
    row.display_status ?? "",
    row.amount,
    row.paid ?? "",
    row.balance ?? "",
    guard(row.linked_invoice_id ? (referenceOf.get(row.linked_invoice_id) ?? null) : null),
    guard(row.description),
  ]);
}

const byDateThenReference = (a: string[], b: string[]) => a[2]!.localeCompare(b[2]!) || a[1]!.localeCompare(b[1]!);

describe("one customer's CSV", () => {
  it("is an RFC 4180 download with the API's rows, exactly", async () => {
    const response = await customerCsv(customerId);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="acme-csv-co-receivables-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const text = await response.text();
    // Every line break outside a quoted field is CRLF (parseCsv refuses anything else).
    const [header, ...records] = parseCsv(text);
    expect(header).toEqual(COLUMNS);
    expect(records).toHaveLength(MIX.length + NASTY.length);
    // In date order; the API's list is newest first, so compare as sets in one order.
    const dates = records.map((record) => record[2]!);
    expect(dates).toEqual([...dates].sort());
    expect([...records].sort(byDateThenReference)).toEqual((await apiRecords(customerId)).sort(byDateThenReference));
  });

  it("guards text against formulas but writes amounts as plain decimals", async () => {
    const records = parseCsv(await (await customerCsv(customerId)).text()).slice(1);
    const invoice = records.find((record) => record[1] === "'=INV-10")!;
    expect(invoice).toBeDefined();
    expect(invoice[10]).toBe('Line one, "quoted"\r\nline two');
    const payment = records.find((record) => record[1] === "PAY, 10")!;
    expect(payment[9]).toBe("'=INV-10");
    expect(payment[10]).toBe("'+cmd|' /C calc'!A0");
    // Overpaid by a cent: the balance is a negative number, not guarded.
    expect(invoice.slice(6, 9)).toEqual(["12.34", "12.35", "-0.01"]);
    const big = records.find((record) => record[1] === "INV-11")!;
    expect(big[6]).toBe("9999999999.99");
    expect(big[10]).toBe("Ünïcødé — 日本語 🎉\n-minus");
    // Drafts and void rows are in the file (it is the list, not the statement), with their status.
    expect(records.filter((record) => record[4] === "draft").map((record) => record[1])).toEqual(["INV-2", "INV-9"]);
  });

  it("is a 404 for another user's customer, an archived one, an unknown or malformed id", async () => {
    expect((await customerCsv(customerId, other.cookie)).status).toBe(404);
    expect((await customerCsv(archivedId)).status).toBe(404);
    expect((await customerCsv(randomUUID())).status).toBe(404);
    expect((await customerCsv("nope")).status).toBe(404);
  });

  it("sends a visitor without a session to the login page", async () => {
    const response = await customerCsv(customerId, null);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(`/customers/${customerId}/receivables.csv`)}`);
  });
});

describe("all customers' CSV", () => {
  it("holds every live customer's rows of the user, grouped by customer, and nobody else's", async () => {
    const response = await allCsv();
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="receivables-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [header, ...records] = parseCsv(await response.text());
    expect(header).toEqual(["customer", ...COLUMNS]);
    const customers = records.map((record) => record[0]);
    expect(new Set(customers)).toEqual(new Set(['Ácme, "CSV" Co', "'@Sibling Ltd"]));
    // Each customer's rows are together.
    const runs = customers.filter((name, index) => index === 0 || name !== customers[index - 1]);
    expect(runs).toHaveLength(2);
    expect(records.filter((record) => record[0] === "'@Sibling Ltd").map((record) => record.slice(1)).sort(byDateThenReference)).toEqual(
      (await apiRecords(siblingId)).sort(byDateThenReference),
    );
    expect(records.some((record) => record[2]!.startsWith("X-") || record[2]!.startsWith("A-"))).toBe(false);
  });

  it("streams more rows than one batch holds, each once, in order", async () => {
    const user = await signedUpUser();
    const many = await insertCustomer(prisma(), user.id, { name: "Many Rows", status: "live" });
    const count = CSV_BATCH_SIZE * 2 + 7;
    await prisma().receivable.createMany({
      data: Array.from({ length: count }, (_, index) => ({
        userId: user.id,
        customerId: many.id,
        type: "payment",
        status: "received",
        amount: `${index + 1}.01`,
        // Many rows share a day, so the id decides between them across batch edges.
        date: new Date(Date.UTC(2026, 0, 1 + (index % 17))),
        reference: `P-${index}`,
      })),
    });
    const records = parseCsv(await (await allCsv(user.cookie)).text()).slice(1);
    expect(records).toHaveLength(count);
    expect(new Set(records.map((record) => record[2])).size).toBe(count);
    const dates = records.map((record) => record[3]!);
    expect(dates).toEqual([...dates].sort());
  });

  it("is only a header for a user with no receivables", async () => {
    const user = await signedUpUser();
    expect(await (await allCsv(user.cookie)).text()).toBe(`customer,${COLUMNS.join(",")}\r\n`);
  });

  it("sends a visitor without a session to the login page", async () => {
    const response = await allCsv(null);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent("/receivables.csv")}`);
  });
});
