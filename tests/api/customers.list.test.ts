import { ownerPrisma as prisma } from "../setup/owner";
import { encodeCursor } from "~/customers/cursor.server";
import { CUSTOMER_STATUSES, LIMITS, SORTS, type CustomerSort } from "~/customers/constants";
import {
  api,
  customerFor,
  jsonOf,
  signedInUser,
  type ErrorBody,
  type ListBody,
  type TestUser,
} from "./helpers";

// GET /api/customers: filters, search, every sort, and keyset paging that
// neither skips nor repeats a row, even across ties in the sort key.

interface Row {
  id: string;
  name: string;
  status: string;
  createdAt: Date;
  updatedAt: Date;
}

let user: TestUser;
let rows: Row[];
let searcher: TestUser;
let searchIds: Record<string, string>;

const BASE = Date.parse("2026-01-15T12:00:00.000Z");
const at = (minutes: number) => new Date(BASE + minutes * 60_000);

// Letters only, one capital: every collation orders these names alike.
const SEED: Array<{ name: string; status: string; created: number; updated: number }> = [
  { name: "Alpha", status: "lead", created: 0, updated: 50 },
  { name: "Bravo", status: "prospect", created: 1, updated: 50 },
  { name: "Charlie", status: "negotiation", created: 2, updated: 50 },
  { name: "Delta", status: "live", created: 3, updated: 10 },
  { name: "Delta", status: "live", created: 3, updated: 10 },
  { name: "Echo", status: "on_hold", created: 4, updated: 40 },
  { name: "Foxtrot", status: "archive", created: 5, updated: 30 },
  { name: "Golf", status: "lead", created: 5, updated: 20 },
  { name: "Hotel", status: "prospect", created: 6, updated: 60 },
  { name: "India", status: "live", created: 7, updated: 5 },
  { name: "Juliett", status: "lead", created: 8, updated: 5 },
  { name: "Kilo", status: "archive", created: 9, updated: 70 },
];

beforeAll(async () => {
  user = await signedInUser();
  const created = [];
  for (const seed of SEED) {
    created.push(
      await customerFor(user, { name: seed.name, status: seed.status, info: {}, createdAt: at(seed.created), updatedAt: at(seed.updated) }),
    );
  }
  rows = created.map((row) => ({ ...row, createdAt: row.createdAt!, updatedAt: row.updatedAt! }));

  // Neither another user's customers nor the user's archived ones may show up.
  const other = await signedInUser();
  await customerFor(other, { name: "Alpha", status: "lead", info: {} });
  const archived = await customerFor(user, { name: "Archived", status: "lead", info: {} });
  await prisma().customer.update({ where: { id: archived.id }, data: { deletedAt: new Date() } });

  searcher = await signedInUser();
  searchIds = {};
  for (const name of ["Acme Health", "ACME Labs", "Pacmex", "Other Co", "50% Off", "500 Club", "Under_score", "Underscore", "Back\\slash"]) {
    searchIds[name] = (await customerFor(searcher, { name, status: "lead", info: {} })).id;
  }
});

const byId = (a: Row, b: Row) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const newestFirst = (key: "createdAt" | "updatedAt") => (a: Row, b: Row) =>
  b[key].getTime() - a[key].getTime() || -byId(a, b);
const rank = (status: string) => (CUSTOMER_STATUSES as readonly string[]).indexOf(status);
const byName = (a: Row, b: Row) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || byId(a, b);

const EXPECTED_ORDER: Record<CustomerSort, (a: Row, b: Row) => number> = {
  updated_at: newestFirst("updatedAt"),
  created_at: newestFirst("createdAt"),
  name: byName,
  status: (a, b) => rank(a.status) - rank(b.status) || byName(a, b),
};

async function list(query: string, who: TestUser = user) {
  const response = await api("GET", `/api/customers${query}`, { cookie: who.cookie });
  expect(response.status, query).toBe(200);
  return jsonOf<ListBody>(response);
}

/** Every page, following next_cursor until it is null. */
async function allPages(query: URLSearchParams, who: TestUser = user) {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams(query);
    if (cursor) params.set("cursor", cursor);
    const page = await list(`?${params.toString()}`, who);
    pages.push(page.customers.map((customer) => customer.id));
    cursor = page.next_cursor;
    if (pages.length > 50) throw new Error("paging does not end");
  } while (cursor);
  return pages;
}

