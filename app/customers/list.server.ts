import { asUser, type Db } from "~/db/scope.server";
import { Prisma } from "~/generated/prisma/client";
import { EXPIRING_SOON_SQL } from "~/agreements/agreements.server";
import { CUSTOMER_BALANCE_SQL, type CustomerBalance } from "~/receivables/receivables.server";
import { statusCounts, type StatusCountsOf } from "~/utils/status-counts";
import { isUuid } from "~/utils/uuid";
import { CUSTOMER_COLUMNS, type CustomerRow } from "./api-shape.server";
import { CUSTOMER_STATUSES, type CustomerSort, type CustomerStatus } from "./constants";
import { encodeCursor, type Cursor, type SortKey } from "./cursor.server";
import { LAST_INTERACTION_SQL } from "./events.server";
import { liveCustomersOf } from "./ownership.server";

/**
 * The customer list: keyset pages in four orders, the status filter, search
 * by name, and the counts per status the filter bar shows.
 */

export interface ListParams {
  status?: CustomerStatus;
  q?: string;
  sort: CustomerSort;
  cursor?: Cursor | null;
  limit: number;
}

export interface CustomerListItem {
  id: string;
  name: string;
  status: string;
  vertical: string | null;
  productName: string | null;
  teamSize: number;
  lastInteractionAt: Date | null;
  /** Whether any of its agreements is expiring soon (the agreements' own rule, in SQL). */
  expiringSoon: boolean;
  /** Owed on its sent invoices (a decimal string), and whether any of that is past due. */
  outstanding: string;
  overdue: boolean;
  createdAt: Date | null;
  updatedAt: Date | null;
}

export interface ListResult {
  items: CustomerListItem[];
  /** API rows, for callers that want the full customer. */
  rows: CustomerRow[];
  nextCursor: string | null;
  prevCursor: string | null;
}

const STATUS_RANK = Prisma.sql`array_position(ARRAY[${Prisma.join([...CUSTOMER_STATUSES])}]::text[], c.status)`;

// The spec leaves the timestamps nullable. The app always sets them, but a
// NULL written by hand must still page correctly: it sorts as -infinity
// (last in the newest-first orders), and a cursor can carry that value.
const UPDATED_KEY = Prisma.sql`coalesce(c.updated_at, '-infinity'::timestamptz)`;
const CREATED_KEY = Prisma.sql`coalesce(c.created_at, '-infinity'::timestamptz)`;

interface SortSpec {
  /** Sort expressions before the id, with how to cast a cursor value back. */
  columns: Array<{ expr: Prisma.Sql; cast: Prisma.Sql }>;
  descending: boolean;
}

// Names sort as people read (docs/decisions/0010): by their key with case and
// accents folded (the generated column name_key, migration name_sort_key),
// then by the name as typed, byte for byte, so that equal keys still have one
// order on every engine and locale. The name index holds exactly these columns.
const NAME_COLUMNS = [
  { expr: Prisma.sql`c.name_key COLLATE "C"`, cast: Prisma.sql`::text` },
  { expr: Prisma.sql`c.name COLLATE "C"`, cast: Prisma.sql`::text` },
];

const SORT_SPECS: Record<CustomerSort, SortSpec> = {
  updated_at: { columns: [{ expr: UPDATED_KEY, cast: Prisma.sql`::timestamptz` }], descending: true },
  created_at: { columns: [{ expr: CREATED_KEY, cast: Prisma.sql`::timestamptz` }], descending: true },
  name: { columns: NAME_COLUMNS, descending: false },
  status: { columns: [{ expr: STATUS_RANK, cast: Prisma.sql`::int` }, ...NAME_COLUMNS], descending: false },
};

/**
 * A sort's keyset: its ORDER BY (ending with the id) and, from a cursor of
 * that sort, the condition that keeps the rows after it (or before it, read
 * in reverse). A cursor of another sort is ignored.
 */
