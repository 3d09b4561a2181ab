import { getDatabase } from "~/db/db.server";
import { insertCustomer, insertUser } from "../../prisma/factories";
import { ownerPrisma } from "../setup/owner";

/**
 * Owner-side access for tests that arrange or inspect data behind the app's
 * back. Row-level security does not apply here: never use it to prove isolation.
 */

export { DAY_MS } from "~/utils/format";

/** The tables that hang off a customer, each with its customer's user_id. */
export const CHILD_TABLES = [
  "customer_agreements",
  "customer_receivables",
  "customer_projects",
  "customer_artifacts",
  "customer_events",
  "customer_chat_messages",
] as const;

/** A query on the owner's connection. */
export function sql<Row = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<Row[]> {
  return getDatabase().withConnection((conn) => conn.query<Row>(text, params));
}

/** A script on the owner's connection (DDL the app's role could not run). */
export function ownerExec(script: string): Promise<void> {
  return getDatabase().withConnection((conn) => conn.exec(script));
}

let counter = 0;

/** A fresh user, inserted directly (no password, no session): their id. */
export async function newUserId(label = "user"): Promise<string> {
  counter += 1;
  const email = `${label.toLowerCase()}-${counter}-${Date.now()}@example.com`;
  return (await insertUser(ownerPrisma(), { email, name: label })).id;
}

/** A fresh user with one live customer, inserted directly. */
export interface Tenant {
  userId: string;
  customerId: string;
}

export async function newTenant(label: string): Promise<Tenant> {
  const userId = await newUserId(label);
  const customer = await insertCustomer(ownerPrisma(), userId, { name: `${label} Co`, status: "live", info: {} });
  return { userId, customerId: customer.id };
}
