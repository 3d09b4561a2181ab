import { decodeCursor, encodeCursor, type Cursor } from "~/customers/cursor.server";
import { archiveCustomer } from "~/customers/archive.server";
import { createCustomer } from "~/customers/customers.server";
import { countByStatus, listCustomers, type ListResult } from "~/customers/list.server";
import { CUSTOMER_STATUSES, type CustomerSort, type CustomerStatus } from "~/customers/constants";
import { asUser, inRequestScope } from "~/db/scope.server";
import { ownerPrisma as prisma } from "../setup/owner";
import { insertCustomer } from "../../prisma/factories";
import { newUserId, sql } from "../support/db";

/**
 * Listing: filters, search, every sort order, keyset paging in both
 * directions (ties and microseconds included), counts per status and cursors.
 */


/** A deterministic shuffle, so insertion order never matches the sort order by accident. */
function shuffled<T>(items: T[], seed = 7): T[] {
  const result = [...items];
  let state = seed;
  for (let index = result.length - 1; index > 0; index -= 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const other = state % (index + 1);
    [result[index], result[other]] = [result[other]!, result[index]!];
  }
  return result;
}

const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

async function list(userId: string, sort: CustomerSort, extra: { status?: CustomerStatus; q?: string; cursor?: string | null; limit?: number } = {}) {
  const cursor = extra.cursor ? decodeCursor(extra.cursor, sort) : null;
  if (extra.cursor) expect(cursor).not.toBeNull();
  return listCustomers(userId, { sort, status: extra.status, q: extra.q, cursor, limit: extra.limit ?? 100 });
}

const ids = (result: ListResult) => result.items.map((item) => item.id);
const names = (result: ListResult) => result.items.map((item) => item.name);

/** Walks every page forwards, then from the last page backwards; returns both walks. */
async function walk(userId: string, sort: CustomerSort, limit: number) {
  const forward: ListResult[] = [];
  let page = await list(userId, sort, { limit });
  expect(page.prevCursor).toBeNull();
  forward.push(page);
  while (page.nextCursor) {
    page = await list(userId, sort, { limit, cursor: page.nextCursor });
    forward.push(page);
    expect(forward.length).toBeLessThan(100);
  }
  const backward: ListResult[] = [page];
  while (page.prevCursor) {
    page = await list(userId, sort, { limit, cursor: page.prevCursor });
    backward.unshift(page);
    expect(backward.length).toBeLessThan(100);
  }
  return { forward, backward };
}

describe("List customers with status filter", () => {
  let userId: string;
  const byStatus = new Map<CustomerStatus, string[]>();

  beforeAll(async () => {
    userId = await newUserId("status-filter");
    const other = await newUserId("status-filter-other");
    for (const [index, status] of CUSTOMER_STATUSES.entries()) {
      // 1, 2, 3 … customers per status so a wrong filter cannot match by count.
      for (let n = 0; n <= index; n += 1) {
        const customer = await createCustomer(userId, { name: `${status} ${n}`, status });
        byStatus.set(status, [...(byStatus.get(status) ?? []), customer.id]);
      }
      await createCustomer(other, { name: `other ${status}`, status });
    }
    const archived = await createCustomer(userId, { name: "archived lead", status: "lead" });
    await archiveCustomer({ userId, customerId: archived.id });
  });

  it.each(CUSTOMER_STATUSES.map((status) => [status]))("returns only the user's live %s customers", async (status) => {
    const result = await list(userId, "name", { status });
    expect(result.items.every((item) => item.status === status)).toBe(true);
    expect([...ids(result)].sort()).toEqual([...byStatus.get(status)!].sort());
  });

  it("without a status returns every live customer of the user", async () => {
    const result = await list(userId, "name");
    expect([...ids(result)].sort()).toEqual([...byStatus.values()].flat().sort());
  });

  it("counts per status and in all, excluding archived and other users' customers", async () => {
    const counts = await countByStatus(userId);
    for (const status of CUSTOMER_STATUSES) expect(counts[status]).toBe(byStatus.get(status)!.length);
    expect(counts.all).toBe([...byStatus.values()].flat().length);
  });

  it("counts honour the search", async () => {
    const counts = await countByStatus(userId, { q: "NEGOTIATION" });
    expect(counts.negotiation).toBe(byStatus.get("negotiation")!.length);
    expect(counts.all).toBe(counts.negotiation);
    expect(counts.lead).toBe(0);
    // "0" is in the first customer's name of every status: one per status.
    const zeros = await countByStatus(userId, { q: " 0" });
    for (const status of CUSTOMER_STATUSES) expect(zeros[status]).toBe(1);
    expect(zeros.all).toBe(CUSTOMER_STATUSES.length);
  });
});

