import { recordEvent } from "~/customers/events.server";
import { isCustomerRef, liveCustomer, type CustomerRef } from "~/customers/ownership.server";
import { asUser, type Db } from "~/db/scope.server";
import { Prisma } from "~/generated/prisma/client";
import { mergeEdit, type FormValues, type OpenedWith, type StaleEdit } from "~/utils/edit-merge";
import { isUuid } from "~/utils/uuid";
import { AGREEMENT_TYPE_LABELS, type AgreementType } from "./constants";
import { isAgreementRef, readAgreement, type AgreementRef, type AgreementRow } from "./agreements.server";
import {
  AGREEMENT_FORM_FIELDS,
  agreementFormValues,
  patchFromForm,
  PRICING_FORM_FIELDS,
  pricingAfterPatch,
  type AgreementInput,
  type AgreementPatch,
} from "./schemas";

/**
 * Changing agreements: create, edit, and the lifecycle actions of DOMAIN.md
 * (terminate, suspend, resume, renew, delete). Each action locks the row,
 * checks it is allowed from the agreement's status, and writes a timeline
 * event with it — all or nothing.
 */

export type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "conflict"; message: string }
  | { ok: false; reason: "invalid"; issues: Record<string, string[]> };

const notFound = { ok: false, reason: "not_found" } as const;
const conflict = (message: string) => ({ ok: false, reason: "conflict", message }) as const;

/**
 * Runs `change` on a row of a child table under the user's live customer,
 * locked FOR UPDATE for the rest of the transaction and read by `read`, or
 * answers not found. All or nothing. Shared by agreements, receivables and projects.
 */
export function withLockedChild<Row, Result>(
  { userId, table, id }: { userId: string; table: "customer_agreements" | "customer_receivables" | "customer_projects" | "customer_artifacts"; id: string },
  read: (db: Db) => Promise<Row | null>,
  change: (db: Db, row: Row) => Promise<Result>,
): Promise<Result | typeof notFound> {
  if (!isUuid(userId) || !isUuid(id)) return Promise.resolve(notFound);
  return asUser(
    userId,
    async (db) => {
      const locked = await db.$queryRaw<Array<{ id: string }>>`
        SELECT x.id FROM ${Prisma.raw(table)} x JOIN customers c ON c.id = x.customer_id
         WHERE x.id = ${id}::uuid AND c.user_id = ${userId}::uuid AND c.deleted_at IS NULL
           FOR UPDATE OF x`;
      const row = locked.length ? await read(db) : null;
      return row ? change(db, row) : notFound;
    },
    { atomic: true },
  );
}

/** Runs `change` on the user's agreement, locked, or answers not found. */
function withAgreement<Result>(ref: AgreementRef, change: (db: Db, row: AgreementRow) => Promise<Result>): Promise<Result | typeof notFound> {
  if (!isAgreementRef(ref)) return Promise.resolve(notFound);
  return withLockedChild({ userId: ref.userId, table: "customer_agreements", id: ref.agreementId }, (db) => readAgreement(db, ref), change);
}

export async function createAgreement({ input, ...ref }: CustomerRef & { input: AgreementInput }): Promise<AgreementRow | null> {
  if (!isCustomerRef(ref)) return null;
  return asUser(
    ref.userId,
    async (db) => {
      const [created] = await db.$queryRaw<Array<{ id: string }>>`
        INSERT INTO customer_agreements (user_id, customer_id, scope, type, start_date, end_date, notice_days, pricing)
        SELECT c.user_id, c.id, ${input.scope}, ${input.type}, ${input.startDate}::date, ${input.endDate}::date,
               ${input.noticeDays}, ${JSON.stringify(input.pricing)}::jsonb
          FROM customers c WHERE ${liveCustomer(ref)}
        RETURNING id`;
      return created ? readAgreement(db, { userId: ref.userId, agreementId: created.id }) : null;
    },
    { atomic: true },
  );
}

/** Changes the fields sent; pricing is validated against the type the agreement ends with. */
export function updateAgreement({ patch, ...ref }: AgreementRef & { patch: AgreementPatch }): Promise<Outcome<AgreementRow>> {
  return withAgreement(ref, (db, row) => applyPatch(db, ref, row, patch));
}

