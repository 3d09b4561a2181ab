import { insertCustomer } from "../../prisma/factories";
import type { signedUpUser } from "../auth-helpers";
import { ownerExec } from "../support/db";
import { ownerPrisma } from "../setup/owner";

/**
 * Helpers for the reliability tests: users, customers and faults arranged as
 * the table owner, behind the app's back.
 */

export type User = Awaited<ReturnType<typeof signedUpUser>>;

export function newCustomer(userId: string, data: Parameters<typeof insertCustomer>[2] = {}) {
  return insertCustomer(ownerPrisma(), userId, { status: "lead", info: {}, ...data });
}


/** The stored customer and its events, for "nothing changed" assertions. */
export async function customerState(id: string) {
  const [customer, events] = await Promise.all([
    ownerPrisma().customer.findUniqueOrThrow({
      where: { id },
      select: { name: true, status: true, info: true, updatedAt: true, deletedAt: true },
    }),
    ownerPrisma().customerEvent.findMany({
      where: { customerId: id },
      orderBy: { id: "asc" },
      select: { id: true, eventType: true, title: true, metadata: true },
    }),
  ]);
  return { customer, events };
}

// ------------------------------------------------------------- faults ----

const FAULT_FUNCTION = `
  CREATE OR REPLACE FUNCTION reliability_injected_fault() RETURNS trigger
  LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'injected fault: %', TG_ARGV[0];
  END
  $$;`;

export interface Fault {
  name: string;
  /** The CREATE TRIGGER statement (without the function, which is shared). */
  create: string;
  table: string;
}

/**
 * A trigger that makes inserts into customer_events fail for the given
 * customer: every status_change event, or (`atCommit`) a deferred constraint
 * trigger that fails only when the transaction commits.
 */
export function eventFault(customerId: string, { atCommit = false, eventType = "status_change" } = {}): Fault {
  const name = `reliability_fault_${atCommit ? "commit" : "insert"}`;
  const when = `WHEN (NEW.customer_id = '${customerId}'::uuid AND NEW.event_type = '${eventType}')`;
  const create = atCommit
    ? `CREATE CONSTRAINT TRIGGER ${name} AFTER INSERT ON customer_events DEFERRABLE INITIALLY DEFERRED
         FOR EACH ROW ${when} EXECUTE FUNCTION reliability_injected_fault('${name}')`
    : `CREATE TRIGGER ${name} BEFORE INSERT ON customer_events
         FOR EACH ROW ${when} EXECUTE FUNCTION reliability_injected_fault('${name}')`;
  return { name, create, table: "customer_events" };
}

/** Runs `fn` with the fault installed, and removes it afterwards whatever happens. */
export async function withFault<T>(fault: Fault, fn: () => Promise<T>): Promise<T> {
  await ownerExec(`${FAULT_FUNCTION}\n${fault.create};`);
  try {
    return await fn();
  } finally {
    await ownerExec(`DROP TRIGGER IF EXISTS ${fault.name} ON ${fault.table};`);
  }
}

/**
 * A request that must fail: the handler either throws (what Remix turns into
 * a 500) or answers with a 5xx. Returns a description of the failure.
 */
export async function expectServerError(response: Promise<Response>): Promise<string> {
  let settled: Response;
  try {
    settled = await response;
  } catch (error) {
    // Prisma's messages start with the call site; the cause is on the last line.
    return (error instanceof Error ? error.message : String(error)).trim().split("\n").at(-1)!;
  }
  expect(settled.status, "a request whose write failed must not succeed").toBeGreaterThanOrEqual(500);
  return `HTTP ${settled.status}`;
}

/** A deterministic shuffle, so that the kinds of concurrent writers interleave. */
export function interleave<T>(items: T[], seed = 7): T[] {
  const result = [...items];
  let state = seed;
  for (let index = result.length - 1; index > 0; index -= 1) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    const other = state % (index + 1);
    [result[index], result[other]] = [result[other]!, result[index]!];
  }
  return result;
}