describe("GET /api/customers filters", () => {
  it.each(CUSTOMER_STATUSES)("status=%s returns exactly the user's live customers with that status", async (status) => {
    const body = await list(`?status=${status}&limit=100`);
    const expected = rows.filter((row) => row.status === status).sort(EXPECTED_ORDER.updated_at);
    expect(body.customers.map((customer) => customer.id)).toEqual(expected.map((row) => row.id));
    expect(body.customers.every((customer) => customer.status === status)).toBe(true);
  });

  it("without a status returns every live customer of the user, newest update first", async () => {
    const body = await list("?limit=100");
    expect(body.customers.map((customer) => customer.id)).toEqual(
      [...rows].sort(EXPECTED_ORDER.updated_at).map((row) => row.id),
    );
    expect(body.next_cursor).toBeNull();
  });

  it("q is a case-insensitive substring of the name", async () => {
    for (const q of ["acme", "ACME", "AcMe", "  acme  "]) {
      const body = await list(`?q=${encodeURIComponent(q)}&sort=name`, searcher);
      expect(body.customers.map((customer) => customer.name).sort(), q).toEqual(["ACME Labs", "Acme Health", "Pacmex"]);
    }
    expect((await list("?q=health", searcher)).customers.map((customer) => customer.id)).toEqual([searchIds["Acme Health"]]);
    expect((await list("?q=nothing-like-this", searcher)).customers).toEqual([]);
  });

  it("q treats %, _ and \\ as plain characters", async () => {
    const names = async (q: string) =>
      (await list(`?q=${encodeURIComponent(q)}`, searcher)).customers.map((customer) => customer.name).sort();
    expect(await names("50%")).toEqual(["50% Off"]);
    expect(await names("_")).toEqual(["Under_score"]);
    expect(await names("\\")).toEqual(["Back\\slash"]);
    expect(await names("%")).toEqual(["50% Off"]);
  });

  it("q combines with status and never reaches another user's customers", async () => {
    expect((await list("?q=alpha&status=lead")).customers.map((customer) => customer.id)).toEqual([rows[0]!.id]);
    expect((await list("?q=alpha&status=live")).customers).toEqual([]);
    expect((await list("?q=acme")).customers).toEqual([]);
  });

  it("empty params mean the defaults", async () => {
    const body = await list("?status=&q=&sort=&limit=&cursor=");
    expect(body.customers.map((customer) => customer.id)).toEqual(
      [...rows].sort(EXPECTED_ORDER.updated_at).map((row) => row.id),
    );
  });
});

describe("GET /api/customers sorts", () => {
  it.each(SORTS)("sort=%s orders by the key, ties broken by id", async (sort) => {
    const body = await list(`?sort=${sort}&limit=100`);
    expect(body.customers.map((customer) => customer.id)).toEqual([...rows].sort(EXPECTED_ORDER[sort]).map((row) => row.id));
  });

  it("status sort follows the pipeline, not the alphabet", async () => {
    const body = await list("?sort=status&limit=100");
    const statuses = [...new Set(body.customers.map((customer) => customer.status))];
    expect(statuses).toEqual(["lead", "prospect", "negotiation", "live", "on_hold", "archive"]);
  });
});

describe("GET /api/customers limit and paging", () => {
  it("limit caps the page; the default is 25", async () => {
    expect((await list("?limit=1")).customers).toHaveLength(1);
    expect((await list("?limit=5")).customers).toHaveLength(5);
    expect((await list("?limit=100")).customers).toHaveLength(rows.length);

    const many = await signedInUser();
    await prisma().customer.createMany({
      data: Array.from({ length: 30 }, (_, index) => ({ userId: many.id, name: `Bulk ${index}`, status: "lead" })),
    });
    const first = await list("", many);
    expect(first.customers).toHaveLength(25);
    expect(first.next_cursor).toEqual(expect.any(String));
    const second = await list(`?cursor=${first.next_cursor}`, many);
    expect(second.customers).toHaveLength(5);
    expect(second.next_cursor).toBeNull();
    expect(new Set([...first.customers, ...second.customers].map((customer) => customer.id)).size).toBe(30);
  });

  describe.each(SORTS)("sort=%s", (sort) => {
    it.each([1, 3, 5, 12])("pages of %i follow next_cursor until null, each row once, in order", async (limit) => {
      const pages = await allPages(new URLSearchParams({ sort, limit: String(limit) }));
      const expected = [...rows].sort(EXPECTED_ORDER[sort]).map((row) => row.id);
      expect(pages.flat()).toEqual(expected);
      expect(pages.slice(0, -1).every((page) => page.length === limit)).toBe(true);
      expect(pages.at(-1)!.length).toBeGreaterThan(0);
    });

    it("paging under a status filter stays within it", async () => {
      const pages = await allPages(new URLSearchParams({ sort, status: "lead", limit: "1" }));
      const expected = rows.filter((row) => row.status === "lead").sort(EXPECTED_ORDER[sort]);
      expect(pages.flat()).toEqual(expected.map((row) => row.id));
    });
  });

  // Known domain bug (see the report): created_at/updated_at are nullable, a row
  // with NULL there yields a next_cursor that decodeCursor rejects (400), and
  // the row comparison would skip such rows anyway. Fails until fixed.
  it.each(["created_at", "updated_at"] as const)(
    "sort=%s pages through customers whose timestamps are NULL (the columns allow it)",
    async (sort) => {
      const owner = await signedInUser();
      const ids: string[] = [];
      for (let index = 0; index < 4; index += 1) {
        const row = await prisma().customer.create({
          data: { userId: owner.id, name: `Undated ${index}`, status: "lead", createdAt: index % 2 ? null : new Date(), updatedAt: null },
        });
        ids.push(row.id);
      }
      const pages = await allPages(new URLSearchParams({ sort, limit: "1" }), owner);
      expect(pages.flat().sort()).toEqual([...ids].sort());
    },
  );

  it("paging with a search stays within it", async () => {
    const pages = await allPages(new URLSearchParams({ q: "UNDER", sort: "name", limit: "1" }), searcher);
    expect(pages.flat()).toEqual([searchIds["Under_score"], searchIds["Underscore"]]);
  });
});