export function listOrder(sort: CustomerSort, cursor: Cursor | null | undefined): { orderBy: Prisma.Sql; keyset: Prisma.Sql | null } {
  const spec = SORT_SPECS[sort];
  const own = cursor?.sort === sort ? cursor : null;
  // Reading backwards walks the same order in reverse; the caller flips the page.
  const descending = spec.descending !== (own?.direction === "before");
  const direction = Prisma.raw(descending ? "DESC" : "ASC");
  const sortExprs = [...spec.columns.map((column) => column.expr), Prisma.sql`c.id`];
  const orderBy = Prisma.join(sortExprs.map((expr) => Prisma.sql`${expr} ${direction}`));
  if (!own) return { orderBy, keyset: null };
  const values = spec.columns.map((column, index) => Prisma.sql`${own.key[index]}${column.cast}`);
  values.push(Prisma.sql`${own.key[spec.columns.length]}::uuid`);
  return { orderBy, keyset: Prisma.sql`(${Prisma.join(sortExprs)}) ${Prisma.raw(descending ? "<" : ">")} (${Prisma.join(values)})` };
}

/** Escapes LIKE wildcards so a search for "50%" means the characters 5, 0, %. */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** Up to this many matches, a search lists them by id; beyond, it walks the user's rows in order. */
const SELECTIVE_SEARCH = 200;
// Trigrams need three characters; shorter searches always walk.
const TRIGRAM_MIN_LENGTH = 3;

/**
 * The ids of the user's customers whose name contains `q`, when there are few
 * enough to fetch by id (the trigram index finds them, see the migration
 * search_under_rls); null when the search is common enough that walking the
 * user's rows in page order finds a page sooner.
 */
