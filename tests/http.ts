import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { withRequestScope } from "~/http/request-scope.server";

/**
 * Drives route modules the way the server does: a Request in, a Response out
 * (whether the handler returned it or threw it), inside the request's database
 * scope — one transaction, committed unless the answer is a 5xx.
 */
export const BASE_URL = "http://localhost:3000";

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown;

export async function call(
  handler: Handler | undefined,
  request: Request,
  params: Record<string, string> = {},
  context: AppLoadContext = {},
): Promise<Response> {
  if (!handler) throw new Error("route has no such handler");
  return withRequestScope(request, async () => {
    try {
      const result = await handler({ request, params, context });
      if (result instanceof Response) return result;
      return new Response(JSON.stringify(result ?? null), { headers: { "Content-Type": "application/json" } });
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  });
}

export interface RequestOptions {
  cookie?: string | null;
  headers?: Record<string, string>;
}

function headersFor({ cookie, headers }: RequestOptions, extra: Record<string, string> = {}): Headers {
  const result = new Headers({ Origin: BASE_URL, ...extra, ...headers });
  if (cookie) result.set("Cookie", cookie);
  return result;
}

export function get(path: string, options: RequestOptions = {}): Request {
  return new Request(new URL(path, BASE_URL), { headers: headersFor(options) });
}

export function postForm(path: string, fields: Record<string, string | string[]>, options: RequestOptions = {}): Request {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
  }
  return new Request(new URL(path, BASE_URL), {
    method: "POST",
    // jsdom/undici may leave out the content type; remix-auth-form needs it.
    headers: headersFor(options, { "Content-Type": "application/x-www-form-urlencoded" }),
    body,
  });
}

export function sendJson(method: string, path: string, body: unknown, options: RequestOptions = {}): Request {
  return new Request(new URL(path, BASE_URL), {
    method,
    headers: headersFor(options, { "Content-Type": "application/json" }),
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** The `name=value` pairs of a response's Set-Cookie headers, ready for a Cookie header. */
export function cookiesFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0])
    .join("; ");
}

export function sessionCookieFrom(response: Response): string | null {
  const header = response.headers.getSetCookie().find((value) => value.startsWith("__session="));
  return header ? header.split(";")[0]! : null;
}
