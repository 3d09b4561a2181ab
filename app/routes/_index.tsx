import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getUserId } from "~/auth/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return redirect((await getUserId(request)) ? "/customers" : "/login");
}
