import fc from "fast-check";
import { RECEIVABLE_FILTER_STATUSES, STORED_STATUSES } from "~/receivables/constants";
import { ownerPrisma } from "../setup/owner";
import { dateValue, moneyValue } from "./agreement-arbitraries";
import { field, hostileKey, hostileString } from "./arbitraries";
import type { World } from "./harness";

/**
 * Generators for the receivables API: ids (A's, B's, random, not ids) and
 * bodies that mostly pass validation, so that generated cases reach the
 * domain's links and conflicts, mixed with what it must refuse. The rows are
 * read from the world as it stands: A's are whatever generated requests left.
 */

export interface ReceivableIds {
  actor: string[];
  other: string[];
}

/** A's receivables under live customers, and B's (made by insertCommercials); A gets a draft, a sent invoice and a credit first. */
export async function arrangeReceivables(actorId: string, actorLive: string[], otherId: string): Promise<ReceivableIds> {
  const db = ownerPrisma();
  const [first] = actorLive as [string];
  const base = { userId: actorId, customerId: first, date: new Date() };
  const sent = await db.receivable.create({ data: { ...base, type: "invoice", amount: "400.00", reference: "PROP-SENT" } });
  await db.receivable.create({ data: { ...base, type: "invoice", amount: "90.00", status: "draft", reference: "PROP-DRAFT" } });
  await db.receivable.create({ data: { ...base, type: "payment", amount: "25.00", linkedInvoiceId: sent.id } });
  await db.receivable.create({ data: { ...base, type: "payment", amount: "30.00" } });
  const rows = await db.receivable.findMany({ where: { userId: { in: [actorId, otherId] } }, select: { id: true, userId: true } });
  return {
    actor: rows.filter((row) => row.userId === actorId).map((row) => row.id),
    other: rows.filter((row) => row.userId === otherId).map((row) => row.id),
  };
}

export function receivableId(world: World, ids: ReceivableIds = world.receivables): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...ids.actor) },
    { weight: 6, arbitrary: fc.constantFrom(...ids.other) },
    { weight: 1, arbitrary: fc.constantFrom(...world.aCustomers.live, ...world.agreements.actorLive) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.constantFrom("", "void", `${ids.other[0]}/`, ids.other[0]!.replace(/-/g, ""), `${ids.other[0]}' OR '1'='1`) },
    { weight: 1, arbitrary: hostileString },
  );
}

/** A link: A's rows (mostly), B's (must read as unknown), A's agreements, or nothing. */
function linkValue(world: World, ids: ReceivableIds): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...ids.actor, ...world.agreements.actorLive) },
    { weight: 3, arbitrary: fc.constantFrom(...ids.other, ...world.agreements.other) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.uuid() },
  );
}

/** Create and PATCH bodies: type, money, dates, statuses (stored, display and junk), references, links. */
export function receivableBody(world: World, ids: ReceivableIds, { typeRequired }: { typeRequired: boolean }): fc.Arbitrary<unknown> {
  const type = fc.constantFrom("invoice", "payment", "invoice", "refund");
  const known = fc.record(
    {
      ...(typeRequired ? { type: field(type) } : {}),
      amount: field(moneyValue),
      date: field(dateValue),
      due_date: field(dateValue),
      status: field(fc.constantFrom(...STORED_STATUSES, ...RECEIVABLE_FILTER_STATUSES)),
      reference: field(fc.constantFrom("INV-1", "PROP-SENT", "PROP-DRAFT", "", "  ", null)),
      description: field(fc.string({ maxLength: 30 })),
      linked_invoice_id: field(linkValue(world, ids)),
      linked_agreement_id: field(linkValue(world, ids)),
    },
    { requiredKeys: typeRequired ? ["type", "amount"] : [] },
  );
  return fc
    .tuple(known, fc.oneof({ weight: 8, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: fc.dictionary(hostileKey, hostileString, { maxKeys: 2 }) }))
    .map(([fields, extra]) => ({ ...extra, ...fields }));
}

/** `?type=&status=&cursor=` of the receivables lists: valid values, junk and repeats. */
export const receivablesQuery: fc.Arbitrary<Array<[string, string]>> = fc.array(
  fc.tuple(
    fc.constantFrom("type", "status", "cursor", "limit"),
    fc.oneof(fc.constantFrom("invoice", "payment", ...RECEIVABLE_FILTER_STATUSES, "sent", "WyIyMDI2LTAxLTAxIiwieCJd"), hostileString),
  ),
  { maxLength: 3 },
);
