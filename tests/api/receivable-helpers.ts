import type { ApiReceivable } from "~/receivables/api-shape.server";
import type { ReceivablesSummary } from "~/receivables/receivables.server";
import { api, jsonOf, type TestUser } from "./helpers";

/** Recording and changing invoices and payments through the API, for the receivables tests. */

export type ReceivableBody = { receivable: ApiReceivable };
export type ReceivablesBody = { receivables: ApiReceivable[]; summary: ReceivablesSummary };

/** Creates an invoice or payment through the API and returns it (the request must succeed). */
export async function recordVia(user: TestUser, customerId: string, body: Record<string, unknown>): Promise<ApiReceivable> {
  const response = await api("POST", `/api/customers/${customerId}/receivables`, { cookie: user.cookie, body });
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(201);
  return (await jsonOf<ReceivableBody>(response)).receivable;
}

export function patchReceivable(user: TestUser, receivableId: string, body: unknown) {
  return api("PATCH", `/api/receivables/${receivableId}`, { cookie: user.cookie, body });
}

export function voidReceivable(user: TestUser, receivableId: string) {
  return api("POST", `/api/receivables/${receivableId}/void`, { cookie: user.cookie });
}

/** The customer's list and summary (the request must succeed). */
export async function receivablesOf(user: TestUser, customerId: string, query = ""): Promise<ReceivablesBody> {
  const response = await api("GET", `/api/customers/${customerId}/receivables${query}`, { cookie: user.cookie });
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(200);
  return jsonOf<ReceivablesBody>(response);
}

/** One receivable as the API reads it now (the request must succeed). */
export async function readVia(user: TestUser, receivableId: string): Promise<ApiReceivable> {
  const response = await api("GET", `/api/receivables/${receivableId}`, { cookie: user.cookie });
  expect(response.status).toBe(200);
  return (await jsonOf<ReceivableBody>(response)).receivable;
}
