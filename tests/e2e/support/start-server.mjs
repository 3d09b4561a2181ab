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
const dataDir = path.join(tempRoot, "pglite");

let cleaned = false;
function cleanUp() {
  if (cleaned) return;
  cleaned = true;
  rmSync(tempRoot, { recursive: true, force: true });
}

const child = spawn("npm", ["start"], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    PGLITE_DATA_DIR: dataDir,
    // A new random secret per run: no cookie from an earlier run is valid.
    SESSION_SECRET: randomBytes(32).toString("hex"),
    PORT: process.env.E2E_PORT ?? "3210",
    // The embedded database, never a server someone configured in their shell.
    DATABASE_URL: "",
  },
});

// Pass a stop request on to the app, then remove the database once it exits.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}

child.on("exit", (code, signal) => {
  cleanUp();
  process.exit(code ?? (signal ? 1 : 0));
});
