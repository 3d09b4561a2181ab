import type { InvoiceStatus, PaymentStatus } from "~/receivables/constants";
import { Prisma, type PrismaClient } from "~/generated/prisma/client";

/**
 * The demo account's invoices and payments: every display status, every
 * aging bucket, a partial payment, an overpayment and an unapplied payment
 * (both credit), a voided payment. Dates count from the account's today, in
 * its time zone (what app_today() says), so the statuses and buckets stay
 * true whenever the seed runs; the picks sit mid-bucket, away from the
 * boundaries. Written as plain SQL, so the schema's CHECKs, composite foreign
 * keys and defaults trigger judge every row as they judge the app's.
 */

interface PaymentPlan {
  amount: string;
  daysAgo: number;
  status?: PaymentStatus;
}

interface InvoicePlan {
  /** Which demo customer, by creation order. */
  customer: number;
  amount: string;
  issuedDaysAgo: number;
  /** Days from today to the due date: negative when past due. */
  dueInDays: number;
  status: InvoiceStatus;
  description: string;
  payments?: PaymentPlan[];
}

/** What each invoice shows today, in the order of INV-0001, INV-0002, … */
const INVOICES: InvoicePlan[] = [
  // Draft, open and partly paid, none due yet (current).
  { customer: 0, amount: "2400.00", issuedDaysAgo: 2, dueInDays: 28, status: "draft", description: "Discovery workshop" },
  { customer: 0, amount: "1800.00", issuedDaysAgo: 10, dueInDays: 20, status: "sent", description: "Retainer, this month" },
  {
    customer: 0,
    amount: "3000.00",
    issuedDaysAgo: 5,
    dueInDays: 25,
    status: "sent",
    description: "Prototype milestone",
    payments: [{ amount: "1000.00", daysAgo: 1 }],
  },
  {
    customer: 0,
    amount: "1600.00",
    issuedDaysAgo: 60,
    dueInDays: -30,
    status: "sent",
    description: "Retainer, two months ago",
    payments: [{ amount: "1600.00", daysAgo: 33 }],
  },
  // Overdue: 1–30 days with only a voided payment, 31–60 partly paid, and an overpaid one (paid, credit).
  {
    customer: 1,
    amount: "1250.00",
    issuedDaysAgo: 45,
    dueInDays: -15,
    status: "sent",
    description: "Design sprint",
    payments: [{ amount: "200.00", daysAgo: 12, status: "void" }],
  },
  {
    customer: 1,
    amount: "4200.00",
    issuedDaysAgo: 75,
    dueInDays: -45,
    status: "sent",
    description: "Platform migration, phase 1",
    payments: [{ amount: "1500.00", daysAgo: 40 }],
  },
  {
    customer: 1,
    amount: "900.00",
    issuedDaysAgo: 40,
    dueInDays: -10,
    status: "sent",
    description: "Hosting setup",
    payments: [{ amount: "1000.00", daysAgo: 8 }],
  },
  // Overdue 61–90 and over 90 days, and a voided invoice.
  { customer: 2, amount: "950.00", issuedDaysAgo: 105, dueInDays: -75, status: "sent", description: "Analytics audit" },
  { customer: 2, amount: "2750.50", issuedDaysAgo: 160, dueInDays: -130, status: "sent", description: "Data platform assessment" },
  { customer: 2, amount: "500.00", issuedDaysAgo: 20, dueInDays: 10, status: "void", description: "Issued twice by mistake" },
  { customer: 3, amount: "720.00", issuedDaysAgo: 3, dueInDays: 11, status: "sent", description: "Support hours" },
];

/** Payments applied to no invoice (credit), by demo customer. */
const UNAPPLIED: Array<{ customer: number; amount: string; daysAgo: number; description: string }> = [
  { customer: 2, amount: "350.00", daysAgo: 3, description: "Advance for the next phase" },
];

export const DEMO_INVOICE_PREFIX = "INV-";

export function invoiceNumber(position: number): string {
  return `${DEMO_INVOICE_PREFIX}${String(position).padStart(4, "0")}`;
}

const CUSTOMERS_NEEDED = 1 + Math.max(...INVOICES.map((invoice) => invoice.customer), ...UNAPPLIED.map((payment) => payment.customer));

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * The user's first `count` live customers by creation order, each with its
 * first agreement's id (null when it has none); null when there are fewer.
 * The demo plans name customers by that position.
 */
export async function demoCustomers(tx: Tx, userId: string, count: number): Promise<Array<{ id: string; agreementId: string | null }> | null> {
  const customers = await tx.$queryRaw<Array<{ id: string; agreementId: string | null }>>`
    SELECT c.id,
           (SELECT a.id FROM customer_agreements a WHERE a.customer_id = c.id ORDER BY a.created_at, a.id LIMIT 1) AS "agreementId"
      FROM customers c
     WHERE c.user_id = ${userId}::uuid AND c.deleted_at IS NULL
     ORDER BY c.created_at, c.id
     LIMIT ${count}`;
  return customers.length < count ? null : customers;
}

/** The account's today in its time zone, as app_today() computes it for a signed-in user. */
function accountToday(userId: string): Prisma.Sql {
  return Prisma.sql`(SELECT (now() AT TIME ZONE u.time_zone)::date FROM users u WHERE u.id = ${userId}::uuid)`;
}

async function insertPayment(tx: Tx, userId: string, customerId: string, invoiceId: string | null, plan: PaymentPlan & { description: string }) {
  await tx.$executeRaw`
    INSERT INTO customer_receivables (user_id, customer_id, type, amount, date, status, reference, description, linked_invoice_id)
    VALUES (${userId}::uuid, ${customerId}::uuid, 'payment', ${plan.amount}::numeric(12,2),
            ${accountToday(userId)} - ${plan.daysAgo}::int, ${plan.status ?? "received"}, NULL,
            ${plan.description}, ${invoiceId}::uuid)`;
}

/**
 * Adds the demo receivables to the user's first customers (by creation
 * order), each invoice linked to its customer's first agreement when it has
 * one, unless INV-0001 exists already. Returns whether it added them.
 */
export async function seedDemoReceivables(prisma: PrismaClient, userId: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const [seeded] = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM customer_receivables WHERE user_id = ${userId}::uuid AND type = 'invoice' AND reference = ${invoiceNumber(1)}`;
    if (seeded) return false;
    const customers = await demoCustomers(tx, userId, CUSTOMERS_NEEDED);
    if (!customers) return false;
    for (const [index, plan] of INVOICES.entries()) {
      const customer = customers[plan.customer]!;
      const [invoice] = await tx.$queryRaw<Array<{ id: string }>>`
        INSERT INTO customer_receivables
               (user_id, customer_id, type, amount, date, due_date, status, reference, description, linked_agreement_id)
        SELECT ${userId}::uuid, ${customer.id}::uuid, 'invoice', ${plan.amount}::numeric(12,2),
               t.today - ${plan.issuedDaysAgo}::int, t.today + ${plan.dueInDays}::int, ${plan.status},
               ${invoiceNumber(index + 1)}, ${plan.description}, ${customer.agreementId}::uuid
          FROM (SELECT ${accountToday(userId)} AS today) t
        RETURNING id`;
      for (const payment of plan.payments ?? []) {
        await insertPayment(tx, userId, customer.id, invoice!.id, { ...payment, description: `Bank transfer for ${invoiceNumber(index + 1)}` });
      }
    }
    for (const credit of UNAPPLIED) {
      await insertPayment(tx, userId, customers[credit.customer]!.id, null, credit);
    }
    return true;
  });
}
