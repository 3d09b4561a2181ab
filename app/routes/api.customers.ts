import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import { requireUserId } from "~/auth/session.server";
import { decodeCursor } from "~/customers/cursor.server";
import { toApiCustomer } from "~/customers/api-shape.server";
import { CUSTOMER_STATUSES, LIMITS, SORTS } from "~/customers/constants";
import { createCustomer, InfoTooLargeError } from "~/customers/customers.server";
import { listCustomers } from "~/customers/list.server";
import { CreateCustomerApiSchema } from "~/customers/schemas";
import { issuesFromZod, readJsonBody } from "~/http/json-body.server";
import { LimitParamSchema, readListQuery } from "~/http/list-query.server";
import { methodNotAllowed, validationError } from "~/http/responses.server";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "~/utils/storable-text";

/** The methods this endpoint serves (the edge answers 405 to the rest, app/http/methods.server.ts). */
export const ALLOWED_METHODS = ["GET", "POST"] as const;

const LIST_PARAMS = ["status", "q", "sort", "limit", "cursor"] as const;

const ListQuerySchema = z
  .object({
    status: z
      .enum(CUSTOMER_STATUSES, { errorMap: () => ({ message: `Status must be one of: ${CUSTOMER_STATUSES.join(", ")}` }) })
      .optional(),
    q: z
      .string()
      .trim()
      .max(LIMITS.search, `Search must be at most ${LIMITS.search} characters`)
      .refine(isStorableText, UNSTORABLE_TEXT_MESSAGE)
      .optional(),
    sort: z
      .enum(SORTS, { errorMap: () => ({ message: `Sort must be one of: ${SORTS.join(", ")}` }) })
      .default("updated_at"),
    limit: LimitParamSchema,
    cursor: z.string().optional(),
  })
  .transform(({ cursor, ...params }, ctx) => {
    if (cursor === undefined) return { ...params, cursor: null };
    // A cursor only makes sense for the sort that produced it.
    const decoded = decodeCursor(cursor, params.sort);
    if (!decoded) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["cursor"], message: "Cursor is invalid or belongs to another sort" });
      return z.NEVER;
    }
    return { ...params, cursor: decoded };
  });

export async function loader({ request }: LoaderFunctionArgs) {
  const userId = await requireUserId(request);
  const parsed = ListQuerySchema.safeParse(readListQuery(new URL(request.url).searchParams, LIST_PARAMS));
  if (!parsed.success) throw validationError(issuesFromZod(parsed.error));

  const { q, ...params } = parsed.data;
  const result = await listCustomers(userId, { ...params, q: q || undefined });
  return json({
    customers: result.rows.map((row) => toApiCustomer(row)),
    next_cursor: result.nextCursor,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const userId = await requireUserId(request);
  if (request.method !== "POST") throw methodNotAllowed(ALLOWED_METHODS);
  const input = await readJsonBody(request, CreateCustomerApiSchema);
  try {
    const customer = await createCustomer(userId, input);
    return json({ customer: toApiCustomer(customer) }, { status: 201 });
  } catch (error) {
    if (error instanceof InfoTooLargeError) throw validationError({ info: [error.message] });
    throw error;
  }
}
