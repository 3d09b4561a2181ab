import { AGING_BUCKETS, INVOICE_DISPLAY_STATUSES } from "~/receivables/constants";
import { listReceivablesWithSummary, type ReceivableRow, type ReceivablesSummary } from "~/receivables/receivables.server";
import { DEMO_ACCOUNT, seedDemoAccount } from "../../prisma/seed";
import { invoiceNumber, seedDemoReceivables } from "../../prisma/seed-receivables";
import { ownerPrisma } from "../setup/owner";

/**
 * The demo account's receivables, read back through the SQL the tab and the
 * API use (display status, paid, aging and credit computed by the database
 * against today): something in every status and bucket to click through.
 */

const isZero = (amount: string) => /^-?0\.00$/.test(amount);
const isPositive = (amount: string) => !amount.startsWith("-") && !isZero(amount);

async function demoReceivables() {
  const user = await ownerPrisma().user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNT.email } });
  const customers = await ownerPrisma().customer.findMany({ where: { userId: user.id }, select: { id: true } });
  const rows: ReceivableRow[] = [];
  const summaries: ReceivablesSummary[] = [];
  for (const customer of customers) {
    const listed = await listReceivablesWithSummary({ userId: user.id, customerId: customer.id });
    if (!listed) throw new Error(`The demo customer ${customer.id} is not listed`);
    rows.push(...listed.receivables);
    summaries.push(listed.summary);
  }
  return { userId: user.id, rows, summaries };
}

describe("the demo account's receivables", () => {
  it("cover every display status, every aging bucket, a partial payment, an overdue partly paid invoice and credit", async () => {
    expect(await seedDemoAccount(ownerPrisma())).toBe(true);
    const { rows, summaries } = await demoReceivables();
    const invoices = rows.filter((row) => row.type === "invoice");

    expect(new Set(invoices.map((row) => row.displayStatus))).toEqual(new Set(INVOICE_DISPLAY_STATUSES));
    expect(invoices.some((row) => row.displayStatus === "partial" && isPositive(row.paid!))).toBe(true);
    expect(invoices.some((row) => row.displayStatus === "overdue" && isPositive(row.paid!))).toBe(true);
    expect(invoices.some((row) => row.displayStatus === "overdue" && isZero(row.paid!))).toBe(true);
    // Overpaid: paid, with a negative balance (the excess is credit).
    expect(invoices.some((row) => row.displayStatus === "paid" && row.balance!.startsWith("-"))).toBe(true);
    // A payment with no invoice, and a voided one.
    expect(rows.some((row) => row.type === "payment" && row.status === "received" && row.linkedInvoiceId === null)).toBe(true);
    expect(rows.some((row) => row.type === "payment" && row.status === "void")).toBe(true);

    for (const bucket of AGING_BUCKETS) {
      expect(summaries.some((summary) => isPositive(summary.aging[bucket])), `aging bucket ${bucket}`).toBe(true);
    }
    expect(summaries.some((summary) => isPositive(summary.credit))).toBe(true);

    // Numbered INV-0001…, each invoice of a customer with agreements linked to one of them.
    expect(invoices.map((row) => row.reference)).toContain(invoiceNumber(1));
    expect(invoices.some((row) => row.linkedAgreementId !== null)).toBe(true);
    // Hashing the demo password (Argon2id) and ~30 customers take a while on a busy machine.
  }, 120_000);

  it("are added once: a second seed, or one over an account seeded before receivables, adds nothing more", async () => {
    const before = await demoReceivables();
    expect(await seedDemoAccount(ownerPrisma())).toBe(false);
    expect(await seedDemoReceivables(ownerPrisma(), before.userId)).toBe(false);
    expect((await demoReceivables()).rows).toHaveLength(before.rows.length);

    // An account from before this seed knew receivables: without INV-0001 they are added, once.
    await ownerPrisma().$executeRaw`DELETE FROM customer_receivables WHERE user_id = ${before.userId}::uuid`;
    expect(await seedDemoAccount(ownerPrisma())).toBe(true);
    expect(await seedDemoAccount(ownerPrisma())).toBe(false);
    const after = await demoReceivables();
    expect(after.rows.filter((row) => row.reference?.startsWith("INV-00"))).toHaveLength(
      before.rows.filter((row) => row.reference?.startsWith("INV-00")).length,
    );
  }, 120_000);
});
