import { createHash } from "node:crypto";
import { prisma } from "~/db/db.server";

/**
 * Login throttling per account: after MAX_FAILURES wrong passwords within
 * WINDOW_MINUTES, that email is refused until the window ends — even with the
 * right password, or guessing would just continue. Keyed by a hash of the
 * address typed, existing or not, so it reveals nothing about accounts.
 */
export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 15;

function keyFor(email: string): string {
  return `account:${createHash("sha256").update(email.trim().toLowerCase()).digest("hex")}`;
}

/** Seconds until this email may try again; 0 when it may try now. */
export async function loginRetryAfter(email: string, now = new Date()): Promise<number> {
  const row = await prisma().loginThrottle.findUnique({ where: { key: keyFor(email) } });
  if (!row || row.failures < MAX_FAILURES) return 0;
  const opensAt = row.windowStartedAt.getTime() + WINDOW_MINUTES * 60_000;
  return Math.max(0, Math.ceil((opensAt - now.getTime()) / 1000));
}

/** Counts a failed attempt in one statement, so concurrent failures all count. */
export async function recordLoginFailure(email: string): Promise<void> {
  const window = `${WINDOW_MINUTES} minutes`;
  await prisma().$executeRaw`
    INSERT INTO login_throttle (key, failures, window_started_at) VALUES (${keyFor(email)}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN login_throttle.window_started_at < now() - ${window}::interval
                      THEN 1 ELSE login_throttle.failures + 1 END,
      window_started_at = CASE WHEN login_throttle.window_started_at < now() - ${window}::interval
                               THEN now() ELSE login_throttle.window_started_at END`;
}

export async function clearLoginFailures(email: string): Promise<void> {
  await prisma().loginThrottle.deleteMany({ where: { key: keyFor(email) } });
}

/** Drops counters whose window has ended (they no longer block anything). */
export async function purgeStaleLoginThrottles(now = new Date()): Promise<number> {
  const { count } = await prisma().loginThrottle.deleteMany({
    where: { windowStartedAt: { lt: new Date(now.getTime() - WINDOW_MINUTES * 60_000) } },
  });
  return count;
}
