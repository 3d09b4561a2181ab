import { Prisma } from "~/generated/prisma/client";

/** What the new-invoice form suggests: the next number, today and the due date the payment terms give. */
export interface InvoiceDefaults {
  reference: string;
  date: string;
  dueDate: string;
}

/** What the form suggests when the user has no numbered invoice yet. */
export const FIRST_INVOICE_NUMBER = "INV-0001";

/**
 * The user's invoice with the highest trailing number gives the next one,
 * keeping its prefix and zero padding ("INV-0099" → "INV-0100", "2026/7" →
 * "2026/8"). The digits are compared as NUMERIC, so "INV-10" beats "INV-9"
 * and no length overflows; they are the column reference_number, which a
 * trigger keeps and an index orders (migration invoice_number_order), so the
 * highest is one index probe however many invoices the user has. Today and
 * the due date come from the account's zone and payment terms (app_today(),
 * the same rule the insert trigger uses for a due date left out). The bench
 * explains this statement as the app runs it.
 */
export function invoiceDefaultsSql(userId: string): Prisma.Sql {
  return Prisma.sql`
      SELECT (SELECT n.m[1] || lpad((n.m[2]::numeric + 1)::text, length(n.m[2]), '0')
                FROM (SELECT regexp_match(r.reference, '^(.*?)([0-9]+)$') AS m
                        FROM customer_receivables r
                       WHERE r.user_id = ${userId}::uuid AND r.type = 'invoice' AND r.reference_number IS NOT NULL
                       ORDER BY r.reference_number DESC, r.created_at DESC
                       LIMIT 1) n) AS reference,
             app_today()::text AS date,
             (app_today() + u.payment_terms_days)::text AS "dueDate"
        FROM users u
       WHERE u.id = ${userId}::uuid`;
}
