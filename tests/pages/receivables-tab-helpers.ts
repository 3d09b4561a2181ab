import type { ReceivableActionFailure } from "~/receivables/actions";
import type { ReceivableView } from "~/receivables/components/views";
import type { ReceivablesSummary } from "~/receivables/receivables.server";
import * as tabRoute from "~/routes/customers.$id.receivables";
import { call, cookiesFrom, get, postForm } from "../http";
import { ownerPrisma as prisma } from "../setup/owner";

/** The Receivables tab through its real handlers, as a browser without JavaScript drives it. */

export interface TabData {
  invoices: ReceivableView[];
  payments: ReceivableView[];
  summary: ReceivablesSummary;
  agreements: Array<{ id: string; scope: string }>;
  defaults: { reference: string; date: string; dueDate: string };
  currency: string;
}

export function postTab(customerId: string, cookie: string, fields: Record<string, string>) {
  return call(tabRoute.action, postForm(`/customers/${encodeURIComponent(customerId)}/receivables`, fields, { cookie }), { id: customerId });
}

export async function loadTab(customerId: string, cookie: string): Promise<TabData> {
  const response = await call(tabRoute.loader, get(`/customers/${customerId}/receivables`, { cookie }), { id: customerId });
  expect(response.status).toBe(200);
  return (await response.json()) as TabData;
}

export async function toastAfter(response: Response, cookie: string): Promise<{ kind: string; message: string } | null> {
  const root = await import("~/root");
  const page = await call(root.loader, get("/customers", { cookie: `${cookie}; ${cookiesFrom(response)}` }));
  return ((await page.json()) as { toast: { kind: string; message: string } | null }).toast;
}

export async function failureOf(response: Response, status: number): Promise<ReceivableActionFailure> {
  expect(response.status).toBe(status);
  return (await response.json()) as ReceivableActionFailure;
}

/** Everything a receivables action could write: receivables and the timeline. */
export async function snapshot() {
  const [receivables, events] = await Promise.all([
    prisma().receivable.findMany({ orderBy: { id: "asc" } }),
    prisma().customerEvent.findMany({ orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ receivables, events });
}

export function eventsOf(customerId: string) {
  return prisma().customerEvent.findMany({ where: { customerId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}
