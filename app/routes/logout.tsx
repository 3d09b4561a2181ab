import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { destroySession } from "~/auth/session.server";
import { assertSameOrigin } from "~/utils/csrf.server";

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  return redirect("/login", { headers: { "Set-Cookie": await destroySession(request) } });
}

// A GET must not sign anyone out (links can be prefetched or forged).
export function loader() {
  return redirect("/customers");
}
