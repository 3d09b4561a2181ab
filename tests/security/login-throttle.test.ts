import { ownerPrisma as prisma } from "../setup/owner";
import {
  ACCOUNT_DELAY_MAX_SECONDS,
  ACCOUNT_SLOWDOWN_AFTER,
  ACCOUNT_WINDOW_HOURS,
  accountDelaySeconds,
  MAX_FAILURES,
  MAX_FAILURES_PER_IP,
  WINDOW_MINUTES,
} from "~/auth/throttle.server";
import * as loginRoute from "~/routes/login";
import { signUp } from "../auth-helpers";
import { call, postForm, sessionCookieFrom } from "../http";

// Guessing passwords at speed is refused, the same way for an address with an
// account and one without — but nobody can lock an owner out of their
// account: the strict limit is per (account, client address), and the
// account-wide count only slows down addresses that keep failing, never one
// that has not (docs/decisions/0008-login-throttling.md).

let addressCounter = 0;
/** A client address no other test uses. */
function newAddress(): string {
  addressCounter += 1;
  return `198.18.${Math.floor(addressCounter / 250)}.${(addressCounter % 250) + 1}`;
}

async function attempt(email: string, password: string, clientIp: string | null = "192.0.2.1") {
  const response = await call(loginRoute.action, postForm("/login", { email, password }), {}, { clientIp });
  const body = (await response.json().catch(() => null)) as { error?: Record<string, string[]> } | null;
  return { status: response.status, retryAfter: response.headers.get("Retry-After"), message: body?.error?.[""]?.[0], cookie: sessionCookieFrom(response) };
}

/** Moves every counter's clock back, as if `seconds` had passed. */
async function letTimePass(seconds: number) {
  const rows = await prisma().loginThrottle.findMany();
  for (const row of rows) {
    await prisma().loginThrottle.update({
      where: { key: row.key },
      data: {
        windowStartedAt: new Date(row.windowStartedAt.getTime() - seconds * 1000),
        lastFailedAt: new Date(row.lastFailedAt.getTime() - seconds * 1000),
      },
    });
  }
}

describe("per account and client address", () => {
  it(`refuses an address after ${MAX_FAILURES} wrong passwords for an account with 429 and Retry-After — even the right one`, async () => {
    const { email, password } = await signUp();
    const attacker = newAddress();
    for (let index = 0; index < MAX_FAILURES; index += 1) {
      expect((await attempt(email, `wrong-${index}`, attacker)).status).toBe(400);
    }
    const blocked = await attempt(email, password, attacker);
    expect(blocked.status).toBe(429);
    expect(blocked.cookie).toBeNull();
    expect(Number(blocked.retryAfter)).toBeGreaterThan(0);
    expect(Number(blocked.retryAfter)).toBeLessThanOrEqual(WINDOW_MINUTES * 60);
    expect(blocked.message).toMatch(/^Too many attempts\. Try again in \d+ minutes?\.$/);
  });

  it("does not lock the owner out: the right password from another address signs in", async () => {
    const { email, password } = await signUp();
    const attacker = newAddress();
    for (let index = 0; index <= MAX_FAILURES + 3; index += 1) await attempt(email, `wrong-${index}`, attacker);
    expect((await attempt(email, password, attacker)).status).toBe(429);
    const owner = await attempt(email, password, newAddress());
    expect(owner.status).toBe(302);
    expect(owner.cookie).not.toBeNull();
  });

  it("answers an address without an account exactly like one with an account", async () => {
    const { email } = await signUp();
    const ghost = `ghost-${Date.now()}@example.com`;
    const address = newAddress();
    const real: Array<Awaited<ReturnType<typeof attempt>>> = [];
    const made: Array<Awaited<ReturnType<typeof attempt>>> = [];
    for (let index = 0; index <= MAX_FAILURES; index += 1) {
      real.push(await attempt(email, "nope-nope", address));
      made.push(await attempt(ghost, "nope-nope", address));
    }
    const shape = (result: (typeof real)[number]) => [result.status, result.message, result.retryAfter === null];
    expect(made.map(shape)).toEqual(real.map(shape));
    expect(real.at(-1)!.status).toBe(429);
  });

  it("opens again once the window has passed", async () => {
    const { email, password } = await signUp();
    const address = newAddress();
    for (let index = 0; index < MAX_FAILURES; index += 1) await attempt(email, "wrong-password", address);
    expect((await attempt(email, password, address)).status).toBe(429);
    // Age the window instead of waiting a quarter of an hour.
    await letTimePass(WINDOW_MINUTES * 60 + 1);
    expect((await attempt(email, password, address)).status).toBe(302);
  });

  it("forgets earlier failures after a successful login", async () => {
    const { email, password } = await signUp();
    const address = newAddress();
    for (let index = 0; index < MAX_FAILURES - 1; index += 1) expect((await attempt(email, "wrong-once", address)).status).toBe(400);
    expect((await attempt(email, password, address)).status).toBe(302);
    // Without the reset these would make 2 × (MAX − 1) failures in one window.
    for (let index = 0; index < MAX_FAILURES - 1; index += 1) expect((await attempt(email, "wrong-twice", address)).status).toBe(400);
    expect((await attempt(email, password, address)).status).toBe(302);
  });

  it("counts concurrent failures without losing any", async () => {
    const { email, password } = await signUp();
    const address = newAddress();
    await Promise.all(Array.from({ length: MAX_FAILURES }, () => attempt(email, "wrong-in-parallel", address)));
    expect((await attempt(email, password, address)).status).toBe(429);
  });

  it("treats attempts whose address is unknown as one address", async () => {
    const { email, password } = await signUp();
    for (let index = 0; index < MAX_FAILURES; index += 1) await attempt(email, "wrong-password", null);
    expect((await attempt(email, password, null)).status).toBe(429);
    expect((await attempt(email, password, newAddress())).status).toBe(302);
  });
});

