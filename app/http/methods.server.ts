import type { ServerBuild } from "@remix-run/node";
import { matchRoutes } from "@remix-run/react";

/**
 * Which HTTP methods a URL serves, read from the app's own routes, so that the
 * edge can answer 405 (with an honest Allow header) before Remix runs a
 * loader or an action for a method that route never meant to serve: Remix
 * hands OPTIONS (and any other method) to the loader, and PUT, PATCH and
 * DELETE to a page's action as if they were POST.
 *
 * - A page serves GET (and HEAD), and POST when the route its forms post to
 *   (Remix's action target) has an action. Browsers send nothing else.
 * - A resource route (the JSON API) serves what it declares in
 *   `ALLOWED_METHODS`; without one, GET for a loader and every mutation
 *   method for an action.
 *
 * HEAD is served wherever GET is; like the API's own 405s, Allow lists GET only.
 */

type Routes = ServerBuild["routes"];
type ServerRoute = Routes[string];

type RouteNode = Parameters<typeof matchRoutes>[0][number];

const MUTATIONS = ["POST", "PUT", "PATCH", "DELETE"] as const;

function tree(routes: Routes, parentId?: string): RouteNode[] {
  return Object.values(routes)
    .filter((route): route is ServerRoute => route !== undefined && route.parentId === parentId)
    .map((route): RouteNode => {
      const { id, path, caseSensitive } = route;
      if (route.index) return { id, path, caseSensitive, index: true };
      const children = tree(routes, id);
      return { id, path, caseSensitive, ...(children.length > 0 ? { children } : {}) };
    });
}

function isResourceRoute(route: ServerRoute): boolean {
  return route.module.default == null && route.module.ErrorBoundary == null;
}

function declaredMethods(route: ServerRoute): string[] | null {
  const declared: unknown = (route.module as unknown as Record<string, unknown>).ALLOWED_METHODS;
  return Array.isArray(declared) ? declared.map(String) : null;
}

/** The route a page's POST runs the action of, as Remix picks it. */
function actionTarget(matched: ServerRoute[], url: URL): ServerRoute {
  const data = url.searchParams.get("_data");
  const byId = data === null ? undefined : matched.find((route) => route.id === data);
  if (byId) return byId;
  const leaf = matched[matched.length - 1]!;
  if (leaf.index && url.searchParams.getAll("index").some((value) => value === "")) return leaf;
  // The deepest route that adds to the path (index routes and pathless layouts do not).
  const contributing = matched.filter((route, position) => position === 0 || (route.path !== undefined && route.path.length > 0));
  return contributing[contributing.length - 1]!;
}

/** `allowedMethods(url)`: the methods the URL serves, or null when no route matches it (Remix answers 404). */
export function methodRules(routes: Routes) {
  const nodes = tree(routes);
  return function allowedMethods(url: URL): string[] | null {
    const matches = matchRoutes(nodes, url.pathname);
    if (!matches || matches.length === 0) return null;
    const matched = matches.map((match) => routes[match.route.id!]!);
    const leaf = matched[matched.length - 1]!;
    if (isResourceRoute(leaf)) {
      return declaredMethods(leaf) ?? [...(leaf.module.loader ? ["GET"] : []), ...(leaf.module.action ? MUTATIONS : [])];
    }
    return actionTarget(matched, url).module.action ? ["GET", "POST"] : ["GET"];
  };
}

/** Whether `method` is one of `allowed` (HEAD goes with GET). */
export function isAllowed(method: string, allowed: readonly string[]): boolean {
  return allowed.includes(method) || (method === "HEAD" && allowed.includes("GET"));
}
