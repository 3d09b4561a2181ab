import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import { requireUserId } from "~/auth/session.server";
import { toApiEvent } from "~/customers/api-shape.server";
import { decodeEventCursor } from "~/customers/cursor.server";
import { listEvents } from "~/customers/events.server";
import { issuesFromZod } from "~/http/json-body.server";
import { LimitParamSchema, readListQuery } from "~/http/list-query.server";
import { methodNotAllowed, notFound, validationError } from "~/http/responses.server";

/** The methods this endpoint serves (the edge answers 405 to the rest, app/http/methods.server.ts). */
export const ALLOWED_METHODS = ["GET"] as const;

const EVENTS_PARAMS = ["limit", "cursor"] as const;

const EventsQuerySchema = z
  .object({ limit: LimitParamSchema, cursor: z.string().optional() })
  .transform(({ cursor, ...params }, ctx) => {
    if (cursor === undefined) return { ...params, cursor: null };
    const decoded = decodeEventCursor(cursor);
    if (!decoded) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["cursor"], message: "Cursor is invalid" });
      return z.NEVER;
    }
    return { ...params, cursor: decoded };
  });

/** The customer's timeline, newest first, in keyset pages; 404 unless it is the user's live customer. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const userId = await requireUserId(request);
  const parsed = EventsQuerySchema.safeParse(readListQuery(new URL(request.url).searchParams, EVENTS_PARAMS));
  if (!parsed.success) throw validationError(issuesFromZod(parsed.error));
  const page = await listEvents({ userId, customerId: params.id ?? "", ...parsed.data });
  if (!page) throw notFound();
  return json({ events: page.events.map(toApiEvent), next_cursor: page.nextCursor });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUserId(request);
  throw methodNotAllowed(ALLOWED_METHODS);
}