describe("per account, across addresses", () => {
  /** `count` wrong passwords for `email`, spread so that no address reaches a limit of its own. */
  async function failFromManyAddresses(email: string, count: number): Promise<string[]> {
    const addresses: string[] = [];
    for (let index = 0; index < count; index += 1) {
      if (index % (MAX_FAILURES - 1) === 0) addresses.push(newAddress());
      expect((await attempt(email, `spread-${index}`, addresses.at(-1)!)).status).toBe(400);
    }
    return addresses;
  }

  it("grows a delay from 1 minute, doubling per failure, up to an hour", () => {
    expect(accountDelaySeconds(ACCOUNT_SLOWDOWN_AFTER - 1)).toBe(0);
    expect(accountDelaySeconds(ACCOUNT_SLOWDOWN_AFTER)).toBe(60);
    expect(accountDelaySeconds(ACCOUNT_SLOWDOWN_AFTER + 1)).toBe(120);
    expect(accountDelaySeconds(ACCOUNT_SLOWDOWN_AFTER + 3)).toBe(480);
    expect(accountDelaySeconds(ACCOUNT_SLOWDOWN_AFTER + 40)).toBe(ACCOUNT_DELAY_MAX_SECONDS);
    expect(ACCOUNT_SLOWDOWN_AFTER).toBeGreaterThanOrEqual(10 * MAX_FAILURES);
  });

  it(`below ${ACCOUNT_SLOWDOWN_AFTER} failures from many addresses, nothing changes for anyone`, async () => {
    const { email, password } = await signUp();
    const addresses = await failFromManyAddresses(email, ACCOUNT_SLOWDOWN_AFTER - 1);
    expect((await attempt(email, "one-more", addresses[0]!)).status).toBe(400);
    expect((await attempt(email, password, newAddress())).status).toBe(302);
  });

  it(`past ${ACCOUNT_SLOWDOWN_AFTER}, an address that keeps failing waits a growing delay — an address that has not failed signs in at once`, async () => {
    const { email, password } = await signUp();
    const addresses = await failFromManyAddresses(email, ACCOUNT_SLOWDOWN_AFTER);
    const guesser = addresses.at(-1)!;

    // The guesser must wait a minute after its last failure, even with the right password.
    const slowed = await attempt(email, password, guesser);
    expect(slowed.status).toBe(429);
    expect(slowed.cookie).toBeNull();
    expect(Number(slowed.retryAfter)).toBeGreaterThan(0);
    expect(Number(slowed.retryAfter)).toBeLessThanOrEqual(accountDelaySeconds(ACCOUNT_SLOWDOWN_AFTER));

    // After the delay it may guess once more; that failure doubles the next delay.
    await letTimePass(accountDelaySeconds(ACCOUNT_SLOWDOWN_AFTER) + 1);
    expect((await attempt(email, "after-the-wait", guesser)).status).toBe(400);
    const longer = await attempt(email, "too-soon", guesser);
    expect(longer.status).toBe(429);
    expect(Number(longer.retryAfter)).toBeGreaterThan(accountDelaySeconds(ACCOUNT_SLOWDOWN_AFTER));
    expect(Number(longer.retryAfter)).toBeLessThanOrEqual(accountDelaySeconds(ACCOUNT_SLOWDOWN_AFTER + 1));

    // The owner, from an address that has not failed, is never slowed down.
    const owner = await attempt(email, password, newAddress());
    expect(owner.status).toBe(302);
    expect(owner.cookie).not.toBeNull();
  });

  it(`forgets the account-wide count after ${ACCOUNT_WINDOW_HOURS} hours`, async () => {
    const { email, password } = await signUp();
    const addresses = await failFromManyAddresses(email, ACCOUNT_SLOWDOWN_AFTER);
    expect((await attempt(email, password, addresses[0]!)).status).toBe(429);
    await letTimePass(ACCOUNT_WINDOW_HOURS * 3600 + 1);
    expect((await attempt(email, password, addresses[0]!)).status).toBe(302);
  });
});