describe("List customers with search", () => {
  let userId: string;

  beforeAll(async () => {
    userId = await newUserId("search");
    const other = await newUserId("search-other");
    for (const name of ["Big ACME Corp", "acme labs", "Northwind", "50% Off Store", "5000 Widgets", "A_B Co", "AxB Co", "Back\\slash Ltd", "Plain Ltd"]) {
      await createCustomer(userId, { name });
    }
    await createCustomer(other, { name: "Other Acme" });
    const archived = await createCustomer(userId, { name: "Archived Acme" });
    await archiveCustomer({ userId, customerId: archived.id });
  });

  it("is case-insensitive and matches part of the name", async () => {
    // Sorted here: how "acme" and "Big" compare depends on the database's collation.
    expect(names(await list(userId, "name", { q: "acme" })).sort()).toEqual(["Big ACME Corp", "acme labs"].sort());
    expect(names(await list(userId, "name", { q: "g acm" }))).toEqual(["Big ACME Corp"]);
    expect(names(await list(userId, "name", { q: "NORTH" }))).toEqual(["Northwind"]);
    expect(names(await list(userId, "name", { q: "nothing like it" }))).toEqual([]);
  });

  it("treats LIKE wildcards in the search as literal characters", async () => {
    expect(names(await list(userId, "name", { q: "50%" }))).toEqual(["50% Off Store"]);
    expect(names(await list(userId, "name", { q: "%" }))).toEqual(["50% Off Store"]);
    expect(names(await list(userId, "name", { q: "A_B" }))).toEqual(["A_B Co"]);
    expect(names(await list(userId, "name", { q: "_" }))).toEqual(["A_B Co"]);
    expect(names(await list(userId, "name", { q: "\\" }))).toEqual(["Back\\slash Ltd"]);
  });

  it("combines with the status filter", async () => {
    const acme = await list(userId, "name", { q: "acme" });
    const target = acme.items[0]!;
    await prisma().customer.update({ where: { id: target.id }, data: { status: "live" } });
    expect(ids(await list(userId, "name", { q: "acme", status: "live" }))).toEqual([target.id]);
    expect(ids(await list(userId, "name", { q: "acme", status: "lead" }))).not.toContain(target.id);
  });
});

describe("sort orders", () => {
  let userId: string;
  const rows: Array<{ id: string; name: string; status: CustomerStatus; createdAt: Date; updatedAt: Date }> = [];

  beforeAll(async () => {
    userId = await newUserId("sorts");
    const base = Date.UTC(2026, 0, 1);
    const statuses = shuffled([...CUSTOMER_STATUSES, ...CUSTOMER_STATUSES, "lead", "live"] as CustomerStatus[], 3);
    for (const [index, status] of statuses.entries()) {
      // created_at, updated_at and name each put the rows in a different order.
      const createdAt = new Date(base + index * 60_000);
      const updatedAt = new Date(base + ((index * 7) % statuses.length) * 3_600_000);
      const name = `Sort ${String.fromCharCode(97 + ((index * 5) % 26))} ${index % 3}`;
      const row = await insertCustomer(prisma(), userId, { name, status, createdAt, updatedAt, info: {} });
      rows.push({ id: row.id, name, status, createdAt, updatedAt });
    }
  });

  it("updated_at: most recently updated first", async () => {
    const expected = [...rows].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || compare(b.id, a.id));
    expect(ids(await list(userId, "updated_at"))).toEqual(expected.map((row) => row.id));
  });

  it("created_at: most recently created first", async () => {
    const expected = [...rows].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || compare(b.id, a.id));
    const result = await list(userId, "created_at");
    expect(ids(result)).toEqual(expected.map((row) => row.id));
    expect(ids(result)).not.toEqual(ids(await list(userId, "updated_at")));
  });

  it("name: A to Z", async () => {
    const expected = [...rows].sort((a, b) => compare(a.name, b.name) || compare(a.id, b.id));
    expect(ids(await list(userId, "name"))).toEqual(expected.map((row) => row.id));
  });

  it("status: pipeline order lead → prospect → negotiation → live → on hold → archive, then name", async () => {
    const rank = (status: string) => CUSTOMER_STATUSES.indexOf(status as CustomerStatus);
    const expected = [...rows].sort((a, b) => rank(a.status) - rank(b.status) || compare(a.name, b.name) || compare(a.id, b.id));
    const result = await list(userId, "status");
    expect(ids(result)).toEqual(expected.map((row) => row.id));
    const seen = result.items.map((item) => item.status).filter((status, index, all) => all.indexOf(status) === index);
    expect(seen).toEqual([...CUSTOMER_STATUSES]);
  });

  it("pages through the status sort without gaps or duplicates", async () => {
    const everything = ids(await list(userId, "status"));
    const { forward, backward } = await walk(userId, "status", 4);
    expect(forward.flatMap(ids)).toEqual(everything);
    expect(backward.map(ids)).toEqual(forward.map(ids));
  });
});

