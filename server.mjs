// The app's HTTP server (`npm start`, and `npm run dev` through `remix dev -c`):
// the Express app of server/app.mjs around the built Remix app, listening on PORT.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { broadcastDevReady, installGlobals } from "@remix-run/node";
import { createApp } from "./server/app.mjs";

installGlobals({ nativeFetch: true });
process.env.NODE_ENV ??= "production";

const root = path.dirname(fileURLToPath(import.meta.url));
const build = await import(pathToFileURL(path.join(root, "build/index.js")).href);
const { closeDatabase, env } = build.entry.module;
// The app's own validated configuration (PORT, TRUST_PROXY, …): a bad value
// stops the server here with a message naming it.
let config;
try {
  config = env();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const { port, trustProxy } = config;

const app = createApp(build, { root, trustProxy, mode: process.env.NODE_ENV });

const server = app.listen(port, () => {
  console.log(`Customers listening on http://localhost:${port}`);
  // Under `remix dev` (which sets the origin), tell it the new build is being served.
  if (process.env.REMIX_DEV_ORIGIN) broadcastDevReady(build);
});

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing open requests, then closing the database.`);
  server.close(async () => {
    await closeDatabase();
    process.exit(0);
  });
  // Keep-alive connections would hold close() open; don't wait for ever.
  setTimeout(() => process.exit(0), 10_000).unref();
  server.closeIdleConnections?.();
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
