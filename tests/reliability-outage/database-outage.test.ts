import { databaseFromUrl, type Database } from "~/db/connection.server";
import { getDatabase, setDatabase } from "~/db/db.server";
import { migrate } from "~/db/migrate.server";
import * as apiListRoute from "~/routes/api.customers";
import * as listRoute from "~/routes/customers._index";
import * as layoutRoute from "~/routes/customers";
import { signUp } from "../auth-helpers";
import { call, get, postForm } from "../http";
import { postgresBinaries, ThrowawayPostgres } from "../support/throwaway-postgres";

/**
 * The database goes away under a running app and comes back. Against a
 * PostgreSQL server this test starts and stops itself, whichever engine the
 * rest of the suite uses. Without PostgreSQL's server binaries on the machine
 * it cannot run; CI sets REQUIRE_POSTGRES_BINARIES so that it never silently
 * does not.
 */
const available = postgresBinaries() !== null;
if (!available && process.env.REQUIRE_POSTGRES_BINARIES) {
  throw new Error("REQUIRE_POSTGRES_BINARIES is set but no PostgreSQL server binaries were found");
}

describe.skipIf(!available)("when the database goes away", () => {
  let server: ThrowawayPostgres;
  let database: Database;
  let suiteDatabase: Database;
  let cookie: string;
  const unhandled: unknown[] = [];
  const onUnhandled = (error: unknown) => unhandled.push(error);

  beforeAll(async () => {
    process.on("uncaughtException", onUnhandled);
    process.on("unhandledRejection", onUnhandled);
    server = await ThrowawayPostgres.create();
    database = databaseFromUrl(server.url, { poolSize: 3 });
    await migrate(database);
    suiteDatabase = getDatabase();
    setDatabase(database);
    ({ cookie } = await signUp());
    // Warm the pool so that idle connections exist to be cut when it stops.
    expect((await call(listRoute.loader, get("/customers", { cookie }))).status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    process.off("uncaughtException", onUnhandled);
    process.off("unhandledRejection", onUnhandled);
    setDatabase(suiteDatabase);
    await database?.close().catch(() => undefined);
    await server?.destroy();
  });

  it("answers 503 (a friendly page, JSON for the API), stays up, and recovers by itself", async () => {
    await server.stop();

    const page = await call(listRoute.loader, get("/customers", { cookie }));
    expect(page.status).toBe(503);
    expect(page.headers.get("Content-Type")).toMatch(/text\/html/);
    expect(page.headers.get("Retry-After")).toBe("5");
    expect(await page.text()).toMatch(/briefly unavailable/i);

    const api = await call(apiListRoute.loader, get("/api/customers", { cookie }));
    expect(api.status).toBe(503);
    expect(await api.json()).toEqual({ error: "service_unavailable" });

    const write = await call(layoutRoute.action, postForm("/customers", { intent: "create", name: "Lost in the outage" }, { cookie }));
    expect(write.status).toBe(503);

    // Idle connections that died with the server must not have crashed anything.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(unhandled).toEqual([]);

    await server.start();
    let recovered: Response | undefined;
    for (let attempt = 0; attempt < 20; attempt += 1) {
      recovered = await call(apiListRoute.loader, get("/api/customers", { cookie }));
      if (recovered.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(recovered?.status).toBe(200);
    const body = (await recovered!.json()) as { customers: Array<{ name: string }> };
    // The write refused during the outage did not half-happen.
    expect(body.customers.map((customer) => customer.name)).not.toContain("Lost in the outage");

    const created = await call(layoutRoute.action, postForm("/customers", { intent: "create", name: "After the outage" }, { cookie }));
    expect(created.status).toBe(302);
    expect(unhandled).toEqual([]);
  }, 120_000);
});
