// The Express app around Remix, without listening: server.mjs serves it, and
// the tests start it on a build made from the sources (tests/support/app-server.ts).
// remix-serve cannot do two things the app needs: tell actions the client's
// address (per-IP login throttling) and run each request inside one database
// transaction that is committed before the response leaves.
import path from "node:path";
import { createRequestHandler } from "@remix-run/node";
import compression from "compression";
import express from "express";

/** Node's request headers as Fetch API Headers. */
function headersOf(req) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

/**
 * The request body as a web stream that reads from the socket only when read.
 * Unlike @remix-run/node's, cancelling it does not destroy the socket: the
 * edge stops reading a form that passes the limit and must still answer 413.
 */
function bodyStream(req) {
  let finished = false;
  const onData = (chunk) => {
    controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if (controller.desiredSize <= 0) req.pause();
  };
  const onEnd = () => {
    if (finished) return;
    finished = true;
    detach();
    controller.close();
  };
  const onClose = () => {
    if (finished) return;
    finished = true;
    detach();
    controller.error(new Error("The client stopped sending the request body"));
  };
  const detach = () => {
    req.off("data", onData);
    req.off("end", onEnd);
    req.off("close", onClose);
  };
  let controller;
  return new ReadableStream(
    {
      start(streamController) {
        controller = streamController;
        req.pause();
        req.on("data", onData);
        req.on("end", onEnd);
        // "close" without "end": the client went away mid-body.
        req.on("close", onClose);
      },
      pull() {
        req.resume();
      },
      cancel() {
        finished = true;
        detach();
        req.pause();
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
}

/** The request as the app's edge (app/http/edge.server.ts) takes it. */
function incomingRequest(req, res) {
  // Aborts loaders and actions when the client goes away before the answer.
  const controller = new AbortController();
  res.on("close", () => controller.abort());
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return {
    method: req.method,
    protocol: req.protocol,
    host: req.get("host"),
    target: req.originalUrl,
    headers: headersOf(req),
    body: hasBody ? bodyStream(req) : null,
    signal: controller.signal,
  };
}

/**
 * The answer is ready but the client is still sending a body nobody will read
 * (a form over the limit, a body the route had no use for): close the
 * connection after the answer instead of reading the rest to reuse it.
 * Closing a socket with unread data resets it, which can destroy the answer
 * before the client reads it; so the server stops sending, then discards what
 * still arrives for a moment, then closes.
 */
const LINGER_MS = 2_000;
function closeAfterAnswer(req, res) {
  res.setHeader("Connection", "close");
  const socket = req.socket;
  socket.destroySoon = function lingeringClose() {
    if (this.writable) this.end();
    req.resume();
    setTimeout(() => this.destroy(), LINGER_MS).unref();
  };
}

async function send(res, response) {
  if (!res.req.complete) closeAfterAnswer(res.req, res);
  res.statusMessage = response.statusText;
  res.status(response.status);
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader("Set-Cookie", cookies);
  if (response.body && res.req.method !== "HEAD") {
    // Nothing is deferred, so a page is complete once rendered; sent whole it
    // is compressed and written once, not flushed chunk by chunk.
    res.end(Buffer.from(await response.arrayBuffer()));
  } else {
    res.end();
  }
}

/**
 * gzip where it pays (docs/decisions/0021-processes-per-core.md; CPU time by
 * process.cpuUsage on this 2-core machine, median of 40 rounds):
 * - Level 3, not zlib's default 6. The 84 KB list page: level 1 10,551 B in
 *   0.21 ms, level 3 10,066 B in 0.22 ms, level 4 9,590 B in 0.44 ms, level 6
 *   9,020 B in 0.61 ms (levels 4+ switch to lazy matching). All fit in one
 *   initial congestion window (~14.6 KB), so level 6's 1 KB buys no round
 *   trip and costs ~0.4 ms of a request's few ms.
 * - Above 2 KB, not the library's 1 KB. A gzip stream costs ~0.4 ms of CPU
 *   whatever the size (zlib's state, the thread-pool hop), and HTML and JSON
 *   shrink by about two thirds (7 KB login page → 2.3 KB, 2 KB of JSON → 0.7
 *   KB): under ~2 KB the saving is less than one TCP segment (1,460 B), so
 *   not a packet fewer.
 */
const COMPRESSION = { level: 3, threshold: 2048 };

/**
 * @param build the Remix server build (build/index.js, or the sources' in tests)
 * @param options.root the folder holding public/ (and the build's assets)
 * @param options.trustProxy behind one reverse proxy, read the client from X-Forwarded-For
 */
export function createApp(build, { root, trustProxy = false, mode = build.mode }) {
  const handleAtEdge = build.entry.module.createEdge(build.routes);
  const handleRemix = createRequestHandler(build, mode);

  const app = express();
  app.disable("x-powered-by");
  // Behind one reverse proxy you trust, its X-Forwarded-For says who the client is.
  app.set("trust proxy", trustProxy ? 1 : false);
  app.use(compression(COMPRESSION));
  const staticHeaders = { setHeaders: (res) => res.setHeader("X-Content-Type-Options", "nosniff") };
  // Fingerprinted assets never change; everything else in public/ may.
  app.use(
    build.publicPath,
    express.static(path.resolve(root, build.assetsBuildDirectory), { immutable: true, maxAge: "1y", ...staticHeaders }),
  );
  // Only paths that look like files: no disk lookup for every page request.
  const publicFiles = express.static(path.join(root, "public"), { maxAge: "1h", ...staticHeaders });
  app.use((req, res, next) => (path.extname(req.path) ? publicFiles(req, res, next) : next()));

  // Every other request, whatever its method or path: through the app's edge to Remix.
  app.use(async (req, res) => {
    try {
      const context = { clientIp: req.ip ?? req.socket.remoteAddress ?? null };
      const response = await handleAtEdge(incomingRequest(req, res), (request) => handleRemix(request, context));
      await send(res, response);
    } catch (error) {
      // A client that went away mid-answer is not a bug of ours; anything else is.
      if (!res.destroyed) console.error(error);
      if (!res.headersSent) res.status(500).type("text/plain").send("Internal Server Error");
      else res.end();
    }
  });

  // What a middleware above passes on as an error (express.static on a path
  // it cannot read, say): a client's mistake is answered, not logged.
  app.use((error, req, res, _next) => {
    const status = Number(error?.status ?? error?.statusCode ?? 500);
    const clientError = status >= 400 && status < 500;
    if (!clientError) console.error(error);
    if (res.headersSent) return void res.end();
    res.status(clientError ? status : 500).type("text/plain").send(clientError ? "Bad Request" : "Internal Server Error");
  });
  return app;
}
