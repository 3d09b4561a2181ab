import type { FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { TextField } from "~/components/forms";
import { PASSWORD_MIN_LENGTH } from "./schemas";

/** The frame shared by the sign-in and sign-up pages. */
export function AuthCard({ title, footer, children }: { title: string; footer: ReactNode; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm space-y-6">
        <div className="text-center">
          <p className="text-sm font-semibold uppercase tracking-wide text-indigo-700">Customers</p>
          <h1 className="mt-2 text-2xl font-bold text-slate-900">{title}</h1>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">{children}</div>
        <p className="text-center text-sm text-slate-600">{footer}</p>
      </div>
    </main>
  );
}

/** A password being chosen (sign-up, password change): the browser may suggest one. */
export function NewPasswordField({ label, meta }: { label: string; meta: FieldMetadata<string> }) {
  return (
    <TextField
      label={label}
      meta={meta}
      type="password"
      hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
      inputProps={{ autoComplete: "new-password" }}
    />
  );
}
