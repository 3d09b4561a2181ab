// One serving process: the Express app of server/app.mjs around the built
// Remix app, listening on PORT. npm start runs one per core under
// server/cluster.mjs; alone (one process, `npm run dev`) it is the whole server.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { broadcastDevReady, installGlobals } from "@remix-run/node";
import { createApp } from "./app.mjs";
import { configOrExit } from "./cluster.mjs";

/**
 * @param {{ root: string, inCluster: boolean }} options root: the folder
 * holding build/ and public/; inCluster: a worker, whose primary prints the
 * listening line once for all of them.
 */
export async function serve({ root, inCluster }) {
  installGlobals({ nativeFetch: true });
  const build = await import(pathToFileURL(path.join(root, "build/index.js")).href);
  const { closeDatabase, env } = build.entry.module;
  // The app's own validated configuration (PORT, TRUST_PROXY, …): a bad value
  // stops the server here with a message naming it.
  const { port, trustProxy } = configOrExit(env);

  const app = createApp(build, { root, trustProxy, mode: process.env.NODE_ENV });

  const server = app.listen(port, () => {
    if (inCluster) return;
    console.log(`Customers listening on http://localhost:${port}`);
    // Under `remix dev` (which sets the origin), tell it the new build is being served.
    if (process.env.REMIX_DEV_ORIGIN) broadcastDevReady(build);
  });

  // Stops taking connections (a worker's close() also takes it out of the
  // primary's rotation), finishes open requests, closes the database pool.
  let stopping = false;
  async function stop(signal) {
    if (stopping) return;
    stopping = true;
    console.log(`${inCluster ? `Worker ${process.pid}: ` : ""}${signal}: finishing open requests, then closing the database.`);
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
}
