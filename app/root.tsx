import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { getSessionUser } from "~/auth/session.server";
import { AppShell } from "~/components/AppShell";
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

function ErrorPage({ title, message }: { title: string; message: string }) {
  return (
    <div className="mx-auto max-w-lg space-y-4 py-16 text-center">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="text-slate-600">{message}</p>
      <Link to="/customers" className="inline-block font-medium text-indigo-700 underline">
        Back to customers
      </Link>
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  let page: ReactNode;
  if (isRouteErrorResponse(error) && error.status === 404) {
    page = <ErrorPage title="Page not found" message="We could not find the page you were looking for." />;
  } else if (isRouteErrorResponse(error)) {
    page = <ErrorPage title={`${error.status} ${error.statusText}`} message="The request could not be completed." />;
  } else {
    page = <ErrorPage title="Something went wrong" message="An unexpected error occurred. Please try again." />;
  }
  return data?.user ? <AppShell user={data.user}>{page}</AppShell> : page;
}
