// The app's HTTP server (`npm start`, and `npm run dev` through `remix dev -c`).
// WEB_CONCURRENCY processes serve (default: one per core): a primary forks the
// workers (server/cluster.mjs), each of which serves the app (server/serve.mjs).
// With one, there is no primary: this process serves, as under `remix dev`.
import cluster from "node:cluster";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { configOrExit, processCountHere, runPrimary } from "./server/cluster.mjs";

process.env.NODE_ENV ??= "production";
const root = path.dirname(fileURLToPath(import.meta.url));

if (cluster.isPrimary) {
  const plan = configOrExit(processCountHere);
  if (plan.note) console.log(plan.note);
  // The primary never loads the app (not even Express): it stays small, and
  // forks at once.
  if (plan.count > 1) runPrimary({ count: plan.count });
  else await (await import("./server/serve.mjs")).serve({ root, inCluster: false });
} else {
  await (await import("./server/serve.mjs")).serve({ root, inCluster: true });
}
