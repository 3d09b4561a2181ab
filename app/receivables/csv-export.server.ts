import { liveCustomer, liveCustomersOf } from "~/customers/ownership.server";
import { asUserApart, type Db } from "~/db/scope.server";
import { Prisma } from "~/generated/prisma/client";
import { csvText, csvValue, encodeCsvRecord, type CsvCell } from "./csv";
import { DISPLAY_STATUS_SQL, moneyText, PAID_LATERAL } from "./receivables.server";
import { TODAY_FROM } from "~/agreements/agreements.server";

/**
 * Receivables as a CSV download: one customer's, or every live customer's
 * of the user. The body is streamed in keyset batches of BATCH_SIZE rows
 * (customer, date, id), each read by one statement in a short transaction of
 * its own (asUserApart), so a file of 200,000 rows is never whole in memory
 * and never holds a transaction open for as long as a slow client reads.
 * Each batch is consistent; a row written while the file is being read
 * appears in it only if its key lies ahead of the batch being read.
 * Paid, balance and display status are the tab's SQL (receivables.server.ts).
 */

export const CSV_BATCH_SIZE = 2000;

const COLUMNS = ["type", "reference", "date", "due_date", "status", "display_status", "amount", "paid", "balance", "linked_invoice", "description"];

interface CsvRow {
  customerId: string;
  customer: string;
  id: string;
  type: string;
  reference: string | null;
  date: string;
  dueDate: string | null;
  status: string;
  displayStatus: string | null;
  amount: string;
  paid: string | null;
  balance: string | null;
  linkedInvoice: string | null;
  description: string | null;
}

type Key = [customerId: string, date: string, id: string];

export interface CsvScope {
  userId: string;
  /** One customer's file (already checked to be the user's live customer); all of them when left out. */
  customerId?: string;
}

function readBatch(db: Db, { userId, customerId }: CsvScope, after: Key | null): Promise<CsvRow[]> {
  const which = customerId ? liveCustomer({ userId, customerId }) : liveCustomersOf(userId);
  const past = after ? Prisma.sql`(r.customer_id, r.date, r.id) > (${after[0]}::uuid, ${after[1]}::date, ${after[2]}::uuid)` : Prisma.sql`TRUE`;
  // The batch's rows are chosen (and sorted) before the per-row work of paid
  // and status, which then runs for those rows only.
  return db.$queryRaw<CsvRow[]>`
    SELECT r.customer_id AS "customerId", c.name AS customer, r.id, r.type, r.reference, r.date::text AS date,
           r.due_date::text AS "dueDate", r.status, ${DISPLAY_STATUS_SQL} AS "displayStatus", r.amount::text AS amount,
           CASE WHEN r.type = 'invoice' THEN ${moneyText(Prisma.sql`m.paid`)} END AS paid,
           CASE WHEN r.type = 'invoice' THEN ${moneyText(Prisma.sql`r.amount - m.paid`)} END AS balance,
           i.reference AS "linkedInvoice", r.description
      FROM (SELECT r.* FROM customer_receivables r JOIN customers c ON c.id = r.customer_id
             WHERE ${which} AND r.user_id = ${userId}::uuid AND ${past}
             ORDER BY r.customer_id, r.date, r.id
             LIMIT ${CSV_BATCH_SIZE}) r
      JOIN customers c ON c.id = r.customer_id
      CROSS JOIN ${TODAY_FROM}
      CROSS JOIN ${PAID_LATERAL}
      LEFT JOIN customer_receivables i ON i.id = r.linked_invoice_id AND i.customer_id = r.customer_id
     ORDER BY r.customer_id, r.date, r.id`;
}

function recordOf(row: CsvRow, withCustomer: boolean): string {
  const cells: CsvCell[] = [
    csvValue(row.type),
    csvText(row.reference),
    csvValue(row.date),
    csvValue(row.dueDate),
    csvValue(row.status),
    csvValue(row.displayStatus),
    csvValue(row.amount),
    csvValue(row.paid),
    csvValue(row.balance),
    csvText(row.linkedInvoice),
    csvText(row.description),
  ];
  return encodeCsvRecord(withCustomer ? [csvText(row.customer), ...cells] : cells);
}

/** The header row, then every row of the scope, as a stream of UTF-8 bytes. */
export function receivablesCsvStream(scope: CsvScope): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const withCustomer = !scope.customerId;
  let after: Key | null = null;
  let headerSent = false;
  let done = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!headerSent) {
          headerSent = true;
          controller.enqueue(encoder.encode(encodeCsvRecord((withCustomer ? ["customer", ...COLUMNS] : COLUMNS).map(csvValue))));
          return;
        }
        const rows = await asUserApart(scope.userId, (db) => readBatch(db, scope, after));
        if (done) return;
        if (rows.length > 0) {
          const last = rows[rows.length - 1]!;
          after = [last.customerId, last.date, last.id];
          controller.enqueue(encoder.encode(rows.map((row) => recordOf(row, withCustomer)).join("")));
        }
        if (rows.length < CSV_BATCH_SIZE) {
          done = true;
          controller.close();
        }
      },
      cancel() {
        done = true;
      },
    },
    // Read a batch only when the client has taken the previous one.
    { highWaterMark: 0 },
  );
}