const ZERO_UUID = "00000000-0000-4000-8000-000000000000";
const cursorOf = (payload: unknown[]) => Buffer.from(JSON.stringify(payload)).toString("base64url");

describe("GET /api/customers rejects an invalid param with 400 naming it", () => {
  const validCursor = () =>
    encodeCursor({ sort: "name", direction: "after", key: ["alpha", "Alpha", rows[0]!.id] });

  it.each([
    { query: "?status=won", param: "status" },
    { query: "?status=LEAD", param: "status" },
    { query: "?sort=price", param: "sort" },
    { query: "?sort=-name", param: "sort" },
    { query: "?limit=0", param: "limit" },
    { query: "?limit=101", param: "limit" },
    { query: "?limit=-1", param: "limit" },
    { query: "?limit=abc", param: "limit" },
    { query: "?limit=2.5", param: "limit" },
    { query: "?limit=1e2", param: "limit" },
    { query: "?limit=%205", param: "limit" },
    { query: "?limit=99999999999999999999", param: "limit" },
    { query: `?q=${"a".repeat(LIMITS.search + 1)}`, param: "q" },
    { query: "?cursor=not-a-cursor", param: "cursor" },
    { query: `?cursor=${Buffer.from('{"a":1}').toString("base64url")}`, param: "cursor" },
    { query: `?cursor=${Buffer.from('["name","a","alpha","Alpha","not-a-uuid"]').toString("base64url")}`, param: "cursor" },
    { query: `?cursor=${Buffer.from("[\"updated_at\",\"a\",\"'; DROP TABLE customers; --\",\"00000000-0000-4000-8000-000000000000\"]").toString("base64url")}`, param: "cursor" },
    { query: "?cursor=" + "A".repeat(3000), param: "cursor" },
    // Well-shaped but impossible keys would make the query itself fail: still a 400, never a 500.
    { query: `?cursor=${cursorOf(["updated_at", "a", "2026-02-31 00:00:00+00", ZERO_UUID])}`, param: "cursor" },
    { query: `?cursor=${cursorOf(["created_at", "a", "2026-01-01 00:00:00+99", ZERO_UUID])}`, param: "cursor" },
    { query: `?sort=name&cursor=${cursorOf(["name", "a", "nul", "Nul\u0000", ZERO_UUID])}`, param: "cursor" },
    { query: "?status=lead&status=live", param: "status" },
  ])("$param: $query", async ({ query, param }) => {
    const response = await api("GET", `/api/customers${query}`, { cookie: user.cookie });
    expect(response.status).toBe(400);
    const body = await jsonOf<ErrorBody>(response);
    expect(body.error).toBe("validation");
    expect(Object.keys(body.issues!)).toEqual([param]);
    expect(body.issues![param]![0]).toEqual(expect.any(String));
  });

  it("a cursor from another sort is refused", async () => {
    const response = await api("GET", `/api/customers?sort=updated_at&cursor=${validCursor()}`, { cookie: user.cookie });
    expect(response.status).toBe(400);
    expect(Object.keys((await jsonOf<ErrorBody>(response)).issues!)).toEqual(["cursor"]);
    const same = await api("GET", `/api/customers?sort=name&cursor=${validCursor()}`, { cookie: user.cookie });
    expect(same.status).toBe(200);
  });

  it("the edges of the valid ranges are accepted", async () => {
    for (const query of ["?limit=1", "?limit=100", "?limit=007", `?q=${"a".repeat(LIMITS.search)}`, "?unknown=ignored"]) {
      const response = await api("GET", `/api/customers${query}`, { cookie: user.cookie });
      expect(response.status, query).toBe(200);
    }
  });
});
