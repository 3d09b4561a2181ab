import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

// End-to-end suite: the built app in a real Chromium, with and without
// JavaScript. `npm run build` first; the server below starts build/index.js on
// a fresh embedded database (tests/e2e/support/start-server.mjs).

const port = Number(process.env.E2E_PORT ?? 3210);
// localhost, not 127.0.0.1: the production session cookie is `Secure`, and
// Chromium accepts Secure cookies over plain http only for localhost.
const baseURL = `http://localhost:${port}`;

// Fail before Playwright starts anything: a missing build is a setup mistake,
// not a test failure, and building here would hide it.
if (!existsSync("build/index.js")) {
  throw new Error("build/index.js is missing: run `npm run build` before `npm run test:e2e`.");
}

// We never download Playwright's browsers; Debian's Chromium is used instead.
process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = "1";

const chromium = {
  browserName: "chromium" as const,
  launchOptions: {
    executablePath: process.env.E2E_CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-dev-shm-usage",
    ],
  },
};

export default defineConfig({
  testDir: "tests/e2e",
  // *.spec.ts, so Vitest (which collects *.test.ts) never picks these up.
  testMatch: "**/*.spec.ts",
  outputDir: "test-results",
  // The machine has two cores, shared with other test runs: more workers only
  // make every test slower and flakier.
  workers: 2,
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Generous, because the machine is shared; a real hang still fails.
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    ...chromium,
  },
  projects: [
    { name: "js", use: { javaScriptEnabled: true } },
    // Tests tagged @js-only observe what only running scripts can show.
    { name: "no-js", use: { javaScriptEnabled: false }, grepInvert: /@js-only/ },
  ],
  webServer: {
    command: "node tests/e2e/support/start-server.mjs",
    url: `${baseURL}/login`,
    // Always our own server on our own fresh database: if the port is taken,
    // fail loudly instead of testing whatever already listens there.
    reuseExistingServer: false,
    // Migrating a new PGlite database takes a few seconds on a busy machine.
    timeout: 120_000,
    // SIGTERM (not the default SIGKILL) so the starter can delete its
    // temporary database after the app stops.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "ignore",
    stderr: "pipe",
    env: { E2E_PORT: String(port) },
  },
});
