import { Prisma } from "~/generated/prisma/client";
import { decodeCursor, type Cursor } from "~/customers/cursor.server";
import { listCustomers, listOrder, type ListResult } from "~/customers/list.server";
import type { CustomerSort, CustomerStatus } from "~/customers/constants";
import { liveCustomersOf } from "~/customers/ownership.server";
import { asUser } from "~/db/scope.server";
import * as indexRoute from "~/routes/customers._index";
import { insertCustomer } from "../../prisma/factories";
import { api, jsonOf, signedInUser, type ErrorBody, type ListBody, type TestUser } from "../api/helpers";
import { call, get } from "../http";
import { ownerPrisma as prisma } from "../setup/owner";

/**
 * "Name (A–Z)" reads as people read: case and accents do not decide the
 * order, the name as typed breaks a tie of the folded key, then the id
 * (docs/decisions/0010-name-order-as-people-read.md). On the list page, the
 * API, the status sort's names, and through keyset pages.
 */

// What a person expects, written out by hand. "eve" twice: the same name, told apart by id.
const EXPECTED_NAMES = [
  "abaco",
  "ábaco",
  "Ángel",
  "apple",
  "Émile",
  "Eve",
  "eve",
  "eve",
  "Ève",
  "Łukasz",
  "Øyvind",
  "Strasse",
  "Straße",
  "Zebra",
  "Zoë",
  "zulu",
];

// Inserted in an order that matches no sort by accident.
const INSERTED = ["Zebra", "eve", "Ángel", "Straße", "apple", "Zoë", "Øyvind", "ábaco", "eve", "Émile", "zulu", "Ève", "Strasse", "abaco", "Łukasz", "Eve"];

let user: TestUser;
let created: Array<{ id: string; name: string; status: CustomerStatus }>;
/** The user's live customers' ids in the expected order (equal names by id). */
let expectedIds: string[];

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function idsInOrder(rows: Array<{ id: string; name: string }>): string[] {
  return [...new Set(EXPECTED_NAMES)].flatMap((name) => rows.filter((row) => row.name === name).sort(byId).map((row) => row.id));
}

beforeAll(async () => {
  expect([...INSERTED].sort()).toEqual([...EXPECTED_NAMES].sort());
  user = await signedInUser();
  created = [];
  for (const [index, name] of INSERTED.entries()) {
    const status: CustomerStatus = index % 2 ? "live" : "lead";
    const row = await insertCustomer(prisma(), user.id, { name, status, info: {} });
    created.push({ id: row.id, name, status });
  }
  expectedIds = idsInOrder(created);
  // Names that would land among the user's: another user's, and the user's archived one.
  const other = await signedInUser();
  for (const name of ["Aardvark", "eve", "Éclair", "Zorro"]) await insertCustomer(prisma(), other.id, { name, status: "lead", info: {} });
  const archived = await insertCustomer(prisma(), user.id, { name: "Éclair", status: "lead", info: {} });
  await prisma().customer.update({ where: { id: archived.id }, data: { deletedAt: new Date() } });
});

const ids = (result: ListResult) => result.items.map((item) => item.id);
const namesOf = (rows: Array<{ name: string }>) => rows.map((row) => row.name);

async function list(sort: CustomerSort, limit: number, cursor?: string | null) {
  const decoded = cursor ? decodeCursor(cursor, sort) : null;
  if (cursor) expect(decoded).not.toBeNull();
  return listCustomers(user.id, { sort, cursor: decoded, limit });
}

/** Every page forwards from the first, then backwards from the last. */
async function walk(sort: CustomerSort, limit: number) {
  const forward = [await list(sort, limit)];
  while (forward.at(-1)!.nextCursor) {
    forward.push(await list(sort, limit, forward.at(-1)!.nextCursor));
    expect(forward.length).toBeLessThan(50);
  }
  const backward = [forward.at(-1)!];
  while (backward[0]!.prevCursor) {
    backward.unshift(await list(sort, limit, backward[0]!.prevCursor));
    expect(backward.length).toBeLessThan(50);
  }
  return { forward, backward };
}