describe("paging by name through 60 customers, 25 at a time", () => {
  let userId: string;
  let expected: string[];

  beforeAll(async () => {
    userId = await newUserId("paging");
    const other = await newUserId("paging-other");
    // 40 distinct names for 60 customers: ties on the name are broken by id.
    const names = shuffled(Array.from({ length: 60 }, (_, index) => `Company ${String(index % 40).padStart(2, "0")}`));
    const created: Array<{ id: string; name: string }> = [];
    for (const name of names) {
      const customer = await createCustomer(userId, { name });
      created.push({ id: customer.id, name });
    }
    for (let index = 0; index < 5; index += 1) await createCustomer(other, { name: `Company ${index}` });
    const archived = await createCustomer(userId, { name: "Company 10" });
    await archiveCustomer({ userId, customerId: archived.id });
    expected = created.sort((a, b) => compare(a.name, b.name) || compare(a.id, b.id)).map((row) => row.id);
  });

  it("forward via nextCursor gives every customer exactly once, in order", async () => {
    const { forward } = await walk(userId, "name", 25);
    expect(forward.map((page) => page.items.length)).toEqual([25, 25, 10]);
    const all = forward.flatMap(ids);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(expected);
    expect(forward.at(-1)!.nextCursor).toBeNull();
    expect(forward.slice(1).every((page) => page.prevCursor !== null)).toBe(true);
  });

  it("backward via prevCursor from the last page returns the same pages up to the first", async () => {
    const { forward, backward } = await walk(userId, "name", 25);
    expect(backward.map(ids)).toEqual(forward.map(ids));
    expect(backward[0]!.prevCursor).toBeNull();
    expect(backward[0]!.nextCursor).not.toBeNull();
  });

  it("a cursor of another sort is ignored: the first page is returned", async () => {
    const first = await list(userId, "name", { limit: 25 });
    const second = await list(userId, "name", { limit: 25, cursor: first.nextCursor });
    expect(ids(second)).not.toEqual(ids(first));
    const nameCursor = decodeCursor(first.nextCursor!, "name")!;
    const firstByUpdate = await listCustomers(userId, { sort: "updated_at", limit: 25 });
    const withForeign = await listCustomers(userId, { sort: "updated_at", limit: 25, cursor: nameCursor });
    expect(ids(withForeign)).toEqual(ids(firstByUpdate));
    expect(withForeign.prevCursor).toBeNull();
    // Decoding a cursor for another sort than its own refuses it.
    expect(decodeCursor(first.nextCursor!, "updated_at")).toBeNull();
    expect(decodeCursor(first.nextCursor!, "status")).toBeNull();
  });
});

describe("paging by updated_at when many rows share one millisecond", () => {
  let userId: string;
  let expected: string[];

  beforeAll(async () => {
    userId = await newUserId("ties");
    const created: string[] = [];
    for (let index = 0; index < 30; index += 1) created.push((await createCustomer(userId, { name: `Tie ${index}` })).id);
    // Three timestamps inside one millisecond; only the microseconds differ.
    const stamps = ["2026-01-01 00:00:00.123000+00", "2026-01-01 00:00:00.123456+00", "2026-01-01 00:00:00.123457+00"];
    const assigned = created.map((id, index) => ({ id, stamp: stamps[index % 3]!, micros: [123000, 123456, 123457][index % 3]! }));
    await sql("ALTER TABLE customers DISABLE TRIGGER customers_updated_at");
    try {
      for (const row of assigned) await sql("UPDATE customers SET updated_at = $1::timestamptz WHERE id = $2", [row.stamp, row.id]);
    } finally {
      await sql("ALTER TABLE customers ENABLE TRIGGER customers_updated_at");
    }
    expected = assigned.sort((a, b) => b.micros - a.micros || compare(b.id, a.id)).map((row) => row.id);
  });

  it("the timestamps really are identical to the millisecond", async () => {
    const rows = await prisma().customer.findMany({ where: { userId }, select: { updatedAt: true } });
    expect(new Set(rows.map((row) => row.updatedAt!.getTime())).size).toBe(1);
  });

  it("forward and backward walks have no duplicates and no gaps", async () => {
    const { forward, backward } = await walk(userId, "updated_at", 4);
    const all = forward.flatMap(ids);
    expect(new Set(all).size).toBe(30);
    expect(all).toEqual(expected);
    expect(backward.map(ids)).toEqual(forward.map(ids));
  });

  it("the cursor keeps the microseconds", async () => {
    const first = await list(userId, "updated_at", { limit: 4 });
    const cursor = decodeCursor(first.nextCursor!, "updated_at")!;
    expect(String(cursor.key[0])).toMatch(/\.123457/);
  });
});

