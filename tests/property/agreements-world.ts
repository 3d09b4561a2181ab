import type { Prisma } from "~/generated/prisma/client";
import { ownerPrisma } from "../setup/owner";
import { DAY_MS } from "../support/db";

/**
 * The agreements of the property tests' world, arranged as the table owner.
 *
 * A (the actor) gets agreements in every state a lifecycle action can meet —
 * running, open-ended, without a start, upcoming, suspended, terminated, one
 * already renewed, one an invoice links to, and one under an archived
 * customer — so that generated requests succeed as well as fail. Generated
 * actions wear them out (deleted, terminated, renewed), so they are put back
 * exactly as they were whenever A's customers are (`reviveActorAgreements`).
 *
 * B's agreements are the ones `insertCommercials` made under each of B's
 * customers (live and archived), with their invoice, payment and project.
 */

export interface AgreementPool {
  /** A's agreements, as first arranged (ids fixed, so they can be put back). */
  actor: Prisma.AgreementUncheckedCreateInput[];
  /** Under A's live customers: what generated requests mostly aim at. */
  actorLive: string[];
  /** Under A's archived customer: must answer 404 like B's. */
  actorArchived: string[];
  /** B's agreements: every generated request aims at them too, none may change. */
  other: string[];
}

function day(offset: number): Date {
  const today = new Date(Date.now() + offset * DAY_MS);
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
}

export async function arrangeAgreements(actorId: string, actorLive: string[], actorArchived: string[], otherId: string): Promise<AgreementPool> {
  const [first, second = first] = actorLive as [string, string?];
  const archived = actorArchived[0] ?? first;
  const row = (customerId: string, data: Partial<Prisma.AgreementUncheckedCreateInput>): Prisma.AgreementUncheckedCreateInput => ({
    id: crypto.randomUUID(),
    userId: actorId,
    customerId,
    scope: "Arranged",
    type: "fixed_fee",
    pricing: { amount: "1000.00" },
    noticeDays: 30,
    startDate: null,
    endDate: null,
    overrideStatus: null,
    terminatedOn: null,
    terminationReason: null,
    renewalOf: null,
    ...data,
  });
  const running = row(first, { scope: "Running retainer", type: "retainer", pricing: { amount: "1500.00", period: "month" }, startDate: day(-30), endDate: day(60) });
  const actor = [
    running,
    row(first, { scope: "Open-ended", type: "other", pricing: {}, startDate: day(-10) }),
    row(first, { scope: "No start", type: "hourly", pricing: { rate: "95.00" }, endDate: day(30) }),
    row(second!, { scope: "Upcoming", startDate: day(10), endDate: day(40), noticeDays: 5 }),
    row(second!, { scope: "Suspended", startDate: day(-20), endDate: day(20), overrideStatus: "suspended" }),
    row(second!, { scope: "Terminated", startDate: day(-40), endDate: day(-5), overrideStatus: "terminated", terminatedOn: day(-5), terminationReason: "Done" }),
    row(second!, { scope: "Successor", startDate: day(61), endDate: day(151), renewalOf: running.id }),
    row(archived, { scope: "Under an archived customer", startDate: day(-30), endDate: day(30) }),
  ];
  const invoiced = row(first, { scope: "Invoiced", startDate: day(-90), endDate: day(-1) });
  actor.push(invoiced);
  await ownerPrisma().agreement.createMany({ data: actor });
  await ownerPrisma().receivable.create({
    data: { userId: actorId, customerId: first, type: "invoice", amount: "250.00", date: day(-5), linkedAgreementId: invoiced.id },
  });
  const others = await ownerPrisma().agreement.findMany({ where: { userId: otherId }, select: { id: true } });
  return {
    actor,
    actorLive: actor.filter((agreement) => agreement.customerId !== archived).map((agreement) => agreement.id!),
    actorArchived: actor.filter((agreement) => agreement.customerId === archived).map((agreement) => agreement.id!),
    other: others.map((agreement) => agreement.id),
  };
}

/** Puts A's agreements back as arranged: what generated requests created goes, what they changed or deleted comes back. */
export async function reviveActorAgreements(actorId: string, pool: AgreementPool): Promise<void> {
  const db = ownerPrisma();
  const ids = pool.actor.map((agreement) => agreement.id!);
  await db.agreement.deleteMany({ where: { userId: actorId, id: { notIn: ids } } });
  // Successors first point at nothing, so that the order of the upserts does not matter.
  await db.agreement.updateMany({ where: { id: { in: ids } }, data: { renewalOf: null } });
  for (const { id, ...data } of pool.actor) {
    await db.agreement.upsert({ where: { id: id! }, create: { id, ...data }, update: { ...data, renewalOf: null } });
  }
  for (const { id, renewalOf } of pool.actor) {
    if (renewalOf) await db.agreement.update({ where: { id: id! }, data: { renewalOf } });
  }
}
