import type pg from "pg";
import { acrossBalanceSets, acrossPageSql } from "../app/receivables/across-customers.server";
import { customerBalanceSets, CUSTOMER_BALANCE_SQL, receivablesListSql, summarySql } from "../app/receivables/receivables.server";
import { invoiceDefaultsSql } from "../app/receivables/invoice-defaults.server";
import { Prisma } from "../app/generated/prisma/client";
import type { Query } from "./list-query";
import type { QueryBuilder } from "./plan-check";

/**
 * The receivables statements the plan check explains, built by the app's own
 * builders (receivables.server.ts, across-customers.server.ts), so that they
 * stay the statements the pages run: a customer's tab and its summary, the
 * overview's outstanding stat, the new invoice's suggested number, and /receivables' first page, a deep page, the
 * overdue filter and the summary of every customer.
 */

export const asQuery = (sql: Prisma.Sql): QueryBuilder => () => Promise.resolve({ query: { text: sql.text, values: sql.values } satisfies Query });

/** The bench user's live customer with the most receivables: the tab's heaviest case. */
export async function busiestCustomer(client: pg.Client, userId: string): Promise<{ id: string; rows: number } | undefined> {
  const { rows } = await client.query<{ id: string; rows: number }>(
    `SELECT r.customer_id AS id, count(*)::int AS rows
       FROM customer_receivables r JOIN customers c ON c.id = r.customer_id AND c.deleted_at IS NULL
      WHERE r.user_id = $1
      GROUP BY r.customer_id ORDER BY count(*) DESC, r.customer_id LIMIT 1`,
    [userId],
  );
  return rows[0];
}

/**
 * A cursor deep into /receivables: the key of one of the user's invoices due
 * 100 days ago (a page a client reaches by following next links; any row's
 * key is a cursor the list could have handed out).
 */
async function deepCursor(client: pg.Client, userId: string): Promise<[string, string] | null> {
  const { rows } = await client.query<{ day: string; id: string }>(
    `SELECT due_date::text AS day, id FROM customer_receivables
      WHERE user_id = $1 AND type = 'invoice' AND due_date <= current_date - 100
      ORDER BY due_date DESC, id LIMIT 1`,
    [userId],
  );
  return rows[0] ? [rows[0].day, rows[0].id] : null;
}

export async function receivableStatements(client: pg.Client, userId: string): Promise<Array<[string, QueryBuilder]>> {
  const busiest = await busiestCustomer(client, userId);
  const statements: Array<[string, QueryBuilder]> = [];
  if (busiest) {
    const customer = { userId, customerId: busiest.id };
    statements.push([`receivables tab, ${busiest.rows} rows`, asQuery(receivablesListSql(customer))]);
    statements.push(["receivables tab summary", asQuery(summarySql(customerBalanceSets(customer)))]);
    statements.push([
      "overview outstanding stat",
      asQuery(Prisma.sql`SELECT ${CUSTOMER_BALANCE_SQL} FROM customers c WHERE c.id = ${busiest.id}::uuid`),
    ]);
  }
  statements.push(["new invoice's suggested number", asQuery(invoiceDefaultsSql(userId))]);
  statements.push(["/receivables first page", asQuery(acrossPageSql(userId, { cursor: null }))]);
  const cursor = await deepCursor(client, userId);
  if (cursor) statements.push(["/receivables deep page (cursor)", asQuery(acrossPageSql(userId, { cursor }))]);
  statements.push(["/receivables?status=overdue", asQuery(acrossPageSql(userId, { filter: "overdue", cursor: null }))]);
  statements.push(["/receivables summary (all customers)", asQuery(summarySql(acrossBalanceSets(userId)))]);
  return statements;
}