/**
 * The tab's edit form: the fields the user changed from what the form was
 * opened with (`posted` against `opened`), unless someone else changed one of
 * them since, measured on the locked row (docs/decisions/0012). Pricing
 * fields mean something only for their type, so a type someone else changed
 * under pricing the user changed is a conflict too.
 */
export function editAgreement({
  opened = null,
  posted,
  input,
  ...ref
}: AgreementRef & OpenedWith & { posted: FormValues; input: AgreementInput }): Promise<Outcome<AgreementRow> | StaleEdit> {
  return withAgreement(ref, async (db, row): Promise<Outcome<AgreementRow> | StaleEdit> => {
    const current = agreementFormValues(row);
    const merge = mergeEdit(AGREEMENT_FORM_FIELDS, { opened, mine: posted, current });
    const typeMoved = opened !== null && opened.type !== current.type && !merge.changed.includes("type");
    const pricingTyped = [...merge.changed, ...merge.conflicts].some((field) => PRICING_FORM_FIELDS.includes(field));
    if (typeMoved && pricingTyped && !merge.conflicts.includes("type")) merge.conflicts.push("type");
    if (merge.conflicts.length) return { stale: merge };
    return applyPatch(db, ref, row, patchFromForm(input, merge));
  });
}

async function applyPatch(db: Db, ref: AgreementRef, row: AgreementRow, patch: AgreementPatch): Promise<Outcome<AgreementRow>> {
  const type: AgreementType = patch.type ?? row.type;
  const typeChanged = type !== row.type;
  let pricing: string | null = null;
  if (patch.pricing !== undefined || typeChanged) {
    const parsed = pricingAfterPatch(type, patch.pricing ?? (typeChanged ? {} : row.pricing));
    if (!parsed.ok) return { ok: false, reason: "invalid", issues: parsed.issues };
    pricing = JSON.stringify(parsed.pricing);
  }
  const start = patch.start_date === undefined ? row.startDate : patch.start_date;
  const end = patch.end_date === undefined ? row.endDate : patch.end_date;
  if (start && end && end < start) {
    return { ok: false, reason: "invalid", issues: { end_date: ["End date cannot be before the start date"] } };
  }
  await db.$executeRaw`
    UPDATE customer_agreements
       SET scope = ${patch.scope ?? row.scope}, type = ${type}, start_date = ${start}::date, end_date = ${end}::date,
           notice_days = ${patch.notice_days ?? row.noticeDays},
           pricing = coalesce(${pricing}::jsonb, pricing)
     WHERE id = ${row.id}::uuid`;
  return { ok: true, value: (await readAgreement(db, ref))! };
}

/** Ends it early (or on time): the end date becomes `date` when it was later or missing. */
export function terminateAgreement({ date, reason, ...ref }: AgreementRef & { date?: string; reason?: string }): Promise<Outcome<AgreementRow>> {
  return withAgreement(ref, async (db, row) => {
    if (row.overrideStatus === "terminated") return conflict("This agreement is already terminated.");
    const [day] = await db.$queryRaw<Array<{ on: string }>>`SELECT coalesce(${date ?? null}::date, app_today())::text AS on`;
    const on = day!.on;
    if (row.startDate && on < row.startDate) {
      return conflict(`An agreement cannot end before it starts (${row.startDate}). Delete it instead, or pick a later date.`);
    }
    await db.$executeRaw`
      UPDATE customer_agreements
         SET override_status = 'terminated', terminated_on = ${on}::date, termination_reason = ${reason || null},
             end_date = CASE WHEN end_date IS NULL OR end_date > ${on}::date THEN ${on}::date ELSE end_date END
       WHERE id = ${row.id}::uuid`;
    await recordEvent(db, row, ref.userId, `Agreement terminated: ${row.scope}`, {
      agreement_id: row.id,
      action: "terminate",
      date: on,
      ...(reason ? { reason } : {}),
    });
    return { ok: true, value: (await readAgreement(db, ref))! };
  });
}