describe("decodeCursor", () => {
  const good: Cursor = { sort: "name", direction: "after", key: ["acme", "Acme", "0b0e4a4c-6c9f-4b8e-9a57-6d5f3f0b1a2c"] };

  it("round-trips a cursor it encoded", () => {
    expect(decodeCursor(encodeCursor(good), "name")).toEqual(good);
    const before: Cursor = { sort: "updated_at", direction: "before", key: ["2026-01-01 00:00:00.123456+00", good.key[2]!] };
    expect(decodeCursor(encodeCursor(before), "updated_at")).toEqual(before);
  });

  const raw = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString("base64url");
  const id = "0b0e4a4c-6c9f-4b8e-9a57-6d5f3f0b1a2c";

  it.each([
    ["garbage", "not a cursor", "name"],
    ["a flipped character", (() => {
      const text = encodeCursor(good);
      return `${text.slice(0, 5)}${text[5] === "A" ? "B" : "A"}${text.slice(6)}`;
    })(), "name"],
    ["not an array", raw({ sort: "name" }), "name"],
    ["an unknown direction", raw(["name", "x", "acme", "Acme", id]), "name"],
    ["a missing id", raw(["name", "a", "acme", "Acme"]), "name"],
    ["a name without its sort key (a cursor from before names were folded)", raw(["name", "a", "Acme", id]), "name"],
    ["a key that is not a uuid", raw(["name", "a", "acme", "Acme", "1; DROP TABLE customers"]), "name"],
    ["a name that is a number", raw(["name", "a", "acme", 5, id]), "name"],
    ["a sort key that is a number", raw(["name", "a", 5, "Acme", id]), "name"],
    ["an extra key part", raw(["name", "a", "acme", "Acme", "x", id]), "name"],
    ["a timestamp that is not one", raw(["updated_at", "a", "yesterday", id]), "updated_at"],
    ["a rank that is text", raw(["status", "a", "1", "acme", "Acme", id]), "status"],
    ["far too long", raw(["name", "a", "a".repeat(3000), "A".repeat(3000), id]), "name"],
  ] as Array<[string, string, CustomerSort]>)("rejects %s", (_label, text, sort) => {
    expect(decodeCursor(text, sort)).toBeNull();
  });

  it.each([
    ["an impossible date", raw(["updated_at", "a", "2026-02-31 00:00:00+00", id]), "updated_at"],
    ["an impossible time", raw(["created_at", "a", "2026-01-01 25:61:00+00", id]), "created_at"],
    ["an impossible offset", raw(["updated_at", "a", "2026-01-01 00:00:00+99", id]), "updated_at"],
    ["a NUL in the name", raw(["name", "a", "acme", "Ac\u0000me", id]), "name"],
    ["a NUL in the sort key", raw(["name", "a", "ac\u0000me", "Acme", id]), "name"],
  ] as Array<[string, string, CustomerSort]>)("rejects a well-formed key the database would refuse: %s", async (_label, text, sort) => {
    const userId = await newUserId("cursor-refused");
    await createCustomer(userId, { name: "Refused" });
    // What a page does with a cursor from the URL: decode, then list. Never a 500.
    const cursor = decodeCursor(text, sort);
    await expect(listCustomers(userId, { sort, cursor, limit: 10 })).resolves.toBeDefined();
    expect(cursor).toBeNull();
  });

  it("a cursor the database accepts never makes the list fail", async () => {
    const userId = await newUserId("cursor-edge");
    await createCustomer(userId, { name: "Edge" });
    for (const key of ["2026-12-31 23:59:59.999999+00", "2026-06-01 12:00:00+05:30", "2026-06-01T12:00:00Z"]) {
      const cursor = decodeCursor(raw(["updated_at", "a", key, id]), "updated_at");
      expect(cursor).not.toBeNull();
      await expect(listCustomers(userId, { sort: "updated_at", cursor, limit: 10 })).resolves.toBeDefined();
    }
  });
});

