// Starts the BUILT app for the end-to-end suite on a brand-new embedded
// database, so every run begins from the same state no matter what a previous
// run, `npm run dev` or another agent left in ./data. Playwright's `webServer`
// runs this file and stops it (SIGTERM, see playwright.config.ts) at the end.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

// Fail fast: serving a stale or missing build would test the wrong code, and
// building here would hide that CI forgot its build step.
if (!existsSync(path.join(root, "build", "index.js"))) {
  console.error("build/index.js is missing: run `npm run build` before `npm run test:e2e`.");
  process.exit(1);
}

// PGlite creates its data folder but not the folder's parent, so the parent is
// the fresh temp directory and the database lives in a child of it.
const tempRoot = mkdtempSync(path.join(tmpdir(), "customers-e2e-"));
const env = {
  ...process.env,
  NODE_ENV: "production",
  PGLITE_DATA_DIR: path.join(tempRoot, "pglite"),
  // A new random secret per run: no cookie from an earlier run is valid.
  SESSION_SECRET: randomBytes(32).toString("hex"),
  PORT: process.env.E2E_PORT ?? "3210",
  // The embedded database, never a server someone configured in their shell.
  DATABASE_URL: "",
};

// An app that exits mid-run is a failure to see, not to paper over: no restarts.
// (Raise this only to debug a flaky environment.)
const MAX_RESTARTS = 0;
let restarts = 0;
let stopping = false;
let child;

function start() {
  child = spawn("npm", ["start"], { cwd: root, stdio: "inherit", env });
  child.on("exit", (code, signal) => {
    if (!stopping && restarts < MAX_RESTARTS) {
      restarts += 1;
      console.error(`[e2e] the app exited unexpectedly (code ${code}, signal ${signal}); restart ${restarts}/${MAX_RESTARTS}`);
      start();
      return;
    }
    if (!stopping) console.error(`[e2e] the app exited unexpectedly (code ${code}, signal ${signal}); giving up`);
    rmSync(tempRoot, { recursive: true, force: true });
    process.exit(code ?? (signal && !stopping ? 1 : 0));
  });
}

// Pass a stop request on to the app; the exit handler removes the database.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}

start();
