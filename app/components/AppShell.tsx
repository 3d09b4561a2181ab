import { Form, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import { Icon } from "./icons/Icon";

const navItems = [
  { icon: "users", label: "Customers", href: "/customers" },
  { icon: "file-text", label: "Agreements", href: "/agreements" },
  { icon: "receipt", label: "Receivables", href: "/receivables" },
  { icon: "user-cog", label: "Account", href: "/account" },
] as const;

function navLinkClass({ isActive }: { isActive: boolean }) {
  return [
    "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium",
    isActive ? "bg-indigo-50 text-indigo-700" : "text-slate-700 hover:bg-slate-100",
  ].join(" ");
}

function NavItems() {
  return (
    <ul className="space-y-1">
      {navItems.map(({ icon, label, href }) => (
        <li key={href}>
          <NavLink to={href} className={navLinkClass} prefetch="intent">
            <Icon name={icon} className="h-4 w-4" />
            {label}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

function SignOut({ email }: { email: string }) {
  return (
    <Form method="post" action="/logout" className="space-y-2">
      <p className="truncate text-xs text-slate-500" title={email}>
        {email}
      </p>
      <button
        type="submit"
        className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100"
      >
        <Icon name="log-out" className="h-4 w-4" />
        Log out
      </button>
    </Form>
  );
}

/** Signed-in layout: a sidebar on wide screens, a disclosure menu on narrow ones (no JS needed). */
export function AppShell({ user, children }: { user: { email: string }; children: ReactNode }) {
  return (
    <div className="min-h-screen bg-slate-50 md:flex">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <aside className="hidden w-60 shrink-0 flex-col justify-between border-r border-slate-200 bg-white p-4 md:flex">
        <div className="space-y-6">
          <p className="px-3 text-lg font-bold text-slate-900">Customers</p>
          <nav aria-label="Main">
            <NavItems />
          </nav>
        </div>
        <SignOut email={user.email} />
      </aside>
      <header className="border-b border-slate-200 bg-white md:hidden">
        <details className="group">
          <summary className="flex cursor-pointer list-none items-center justify-between px-4 py-3 [&::-webkit-details-marker]:hidden">
            <span className="text-lg font-bold text-slate-900">Customers</span>
            <span className="inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm">
              <Icon name="menu" className="h-4 w-4" />
              Menu
            </span>
          </summary>
          <div className="space-y-4 border-t border-slate-200 px-4 py-3">
            <nav aria-label="Mobile">
              <NavItems />
            </nav>
            <SignOut email={user.email} />
          </div>
        </details>
      </header>
      <main id="main" className="min-w-0 flex-1 p-4 md:p-8">
        {children}
      </main>
    </div>
  );
}