export function suspendAgreement(ref: AgreementRef): Promise<Outcome<AgreementRow>> {
  return withAgreement(ref, async (db, row) => {
    if (row.overrideStatus === "terminated") return conflict("A terminated agreement cannot be suspended.");
    if (row.overrideStatus === "suspended") return conflict("This agreement is already suspended.");
    await db.$executeRaw`UPDATE customer_agreements SET override_status = 'suspended' WHERE id = ${row.id}::uuid`;
    await recordEvent(db, row, ref.userId, `Agreement suspended: ${row.scope}`, { agreement_id: row.id, action: "suspend" });
    return { ok: true, value: (await readAgreement(db, ref))! };
  });
}

export function resumeAgreement(ref: AgreementRef): Promise<Outcome<AgreementRow>> {
  return withAgreement(ref, async (db, row) => {
    if (row.overrideStatus !== "suspended") {
      return conflict(row.overrideStatus === "terminated" ? "A terminated agreement cannot be resumed." : "This agreement is not suspended.");
    }
    await db.$executeRaw`UPDATE customer_agreements SET override_status = NULL WHERE id = ${row.id}::uuid`;
    await recordEvent(db, row, ref.userId, `Agreement resumed: ${row.scope}`, { agreement_id: row.id, action: "resume" });
    return { ok: true, value: (await readAgreement(db, ref))! };
  });
}

/**
 * A successor with the same scope, type, pricing and notice, starting the day
 * after this one ends and lasting as many days, linked to it by renewal_of.
 */
export function renewAgreement(ref: AgreementRef): Promise<Outcome<AgreementRow>> {
  return withAgreement(ref, async (db, row) => {
    if (row.overrideStatus === "terminated") return conflict("A terminated agreement cannot be renewed. Create a new agreement instead.");
    if (!row.endDate) return conflict("This agreement has no end date, so there is nothing to renew.");
    if (!row.startDate) return conflict("This agreement has no start date, so its length is unknown. Set one, then renew.");
    const [renewed] = await db.$queryRaw<Array<{ id: string }>>`SELECT id FROM customer_agreements WHERE renewal_of = ${row.id}::uuid LIMIT 1`;
    if (renewed) return conflict("This agreement has already been renewed.");
    const [created] = await db.$queryRaw<Array<{ id: string }>>`
      INSERT INTO customer_agreements (user_id, customer_id, scope, type, start_date, end_date, notice_days, pricing, renewal_of)
      SELECT a.user_id, a.customer_id, a.scope, a.type, a.end_date + 1, a.end_date + 1 + (a.end_date - a.start_date),
             a.notice_days, a.pricing, a.id
        FROM customer_agreements a WHERE a.id = ${row.id}::uuid
      RETURNING id`;
    const successor = (await readAgreement(db, { userId: ref.userId, agreementId: created!.id }))!;
    await recordEvent(db, row, ref.userId, `Agreement renewed: ${row.scope}`, {
      agreement_id: row.id,
      action: "renew",
      successor_id: successor.id,
      start_date: successor.startDate,
      end_date: successor.endDate,
    });
    return { ok: true, value: successor };
  });
}

/** Deletes it, unless invoices, payments or projects still point at it (terminate those instead). */
export function deleteAgreement(ref: AgreementRef): Promise<Outcome<AgreementRow>> {
  return withAgreement(ref, async (db, row) => {
    const [links] = await db.$queryRaw<Array<{ receivables: number; projects: number }>>`
      SELECT (SELECT count(*)::int FROM customer_receivables WHERE linked_agreement_id = ${row.id}::uuid) AS receivables,
             (SELECT count(*)::int FROM customer_projects WHERE agreement_id = ${row.id}::uuid) AS projects`;
    if (links!.receivables || links!.projects) {
      const what = [
        links!.receivables ? `${links!.receivables} invoice${links!.receivables === 1 ? "" : "s"} or payment${links!.receivables === 1 ? "" : "s"}` : null,
        links!.projects ? `${links!.projects} project${links!.projects === 1 ? "" : "s"}` : null,
      ].filter(Boolean);
      return conflict(`This agreement cannot be deleted: ${what.join(" and ")} refer to it. Terminate it instead.`);
    }
    await db.$executeRaw`DELETE FROM customer_agreements WHERE id = ${row.id}::uuid`;
    await recordEvent(db, row, ref.userId, `Agreement deleted: ${row.scope} (${AGREEMENT_TYPE_LABELS[row.type]})`, {
      agreement_id: row.id,
      action: "delete",
    });
    return { ok: true, value: row };
  });
}
