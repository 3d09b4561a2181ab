import { Prisma } from "~/generated/prisma/client";

/**
 * Pieces for a page whose data comes back in one statement: each list or row
 * a page needs becomes one JSON column of a single row, so the page costs one
 * round trip however many parts it has. Money stays exact because the
 * queries wrapped here already select it as text (a NUMERIC would become a
 * JSON number); timestamps come back as ISO 8601 strings (see Jsonified).
 */

/**
 * The rows of `query` as one JSON array (a scalar subquery), in the query's
 * ORDER BY: an aggregate over a sorted subquery, with nothing joined above
 * it, takes the rows in that order (the PostgreSQL manual's idiom).
 */
export function jsonRowsSql(query: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT coalesce(json_agg(j), '[]'::json) FROM (${query}) j)`;
}

/** The one row of `query` as a JSON object (a scalar subquery); null when it has none. */
export function jsonRowSql(query: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT row_to_json(j) FROM (${query}) j)`;
}

/** A row as it comes back through JSON: its timestamps are ISO 8601 strings, not Dates. */
export type Jsonified<Row> = {
  [Key in keyof Row]: Row[Key] extends Date ? string : Row[Key] extends Date | null ? string | null : Row[Key];
};

/** A timestamp that came back through JSON, as the Date a column would have been. */
export function dateFromJson(value: string | null): Date | null {
  return value === null ? null : new Date(value);
}
