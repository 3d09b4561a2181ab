import { request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { UNSAFE_flatRoutes as flatRoutes } from "@remix-run/dev";
import type { ServerBuild } from "@remix-run/node";
import { createApp } from "../../server/app.mjs";
import remixConfig from "../../remix.config.js";
import { insertCustomer } from "../../prisma/factories";
import { signedUpUser } from "../auth-helpers";
import { ownerPrisma } from "../setup/owner";

/**
 * The real HTTP server (server/app.mjs: Express, the request scope, Remix) on
 * a free port, serving the app's route modules straight from the sources —
 * the same modules, and so the same database, as the rest of the test file.
 * For what only shows through a socket: the edge before Remix, streamed
 * bodies, methods a Fetch Request cannot carry, what the server logs.
 */

const root = path.resolve(import.meta.dirname, "../..");
const appDirectory = path.join(root, "app");

let sourceBuildPromise: Promise<ServerBuild> | undefined;

async function buildFromSources(): Promise<ServerBuild> {
  const manifest = {
    root: { id: "root", file: "root.tsx", path: "" },
    ...flatRoutes(appDirectory, remixConfig.ignoredRouteFiles),
  } as Record<string, { id: string; file: string; path?: string; index?: boolean; caseSensitive?: boolean; parentId?: string }>;
  const routes: ServerBuild["routes"] = {};
  const assetRoutes: ServerBuild["assets"]["routes"] = {};
  for (const route of Object.values(manifest)) {
    const module = await import(/* @vite-ignore */ path.join(appDirectory, route.file));
    const { id, parentId, path: routePath, index, caseSensitive } = route;
    routes[id] = { id, parentId, path: routePath, index, caseSensitive, module };
    assetRoutes[id] = {
      id,
      parentId,
      path: routePath,
      index,
      caseSensitive,
      module: `/build/${id}.js`,
      imports: [],
      hasAction: "action" in module,
      hasLoader: "loader" in module,
      hasClientAction: false,
      hasClientLoader: false,
      hasErrorBoundary: "ErrorBoundary" in module,
    };
  }
  return {
    mode: "production",
    entry: { module: await import("~/entry.server") },
    routes,
    assets: { version: "test", url: "/build/manifest-test.js", entry: { module: "/build/entry.client.js", imports: [] }, routes: assetRoutes },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: {
      v3_fetcherPersist: false,
      v3_relativeSplatPath: false,
      v3_throwAbortReason: false,
      v3_routeConfig: false,
      v3_singleFetch: false,
      v3_lazyRouteDiscovery: false,
      unstable_optimizeDeps: false,
      ...remixConfig.future,
    },
    isSpaMode: false,
  } as ServerBuild;
}

/** The app's routes and entry, as a Remix ServerBuild made from the sources. */
export function sourceBuild(): Promise<ServerBuild> {
  sourceBuildPromise ??= buildFromSources();
  return sourceBuildPromise;
}

export interface AppServer {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the app's HTTP server on a free port; close() it in afterAll. */
export async function startAppServer(options: { trustProxy?: boolean } = {}): Promise<AppServer> {
  const app = createApp(await sourceBuild(), { root, trustProxy: options.trustProxy ?? false, mode: "production" });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * One request through node:http, for what fetch will not send: any method
 * (TRACE), any request target (`//evil.example/x`, `%ZZ`), any Host header.
 */
export function sendRaw(
  server: AppServer,
  { method = "GET", path: target, headers = {}, body }: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    // Framed by its length: node:http sends a DELETE's or OPTIONS' body unframed otherwise.
    const framing: Record<string, string> = body === undefined ? {} : { "Content-Length": String(Buffer.byteLength(body)) };
    const request = httpRequest({ host: "127.0.0.1", port: server.port, method, path: target, headers: { ...framing, ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}

/**
 * The real server and a signed-up user with one live customer: what the tests
 * that go through a socket arrange first. Close the server after the suite.
 */
export async function serverWithCustomer(customerName: string) {
  const server = await startAppServer();
  const user = await signedUpUser();
  const customer = await insertCustomer(ownerPrisma(), user.id, { name: customerName, status: "lead" });
  return { server, cookie: user.cookie, userId: user.id, customerId: customer.id };
}
