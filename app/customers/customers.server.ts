import { randomUUID } from "node:crypto";
import { getDatabase } from "~/db/db.server";
import { asUser, type Db } from "~/db/scope.server";
import { Prisma } from "~/generated/prisma/client";
import { encodeCursor, isUuid, type Cursor, type SortKey } from "./cursor.server";
import {
  CUSTOMER_STATUSES,
  LIMITS,
  STATUS_LABELS,
  type CustomerSort,
  type CustomerStatus,
  type EventInput,
  type InfoPatch,
  type TeamMemberInput,
} from "./schemas";

/**
 * Customer data access: the only module that queries customers and what hangs
 * off them. Every function takes the signed-in user's id, runs as that user
 * (row-level security sees it) and also puts it in the query itself: two walls.
 * A customer that is not the user's, does not exist or is archived is simply
 * not found (null), never an error that leaks existence.
 */

export const RESTORE_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

export class InfoTooLargeError extends Error {
  override name = "InfoTooLargeError";
  constructor() {
    super("Info is too large");
  }
}

export class TeamFullError extends Error {
  override name = "TeamFullError";
  constructor() {
    super(`A customer can have at most ${LIMITS.teamSize} team members`);
  }
}

// ------------------------------------------------------------- shapes ----

/** A customer as the JSON API returns it (the spec's field names). */
export interface ApiCustomer {
  id: string;
  user_id: string;
  name: string;
  status: string;
  info: Prisma.JsonValue;
  created_at: string | null;
  updated_at: string | null;
  deleted_at?: string | null;
}

interface CustomerRow {
  id: string;
  userId: string;
  name: string;
  status: string;
  info: Prisma.JsonValue | null;
  createdAt: Date | null;
  updatedAt: Date | null;
  deletedAt: Date | null;
}

const customerSelect = {
  id: true,
  userId: true,
  name: true,
  status: true,
  info: true,
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
} as const;

export function toApiCustomer(row: CustomerRow, { withDeletedAt = false } = {}): ApiCustomer {
  return {
    id: row.id,
    user_id: row.userId,
    name: row.name,
    status: row.status,
    info: row.info ?? {},
    created_at: row.createdAt?.toISOString() ?? null,
    updated_at: row.updatedAt?.toISOString() ?? null,
    ...(withDeletedAt ? { deleted_at: row.deletedAt?.toISOString() ?? null } : {}),
  };
}

function isRecordNotFound(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
}

function isInfoSizeViolation(error: unknown): boolean {
  return error instanceof Error && error.message.includes("customers_info_size");
}

/** Team members get a stable id, so they can be edited and removed one by one. */
function withMemberIds(info: InfoPatch | undefined): InfoPatch | undefined {
  if (!info?.team) return info;
  return { ...info, team: info.team.map((member) => ({ ...member, id: member.id ?? randomUUID() })) };
}

// --------------------------------------------------------------- list ----

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

const SORT_SPECS: Record<CustomerSort, SortSpec> = {
  updated_at: { columns: [{ expr: UPDATED_KEY, cast: Prisma.sql`::timestamptz` }], descending: true },
  created_at: { columns: [{ expr: CREATED_KEY, cast: Prisma.sql`::timestamptz` }], descending: true },
  name: { columns: [{ expr: Prisma.sql`c.name`, cast: Prisma.sql`::text` }], descending: false },
  status: {
    columns: [
      { expr: STATUS_RANK, cast: Prisma.sql`::int` },
      { expr: Prisma.sql`c.name`, cast: Prisma.sql`::text` },
    ],
    descending: false,
  },
};

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
  const conditions = [Prisma.sql`c.user_id = ${userId}::uuid`, Prisma.sql`c.deleted_at IS NULL`];
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
  sortKey: SortKey;
}

