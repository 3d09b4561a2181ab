import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { processCount } from "../../server/cluster.mjs";

// How many processes `npm start` runs (server/cluster.mjs). The cluster itself,
// which needs the build and PostgreSQL, is tested in tests/server/cluster.test.ts.

const PG = "postgresql://postgres@127.0.0.1:5432/customers";

it("defaults to one process per core and takes WEB_CONCURRENCY when it is a whole number", () => {
  expect(processCount({ DATABASE_URL: PG }, 4)).toEqual({ count: 4, note: null });
  expect(processCount({ DATABASE_URL: PG, WEB_CONCURRENCY: "" }, 2)).toEqual({ count: 2, note: null });
  expect(processCount({ DATABASE_URL: PG, WEB_CONCURRENCY: " 3 " }, 2)).toEqual({ count: 3, note: null });
  expect(processCount({ DATABASE_URL: PG, WEB_CONCURRENCY: "1" }, 8)).toEqual({ count: 1, note: null });
  // A machine with more cores than the cap still starts a sane number.
  expect(processCount({ DATABASE_URL: PG }, 200)).toEqual({ count: 64, note: null });
});

it.each(["0", "-2", "1.5", "two", "1e2", "65", "0x10"])("refuses WEB_CONCURRENCY=%s with a message naming it", (value) => {
  expect(() => processCount({ DATABASE_URL: PG, WEB_CONCURRENCY: value }, 2)).toThrow(
    `WEB_CONCURRENCY must be a whole number from 1 to 64 (got "${value}")`,
  );
});

it("runs one process on the embedded database, and says why", () => {
  const plan = processCount({ WEB_CONCURRENCY: "4" }, 2);
  expect(plan.count).toBe(1);
  expect(plan.note).toMatch(/one process, not 4: the embedded database \(PGlite, no DATABASE_URL\)/);
  // An empty DATABASE_URL is no database URL (as in app/utils/env.server.ts).
  expect(processCount({ DATABASE_URL: " " }, 2).count).toBe(1);
  // Asked for one: nothing to explain.
  expect(processCount({ WEB_CONCURRENCY: "1" }, 2)).toEqual({ count: 1, note: null });
});

it("runs one process under remix dev, which restarts the process it started on each build", () => {
  expect(processCount({ DATABASE_URL: PG, REMIX_DEV_ORIGIN: "http://localhost:3001" }, 2)).toEqual({ count: 1, note: null });
  expect(processCount({ DATABASE_URL: PG, REMIX_DEV_ORIGIN: "http://localhost:3001", WEB_CONCURRENCY: "2" }, 2).note).toMatch(
    /WEB_CONCURRENCY=2 ignored under remix dev/,
  );
});

it("npm start stops at once on a bad WEB_CONCURRENCY, before loading the app", async () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const run = promisify(execFile)(process.execPath, ["server.mjs"], {
    cwd: root,
    env: { ...process.env, WEB_CONCURRENCY: "many", DATABASE_URL: PG, REMIX_DEV_ORIGIN: "" },
    timeout: 15_000,
  });
  await expect(run).rejects.toMatchObject({
    code: 1,
    stderr: expect.stringContaining('WEB_CONCURRENCY must be a whole number from 1 to 64 (got "many")'),
  });
});
