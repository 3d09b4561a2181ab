import { asUser, type Db } from "~/db/scope.server";
import type { Prisma } from "~/generated/prisma/client";
import { formValuesOf, mergeEdit, type OpenedWith, type StaleEdit } from "~/utils/edit-merge";
import { CUSTOMER_COLUMNS, customerSelect, type CustomerRow } from "./api-shape.server";
import type { CustomerStatus } from "./constants";
import { recordStatusChange } from "./events.server";
import { isCustomerRef, liveCustomer, liveCustomerWhere, type CustomerRef } from "./ownership.server";
import { infoFormValues, readInfo } from "./info-view";
import { INFO_FORM_FIELDS, infoPatchFromForm, type InfoFormValues, type InfoPatch } from "./schemas";
import { withMemberIds } from "./team.server";

/**
 * One customer: read, create, update, change status. Every function takes the
 * signed-in user's id, runs as that user (row-level security sees it) and also
 * puts it in the query itself: two walls. A customer that is not the user's,
 * does not exist or is archived is simply not found (null), never an error
 * that leaks existence. Lists, archive, team and events have modules of their
 * own beside this one.
 */

export class InfoTooLargeError extends Error {
  override name = "InfoTooLargeError";
  constructor() {
    super("Info is too large");
  }
}

function isInfoSizeViolation(error: unknown): boolean {
  return error instanceof Error && error.message.includes("customers_info_size");
}

/** A CHECK on the stored info's size becomes the error the routes answer 400 for. */
async function mapInfoSizeViolation<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isInfoSizeViolation(error)) throw new InfoTooLargeError();
    throw error;
  }
}

export async function getCustomer(ref: CustomerRef): Promise<CustomerRow | null> {
  if (!isCustomerRef(ref)) return null;
  return asUser(ref.userId, (db) => db.customer.findFirst({ where: liveCustomerWhere(ref), select: customerSelect }));
}

/** On create there is nothing to remove: merge-patch nulls just mean "absent". */
function stripNulls(info: InfoPatch | undefined): InfoPatch | undefined {
  if (!info) return info;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(info)) {
    if (value === null) continue;
    result[key] =
      value && typeof value === "object" && !Array.isArray(value) ? stripNulls(value as InfoPatch) : value;
  }
  return result as InfoPatch;
}

export function createCustomer(
  userId: string,
  input: { name: string; status?: CustomerStatus; info?: InfoPatch },
): Promise<CustomerRow> {
  return mapInfoSizeViolation(() =>
    asUser(
      userId,
      (db) =>
        db.customer.create({
          data: {
            userId,
            name: input.name,
            status: input.status ?? "lead",
            info: (withMemberIds(stripNulls(input.info)) ?? {}) as Prisma.InputJsonObject,
          },
          select: customerSelect,
        }),
      // A CHECK violation must not poison the rest of the request's transaction.
      { atomic: true },
    ),
  );
}

export interface CustomerChanges {
  name?: string;
  status?: CustomerStatus;
  info?: InfoPatch;
}

/** The customer after an update, and whether the update changed anything at all. */
export interface UpdatedCustomer extends CustomerRow {
  changed: boolean;
}

/**
 * Updates name, status and/or info in one transaction. `info` is a merge patch
 * applied in SQL (objects merge, null removes a key). A status change also
 * records a "Status changed from … to …" event — both or neither. Changes that
 * leave the row as it was write nothing: the updated_at trigger fires on any
 * UPDATE, so the row is only updated when it differs.
 */
export async function updateCustomer({ changes, ...ref }: CustomerRef & { changes: CustomerChanges }): Promise<UpdatedCustomer | null> {
  if (!isCustomerRef(ref)) return null;
  return mapInfoSizeViolation(() => asUser(ref.userId, (tx) => applyChanges(tx, ref, changes), { atomic: true }));
}

/** updateCustomer's work, inside the caller's transaction. */
async function applyChanges(tx: Db, ref: CustomerRef, changes: CustomerChanges): Promise<UpdatedCustomer | null> {
  const infoPatch = changes.info === undefined ? null : JSON.stringify(withMemberIds(changes.info));
  // The locked row is read in `previous`: a concurrent writer's version, not the statement's snapshot.
  const [row] = await tx.$queryRaw<Array<UpdatedCustomer & { previousStatus: string }>>`
    WITH previous AS (
      SELECT ${CUSTOMER_COLUMNS},
             coalesce(${changes.name ?? null}::text, c.name) AS next_name,
             coalesce(${changes.status ?? null}::text, c.status) AS next_status,
             CASE WHEN ${infoPatch}::jsonb IS NULL THEN c.info
                  ELSE jsonb_merge_patch(coalesce(c.info, '{}'::jsonb), ${infoPatch}::jsonb) END AS next_info
        FROM customers c
       WHERE ${liveCustomer(ref)}
         FOR UPDATE
    ), updated AS (
      UPDATE customers c
         SET name = p.next_name, status = p.next_status, info = p.next_info
        FROM previous p
       WHERE c.id = p.id
         -- The locked row's values (p), not c's: c is read in the statement's
         -- snapshot, which predates a writer this statement waited for, and a
         -- row filtered out here is never re-read at its latest version.
         AND (p.name, p.status, p.info) IS DISTINCT FROM (p.next_name, p.next_status, p.next_info)
      RETURNING ${CUSTOMER_COLUMNS}, p.status AS "previousStatus", true AS changed
    )
    SELECT * FROM updated
    UNION ALL
    SELECT p.id, p."userId", p.name, p.status, p.info, p."createdAt", p."updatedAt", p."deletedAt",
           p.status AS "previousStatus", false AS changed
      FROM previous p
     WHERE NOT EXISTS (SELECT 1 FROM updated)`;
  if (!row) return null;
  const { previousStatus, ...customer } = row;
  if (previousStatus !== customer.status) {
    await recordStatusChange(tx, ref, { from: previousStatus, to: customer.status });
  }
  return customer;
}

/** Saved, nothing to save, or refused: someone else changed a field this edit changes (see the merge). */
export type EditResult = "ok" | "unchanged" | StaleEdit;

/**
 * The overview's info form, saved as the fields the user changed from what
 * the form was opened with, and only if nobody else changed one of those
 * since (docs/decisions/0012). Measured against the row under its lock, so
 * no writer can slip in between. Null when the customer is not the user's.
 */
export async function editCustomerInfo({ values, opened = null, ...ref }: CustomerRef & OpenedWith & { values: InfoFormValues }): Promise<EditResult | null> {
  if (!isCustomerRef(ref)) return null;
  return mapInfoSizeViolation(() =>
    asUser(
      ref.userId,
      async (tx): Promise<EditResult | null> => {
        const [locked] = await tx.$queryRaw<Array<{ info: unknown }>>`SELECT c.info FROM customers c WHERE ${liveCustomer(ref)} FOR UPDATE`;
        if (!locked) return null;
        const mine = formValuesOf(values, INFO_FORM_FIELDS);
        const merge = mergeEdit(INFO_FORM_FIELDS, { opened, mine, current: infoFormValues(readInfo(locked.info)) });
        if (merge.conflicts.length) return { stale: merge };
        if (!merge.changed.length) return "unchanged";
        const customer = await applyChanges(tx, ref, { info: infoPatchFromForm(values, merge.changed) });
        return customer?.changed ? "ok" : "unchanged";
      },
      { atomic: true },
    ),
  );
}

export function updateStatus({ status, ...ref }: CustomerRef & { status: CustomerStatus }) {
  return updateCustomer({ ...ref, changes: { status } });
}
