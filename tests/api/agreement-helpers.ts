import type { ApiAgreement } from "~/agreements/api-shape.server";
import type { Prisma } from "~/generated/prisma/client";
import { ownerPrisma as prisma } from "../setup/owner";
import { sql } from "../support/db";
import { api, jsonOf, type ErrorBody, type TestUser } from "./helpers";

/**
 * Arranging and inspecting agreements for the API tests: dates relative to an
 * account's today, rows inserted behind the app's back (as the table owner),
 * and what a refused request must leave untouched.
 */

export type AgreementBody = { agreement: ApiAgreement };
export type AgreementsBody = { agreements: ApiAgreement[] };
export type ConflictBody = { error: "conflict"; message: string };

/** The account's today (its time zone's calendar date), as the database computes it. */
export async function todayOf(userId: string): Promise<string> {
  const [row] = await sql<{ today: string }>(
    "SELECT (now() AT TIME ZONE u.time_zone)::date::text AS today FROM users u WHERE u.id = $1::uuid",
    [userId],
  );
  return row!.today;
}

/** `date` (YYYY-MM-DD) moved by `days` calendar days. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split("-").map(Number);
  return new Date(Date.UTC(year!, month! - 1, day! + days)).toISOString().slice(0, 10);
}

/** Days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function setTimeZone(userId: string, timeZone: string) {
  return prisma().user.update({ where: { id: userId }, data: { timeZone } });
}

export const RETAINER = { scope: "Monthly retainer", type: "retainer", pricing: { amount: "1500", period: "month" } } as const;

/** Creates an agreement through the API and returns it (the request must succeed). */
export async function createVia(user: TestUser, customerId: string, body: Record<string, unknown> = RETAINER): Promise<ApiAgreement> {
  const response = await api("POST", `/api/customers/${customerId}/agreements`, { cookie: user.cookie, body });
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(201);
  return (await jsonOf<AgreementBody>(response)).agreement;
}

/** Sends a lifecycle action (`terminate`, `suspend`, `resume`, `renew`). */
export function act(user: TestUser, agreementId: string, action: string, body?: unknown) {
  return api("POST", `/api/agreements/${agreementId}/${action}`, { cookie: user.cookie, body });
}

/** An agreement inserted as the table owner, in any state the API would not let a test reach directly. */
export function insertAgreement(
  customer: { id: string; userId: string },
  data: Partial<Omit<Prisma.AgreementUncheckedCreateInput, "startDate" | "endDate">> & { startDate?: string | null; endDate?: string | null } = {},
) {
  const { startDate, endDate, ...rest } = data;
  return prisma().agreement.create({
    data: {
      scope: "Arranged",
      type: "fixed_fee",
      pricing: { amount: "1000.00" },
      ...rest,
      userId: customer.userId,
      customerId: customer.id,
      startDate: startDate ? new Date(`${startDate}T00:00:00Z`) : null,
      endDate: endDate ? new Date(`${endDate}T00:00:00Z`) : null,
    },
  });
}

/** An invoice or payment inserted as the table owner. */
export function insertReceivable(
  customer: { id: string; userId: string },
  data: { type: "invoice" | "payment"; amount: string; status?: string; linkedAgreementId?: string; linkedInvoiceId?: string },
) {
  return prisma().receivable.create({
    data: { userId: customer.userId, customerId: customer.id, date: new Date(), ...data },
  });
}

/** The customer's timeline events, oldest first. */
export function eventsOf(customerId: string) {
  return prisma().customerEvent.findMany({ where: { customerId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/** Every agreement, receivable, project and event: what a refused request must leave as it was. */
export async function agreementsSnapshot() {
  const [agreements, receivables, projects, events, customers] = await Promise.all([
    prisma().agreement.findMany({ orderBy: { id: "asc" } }),
    prisma().receivable.findMany({ orderBy: { id: "asc" } }),
    prisma().project.findMany({ orderBy: { id: "asc" } }),
    prisma().customerEvent.findMany({ orderBy: { id: "asc" } }),
    prisma().customer.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { agreements, receivables, projects, events, customers };
}

/** Sends a request that must be refused: 400, issues on exactly these fields, nothing in `snapshot` written. */
export async function expectValidationRefusal(send: () => Promise<Response>, fields: string[], snapshot: () => Promise<unknown> = agreementsSnapshot) {
  const before = await snapshot();
  const response = await send();
  const json = await jsonOf<ErrorBody>(response);
  expect(response.status, JSON.stringify(json)).toBe(400);
  expect(json.error).toBe("validation");
  expect(Object.keys(json.issues ?? {}).sort()).toEqual([...fields].sort());
  expect(await snapshot()).toEqual(before);
  return json.issues!;
}
