import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import type { EntryContext, HandleDataRequestFunction, HandleErrorFunction } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/utils/nonce";
import { applySecurityHeaders, contentSecurityPolicy } from "~/utils/security-headers.server";

const ABORT_DELAY = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  const nonce = randomBytes(16).toString("base64");
  // The whole document in one buffer, sent at once. No route defers data, so
  // streaming would show nothing sooner; it only cost a pass of each of
  // React's small chunks through a Node stream, a web stream and back, which
  // measured as a share of the server's CPU per page. A route that starts
  // deferring data (defer + <Await>) would want the stream back, for browsers.
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const chunks: Buffer[] = [];
    const document = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
      final(done) {
        clearTimeout(abortTimer);
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        responseHeaders.set(
          "Content-Security-Policy",
          contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" }),
        );
        applySecurityHeaders(responseHeaders);
        resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status: responseStatusCode }));
        done();
      },
    });
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          pipe(document);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    const abortTimer = setTimeout(abort, ABORT_DELAY);
  });
}

// Loader and action data (client navigations, fetchers, the JSON API) too.
export const handleDataRequest: HandleDataRequestFunction = (response) => {
  applySecurityHeaders(response.headers);
  return response;
};

/**
 * What Remix reports as an error. A 4xx it answered itself (a `?_data=` for a
 * route that is not on the page, a POST to a route without an action) is the
 * client's mistake, already answered: not logged, and certainly not with a
 * stack trace. Neither is a request the client abandoned. Anything else is a
 * bug of ours, logged whole.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  console.error(error);
};

// The server (server/app.mjs, server.mjs) hands every request to the app's
// edge (which runs it in the app's database scope), closes the database on
// shutdown and reads the validated configuration: all must be the build's
// own instances.
export { createEdge } from "~/http/edge.server";
export { closeDatabase } from "~/db/db.server";
export { env } from "~/utils/env.server";
