/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

// A module (not a global script), so that this augments Remix instead of replacing it.
export {};

declare module "@remix-run/server-runtime" {
  /** What the server (server.mjs) tells every loader and action. */
  interface AppLoadContext {
    /** The client's address as the server sees it (the proxy's, unless TRUST_PROXY is set). */
    clientIp?: string | null;
  }
}
