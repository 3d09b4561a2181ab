import { createHash, randomBytes } from "node:crypto";
import { createCookie, json, redirect } from "@remix-run/node";
import { getDatabase } from "~/db/db.server";
import { anonymously, BIND_USER_SQL, requestMemo, userAlreadyBound } from "~/db/scope.server";
import { Prisma } from "~/generated/prisma/client";
import { isApiRequest } from "~/utils/request";
import { assertSameOrigin } from "~/utils/csrf.server";
import { env } from "~/utils/env.server";

export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 30; // 30 days

/**
 * In production the `__Host-` prefix makes browsers refuse the cookie unless it
 * is Secure, for this exact host (no Domain) and path "/": a sibling subdomain
 * or an http:// page cannot plant or overwrite it. Plain http in development
 * cannot use it.
 */
export function sessionCookieName(production: boolean): string {
  return production ? "__Host-session" : "__session";
}

let cookie: ReturnType<typeof createCookie> | undefined;
function sessionCookie() {
  const config = env();
  if (!cookie && config.usingDevSecret && config.nodeEnv === "development") {
    console.warn("⚠ SESSION_SECRET is not set: signing cookies with an insecure development default.");
  }
  cookie ??= createCookie(sessionCookieName(config.isProduction), {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: config.isProduction,
    secrets: [config.sessionSecret],
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  return cookie;
}

/** Sessions are looked up by the SHA-256 of the cookie's token, never the token. */
function sessionIdFor(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

async function tokenFrom(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** Creates a server-side session and returns the Set-Cookie header that refers to it. */
export async function createSession(userId: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await anonymously((db) =>
    db.session.create({
      data: {
        id: sessionIdFor(token),
        userId,
        expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
      },
    }),
  );
  return sessionCookie().serialize(token);
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

/** The account's settings (DOMAIN.md): what "today" is, the currency, the payment terms. */
export interface AccountSettings {
  timeZone: string;
  currency: string;
  paymentTermsDays: number;
}

/** The user a request is signed in as, with their settings (read by the same statement). */
export interface SignedInUser extends SessionUser {
  settings: AccountSettings;
}

// One lookup per request: the root loader and the route's own loader ask for
// the same session. Remix gives each loader its own copy of the Request, so
// within the server's request scope the lookup is kept there (keyed by the
// cookies, which every copy shares); outside one, per Request object.
const sessionUsers = new WeakMap<Request, Promise<SignedInUser | null>>();

async function lookUpSessionUser(request: Request): Promise<SignedInUser | null> {
  const token = await tokenFrom(request);
  if (!token) return null;
  // One statement finds the user and makes the request's transaction theirs
  // (app.user_id), so row-level security is in force from the next query on.
  const [user] = await anonymously((db) =>
    db.$queryRaw<Array<SessionUser & AccountSettings>>`
      SELECT u.id::text AS id, u.email, u.name, u.time_zone AS "timeZone", u.currency,
             u.payment_terms_days AS "paymentTermsDays", ${Prisma.raw(BIND_USER_SQL)} AS bound
        FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.id = ${sessionIdFor(token)} AND s.expires_at > now()`,
  );
  if (!user) return null;
  userAlreadyBound(user.id);
  const { timeZone, currency, paymentTermsDays } = user;
  return { id: user.id, email: user.email, name: user.name, settings: { timeZone, currency, paymentTermsDays } };
}

/** The signed-in user (session and user in one query), or null. */
export function getSessionUser(request: Request): Promise<SignedInUser | null> {
  let user = sessionUsers.get(request);
  if (!user) {
    user = requestMemo(`session:${request.headers.get("Cookie") ?? ""}`, () => lookUpSessionUser(request));
    sessionUsers.set(request, user);
  }
  return user;
}

export async function getUserId(request: Request): Promise<string | null> {
  return (await getSessionUser(request))?.id ?? null;
}

/**
 * The signed-in user, or a thrown response: 403 for a cross-site
 * state-changing request, 401 JSON for `/api/*` without a session, a redirect
 * to the login page (remembering where the user was going) otherwise.
 */
export async function requireUser(request: Request): Promise<SignedInUser> {
  // Every protected action starts here, so this is where cross-site posts stop.
  assertSameOrigin(request);
  const user = await getSessionUser(request);
  if (user) return user;
  if (isApiRequest(request)) {
    throw json({ error: "unauthorized" }, { status: 401 });
  }
  const url = new URL(request.url);
  const params = new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` });
  throw redirect(`/login?${params.toString()}`);
}

/** requireUser, for the many callers that need only the id. */
export async function requireUserId(request: Request): Promise<string> {
  return (await requireUser(request)).id;
}

/** Deletes the server-side session the request's cookie refers to, if any. */
export async function revokeSession(request: Request): Promise<void> {
  const token = await tokenFrom(request);
  if (token) {
    await anonymously((db) => db.session.deleteMany({ where: { id: sessionIdFor(token) } }));
  }
}

/** Deletes the server-side session and returns a Set-Cookie header that clears the cookie. */
export async function destroySession(request: Request): Promise<string> {
  await revokeSession(request);
  return sessionCookie().serialize("", { maxAge: 0, expires: new Date(0) });
}

/** Revokes every session of a user (password change, "sign out everywhere"). */
export async function destroyAllSessions(userId: string): Promise<number> {
  const { count } = await anonymously((db) => db.session.deleteMany({ where: { userId } }));
  return count;
}

export async function purgeExpiredSessions(now = new Date()): Promise<number> {
  const { count } = await getDatabase().owner.session.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
