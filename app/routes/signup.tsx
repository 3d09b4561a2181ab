import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { AuthCard, NewPasswordField } from "~/auth/AuthForm";
import { SignupSchema } from "~/auth/schemas";
import { createSession, getUserId } from "~/auth/session.server";
import { createUser, EmailTakenError } from "~/auth/users.server";
import { FieldErrors, primaryButtonClass } from "~/components/Field";
import { TextField, useConformForm } from "~/components/forms";
import { StatusButton } from "~/components/StatusButton";
import { toastCookie } from "~/utils/toast.server";
import { DEFAULT_REDIRECT } from "~/utils/safe-redirect";
import { assertSameOrigin } from "~/utils/csrf.server";
import { readFormData } from "~/utils/form.server";
import { useIsPending } from "~/utils/pending";
import { RouteErrorBoundary } from "~/components/ErrorBoundary";

export const meta: MetaFunction = () => [{ title: "Sign up · Customers" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUserId(request)) throw redirect(DEFAULT_REDIRECT);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const submission = parseWithZod(await readFormData(request), { schema: SignupSchema });
  if (submission.status !== "success") {
    return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  try {
    const user = await createUser(submission.value);
    const headers = new Headers();
    headers.append("Set-Cookie", await createSession(user.id));
    headers.append("Set-Cookie", await toastCookie({ kind: "success", message: `Welcome, ${user.name}!` }));
    return redirect(DEFAULT_REDIRECT, { headers });
  } catch (error) {
    if (!(error instanceof EmailTakenError)) throw error;
    return json(submission.reply({ fieldErrors: { email: [error.message] }, hideFields: ["password"] }), {
      status: 400,
    });
  }
}

export default function SignupPage() {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useConformForm(SignupSchema, { id: "signup", lastResult });
  const submitting = useIsPending({ formAction: "/signup" });

  return (
    <AuthCard
      title="Create your account"
      footer={
        <>
          Already have an account?{" "}
          <Link to="/login" className="font-medium text-indigo-700 underline">
            Log in
          </Link>
        </>
      }
    >
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <FieldErrors id={form.errorId} errors={form.errors} />
        <TextField label="Name" meta={fields.name} inputProps={{ autoComplete: "name", autoFocus: true }} />
        <TextField label="Email" meta={fields.email} type="email" inputProps={{ autoComplete: "email" }} />
        <NewPasswordField label="Password" meta={fields.password} />
        <StatusButton className={`${primaryButtonClass} w-full`} pending={submitting} pendingLabel="Creating account…">
          Sign up
        </StatusButton>
      </Form>
    </AuthCard>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary back={{ to: "/signup", label: "Back to sign up" }} />;
}
