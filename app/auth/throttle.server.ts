import { createHash } from "node:crypto";
import { getDatabase } from "~/db/db.server";
import { anonymously } from "~/db/scope.server";

/**
 * Login throttling, per account and per client address. After MAX_FAILURES
 * wrong passwords for one email within WINDOW_MINUTES, that email is refused
 * until the window ends — even with the right password, or guessing would just
 * continue. Keyed by a hash of the address typed, existing or not, so it
 * reveals nothing about accounts. One address trying many emails (credential
 * stuffing) is stopped after MAX_FAILURES_PER_IP failures in the same window.
 */
export const MAX_FAILURES = 5;
export const MAX_FAILURES_PER_IP = 20;
export const WINDOW_MINUTES = 15;

function hash(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

function accountKey(email: string): string {
  return `account:${hash(email.trim().toLowerCase())}`;
}

function ipKey(ip: string): string {
  return `ip:${hash(ip)}`;
}

/** Who is trying: the email typed and, when the server knows it, the client's address. */
export interface LoginAttempt {
  email: string;
  ip?: string | null;
}

function keysFor({ email, ip }: LoginAttempt): Array<{ key: string; limit: number }> {
  const keys = [{ key: accountKey(email), limit: MAX_FAILURES }];
  if (ip) keys.push({ key: ipKey(ip), limit: MAX_FAILURES_PER_IP });
  return keys;
}

/** Seconds until this attempt may be made; 0 when it may be made now. */
export async function loginRetryAfter(attempt: LoginAttempt, now = new Date()): Promise<number> {
  const keys = keysFor(attempt);
  const rows = await anonymously((db) => db.loginThrottle.findMany({ where: { key: { in: keys.map((k) => k.key) } } }));
  let wait = 0;
  for (const row of rows) {
    const limit = keys.find((k) => k.key === row.key)?.limit ?? MAX_FAILURES;
    if (row.failures < limit) continue;
    const opensAt = row.windowStartedAt.getTime() + WINDOW_MINUTES * 60_000;
    wait = Math.max(wait, Math.ceil((opensAt - now.getTime()) / 1000));
  }
  return wait;
}

/** What a throttled user is told: when, in minutes, they may try again. */
export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** Counts a failed attempt against the account and the address, in one statement, so concurrent failures all count. */
export async function recordLoginFailure(attempt: LoginAttempt): Promise<void> {
  const window = `${WINDOW_MINUTES} minutes`;
  const keys = keysFor(attempt).map((k) => k.key);
  await anonymously((db) => db.$executeRaw`
    INSERT INTO login_throttle (key, failures, window_started_at)
    SELECT key, 1, now() FROM unnest(${keys}::text[]) AS key
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN login_throttle.window_started_at < now() - ${window}::interval
                      THEN 1 ELSE login_throttle.failures + 1 END,
      window_started_at = CASE WHEN login_throttle.window_started_at < now() - ${window}::interval
                               THEN now() ELSE login_throttle.window_started_at END`);
}

/**
 * A successful login clears its account's counter. Not the address's: one
 * valid account must not let an address reset its budget for guessing others.
 */
export async function clearLoginFailures(email: string): Promise<void> {
  await anonymously((db) => db.loginThrottle.deleteMany({ where: { key: accountKey(email) } }));
}

/** Drops counters whose window has ended (they no longer block anything). */
export async function purgeStaleLoginThrottles(now = new Date()): Promise<number> {
  const { count } = await getDatabase().owner.loginThrottle.deleteMany({
    where: { windowStartedAt: { lt: new Date(now.getTime() - WINDOW_MINUTES * 60_000) } },
  });
  return count;
}