describe("sort=name reads as people read", () => {
  it("folds case and accents; the name as typed, then the id, break ties", async () => {
    const result = await list("name", 100);
    expect(namesOf(result.items)).toEqual(EXPECTED_NAMES);
    expect(ids(result)).toEqual(expectedIds);
  });

  it("pages 2 at a time with no gap and no repeat, forwards and backwards", async () => {
    const { forward, backward } = await walk("name", 2);
    expect(forward.map((page) => page.items.length)).toEqual([2, 2, 2, 2, 2, 2, 2, 2]);
    expect(forward.flatMap(ids)).toEqual(expectedIds);
    expect(backward.map(ids)).toEqual(forward.map(ids));
    expect(forward.at(-1)!.nextCursor).toBeNull();
    expect(backward[0]!.prevCursor).toBeNull();
  });

  it("the cursor carries the folded key, the name as typed and the id", async () => {
    const first = await list("name", 2);
    const cursor = decodeCursor(first.nextCursor!, "name")!;
    expect(cursor.key).toEqual(["abaco", "ábaco", expectedIds[1]]);
  });

  it("the status sort orders each status's names the same way", async () => {
    const lead = idsInOrder(created.filter((row) => row.status === "lead"));
    const live = idsInOrder(created.filter((row) => row.status === "live"));
    expect(ids(await list("status", 100))).toEqual([...lead, ...live]);
    const { forward, backward } = await walk("status", 2);
    expect(forward.flatMap(ids)).toEqual([...lead, ...live]);
    expect(backward.map(ids)).toEqual(forward.map(ids));
  });
});

describe("the list page, /customers?sort=name", () => {
  type PageData = { customers: Array<{ id: string; name: string }>; prevHref: string | null; nextHref: string | null };
  const page = async (path: string) => {
    const response = await call(indexRoute.loader, get(path, { cookie: user.cookie }));
    expect(response.status, path).toBe(200);
    return jsonOf<PageData>(response);
  };

  it("shows the user's live customers in the order people read", async () => {
    const data = await page("/customers?sort=name");
    expect(namesOf(data.customers)).toEqual(EXPECTED_NAMES);
    expect(data.customers.map((customer) => customer.id)).toEqual(expectedIds);
  });

  it.each([
    ["name", ["name", "a", "Zebra", "00000000-0000-4000-8000-000000000000"]],
    ["status", ["status", "a", 0, "Zebra", "00000000-0000-4000-8000-000000000000"]],
  ])("a cursor from before the change (sort=%s, byte order) shows the first page", async (sort, payload) => {
    const old = Buffer.from(JSON.stringify(payload)).toString("base64url");
    const data = await page(`/customers?sort=${sort}&cursor=${old}`);
    expect(data.customers).toHaveLength(EXPECTED_NAMES.length);
    expect(data.prevHref).toBeNull();
  });
});

