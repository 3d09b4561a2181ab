import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { AuthCard } from "~/auth/AuthForm";
import { authenticator, InvalidCredentialsError } from "~/auth/authenticator.server";
import { LoginSchema } from "~/auth/schemas";
import { createSession, getUserId, revokeSession } from "~/auth/session.server";
import { clearLoginFailures, loginRetryAfter, recordLoginFailure, tooManyAttemptsMessage } from "~/auth/throttle.server";
import { FieldErrors, primaryButtonClass } from "~/components/Field";
import { TextField, useConformForm } from "~/components/forms";
import { StatusButton } from "~/components/StatusButton";
import { safeRedirect } from "~/utils/safe-redirect";
import { assertSameOrigin } from "~/utils/csrf.server";
import { readFormData } from "~/utils/form.server";
import { useIsPending } from "~/utils/pending";
import { RouteErrorBoundary } from "~/components/ErrorBoundary";

export const meta: MetaFunction = () => [{ title: "Log in · Customers" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUserId(request)) {
    throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  }
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const formData = await readFormData(request.clone());
  const submission = parseWithZod(formData, { schema: LoginSchema });
  if (submission.status !== "success") {
    return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email } = submission.value;
  const attempt = { email, ip: context.clientIp };
  const retryAfter = await loginRetryAfter(attempt);
  if (retryAfter > 0) {
    return json(
      submission.reply({ formErrors: [tooManyAttemptsMessage(retryAfter)], hideFields: ["password"] }),
      { status: 429, headers: { "Retry-After": String(retryAfter) } },
    );
  }
  try {
    const user = await authenticator.authenticate("form", request);
    await clearLoginFailures(attempt);
    // A fresh session id on every login: a session planted before it is worthless.
    await revokeSession(request);
    return redirect(safeRedirect(submission.value.redirectTo), {
      headers: { "Set-Cookie": await createSession(user.id) },
    });
  } catch (error) {
    if (!(error instanceof InvalidCredentialsError)) throw error;
    await recordLoginFailure(attempt);
    return json(submission.reply({ formErrors: [error.message], hideFields: ["password"] }), { status: 400 });
  }
}

export default function LoginPage() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useConformForm(LoginSchema, { id: "login", lastResult });
  const submitting = useIsPending({ formAction: "/login" });

  return (
    <AuthCard
      title="Log in to your account"
      footer={
        <>
          No account yet?{" "}
          <Link to="/signup" className="font-medium text-indigo-700 underline">
            Sign up
          </Link>
        </>
      }
    >
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <FieldErrors id={form.errorId} errors={form.errors} />
        <TextField label="Email" meta={fields.email} type="email" inputProps={{ autoComplete: "email", autoFocus: true }} />
        <TextField label="Password" meta={fields.password} type="password" inputProps={{ autoComplete: "current-password" }} />
        <StatusButton className={`${primaryButtonClass} w-full`} pending={submitting} pendingLabel="Logging in…">
          Log in
        </StatusButton>
      </Form>
    </AuthCard>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary back={{ to: "/login", label: "Back to log in" }} />;
}