function sortKeyOf(sort: CustomerSort, row: { updatedKey: string; createdKey: string; name: string; statusRank: number; id: string }): SortKey {
  switch (sort) {
    case "updated_at":
      return [row.updatedKey, row.id];
    case "created_at":
      return [row.createdKey, row.id];
    case "name":
      return [row.name, row.id];
    case "status":
      return [row.statusRank, row.name, row.id];
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
  const spec = SORT_SPECS[params.sort];
  const cursor = params.cursor?.sort === params.sort ? params.cursor : null;
  const backwards = cursor?.direction === "before";
  // Reading backwards walks the same order in reverse, then flips the page.
  const descending = spec.descending !== backwards;
  const direction = Prisma.raw(descending ? "DESC" : "ASC");
  const sortExprs = [...spec.columns.map((column) => column.expr), Prisma.sql`c.id`];

  const rows = await asUser(userId, async (db) => {
    const conditions = [await filters(db, userId, params)];
    if (cursor) {
      const values = spec.columns.map((column, index) => Prisma.sql`${cursor.key[index]}${column.cast}`);
      values.push(Prisma.sql`${cursor.key[spec.columns.length]}::uuid`);
      conditions.push(
        Prisma.sql`(${Prisma.join(sortExprs)}) ${Prisma.raw(descending ? "<" : ">")} (${Prisma.join(values)})`,
      );
    }

    // Uncorrelated, so PostgreSQL evaluates it once for the whole page.
    const countsColumn = options.counts
      ? Prisma.sql`, (SELECT coalesce(json_agg(s), '[]'::json) FROM (${await statusCountsQuery(db, userId, params.q)}) s) AS "statusCounts"`
      : Prisma.empty;
    return db.$queryRaw<
      Array<
        Omit<ListRow, "sortKey"> & {
          updatedKey: string;
          createdKey: string;
          statusRank: number;
          statusCounts?: StatusCountRow[];
        }
      >
    >`
      SELECT c.id, c.user_id AS "userId", c.name, c.status, c.info,
             c.created_at AS "createdAt", c.updated_at AS "updatedAt", c.deleted_at AS "deletedAt",
             c.info->>'vertical' AS vertical,
             c.info->'product'->>'name' AS "productName",
             CASE WHEN jsonb_typeof(c.info->'team') = 'array' THEN jsonb_array_length(c.info->'team') ELSE 0 END AS "teamSize",
             (SELECT max(e.event_date) FROM customer_events e WHERE e.customer_id = c.id) AS "lastInteractionAt",
             ${UPDATED_KEY}::text AS "updatedKey", ${CREATED_KEY}::text AS "createdKey",
             ${STATUS_RANK} AS "statusRank"${countsColumn}
        FROM customers c
       WHERE ${Prisma.join(conditions, " AND ")}
       ORDER BY ${Prisma.join(sortExprs.map((expr) => Prisma.sql`${expr} ${direction}`))}
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

export type StatusCounts = Record<CustomerStatus, number> & { all: number };
interface StatusCountRow {
  status: string;
  n: number;
}

function emptyCounts(): StatusCounts {
  return Object.fromEntries([...CUSTOMER_STATUSES, "all"].map((key) => [key, 0])) as StatusCounts;
}

function toStatusCounts(rows: StatusCountRow[]): StatusCounts {
  const counts = emptyCounts();
  for (const row of rows) {
    if (row.status in counts) counts[row.status as CustomerStatus] = row.n;
    counts.all += row.n;
  }
  return counts;
}

/**
 * (status, n) rows for the user's live customers, under a search if any. A
 * search is counted by search_customer_status_counts(), which can use the
 * trigram index that RLS keeps ILIKE from (see its migration); it counts only
 * the transaction's user's rows and returns nothing but numbers.
 */
async function statusCountsQuery(db: Db, userId: string, q: string | undefined): Promise<Prisma.Sql> {
  if (q) return Prisma.sql`SELECT status, n FROM search_customer_status_counts(${likePattern(q)})`;
  return Prisma.sql`SELECT c.status, count(*)::int AS n FROM customers c WHERE ${await filters(db, userId, {})} GROUP BY c.status`;
}

/** Customers per status (and in all), under the same search, in one query. */
export async function countByStatus(userId: string, params: { q?: string } = {}): Promise<StatusCounts> {
  if (!isUuid(userId)) return emptyCounts();
  const rows = await asUser(userId, async (db) => db.$queryRaw<StatusCountRow[]>`${await statusCountsQuery(db, userId, params.q)}`);
  return toStatusCounts(rows);
}

// ------------------------------------------------------------ one row ----

export async function getCustomer(userId: string, id: string): Promise<CustomerRow | null> {
  if (!isUuid(id) || !isUuid(userId)) return null;
  return asUser(userId, (db) => db.customer.findFirst({ where: { id, userId, deletedAt: null }, select: customerSelect }));
}

export async function createCustomer(
  userId: string,
  input: { name: string; status?: CustomerStatus; info?: InfoPatch },
): Promise<CustomerRow> {
  try {
    return await asUser(
      userId,
      (db) =>
        db.customer.create({
          data: {
            userId,
            name: input.name,
            status: input.status ?? "lead",
            info: (withMemberIds(stripNulls(input.info)) ?? {}) as Prisma.InputJsonObject,
          },
          select: customerSelect,
        }),
      // A CHECK violation must not poison the rest of the request's transaction.
      { atomic: true },
    );
  } catch (error) {
    if (isInfoSizeViolation(error)) throw new InfoTooLargeError();
    throw error;
  }
}

/** On create there is nothing to remove: merge-patch nulls just mean "absent". */
function stripNulls(info: InfoPatch | undefined): InfoPatch | undefined {
  if (!info) return info;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(info)) {
    if (value === null) continue;
    result[key] =
      value && typeof value === "object" && !Array.isArray(value) ? stripNulls(value as InfoPatch) : value;
  }
  return result as InfoPatch;
}

export function statusChangeTitle(from: string, to: string): string {
  const label = (status: string) => STATUS_LABELS[status as CustomerStatus] ?? status;
  return `Status changed from ${label(from)} to ${label(to)}`;
}

/**
 * Updates name, status and/or info in one transaction. `info` is a merge patch
 * applied in SQL (objects merge, null removes a key). A status change also
 * records a "Status changed from … to …" event — both or neither.
 */
export async function updateCustomer(
  userId: string,
  id: string,
  input: { name?: string; status?: CustomerStatus; info?: InfoPatch },
): Promise<CustomerRow | null> {
  if (!isUuid(id) || !isUuid(userId)) return null;
  const infoPatch = input.info === undefined ? null : JSON.stringify(withMemberIds(input.info));
  try {
    return await asUser(userId, async (tx) => {
      const [row] = await tx.$queryRaw<Array<CustomerRow & { previousStatus: string }>>`
        WITH previous AS (
          SELECT id, status FROM customers
           WHERE id = ${id}::uuid AND user_id = ${userId}::uuid AND deleted_at IS NULL
           FOR UPDATE
        )
        UPDATE customers c
           SET name = coalesce(${input.name ?? null}::text, c.name),
               status = coalesce(${input.status ?? null}::text, c.status),
               info = CASE WHEN ${infoPatch}::jsonb IS NULL THEN c.info
                           ELSE jsonb_merge_patch(coalesce(c.info, '{}'::jsonb), ${infoPatch}::jsonb) END
          FROM previous
         WHERE c.id = previous.id
        RETURNING c.id, c.user_id AS "userId", c.name, c.status, c.info, c.created_at AS "createdAt",
                  c.updated_at AS "updatedAt", c.deleted_at AS "deletedAt", previous.status AS "previousStatus"`;
      if (!row) return null;
      if (row.previousStatus !== row.status) {
        await tx.customerEvent.create({
          data: {
            userId,
            customerId: id,
            eventType: "status_change",
            title: statusChangeTitle(row.previousStatus, row.status),
            metadata: { from: row.previousStatus, to: row.status },
          },
        });
      }
      const { previousStatus: _previous, ...customer } = row;
      return customer;
    }, { atomic: true });
  } catch (error) {
    if (isInfoSizeViolation(error)) throw new InfoTooLargeError();
    throw error;
  }
}

export function updateStatus(userId: string, id: string, status: CustomerStatus) {
  return updateCustomer(userId, id, { status });
}

// ---------------------------------------------------- archive/restore ----

/** Soft delete: the customer and everything under it vanish from every read. */
export async function archiveCustomer(userId: string, id: string): Promise<CustomerRow | null> {
  if (!isUuid(id) || !isUuid(userId)) return null;
  try {
    // Archived rows are hidden by default; this transaction must see the row it archives.
    return await asUser(
      userId,
      (db) =>
        db.customer.update({
          where: { id, userId, deletedAt: null },
          data: { deletedAt: new Date() },
          select: customerSelect,
        }),
      { archived: true },
    );
  } catch (error) {
    if (isRecordNotFound(error)) return null;
    throw error;
  }
}

export type RestoreResult = { ok: true; customer: CustomerRow } | { ok: false; reason: "not_found" | "expired" };

export async function restoreCustomer(userId: string, id: string, now = new Date()): Promise<RestoreResult> {
  if (!isUuid(id) || !isUuid(userId)) return { ok: false, reason: "not_found" };
  const windowStart = new Date(now.getTime() - RESTORE_WINDOW_DAYS * DAY_MS);
  return asUser(
    userId,
    async (db): Promise<RestoreResult> => {
      const [customer] = await db.customer.updateManyAndReturn({
        where: { id, userId, deletedAt: { not: null, gt: windowStart } },
        data: { deletedAt: null },
        select: customerSelect,
      });
      if (customer) return { ok: true, customer };
      const expired = await db.customer.count({ where: { id, userId, deletedAt: { lte: windowStart } } });
      return { ok: false, reason: expired ? "expired" : "not_found" };
    },
    { archived: true },
  );
}

export interface ArchivedCustomer {
  id: string;
  name: string;
  status: string;
  deletedAt: Date;
  daysLeft: number;
}

export async function listArchived(userId: string, now = new Date()): Promise<ArchivedCustomer[]> {
  if (!isUuid(userId)) return [];
  const windowStart = new Date(now.getTime() - RESTORE_WINDOW_DAYS * DAY_MS);
  const rows = await asUser(
    userId,
    (db) =>
      db.customer.findMany({
        where: { userId, deletedAt: { gt: windowStart } },
        select: { id: true, name: true, status: true, deletedAt: true },
        orderBy: [{ deletedAt: "desc" }, { id: "asc" }],
        take: 500,
      }),
    { archived: true },
  );
  return rows.map((row) => {
    const deletedAt = row.deletedAt!;
    const expiresAt = deletedAt.getTime() + RESTORE_WINDOW_DAYS * DAY_MS;
    return { ...row, deletedAt, daysLeft: Math.max(0, Math.ceil((expiresAt - now.getTime()) / DAY_MS)) };
  });
}

/**
 * Removes, for every user, customers archived longer ago than the restore
 * window, with all their children (ON DELETE CASCADE). A maintenance job,
 * not a request: it works across users, so it runs as the table owner. Safe
 * to run at any time, as often as wanted.
 */
export async function purgeExpired(now = new Date()): Promise<number> {
  const windowStart = new Date(now.getTime() - RESTORE_WINDOW_DAYS * DAY_MS);
  const { count } = await getDatabase().owner.customer.deleteMany({ where: { deletedAt: { lte: windowStart } } });
  return count;
}

// ----------------------------------------------------------- overview ----

export interface QuickStats {
  activeAgreements: number;
  /** Invoiced minus paid, as an exact decimal string. */
  outstandingBalance: string;
  activeProjects: number;
  lastInteractionAt: Date | null;
}

export interface Overview {
  customer: CustomerRow;
  stats: QuickStats;
  events: CustomerEventItem[];
}

export interface CustomerEventItem {
  id: string;
  eventType: string;
  title: string;
  description: string | null;
  participants: string[];
  eventDate: Date | null;
}

const EVENTS_SHOWN = 100;

interface EventJson extends Omit<CustomerEventItem, "eventDate"> {
  eventDate: string | null;
}

/** The overview in one round trip: the customer, its stats and its latest events. */
export async function getOverview(userId: string, id: string): Promise<Overview | null> {
  if (!isUuid(id) || !isUuid(userId)) return null;
  const [row] = await asUser(userId, (db) => db.$queryRaw<Array<CustomerRow & QuickStats & { events: EventJson[] }>>`
    SELECT c.id, c.user_id AS "userId", c.name, c.status, c.info, c.created_at AS "createdAt",
           c.updated_at AS "updatedAt", c.deleted_at AS "deletedAt",
           (SELECT count(*)::int FROM customer_agreements a
             WHERE a.customer_id = c.id AND a.override_status IS NULL
               AND (a.start_date IS NULL OR a.start_date <= CURRENT_DATE)
               AND (a.end_date IS NULL OR a.end_date >= CURRENT_DATE)) AS "activeAgreements",
           (SELECT coalesce(sum(CASE WHEN r.type = 'invoice' THEN r.amount ELSE -r.amount END), 0)::numeric(14,2)::text
              FROM customer_receivables r WHERE r.customer_id = c.id) AS "outstandingBalance",
           (SELECT count(*)::int FROM customer_projects p
             WHERE p.customer_id = c.id AND p.status = 'active') AS "activeProjects",
           (SELECT max(e.event_date) FROM customer_events e WHERE e.customer_id = c.id) AS "lastInteractionAt",
           (SELECT coalesce(json_agg(json_build_object(
                     'id', e.id, 'eventType', e.event_type, 'title', e.title, 'description', e.description,
                     'participants', coalesce(e.participants, '{}'), 'eventDate', e.event_date)
                   ORDER BY e.event_date DESC, e.created_at DESC, e.id DESC), '[]'::json)
              FROM (SELECT * FROM customer_events e WHERE e.customer_id = c.id
                     ORDER BY e.event_date DESC, e.created_at DESC, e.id DESC LIMIT ${EVENTS_SHOWN}) e) AS events
      FROM customers c
     WHERE c.id = ${id}::uuid AND c.user_id = ${userId}::uuid AND c.deleted_at IS NULL`);
  if (!row) return null;
  const { activeAgreements, outstandingBalance, activeProjects, lastInteractionAt, events, ...customer } = row;
  return {
    customer,
    stats: { activeAgreements, outstandingBalance, activeProjects, lastInteractionAt },
    events: events.map((event) => ({ ...event, eventDate: event.eventDate ? new Date(event.eventDate) : null })),
  };
}

// --------------------------------------------------------------- team ----

export type TeamResult = "ok" | "not_found" | "member_not_found" | "full";

async function ownsCustomer(userId: string, id: string): Promise<boolean> {
  return asUser(userId, async (db) => (await db.customer.count({ where: { id, userId, deletedAt: null } })) > 0);
}

/** Appends a member in SQL, so concurrent additions all survive. */
export async function addTeamMember(userId: string, customerId: string, member: TeamMemberInput): Promise<TeamResult> {
  if (!isUuid(customerId) || !isUuid(userId)) return "not_found";
  const value = JSON.stringify({ ...member, id: randomUUID() });
  const updated = await asUser(userId, (db) => db.$executeRaw`
    UPDATE customers c
       SET info = jsonb_set(coalesce(c.info, '{}'::jsonb), '{team}',
                  CASE WHEN jsonb_typeof(c.info->'team') = 'array' THEN c.info->'team' ELSE '[]'::jsonb END
                  || jsonb_build_array(${value}::jsonb))
     WHERE c.id = ${customerId}::uuid AND c.user_id = ${userId}::uuid AND c.deleted_at IS NULL
       AND (jsonb_typeof(c.info->'team') IS DISTINCT FROM 'array' OR jsonb_array_length(c.info->'team') < ${LIMITS.teamSize})`);
  if (updated) return "ok";
  return (await ownsCustomer(userId, customerId)) ? "full" : "not_found";
}

/** The user's live customer whose team holds this member. */
function memberOf(userId: string, customerId: string, memberId: string): Prisma.Sql {
  return Prisma.sql`c.id = ${customerId}::uuid AND c.user_id = ${userId}::uuid AND c.deleted_at IS NULL
       AND jsonb_typeof(c.info->'team') = 'array'
       AND EXISTS (SELECT 1 FROM jsonb_array_elements(c.info->'team') m WHERE m->>'id' = ${memberId})`;
}

/** No row changed: tell a missing member of the user's customer from a missing customer. */
async function memberOutcome(updated: number, userId: string, customerId: string): Promise<TeamResult> {
  if (updated) return "ok";
  return (await ownsCustomer(userId, customerId)) ? "member_not_found" : "not_found";
}

/** Replaces a member's known fields (keeping any extra keys), in SQL. */
export async function updateTeamMember(
  userId: string,
  customerId: string,
  memberId: string,
  member: TeamMemberInput,
): Promise<TeamResult> {
  if (!isUuid(customerId) || !isUuid(userId) || !isUuid(memberId)) return "not_found";
  const { id: _ignored, ...fields } = member;
  const updated = await asUser(userId, (db) => db.$executeRaw`
    UPDATE customers c
       SET info = jsonb_set(c.info, '{team}', (
             SELECT jsonb_agg(CASE WHEN m->>'id' = ${memberId}
                                   THEN (m - ARRAY['name', 'role', 'email', 'notes']) || ${JSON.stringify(fields)}::jsonb
                                   ELSE m END ORDER BY ord)
               FROM jsonb_array_elements(c.info->'team') WITH ORDINALITY AS t(m, ord)))
     WHERE ${memberOf(userId, customerId, memberId)}`);
  return memberOutcome(updated, userId, customerId);
}

export async function removeTeamMember(userId: string, customerId: string, memberId: string): Promise<TeamResult> {
  if (!isUuid(customerId) || !isUuid(userId)) return "not_found";
  if (!isUuid(memberId)) return memberOutcome(0, userId, customerId);
  const updated = await asUser(userId, (db) => db.$executeRaw`
    UPDATE customers c
       SET info = jsonb_set(c.info, '{team}', coalesce((
             SELECT jsonb_agg(m ORDER BY ord)
               FROM jsonb_array_elements(c.info->'team') WITH ORDINALITY AS t(m, ord)
              WHERE m->>'id' IS DISTINCT FROM ${memberId}), '[]'::jsonb))
     WHERE ${memberOf(userId, customerId, memberId)}`);
  return memberOutcome(updated, userId, customerId);
}

// ------------------------------------------------------------- events ----

/** Adds an event to the user's own, live customer; false when there is none. */
export async function addEvent(userId: string, customerId: string, input: EventInput): Promise<boolean> {
  if (!isUuid(customerId) || !isUuid(userId)) return false;
  const inserted = await asUser(userId, (db) => db.$executeRaw`
    INSERT INTO customer_events (user_id, customer_id, event_type, title, description, participants, event_date)
    SELECT c.user_id, c.id, ${input.eventType}, ${input.title}, ${input.description ?? null},
           ${input.participants}::text[], coalesce(${input.eventDate ?? null}::timestamptz, now())
      FROM customers c
     WHERE c.id = ${customerId}::uuid AND c.user_id = ${userId}::uuid AND c.deleted_at IS NULL`);
  return inserted > 0;
}

// ------------------------------------------------ agreements and co. ----

function childScope(userId: string, customerId: string) {
  return { customerId, customer: { userId, deletedAt: null } };
}

export async function listAgreements(userId: string, customerId: string) {
  if (!isUuid(customerId) || !isUuid(userId)) return [];
  return asUser(userId, (db) => db.agreement.findMany({
    where: childScope(userId, customerId),
    select: { id: true, scope: true, type: true, startDate: true, endDate: true, overrideStatus: true, pricing: true },
    orderBy: [{ startDate: "desc" }, { id: "asc" }],
  }));
}

export async function listReceivables(userId: string, customerId: string) {
  if (!isUuid(customerId) || !isUuid(userId)) return [];
  const rows = await asUser(userId, (db) => db.receivable.findMany({
    where: childScope(userId, customerId),
    select: { id: true, type: true, amount: true, date: true, status: true, description: true, reference: true },
    orderBy: [{ date: "desc" }, { id: "asc" }],
  }));
  return rows.map((row) => ({ ...row, amount: row.amount.toFixed(2) }));
}

export async function listProjects(userId: string, customerId: string) {
  if (!isUuid(customerId) || !isUuid(userId)) return [];
  return asUser(userId, (db) => db.project.findMany({
    where: childScope(userId, customerId),
    select: { id: true, name: true, description: true, status: true, updatedAt: true },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
  }));
}
