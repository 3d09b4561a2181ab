import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs } from "@remix-run/node";
import { requireUserId } from "~/auth/session.server";
import { createCustomer } from "~/customers/customers.server";
import { CreateCustomerFormSchema } from "~/customers/schemas";
import { readFormData } from "~/utils/form.server";
import { redirectWithToast } from "~/utils/toast.server";
import { unknownIntent } from "./responses.server";

/**
 * intent=create, from the list page, its dialog, or /customers/new: a 400
 * with the submission on invalid input, else a redirect to the new overview.
 */
export async function createCustomerFromForm(userId: string, formData: FormData): Promise<Response> {
  const submission = parseWithZod(formData, { schema: CreateCustomerFormSchema });
  if (submission.status !== "success") {
    return json({ intent: "create", result: submission.reply() }, { status: 400 });
  }
  const customer = await createCustomer(userId, submission.value);
  return redirectWithToast(`/customers/${customer.id}/overview`, {
    kind: "success",
    message: `Created ${customer.name}.`,
  });
}

/** The action of every route that accepts intent=create (list, layout, /customers/new). */
export async function createCustomerAction({ request }: ActionFunctionArgs): Promise<Response> {
  const userId = await requireUserId(request);
  const formData = await readFormData(request);
  if (formData.get("intent") !== "create") return unknownIntent();
  return createCustomerFromForm(userId, formData);
}
