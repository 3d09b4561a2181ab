import { ownerPrisma as prisma } from "../setup/owner";

/**
 * A customer's receivables that exercise every rule of a statement over
 * PERIOD: rows before, on both edges of and after it; partial and over
 * payments, unapplied credit, a payment dated before its invoice, drafts and
 * void rows (which never count), and same-day rows (invoice first).
 */

export const PERIOD = { from: "2026-03-01", to: "2026-05-31" } as const;

export interface SeedRow {
  key: string;
  type: "invoice" | "payment";
  status: "draft" | "sent" | "void" | "received";
  amount: string;
  date: string;
  due?: string;
  /** The key of the invoice a payment is applied to. */
  invoice?: string;
  description?: string;
}

export const MIX: SeedRow[] = [
  { key: "INV-1", type: "invoice", status: "sent", amount: "1000.00", date: "2026-01-10", due: "2026-02-09" },
  { key: "PAY-1", type: "payment", status: "received", amount: "400.00", date: "2026-02-01", invoice: "INV-1" },
  { key: "INV-2", type: "invoice", status: "draft", amount: "999.99", date: "2026-01-15", due: "2026-02-14" },
  { key: "INV-3", type: "invoice", status: "void", amount: "300.00", date: "2026-02-10", due: "2026-03-12" },
  { key: "PAY-2", type: "payment", status: "void", amount: "50.00", date: "2026-02-15" },
  { key: "CR-1", type: "payment", status: "received", amount: "25.50", date: "2026-02-20", description: "Deposit" },
  { key: "INV-7", type: "invoice", status: "sent", amount: "500.00", date: "2026-03-01", due: "2026-03-01" },
  { key: "INV-4", type: "invoice", status: "sent", amount: "1200.00", date: "2026-03-05", due: "2026-04-04", description: "Design, phase 1" },
  { key: "PAY-3", type: "payment", status: "received", amount: "1300.00", date: "2026-03-20", invoice: "INV-4" },
  // Recorded payment first, invoice second, on one day: the statement still lists the invoice first.
  { key: "PAY-4", type: "payment", status: "received", amount: "0.01", date: "2026-04-10" },
  { key: "INV-5", type: "invoice", status: "sent", amount: "333.33", date: "2026-04-10", due: "2026-05-10" },
  { key: "INV-9", type: "invoice", status: "draft", amount: "70.00", date: "2026-04-20", due: "2026-05-20" },
  { key: "PAY-5", type: "payment", status: "void", amount: "10.00", date: "2026-04-25" },
  { key: "INV-8", type: "invoice", status: "sent", amount: "80.00", date: "2026-06-01", due: "2026-07-01" },
  { key: "PAY-6", type: "payment", status: "received", amount: "20.00", date: "2026-05-15", invoice: "INV-8" },
  { key: "INV-6", type: "invoice", status: "sent", amount: "250.00", date: "2026-05-31", due: "2026-06-30" },
  { key: "PAY-7", type: "payment", status: "received", amount: "100.00", date: "2026-06-05", invoice: "INV-7" },
];

const asDate = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/** Inserts the rows in MIX's order (created_at follows it) under the customer; returns key → id. */
export async function seedMix(userId: string, customerId: string, rows: SeedRow[] = MIX, prefix = ""): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  let tick = Date.parse("2026-06-10T00:00:00Z");
  for (const row of rows) {
    tick += 1000;
    const created = await prisma().receivable.create({
      data: {
        userId,
        customerId,
        type: row.type,
        status: row.status,
        amount: row.amount,
        date: asDate(row.date),
        dueDate: row.due ? asDate(row.due) : null,
        reference: `${prefix}${row.key}`,
        description: row.description ?? null,
        linkedInvoiceId: row.invoice ? ids.get(row.invoice)! : null,
        createdAt: new Date(tick),
      },
      select: { id: true },
    });
    ids.set(row.key, created.id);
  }
  return ids;
}

/** "1234.50" → 123450n: exact cents, no floats. */
export function cents(amount: string): bigint {
  const negative = amount.startsWith("-");
  const [whole, fraction = ""] = amount.replace("-", "").split(".");
  const value = BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, "0"));
  return negative ? -value : value;
}

/** 123450n → "1234.50". */
export function money(value: bigint): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  return `${negative ? "-" : ""}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}
