import { createServer } from "node:http";
import pg from "pg";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
// The card's <Link> needs a router around it; on the server it renders a plain <a>.
import { StaticRouter } from "react-router-dom/server";
import { CustomerCard, type CustomerCardData } from "../app/customers/components/CustomerCard";
import { listPageQuery } from "./list-query";
import type { CustomerListItem } from "../app/customers/list.server";

/**
 * The floor the app is measured against: node:http, one raw `pg` query (the
 * app's list query, first page, default sort) and the app's own CustomerCard
 * rendered with renderToString. No session, no counts, no layout, no Remix.
 * Run as a child process by the bench: PORT, DATABASE_URL, BENCH_USER_ID.
 */

/** What the card needs of a list row: the app's own list item. */
type ListRow = Omit<CustomerListItem, "createdAt">;

const { PORT, DATABASE_URL, BENCH_USER_ID } = process.env;
if (!PORT || !DATABASE_URL || !BENCH_USER_ID) throw new Error("baseline needs PORT, DATABASE_URL and BENCH_USER_ID");
const userId = BENCH_USER_ID;

// The app's pool size (app/db/connection.server.ts).
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 10 });

function toCard(row: ListRow): CustomerCardData {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    vertical: row.vertical,
    productName: row.productName,
    teamSize: row.teamSize,
    lastInteractionAt: row.lastInteractionAt?.toISOString() ?? null,
    expiringSoon: row.expiringSoon,
    updatedAt: row.updatedAt?.toISOString() ?? null,
  };
}

function renderPage(rows: ListRow[]): string {
  const now = new Date();
  const list = createElement(
    "ul",
    { className: "space-y-3" },
    rows.map((row) => createElement("li", { key: row.id }, createElement(CustomerCard, { customer: toCard(row), now, timeZone: "UTC" }))),
  );
  const body = renderToString(createElement(StaticRouter, { location: "/customers" }, list));
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Customers</title></head><body>${body}</body></html>`;
}

const server = createServer((_request, response) => {
  let roundTrips = 0;
  const query = listPageQuery(userId, {});
  roundTrips += 1;
  pool
    .query<ListRow>(query.text, query.values)
    .then(({ rows }) => {
      const html = renderPage(rows.slice(0, 25));
      response.writeHead(200, {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Length": Buffer.byteLength(html),
        "X-Sql-Round-Trips": String(roundTrips),
      });
      response.end(html);
    })
    .catch((error: unknown) => {
      console.error(error);
      response.writeHead(500).end("baseline query failed");
    });
});

server.listen(Number(PORT), "127.0.0.1", () => console.log(`baseline listening on ${PORT}`));
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    server.close();
    void pool.end().finally(() => process.exit(0));
  });
}
