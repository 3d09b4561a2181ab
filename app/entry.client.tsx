import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { holdWhenUnreachable } from "~/utils/unreachable-server";

// Remix's own entry, plus one thing: before Remix makes its first request, a
// request it cannot get to the server is held for a retry instead of
// replacing the page with an error (app/utils/unreachable-server.ts).
window.fetch = holdWhenUnreachable(window.fetch.bind(window), {
  origin: window.location.origin,
  loadModule: (url) => import(/* webpackIgnore: true */ url),
});

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});
