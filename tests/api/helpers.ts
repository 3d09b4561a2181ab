import { ownerPrisma as prisma } from "../setup/owner";
import type { ApiCustomer } from "~/customers/api-shape.server";
import * as customerRoute from "~/routes/api.customers.$id";
import * as restoreRoute from "~/routes/api.customers.$id.restore";
import * as statusRoute from "~/routes/api.customers.$id.status";
import * as listRoute from "~/routes/api.customers";
import * as customerAgreementsRoute from "~/routes/api.customers.$id.agreements";
import * as customerEventsRoute from "~/routes/api.customers.$id.events";
import * as agreementRoute from "~/routes/api.agreements.$aid";
import * as agreementActionRoute from "~/routes/api.agreements.$aid.$action";
import * as customerReceivablesRoute from "~/routes/api.customers.$id.receivables";
import * as receivableRoute from "~/routes/api.receivables.$rid";
import * as receivableVoidRoute from "~/routes/api.receivables.$rid.void";
import * as receivablesAcrossRoute from "~/routes/api.receivables";
import * as customerProjectsRoute from "~/routes/api.customers.$id.projects";
import * as projectRoute from "~/routes/api.projects.$pid";
import * as projectArtifactsRoute from "~/routes/api.projects.$pid.artifacts";
import * as artifactRoute from "~/routes/api.artifacts.$aid";
import * as artifactStatusRoute from "~/routes/api.artifacts.$aid.status";
import { insertCustomer } from "../../prisma/factories";
import { signUp } from "../auth-helpers";
import { BASE_URL, call } from "../http";
import { DAY_MS } from "../support/db";

/**
 * Drives the JSON API's route modules as Remix does: GET and HEAD reach the
 * loader, every other method the action. The path picks the module.
 */

type Handler = NonNullable<Parameters<typeof call>[0]>;
type RouteModule = { loader?: Handler; action?: Handler };

/** Each path pattern's groups are the route's params, in the order of `params`. */
const ROUTES: Array<{ pattern: RegExp; module: RouteModule; params?: string[] }> = [
  { pattern: /^\/api\/customers$/, module: listRoute },
  { pattern: /^\/api\/customers\/([^/]+)$/, module: customerRoute, params: ["id"] },
  { pattern: /^\/api\/customers\/([^/]+)\/status$/, module: statusRoute, params: ["id"] },
  { pattern: /^\/api\/customers\/([^/]+)\/restore$/, module: restoreRoute, params: ["id"] },
  { pattern: /^\/api\/customers\/([^/]+)\/agreements$/, module: customerAgreementsRoute, params: ["id"] },
  { pattern: /^\/api\/customers\/([^/]+)\/events$/, module: customerEventsRoute, params: ["id"] },
  { pattern: /^\/api\/agreements\/([^/]+)$/, module: agreementRoute, params: ["aid"] },
  { pattern: /^\/api\/agreements\/([^/]+)\/([^/]+)$/, module: agreementActionRoute, params: ["aid", "action"] },
  { pattern: /^\/api\/customers\/([^/]+)\/receivables$/, module: customerReceivablesRoute, params: ["id"] },
  { pattern: /^\/api\/receivables$/, module: receivablesAcrossRoute },
  { pattern: /^\/api\/receivables\/([^/]+)$/, module: receivableRoute, params: ["rid"] },
  { pattern: /^\/api\/receivables\/([^/]+)\/void$/, module: receivableVoidRoute, params: ["rid"] },
  { pattern: /^\/api\/customers\/([^/]+)\/projects$/, module: customerProjectsRoute, params: ["id"] },
  { pattern: /^\/api\/projects\/([^/]+)$/, module: projectRoute, params: ["pid"] },
  { pattern: /^\/api\/projects\/([^/]+)\/artifacts$/, module: projectArtifactsRoute, params: ["pid"] },
  { pattern: /^\/api\/artifacts\/([^/]+)$/, module: artifactRoute, params: ["aid"] },
  { pattern: /^\/api\/artifacts\/([^/]+)\/status$/, module: artifactStatusRoute, params: ["aid"] },
];

export async function send(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  for (const { pattern, module, params: names = [] } of ROUTES) {
    const match = pattern.exec(pathname);
    if (!match) continue;
    const params = Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(match[index + 1]!)]));
    const handler = request.method === "GET" || request.method === "HEAD" ? module.loader : module.action;
    return call(handler, request, params);
  }
  throw new Error(`no API route for ${pathname}`);
}

export interface ApiOptions {
  cookie?: string | null;
  /** Sent as is when a string or bytes; JSON-encoded otherwise. */
  body?: unknown;
  /** Defaults to application/json when there is a body; null sends none at all. */
  contentType?: string | null;
  headers?: Record<string, string>;
}

/** A JSON API request, as a client would send it. */
export function apiRequest(method: string, path: string, { cookie, body, contentType, headers: extra }: ApiOptions = {}): Request {
  const headers = new Headers(extra);
  if (cookie) headers.set("Cookie", cookie);
  if (body === undefined) return new Request(new URL(path, BASE_URL), { method, headers });
  // Bytes, so that fetch adds no Content-Type of its own (it would for a string).
  const bytes: Uint8Array<ArrayBuffer> =
    body instanceof Uint8Array
      ? new Uint8Array(body)
      : new TextEncoder().encode(typeof body === "string" ? body : JSON.stringify(body));
  const type = contentType === undefined ? "application/json" : contentType;
  if (type !== null) headers.set("Content-Type", type);
  return new Request(new URL(path, BASE_URL), { method, headers, body: bytes });
}

export function api(method: string, path: string, options: ApiOptions = {}): Promise<Response> {
  return send(apiRequest(method, path, options));
}

export async function jsonOf<T = Record<string, unknown>>(response: Response): Promise<T> {
  expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
  return (await response.json()) as T;
}

export type CustomerBody = { customer: ApiCustomer };
export type ListBody = { customers: ApiCustomer[]; next_cursor: string | null };
export type ErrorBody = { error: string; issues?: Record<string, string[]> };

/** A signed-up user with their session cookie and id. */
export async function signedInUser() {
  const { email, cookie } = await signUp();
  const user = await prisma().user.findUniqueOrThrow({ where: { email: email.toLowerCase() }, select: { id: true } });
  return { id: user.id, cookie };
}

export type TestUser = Awaited<ReturnType<typeof signedInUser>>;

export function customerFor(user: { id: string }, data: Parameters<typeof insertCustomer>[2] = {}) {
  return insertCustomer(prisma(), user.id, data);
}

/** The stored row, for "nothing changed" assertions. */
export function storedCustomer(id: string) {
  return prisma().customer.findUnique({ where: { id } });
}

/** Every customer and every event: what a refused request must leave untouched. */
export async function databaseSnapshot() {
  const [customers, events] = await Promise.all([
    prisma().customer.findMany({ orderBy: { id: "asc" } }),
    prisma().customerEvent.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { customers, events };
}


export function daysAgo(days: number): Date {
  return new Date(Date.now() - days * DAY_MS);
}
