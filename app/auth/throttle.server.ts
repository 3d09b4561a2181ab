import { createHash } from "node:crypto";
import { getDatabase } from "~/db/db.server";
import { anonymously } from "~/db/scope.server";

/**
 * Login throttling (docs/decisions/0008-login-throttling.md). Guessing is kept
 * slow without letting anyone lock an owner out of their account:
 *
 * - Per account and client address, strictly: after MAX_FAILURES wrong
 *   passwords for one email from one address within WINDOW_MINUTES, that
 *   address is refused for that email until the window ends — even with the
 *   right password, or guessing would just continue. Another address is not
 *   affected, so the owner signs in from theirs. A success clears it.
 * - Per client address, over any emails (credential stuffing):
 *   MAX_FAILURES_PER_IP failures in the same window. A success does not clear it.
 * - Per account, over all addresses (many addresses guessing one password):
 *   past ACCOUNT_SLOWDOWN_AFTER failures within ACCOUNT_WINDOW_HOURS, an
 *   address that has failed on this account must wait after its last failure
 *   a delay that doubles with each further failure on the account (1 minute,
 *   2, 4 … up to an hour). An address that has not failed on it is never
 *   delayed: the owner can always sign in from a fresh address.
 *
 * Keyed by hashes of the email typed (existing or not, so that throttling
 * reveals nothing about accounts) and of the address; only hashes are stored.
 */
export const MAX_FAILURES = 5;
export const MAX_FAILURES_PER_IP = 20;
export const WINDOW_MINUTES = 15;
export const ACCOUNT_SLOWDOWN_AFTER = 50;
export const ACCOUNT_WINDOW_HOURS = 24;
export const ACCOUNT_DELAY_MAX_SECONDS = 60 * 60;

const WINDOW_SECONDS = WINDOW_MINUTES * 60;
const ACCOUNT_WINDOW_SECONDS = ACCOUNT_WINDOW_HOURS * 60 * 60;

/** How long an address that has failed on an account waits once the account has `failures` in its window. */
export function accountDelaySeconds(failures: number): number {
  if (failures < ACCOUNT_SLOWDOWN_AFTER) return 0;
  return Math.min(60 * 2 ** (failures - ACCOUNT_SLOWDOWN_AFTER), ACCOUNT_DELAY_MAX_SECONDS);
}

function hash(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

function normalisedEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Who is trying: the email typed and, when the server knows it, the client's address. */
export interface LoginAttempt {
  email: string;
  ip?: string | null;
}

function keysFor({ email, ip }: LoginAttempt) {
  const account = normalisedEmail(email);
  return {
    // An unknown address (never the case behind the server) counts as one address.
    pair: `pair:${hash(`${account}\n${ip ?? ""}`)}`,
    ip: ip ? `ip:${hash(ip)}` : null,
    account: `account:${hash(account)}`,
  };
}

interface Counter {
  key: string;
  failures: number;
  windowStartedAt: Date;
  lastFailedAt: Date;
}

/** Seconds from `now` until `at` plus `seconds`, or 0 when that has passed. */
function secondsUntil(at: Date, seconds: number, now: Date): number {
  return Math.max(0, Math.ceil((at.getTime() + seconds * 1000 - now.getTime()) / 1000));
}

/** Failures still inside the counter's window (0 once it has ended). */
function liveFailures(counter: Counter | undefined, windowSeconds: number, now: Date): number {
  if (!counter || secondsUntil(counter.windowStartedAt, windowSeconds, now) === 0) return 0;
  return counter.failures;
}

/** Seconds until this attempt may be made; 0 when it may be made now. */
export async function loginRetryAfter(attempt: LoginAttempt, now = new Date()): Promise<number> {
  const keys = keysFor(attempt);
  const wanted = [keys.pair, keys.account, ...(keys.ip ? [keys.ip] : [])];
  const rows = await anonymously((db) => db.loginThrottle.findMany({ where: { key: { in: wanted } } }));
  const counter = (key: string | null) => rows.find((row) => row.key === key);
  const pair = counter(keys.pair);
  const ip = counter(keys.ip);
  const account = counter(keys.account);

  let wait = 0;
  if (liveFailures(pair, WINDOW_SECONDS, now) >= MAX_FAILURES) wait = Math.max(wait, secondsUntil(pair!.windowStartedAt, WINDOW_SECONDS, now));
  if (liveFailures(ip, WINDOW_SECONDS, now) >= MAX_FAILURES_PER_IP) wait = Math.max(wait, secondsUntil(ip!.windowStartedAt, WINDOW_SECONDS, now));
  // The account-wide slowdown falls only on an address that has failed on this account.
  const delay = accountDelaySeconds(liveFailures(account, ACCOUNT_WINDOW_SECONDS, now));
  if (delay > 0 && pair) wait = Math.max(wait, secondsUntil(pair.lastFailedAt, delay, now));
  return wait;
}

/** What a throttled user is told: when, in minutes, they may try again. */
export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/**
 * Counts a failed attempt against the pair, the address and the account, in
 * one statement, so concurrent failures all count. A counter whose window has
 * ended starts a new one.
 */
export async function recordLoginFailure(attempt: LoginAttempt): Promise<void> {
  const keys = keysFor(attempt);
  const all = [keys.pair, keys.account, ...(keys.ip ? [keys.ip] : [])];
  const window = `${WINDOW_SECONDS} seconds`;
  const accountWindow = `${ACCOUNT_WINDOW_SECONDS} seconds`;
  await anonymously((db) => db.$executeRaw`
    INSERT INTO login_throttle (key, failures, window_started_at, last_failed_at)
    SELECT key, 1, now(), now() FROM unnest(${all}::text[]) AS key
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN login_throttle.window_started_at < now() - (CASE WHEN login_throttle.key LIKE 'account:%'
                        THEN ${accountWindow} ELSE ${window} END)::interval
                      THEN 1 ELSE login_throttle.failures + 1 END,
      window_started_at = CASE WHEN login_throttle.window_started_at < now() - (CASE WHEN login_throttle.key LIKE 'account:%'
                                 THEN ${accountWindow} ELSE ${window} END)::interval
                               THEN now() ELSE login_throttle.window_started_at END,
      last_failed_at = now()`);
}

/**
 * A successful sign-in (or password check) clears its own address's counter
 * for that account. Not the address's own counter — one valid account must not
 * reset an address's budget for guessing others — nor the account-wide one,
 * which other addresses are still running up.
 */
export async function clearLoginFailures(attempt: LoginAttempt): Promise<void> {
  await anonymously((db) => db.loginThrottle.deleteMany({ where: { key: keysFor(attempt).pair } }));
}

/**
 * Drops counters that can no longer refuse or delay anything: nothing older
 * than the longest window (a day) matters, and a delay never outlasts it.
 */
export async function purgeStaleLoginThrottles(now = new Date()): Promise<number> {
  const { count } = await getDatabase().owner.loginThrottle.deleteMany({
    where: { lastFailedAt: { lt: new Date(now.getTime() - ACCOUNT_WINDOW_SECONDS * 1000) } },
  });
  return count;
}
