import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { env } from "./env.server";
import { isToast, type Toast } from "./toast";

const TOAST_KEY = "toast";

type ToastStorage = ReturnType<typeof createCookieSessionStorage<Record<string, never>, { toast: Toast }>>;
let storage: ToastStorage | undefined;
function toastStorage() {
  const config = env();
  storage ??= createCookieSessionStorage<Record<string, never>, { toast: Toast }>({
    cookie: {
      name: "toast",
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: config.isProduction,
      secrets: [config.sessionSecret],
    },
  });
  return storage;
}

/** A Set-Cookie value that shows `toast` on the next page the browser renders. */
export async function toastCookie(toast: Toast): Promise<string> {
  const session = await toastStorage().getSession();
  session.flash(TOAST_KEY, toast);
  return toastStorage().commitSession(session);
}

export async function redirectWithToast(url: string, toast: Toast, init: ResponseInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await toastCookie(toast));
  return redirect(url, { ...init, headers });
}

/** Reads (and consumes) the pending toast; the returned header clears it. */
export async function readToast(request: Request): Promise<{ toast: Toast | null; setCookie: string | null }> {
  const session = await toastStorage().getSession(request.headers.get("Cookie"));
  const value: unknown = session.get(TOAST_KEY);
  if (value === undefined) return { toast: null, setCookie: null };
  return { toast: isToast(value) ? value : null, setCookie: await toastStorage().commitSession(session) };
}
