import { getDatabase } from "~/db/db.server";

/**
 * Fingerprints of the database, read as the table owner over its own raw
 * connection (`withConnection`): row-level security does not apply to it, so
 * it sees every user's rows whatever the app's role may see.
 *
 * - `tables`: one md5 per table of the public schema — all of them, even
 *   _prisma_migrations and login_throttle (the one legitimate write on a
 *   refusal is allowed per request, in harness.ts) — over the text form of
 *   every row (every column, full timestamp precision), in a fixed order:
 *   equal fingerprints mean byte-for-byte equal contents.
 * - `owned`: the same, but only over the rows that belong to one user (the
 *   "other" user of the property tests): their `users` row, every row with
 *   their `user_id` (customers, sessions, passwords), and every row hanging
 *   off one of their customers. A row moved to or from them changes it too.
 *
 * Tables are discovered from the catalog, so a table added by a later
 * migration is covered without touching this file.
 */
export interface Snapshot {
  tables: Record<string, string>;
  owned: Record<string, string>;
  /** Sessions of the actor: a sanity check that the database still answers sensibly. */
  actorSessions: number;
}

interface TableInfo {
  name: string;
  columns: Set<string>;
}

let queryCache: string | undefined;

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function fingerprint(table: string, where = ""): string {
  // coalesce: string_agg over no rows is NULL.
  return `(SELECT coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), 'empty') FROM ${quoteIdent(table)} t ${where})`;
}

/**
 * Caches of what the other tables hold, which any page may refresh: a GET that
 * stores counts it computed changes nothing a user could see. (That a user
 * can neither read nor write another user's row there is tested with them:
 * tests/agreements/across-customers.test.ts.)
 */
const DERIVED_TABLES = new Set(["agreement_status_counts"]);

async function buildQuery(): Promise<string> {
  const rows = await getDatabase().withConnection((conn) =>
    conn.query<{ table_name: string; column_name: string }>(
      `SELECT c.table_name, c.column_name
         FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
        ORDER BY c.table_name, c.ordinal_position`,
    ),
  );
  const tables = new Map<string, TableInfo>();
  for (const row of rows) {
    const table = tables.get(row.table_name) ?? { name: row.table_name, columns: new Set<string>() };
    table.columns.add(row.column_name);
    tables.set(row.table_name, table);
  }
  if (!tables.has("customers") || !tables.has("users")) throw new Error("snapshot: expected the users and customers tables");

  const parts: string[] = [];
  for (const table of tables.values()) {
    if (DERIVED_TABLES.has(table.name)) continue;
    const name = table.name.replace(/'/g, "''");
    parts.push(`'${name}', ${fingerprint(table.name)}`);
    let owned: string | undefined;
    if (table.name === "users") owned = "WHERE t.id = $1::uuid";
    else if (table.columns.has("user_id")) owned = "WHERE t.user_id = $1::uuid";
    else if (table.columns.has("customer_id")) owned = "WHERE t.customer_id IN (SELECT id FROM customers WHERE user_id = $1::uuid)";
    if (owned) parts.push(`'owned:${name}', ${fingerprint(table.name, owned)}`);
  }
  // jsonb_build_object takes at most 100 arguments: one object per table pair.
  const objects = [];
  for (let index = 0; index < parts.length; index += 40) {
    objects.push(`jsonb_build_object(${parts.slice(index, index + 40).join(", ")})`);
  }
  return `SELECT (${objects.join(" || ")})::text AS snapshot, (SELECT count(*)::int FROM sessions WHERE user_id = $2::uuid) AS "actorSessions"`;
}

/** Fingerprints every table, and the rows of `ownerId`; counts the sessions of `actorId`. */
export async function takeSnapshot(ownerId: string, actorId: string): Promise<Snapshot> {
  queryCache ??= await buildQuery();
  const sql = queryCache;
  const [row] = await getDatabase().withConnection((conn) =>
    conn.query<{ snapshot: string; actorSessions: number }>(sql, [ownerId, actorId]),
  );
  if (!row) throw new Error("snapshot: the database returned no row");
  const all = JSON.parse(row.snapshot) as Record<string, string>;
  const snapshot: Snapshot = { tables: {}, owned: {}, actorSessions: row.actorSessions };
  for (const [key, value] of Object.entries(all)) {
    if (key.startsWith("owned:")) snapshot.owned[key.slice("owned:".length)] = value;
    else snapshot.tables[key] = value;
  }
  return snapshot;
}

/** Names of the tables whose fingerprint differs, minus `ignore`. */
export function changedTables(
  before: Record<string, string>,
  after: Record<string, string>,
  ignore: readonly string[] = [],
): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => !ignore.includes(name) && before[name] !== after[name]).sort();
}
