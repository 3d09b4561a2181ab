import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { getSessionUser } from "~/auth/session.server";
import { AppShell } from "~/components/AppShell";
import { RouteErrorBoundary } from "~/components/ErrorBoundary";
import { ToastRegion } from "~/components/ToastRegion";
import stylesheet from "~/tailwind.css";
import { useNonce } from "~/utils/nonce";
import { readToast } from "~/utils/toast.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Customers" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  const { toast, setCookie } = await readToast(request);
  return json(
    { user: user ? { email: user.email, name: user.name } : null, toast },
    setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined,
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en" className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="h-full bg-slate-50 font-sans text-slate-900 antialiased">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { user, toast } = useLoaderData<typeof loader>();
  return (
    <>
      <ToastRegion toast={toast} />
      {user ? (
        <AppShell user={user}>
          <Outlet />
        </AppShell>
      ) : (
        <Outlet />
      )}
    </>
  );
}

export function ErrorBoundary() {
  const data = useRouteLoaderData<typeof loader>("root");
  const page = <RouteErrorBoundary />;
  return data?.user ? <AppShell user={data.user}>{page}</AppShell> : page;
}