describe("GET /api/customers?sort=name", () => {
  async function allPages(query: string) {
    const pages: ListBody[] = [];
    let cursor: string | null = null;
    do {
      const response = await api("GET", `/api/customers?${query}${cursor ? `&cursor=${cursor}` : ""}`, { cookie: user.cookie });
      expect(response.status).toBe(200);
      pages.push(await jsonOf<ListBody>(response));
      cursor = pages.at(-1)!.next_cursor;
      expect(pages.length).toBeLessThan(50);
    } while (cursor);
    return pages;
  }

  it("answers in the order people read", async () => {
    const [body] = await allPages("sort=name&limit=100");
    expect(namesOf(body!.customers)).toEqual(EXPECTED_NAMES);
    expect(body!.customers.map((customer) => customer.id)).toEqual(expectedIds);
  });

  it("pages 2 at a time with no gap and no repeat, never another user's rows", async () => {
    const pages = await allPages("sort=name&limit=2");
    expect(pages.map((body) => body.customers.length)).toEqual([2, 2, 2, 2, 2, 2, 2, 2]);
    expect(pages.flatMap((body) => body.customers.map((customer) => customer.id))).toEqual(expectedIds);
    expect(pages.flatMap((body) => body.customers.map((customer) => customer.user_id))).toEqual(expectedIds.map(() => user.id));
  });

  it.each([
    ["name", ["name", "a", "Zebra", "00000000-0000-4000-8000-000000000000"]],
    ["status", ["status", "a", 0, "Zebra", "00000000-0000-4000-8000-000000000000"]],
  ])("a cursor from before the change (sort=%s) is a 400 naming the cursor, never a 500", async (sort, payload) => {
    const old = Buffer.from(JSON.stringify(payload)).toString("base64url");
    const response = await api("GET", `/api/customers?sort=${sort}&limit=2&cursor=${old}`, { cookie: user.cookie });
    expect(response.status).toBe(400);
    expect(Object.keys((await jsonOf<ErrorBody>(response)).issues!)).toEqual(["cursor"]);
  });
});

describe("the name sort is an index range scan", () => {
  const planLines = (rows: Array<{ "QUERY PLAN": string }>) => rows.map((row) => row["QUERY PLAN"]).join("\n");

  /**
   * The plan of a page as the app orders and bounds it. Sequential scans are
   * off: on a table this small a scan and a sort cost less, and the question
   * is whether the index can give the order at all.
   */
  async function plan(cursor: Cursor | null): Promise<string> {
    const { orderBy, keyset } = listOrder("name", cursor);
    const where = keyset ? Prisma.sql`${liveCustomersOf(user.id)} AND ${keyset}` : liveCustomersOf(user.id);
    return asUser(user.id, async (db) => {
      await db.$executeRaw`SET LOCAL enable_seqscan = off`;
      const rows = await db.$queryRaw<Array<{ "QUERY PLAN": string }>>`
        EXPLAIN SELECT c.id, c.name FROM customers c WHERE ${where} ORDER BY ${orderBy} LIMIT 26`;
      return planLines(rows);
    });
  }

  it("for the first page, the next page and the previous page", async () => {
    const first = await list("name", 2);
    const second = await list("name", 2, first.nextCursor);
    for (const cursor of [null, decodeCursor(first.nextCursor!, "name"), decodeCursor(second.prevCursor!, "name")]) {
      const text = await plan(cursor);
      expect(text).toMatch(/Index (Only )?Scan (Backward )?using idx_customers_list_name on customers/);
      expect(text).not.toMatch(/^\s*(->\s+)?(Incremental )?Sort\b/m);
      if (cursor) expect(text).toMatch(/Index Cond: .*ROW\(/);
    }
  });

  it("keeps the names in the index, so search_customer_ids() can still walk it without the table", async () => {
    // A common search's match (inside search_customer_ids) may read the
    // user's names from this index alone: name and id must stay plain columns
    // of it. Which index the planner picks depends on the table's size and
    // statistics, so the plan itself is measured on a large table (the bench).
    const columns = await prisma().$queryRaw<Array<{ attname: string }>>`
      SELECT a.attname FROM pg_index i
        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
       WHERE i.indexrelid = 'idx_customers_list_name'::regclass`;
    expect(columns.map((column) => column.attname).sort()).toEqual(["id", "name", "name_key", "user_id"]);
    const matches = await asUser(user.id, (db) =>
      db.$queryRaw<Array<{ id: string }>>`SELECT id::text AS id FROM search_customer_ids('%ve%', 201) AS id`,
    );
    const expected = created.filter((row) => /ve/i.test(row.name)).map((row) => row.id);
    expect(matches.map((row) => row.id).sort()).toEqual(expected.sort());
  });
});