describe("search, selective and common", () => {
  it("lists the same customers whether the match is fetched by id (few) or walked (many)", async () => {
    const owner = prisma();
    const user = await owner.user.create({ data: { email: `searcher-${Date.now()}@example.com`, name: "Searcher" } });
    // More than the 200 a selective search fetches by id, and a handful of rare ones.
    await owner.customer.createMany({
      data: [
        ...Array.from({ length: 205 }, (_, index) => ({ userId: user.id, name: `Common Widget ${index}`, status: index % 2 ? "lead" : "live" })),
        ...Array.from({ length: 3 }, (_, index) => ({ userId: user.id, name: `Zyxwv Rare ${index}`, status: "prospect" })),
      ],
    });
    const common = await listCustomers(user.id, { sort: "name", q: "widget", limit: 500 });
    expect(common.items).toHaveLength(205);
    expect((await countByStatus(user.id, { q: "widget" })).all).toBe(205);
    const rare = await listCustomers(user.id, { sort: "name", q: "zyxwv", limit: 25 });
    expect(rare.items.map((item) => item.name)).toEqual(["Zyxwv Rare 0", "Zyxwv Rare 1", "Zyxwv Rare 2"]);
    expect(await countByStatus(user.id, { q: "zyxwv" })).toMatchObject({ all: 3, prospect: 3 });
    // Paging a selective search keeps to the matches.
    const first = await listCustomers(user.id, { sort: "name", q: "zyxwv", limit: 2 });
    const cursor = decodeCursor(first.nextCursor!, "name");
    const second = await listCustomers(user.id, { sort: "name", q: "zyxwv", limit: 2, cursor });
    expect(second.items.map((item) => item.name)).toEqual(["Zyxwv Rare 2"]);
  });
});

describe("the page with its counts in one statement", () => {
  it("gives the same counts as countByStatus: all statuses under the search, whatever the status filter and page", async () => {
    const owner = prisma();
    const user = await owner.user.create({ data: { email: `counts-${Date.now()}@example.com`, name: "Counter" } });
    await owner.customer.createMany({
      data: CUSTOMER_STATUSES.flatMap((status, index) =>
        Array.from({ length: index + 1 }, (_, n) => ({ userId: user.id, name: `${n % 2 ? "Alpha" : "Beta"} ${status} ${n}`, status })),
      ),
    });
    for (const params of [{}, { status: "live" as const }, { q: "alpha" }, { q: "beta", status: "lead" as const }, { q: "nothing-like-this" }]) {
      const page = await listCustomers(user.id, { sort: "updated_at", limit: 2, ...params }, { counts: true });
      expect(page.counts, JSON.stringify(params)).toEqual(await countByStatus(user.id, { q: params.q }));
    }
    const empty = await listCustomers(user.id, { sort: "name", limit: 5, q: "nothing-like-this" }, { counts: true });
    expect(empty.items).toEqual([]);
    expect(empty.counts.all).toBe(0);
  });
});

describe("the expiring-soon hint", () => {
  it("flags the customers with an agreement expiring soon, in the page's one statement", async () => {
    const owner = prisma();
    const userId = await newUserId("hint");
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000);
    const agreement = (customerId: string, endOffset: number, override: string | null = null) =>
      owner.agreement.create({
        data: { userId, customerId, scope: "Work", startDate: day(-100), endDate: day(endOffset), noticeDays: 30, overrideStatus: override },
      });
    const expiring = await insertCustomer(owner, userId, { name: "Expiring" });
    await agreement(expiring.id, 300);
    await agreement(expiring.id, 10);
    const running = await insertCustomer(owner, userId, { name: "Running" });
    await agreement(running.id, 300);
    const suspended = await insertCustomer(owner, userId, { name: "Suspended" });
    await agreement(suspended.id, 10, "suspended");
    await insertCustomer(owner, userId, { name: "None" });

    const outcome = await inRequestScope(() => listCustomers(userId, { sort: "name", limit: 25 }, { counts: true }), () => true);
    if (outcome.kind === "unavailable") throw new Error("database unavailable");
    const page = outcome.value;
    expect(Object.fromEntries(page.items.map((item) => [item.name, item.expiringSoon]))).toEqual({
      Expiring: true,
      None: false,
      Running: false,
      Suspended: false,
    });
    // As many round trips as any single statement of the user's (the
    // transaction around it included): the hints ride on the page's query.
    const single = await inRequestScope(() => asUser(userId, (db) => db.$queryRaw`SELECT 1`), () => true);
    if (single.kind === "unavailable") throw new Error("database unavailable");
    expect(outcome.roundTrips).toBe(single.roundTrips);
  });
});
