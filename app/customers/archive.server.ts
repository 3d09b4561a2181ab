import { getDatabase } from "~/db/db.server";
import { asUser } from "~/db/scope.server";
import { Prisma } from "~/generated/prisma/client";
import { isUuid } from "~/utils/uuid";
import { DAY_MS } from "~/utils/format";
import { customerSelect, type CustomerRow } from "./api-shape.server";
import { RESTORE_WINDOW_DAYS } from "./constants";
import { isCustomerRef, liveCustomerWhere, type CustomerRef } from "./ownership.server";

/**
 * Archiving is a soft delete: the customer and everything under it vanish
 * from every read, can be restored for RESTORE_WINDOW_DAYS, and are purged
 * for good after that. Archived rows are hidden by row-level security unless
 * the transaction asks for them (`archived: true`), which only this module does.
 */

function restoreWindowStart(now: Date): Date {
  return new Date(now.getTime() - RESTORE_WINDOW_DAYS * DAY_MS);
}

function isRecordNotFound(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
}

export async function archiveCustomer(ref: CustomerRef): Promise<CustomerRow | null> {
  if (!isCustomerRef(ref)) return null;
  try {
    // This transaction must see the row it archives.
    return await asUser(
      ref.userId,
      (db) =>
        db.customer.update({
          where: liveCustomerWhere(ref),
          data: { deletedAt: new Date() },
          select: customerSelect,
        }),
      { archived: true },
    );
  } catch (error) {
    if (isRecordNotFound(error)) return null;
    throw error;
  }
}

export type RestoreResult =
  | { ok: true; customer: CustomerRow }
  // Restored already (a second click, a stale tab): the caller can show it rather than a 404.
  | { ok: false; reason: "already_restored"; customer: CustomerRow }
  | { ok: false; reason: "not_found" | "expired" };

export async function restoreCustomer({ now = new Date(), ...ref }: CustomerRef & { now?: Date }): Promise<RestoreResult> {
  if (!isCustomerRef(ref)) return { ok: false, reason: "not_found" };
  const { userId, customerId: id } = ref;
  const windowStart = restoreWindowStart(now);
  return asUser(
    userId,
    async (db): Promise<RestoreResult> => {
      const [customer] = await db.customer.updateManyAndReturn({
        where: { id, userId, deletedAt: { not: null, gt: windowStart } },
        data: { deletedAt: null },
        select: customerSelect,
      });
      if (customer) return { ok: true, customer };
      const live = await db.customer.findFirst({ where: liveCustomerWhere(ref), select: customerSelect });
      if (live) return { ok: false, reason: "already_restored", customer: live };
      const expired = await db.customer.count({ where: { id, userId, deletedAt: { lte: windowStart } } });
      return { ok: false, reason: expired ? "expired" : "not_found" };
    },
    { archived: true },
  );
}

export interface ArchivedCustomer {
  id: string;
  name: string;
  status: string;
  deletedAt: Date;
  daysLeft: number;
}

const archivedSelect = { id: true, name: true, status: true, deletedAt: true } as const;

function withDaysLeft(row: { id: string; name: string; status: string; deletedAt: Date | null }, now: Date): ArchivedCustomer {
  const deletedAt = row.deletedAt!;
  const expiresAt = deletedAt.getTime() + RESTORE_WINDOW_DAYS * DAY_MS;
  return { ...row, deletedAt, daysLeft: Math.max(0, Math.ceil((expiresAt - now.getTime()) / DAY_MS)) };
}

export async function listArchived(userId: string, now = new Date()): Promise<ArchivedCustomer[]> {
  if (!isUuid(userId)) return [];
  const rows = await asUser(
    userId,
    (db) =>
      db.customer.findMany({
        where: { userId, deletedAt: { gt: restoreWindowStart(now) } },
        select: archivedSelect,
        orderBy: [{ deletedAt: "desc" }, { id: "asc" }],
        take: 500,
      }),
    { archived: true },
  );
  return rows.map((row) => withDaysLeft(row, now));
}

/**
 * The user's customer if it is archived and can still be restored, so that
 * its own pages can say so and offer to restore it. Past the window it is as
 * good as gone (the purge may already have run): null, like any other id.
 */
export async function findRestorable({ now = new Date(), ...ref }: CustomerRef & { now?: Date }): Promise<ArchivedCustomer | null> {
  if (!isCustomerRef(ref)) return null;
  const row = await asUser(
    ref.userId,
    (db) =>
      db.customer.findFirst({
        where: { id: ref.customerId, userId: ref.userId, deletedAt: { not: null, gt: restoreWindowStart(now) } },
        select: archivedSelect,
      }),
    { archived: true },
  );
  return row ? withDaysLeft(row, now) : null;
}

/**
 * Removes, for every user, customers archived longer ago than the restore
 * window, with all their children (ON DELETE CASCADE). A maintenance job,
 * not a request: it works across users, so it runs as the table owner. Safe
 * to run at any time, as often as wanted.
 */
export async function purgeExpired(now = new Date()): Promise<number> {
  const { count } = await getDatabase().owner.customer.deleteMany({
    where: { deletedAt: { lte: restoreWindowStart(now) } },
  });
  return count;
}
