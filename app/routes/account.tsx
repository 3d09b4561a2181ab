import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ChangePasswordSchema } from "~/auth/schemas";
import { createSession, destroyAllSessions, requireUser } from "~/auth/session.server";
import { clearLoginFailures, loginRetryAfter, recordLoginFailure, tooManyAttemptsMessage } from "~/auth/throttle.server";
import { changePassword } from "~/auth/users.server";
import { FieldErrors } from "~/components/Field";
import { NewPasswordField } from "~/auth/AuthForm";
import { TextField, useConformForm } from "~/components/forms";
import { StatusButton } from "~/components/StatusButton";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form.server";
import { useIsPending } from "~/utils/pending";
import { RouteErrorBoundary } from "~/components/ErrorBoundary";
import { SettingsForm } from "~/account/components/SettingsForm";
import { AccountSettingsSchema } from "~/account/schemas";
import { currencyChoices, timeZoneChoices, updateAccountSettings } from "~/account/settings.server";
import { unknownIntent } from "~/http/responses.server";

export const meta: MetaFunction = () => [{ title: "Account · Customers" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { name, email, settings } = await requireUser(request);
  return json({ name, email, settings, timeZones: timeZoneOptions(), currencies: currencyOptions() });
}

/** Option lists, labelled on the server so both renders agree whatever ICU the browser has. */
function timeZoneOptions() {
  return timeZoneChoices().map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }));
}

let currencyLabels: Array<{ value: string; label: string }> | undefined;
function currencyOptions() {
  if (!currencyLabels) {
    const names = new Intl.DisplayNames("en", { type: "currency" });
    currencyLabels = currencyChoices().map((code) => ({ value: code, label: `${code} — ${names.of(code) ?? code}` }));
  }
  return currencyLabels;
}

async function updateSettings(userId: string, formData: FormData) {
  const submission = parseWithZod(formData, { schema: AccountSettingsSchema });
  if (submission.status !== "success") {
    return json({ intent: "update-settings" as const, result: submission.reply() }, { status: 400 });
  }
  const outcome = await updateAccountSettings(userId, submission.value);
  if (!outcome.ok) {
    return json({ intent: "update-settings" as const, result: submission.reply({ fieldErrors: outcome.issues }) }, { status: 400 });
  }
  return redirectWithToast("/account", { kind: "success", message: "Settings saved." });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const userId = user.id;
  const formData = await readFormData(request);
  if (formData.get("intent") === "update-settings") return updateSettings(userId, formData);
  if (formData.get("intent") !== "change-password") return unknownIntent();
  const submission = parseWithZod(formData, { schema: ChangePasswordSchema });
  const hidden = { hideFields: ["currentPassword", "newPassword"] };
  if (submission.status !== "success") return json(submission.reply(hidden), { status: 400 });

  // The current password is a password guess like any login: same budget.
  const attempt = { email: user.email, ip: context.clientIp };
  const retryAfter = await loginRetryAfter(attempt);
  if (retryAfter > 0) {
    return json(submission.reply({ formErrors: [tooManyAttemptsMessage(retryAfter)], ...hidden }), {
      status: 429,
      headers: { "Retry-After": String(retryAfter) },
    });
  }
  const { currentPassword, newPassword } = submission.value;
  if (!(await changePassword(userId, currentPassword, newPassword))) {
    await recordLoginFailure(attempt);
    return json(submission.reply({ fieldErrors: { currentPassword: ["That is not your current password"] }, ...hidden }), {
      status: 400,
    });
  }
  await clearLoginFailures(attempt);
  // Whoever else held a session (a stolen cookie, a forgotten laptop) is out;
  // this browser gets a fresh one.
  await destroyAllSessions(userId);
  return redirectWithToast(
    "/account",
    { kind: "success", message: "Password changed. Every other session has been signed out." },
    { headers: { "Set-Cookie": await createSession(userId) } },
  );
}

export default function AccountPage() {
  const { name, email, settings, timeZones, currencies } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useConformForm(ChangePasswordSchema, {
    id: "change-password",
    lastResult: lastResult && "status" in lastResult ? lastResult : undefined,
  });
  const settingsResult = lastResult && "intent" in lastResult && lastResult.intent === "update-settings" ? lastResult.result : undefined;
  const submitting = useIsPending({ formAction: "/account" });
  return (
    <div className="max-w-lg space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Account</h1>
        <p className="text-sm text-slate-600 wrap-anywhere">
          Signed in as {name} ({email}).
        </p>
      </div>
      <section aria-labelledby="settings-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="settings-heading" className="text-lg font-semibold">
          Settings
        </h2>
        <SettingsForm settings={settings} timeZones={timeZones} currencies={currencies} lastResult={settingsResult} />
      </section>
      <section aria-labelledby="password-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <div>
          <h2 id="password-heading" className="text-lg font-semibold">
            Change password
          </h2>
          <p className="text-sm text-slate-600">Changing it signs out every other session.</p>
        </div>
        <Form method="post" className="space-y-4" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="change-password" />
          <FieldErrors id={form.errorId} errors={form.errors} />
          <TextField
            label="Current password"
            meta={fields.currentPassword}
            type="password"
            inputProps={{ autoComplete: "current-password" }}
          />
          <NewPasswordField label="New password" meta={fields.newPassword} />
          <StatusButton pending={submitting} pendingLabel="Changing…">
            Change password
          </StatusButton>
        </Form>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