it("purging drops only the counters that no longer matter", async () => {
  const { purgeStaleLoginThrottles } = await import("~/auth/throttle.server");
  await prisma().loginThrottle.deleteMany();
  const day = ACCOUNT_WINDOW_HOURS * 3600 * 1000;
  await prisma().loginThrottle.createMany({
    data: [
      { key: "stale", failures: 3, windowStartedAt: new Date(Date.now() - day - 60_000), lastFailedAt: new Date(Date.now() - day - 60_000) },
      { key: "fresh", failures: 3, windowStartedAt: new Date(), lastFailedAt: new Date() },
      // Its 15-minute window has ended, but its last failure may still delay that address.
      { key: "recent", failures: 4, windowStartedAt: new Date(Date.now() - 20 * 60_000), lastFailedAt: new Date(Date.now() - 16 * 60_000) },
    ],
  });
  expect(await purgeStaleLoginThrottles()).toBe(1);
  expect((await prisma().loginThrottle.findMany({ orderBy: { key: "asc" } })).map((row) => row.key)).toEqual(["fresh", "recent"]);
});

describe("per client address", () => {
  it(`refuses an address after ${MAX_FAILURES_PER_IP} failures spread over many emails — other addresses still get in`, async () => {
    const stuffer = "203.0.113.7";
    const { email, password } = await signUp();
    // Never more than MAX_FAILURES - 1 per email, so only the address limit can trip.
    for (let index = 0; index < MAX_FAILURES_PER_IP; index += 1) {
      expect((await attempt(`victim-${index}-${Date.now()}@example.com`, "guess", stuffer)).status).toBe(400);
    }
    const blocked = await attempt(email, password, stuffer);
    expect(blocked.status).toBe(429);
    expect(blocked.cookie).toBeNull();
    expect(Number(blocked.retryAfter)).toBeGreaterThan(0);
    expect((await attempt(email, password, "198.51.100.20")).status).toBe(302);
  });

  it("is not reset by a successful login from the same address", async () => {
    const address = "203.0.113.99";
    const { email, password } = await signUp();
    for (let index = 0; index < MAX_FAILURES_PER_IP - 1; index += 1) {
      await attempt(`other-${index}-${Date.now()}@example.com`, "guess", address);
    }
    expect((await attempt(email, password, address)).status).toBe(302);
    expect((await attempt(`one-more-${Date.now()}@example.com`, "guess", address)).status).toBe(400);
    expect((await attempt(email, password, address)).status).toBe(429);
  });

  it("stores only hashes of addresses and emails", async () => {
    await attempt(`hashed-${Date.now()}@example.com`, "guess", "192.0.2.55");
    const keys = (await prisma().loginThrottle.findMany({ select: { key: true } })).map((row) => row.key);
    expect(keys.some((key) => key.includes("192.0.2.55") || key.includes("@"))).toBe(false);
    expect(keys.some((key) => /^ip:[0-9a-f]{64}$/.test(key))).toBe(true);
    expect(keys.some((key) => /^pair:[0-9a-f]{64}$/.test(key))).toBe(true);
    expect(keys.some((key) => /^account:[0-9a-f]{64}$/.test(key))).toBe(true);
  });
});
