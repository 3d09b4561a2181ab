import { ownerPrisma as prisma } from "../setup/owner";
import { MAX_FAILURES, MAX_FAILURES_PER_IP, WINDOW_MINUTES } from "~/auth/throttle.server";
import * as loginRoute from "~/routes/login";
import { signUp } from "../auth-helpers";
import { call, postForm, sessionCookieFrom } from "../http";

// Guessing passwords at speed: refused after a few failures, the same way for
// an address with an account and one without.

async function attempt(email: string, password: string, clientIp?: string) {
  const response = await call(loginRoute.action, postForm("/login", { email, password }), {}, { clientIp });
  const body = (await response.json().catch(() => null)) as { error?: Record<string, string[]> } | null;
  return { status: response.status, retryAfter: response.headers.get("Retry-After"), message: body?.error?.[""]?.[0], cookie: sessionCookieFrom(response) };
}

it(`refuses an account after ${MAX_FAILURES} wrong passwords with 429 and Retry-After — even the right one`, async () => {
  const { email, password } = await signUp();
  for (let index = 0; index < MAX_FAILURES; index += 1) {
    expect((await attempt(email, `wrong-${index}`)).status).toBe(400);
  }
  const blocked = await attempt(email, password);
  expect(blocked.status).toBe(429);
  expect(blocked.cookie).toBeNull();
  expect(Number(blocked.retryAfter)).toBeGreaterThan(0);
  expect(Number(blocked.retryAfter)).toBeLessThanOrEqual(WINDOW_MINUTES * 60);
  expect(blocked.message).toMatch(/^Too many attempts\. Try again in \d+ minutes?\.$/);
});

it("answers an address without an account exactly like one with an account", async () => {
  const { email } = await signUp();
  const ghost = `ghost-${Date.now()}@example.com`;
  const real: Array<Awaited<ReturnType<typeof attempt>>> = [];
  const made: Array<Awaited<ReturnType<typeof attempt>>> = [];
  for (let index = 0; index <= MAX_FAILURES; index += 1) {
    real.push(await attempt(email, "nope-nope"));
    made.push(await attempt(ghost, "nope-nope"));
  }
  const shape = (result: (typeof real)[number]) => [result.status, result.message, result.retryAfter === null];
  expect(made.map(shape)).toEqual(real.map(shape));
  expect(real.at(-1)!.status).toBe(429);
});

it("opens again once the window has passed", async () => {
  const { email, password } = await signUp();
  for (let index = 0; index < MAX_FAILURES; index += 1) await attempt(email, "wrong-password");
  expect((await attempt(email, password)).status).toBe(429);
  // Age the window instead of waiting a quarter of an hour.
  await prisma().loginThrottle.updateMany({ data: { windowStartedAt: new Date(Date.now() - (WINDOW_MINUTES * 60 + 1) * 1000) } });
  expect((await attempt(email, password)).status).toBe(302);
});

it("forgets earlier failures after a successful login", async () => {
  const { email, password } = await signUp();
  for (let index = 0; index < MAX_FAILURES - 1; index += 1) expect((await attempt(email, "wrong-once")).status).toBe(400);
  expect((await attempt(email, password)).status).toBe(302);
  // Without the reset these would make 2 × (MAX − 1) failures in one window.
  for (let index = 0; index < MAX_FAILURES - 1; index += 1) expect((await attempt(email, "wrong-twice")).status).toBe(400);
  expect((await attempt(email, password)).status).toBe(302);
});

it("counts concurrent failures without losing any", async () => {
  const { email, password } = await signUp();
  await Promise.all(Array.from({ length: MAX_FAILURES }, () => attempt(email, "wrong-in-parallel")));
  expect((await attempt(email, password)).status).toBe(429);
});

it("purging drops only the counters whose window has ended", async () => {
  const { purgeStaleLoginThrottles } = await import("~/auth/throttle.server");
  await prisma().loginThrottle.deleteMany();
  await prisma().loginThrottle.createMany({
    data: [
      { key: "stale", failures: 3, windowStartedAt: new Date(Date.now() - (WINDOW_MINUTES + 1) * 60_000) },
      { key: "fresh", failures: 3, windowStartedAt: new Date() },
    ],
  });
  expect(await purgeStaleLoginThrottles()).toBe(1);
  expect((await prisma().loginThrottle.findMany()).map((row) => row.key)).toEqual(["fresh"]);
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
  });
});
