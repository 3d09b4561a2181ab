import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import { requireUserId } from "~/auth/session.server";
import { issuesFromZod } from "~/http/json-body.server";
import { readListQuery } from "~/http/list-query.server";
import { methodNotAllowed, validationError } from "~/http/responses.server";
import { decodeReceivablesCursor, listReceivablesAcross } from "~/receivables/across-customers.server";
import { toApiReceivable } from "~/receivables/api-shape.server";
import { ReceivablesQuerySchema } from "~/receivables/query";

/** The methods this endpoint serves (the edge answers 405 to the rest, app/http/methods.server.ts). */
export const ALLOWED_METHODS = ["GET"] as const;

const AcrossQuerySchema = ReceivablesQuerySchema.pick({ status: true })
  .extend({ cursor: z.string().optional() })
  .transform(({ cursor, ...params }, ctx) => {
    if (cursor === undefined) return { ...params, cursor: null };
    const decoded = decodeReceivablesCursor(cursor);
    if (!decoded) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["cursor"], message: "Cursor is invalid" });
      return z.NEVER;
    }
    return { ...params, cursor: decoded };
  });

/** Every receivable of the user's live customers, earliest due first, in keyset pages, with the summary of them all. */
export async function loader({ request }: LoaderFunctionArgs) {
  const userId = await requireUserId(request);
  const parsed = AcrossQuerySchema.safeParse(readListQuery(new URL(request.url).searchParams, ["status", "cursor"]));
  if (!parsed.success) throw validationError(issuesFromZod(parsed.error));
  const page = await listReceivablesAcross({ userId, ...parsed.data });
  return json({ receivables: page.receivables.map(toApiReceivable), summary: page.summary, next_cursor: page.nextCursor });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUserId(request);
  throw methodNotAllowed(ALLOWED_METHODS);
}