async function selectiveMatches(db: Db, q: string): Promise<string[] | null> {
  if (q.length < TRIGRAM_MIN_LENGTH) return null;
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT id::text AS id FROM search_customer_ids(${likePattern(q)}, ${SELECTIVE_SEARCH + 1}::int) AS id`;
  return rows.length > SELECTIVE_SEARCH ? null : rows.map((row) => row.id);
}

async function filters(db: Db, userId: string, params: { status?: CustomerStatus; q?: string }): Promise<Prisma.Sql> {
  const conditions = [liveCustomersOf(userId)];
  if (params.status) conditions.push(Prisma.sql`c.status = ${params.status}`);
  if (params.q) {
    const ids = await selectiveMatches(db, params.q);
    if (ids) conditions.push(Prisma.sql`c.id = ANY(${ids}::uuid[])`);
    // Always rechecked here, through RLS: the match can only narrow the list.
    conditions.push(Prisma.sql`c.name ILIKE ${likePattern(params.q)}`);
  }
  return Prisma.join(conditions, " AND ");
}

interface ListRow extends CustomerRow {
  vertical: string | null;
  productName: string | null;
  teamSize: number;
  lastInteractionAt: Date | null;
  expiringSoon: boolean;
  balance: CustomerBalance;
  sortKey: SortKey;
}

function sortKeyOf(
  sort: CustomerSort,
  row: { updatedKey: string; createdKey: string; nameKey: string; name: string; statusRank: number; id: string },
): SortKey {
  switch (sort) {
    case "updated_at":
      return [row.updatedKey, row.id];
    case "created_at":
      return [row.createdKey, row.id];
    case "name":
      return [row.nameKey, row.name, row.id];
    case "status":
      return [row.statusRank, row.nameKey, row.name, row.id];
  }
}

/**
 * A page of the user's customers in keyset order. With `counts`, the counts per
 * status under the same search come back in the same statement (one round trip
 * fewer for the list page).
 */
export async function listCustomers(userId: string, params: ListParams): Promise<ListResult>;
export async function listCustomers(
  userId: string,
  params: ListParams,
  options: { counts: true },
): Promise<ListResult & { counts: StatusCounts }>;
export async function listCustomers(
  userId: string,
  params: ListParams,
  options: { counts?: boolean } = {},
): Promise<ListResult & { counts?: StatusCounts }> {
  if (!isUuid(userId)) {
    return { items: [], rows: [], nextCursor: null, prevCursor: null, ...(options.counts ? { counts: emptyCounts() } : {}) };
  }
  const cursor = params.cursor?.sort === params.sort ? params.cursor : null;
  const backwards = cursor?.direction === "before";
  const { orderBy, keyset } = listOrder(params.sort, cursor);

  const rows = await asUser(userId, async (db) => {
    const conditions = [await filters(db, userId, params)];
    if (keyset) conditions.push(keyset);

    // Uncorrelated, so PostgreSQL evaluates it once for the whole page.
    const countsColumn = options.counts
      ? Prisma.sql`, (SELECT coalesce(json_agg(s), '[]'::json) FROM (${statusCountsQuery(userId, params.q)}) s) AS "statusCounts"`
      : Prisma.empty;
    return db.$queryRaw<
      Array<
        Omit<ListRow, "sortKey"> & {
          updatedKey: string;
          createdKey: string;
          nameKey: string;
          statusRank: number;
          statusCounts?: StatusCountRow[];
        }
      >
    >`
      SELECT ${CUSTOMER_COLUMNS},
             c.info->>'vertical' AS vertical,
             c.info->'product'->>'name' AS "productName",
             CASE WHEN jsonb_typeof(c.info->'team') = 'array' THEN jsonb_array_length(c.info->'team') ELSE 0 END AS "teamSize",
             ${LAST_INTERACTION_SQL} AS "lastInteractionAt",
             ${EXPIRING_SOON_SQL} AS "expiringSoon",
             ${CUSTOMER_BALANCE_SQL} AS balance,
             ${UPDATED_KEY}::text AS "updatedKey", ${CREATED_KEY}::text AS "createdKey",
             c.name_key AS "nameKey", ${STATUS_RANK} AS "statusRank"${countsColumn}
        FROM customers c
       WHERE ${Prisma.join(conditions, " AND ")}
       ORDER BY ${orderBy}
       LIMIT ${params.limit + 1}`;
  });

  const hasMore = rows.length > params.limit;
  const page = rows.slice(0, params.limit);
  if (backwards) page.reverse();
  const withKeys = page.map((row) => ({ ...row, sortKey: sortKeyOf(params.sort, row) }));

  const first = withKeys[0];
  const last = withKeys[withKeys.length - 1];
  const hasNext = backwards ? true : hasMore;
  const hasPrev = backwards ? hasMore : Boolean(cursor);
  // An empty page carries no counts: only then are they asked for on their own.
  const counts = !options.counts
    ? undefined
    : rows[0]?.statusCounts
      ? toStatusCounts(rows[0].statusCounts)
      : await countByStatus(userId, { q: params.q });
  return {
    ...(counts ? { counts } : {}),
    items: withKeys.map((row) => ({
      id: row.id,
      name: row.name,
      status: row.status,
      vertical: row.vertical,
      productName: row.productName,
      teamSize: row.teamSize,
      lastInteractionAt: row.lastInteractionAt,
      expiringSoon: row.expiringSoon,
      outstanding: row.balance.outstanding,
      overdue: row.balance.overdue,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    })),
    rows: withKeys.map(({ id, userId: owner, name, status, info, createdAt, updatedAt, deletedAt }) => ({
      id,
      userId: owner,
      name,
      status,
      info,
      createdAt,
      updatedAt,
      deletedAt,
    })),
    nextCursor:
      hasNext && last ? encodeCursor({ sort: params.sort, direction: "after", key: last.sortKey }) : null,
    prevCursor:
      hasPrev && first ? encodeCursor({ sort: params.sort, direction: "before", key: first.sortKey }) : null,
  };
}

export type StatusCounts = StatusCountsOf<CustomerStatus>;
interface StatusCountRow {
  status: string;
  n: number;
}

const emptyCounts = (): StatusCounts => statusCounts(CUSTOMER_STATUSES);
const toStatusCounts = (rows: StatusCountRow[]): StatusCounts => statusCounts(CUSTOMER_STATUSES, rows);

/**
 * (status, n) rows for the user's live customers, under a search if any.
 * Without one they are read from customer_status_counts, which triggers on
 * customers keep (decision 0022): a few rows instead of every customer. A
 * search is counted by search_customer_status_counts(), which can use the
 * trigram index that RLS keeps ILIKE from (see its migration); it counts only
 * the transaction's user's rows and returns nothing but numbers.
 */
function statusCountsQuery(userId: string, q: string | undefined): Prisma.Sql {
  if (q) return Prisma.sql`SELECT status, n FROM search_customer_status_counts(${likePattern(q)})`;
  return Prisma.sql`SELECT s.status, s.n FROM customer_status_counts s WHERE s.user_id = ${userId}::uuid AND s.n <> 0`;
}

/** Customers per status (and in all), under the same search, in one query. */
export async function countByStatus(userId: string, params: { q?: string } = {}): Promise<StatusCounts> {
  if (!isUuid(userId)) return emptyCounts();
  const rows = await asUser(userId, async (db) => db.$queryRaw<StatusCountRow[]>`${statusCountsQuery(userId, params.q)}`);
  return toStatusCounts(rows);
}
