import { randomUUID } from "node:crypto";
import { updateCustomer, updateStatus } from "~/customers/customers.server";
import { statusChangeTitle } from "~/customers/events.server";
import { addTeamMember, removeTeamMember, updateTeamMember } from "~/customers/team.server";
import { CUSTOMER_STATUSES, type CustomerStatus } from "~/customers/constants";
import type { Prisma } from "~/generated/prisma/client";
import { api } from "../api/helpers";
import { ownerPrisma } from "../setup/owner";
import { interleave, newCustomer, type User } from "./helpers";
import { signedUpUser } from "../auth-helpers";
import { ownerExec, sql } from "../support/db";

/**
 * Many writers on one customer at once, through the domain functions and the
 * JSON API: every partial edit survives (info is merged in SQL under the row
 * lock, never read-modify-written in JS), and concurrent status changes leave
 * exactly one event per change that really happened, in order.
 */

const WRITERS = 40;

type Info = Record<string, unknown> & { product?: Record<string, unknown>; team?: Array<Record<string, unknown>> };

async function storedInfo(id: string): Promise<Info> {
  const row = await ownerPrisma().customer.findUniqueOrThrow({ where: { id }, select: { info: true } });
  return (row.info ?? {}) as Info;
}

/** Each expected key missing or changed in `actual`, as a path. */
function lostKeys(expected: Record<string, unknown>, actual: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(expected).flatMap(([key, value]) => {
    const path = `${prefix}${key}`;
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const inner = actual[key];
      if (!inner || typeof inner !== "object") return [path];
      return lostKeys(value as Record<string, unknown>, inner as Record<string, unknown>, `${path}.`);
    }
    return JSON.stringify(actual[key]) === JSON.stringify(value) ? [] : [path];
  });
}

function report(label: string, writes: number, lost: string[]) {
  console.log(`concurrency (${label}): ${writes} writes, keys lost: ${lost.length}${lost.length ? ` (${lost.join(", ")})` : ""}`);
}

let user: User;

beforeAll(async () => {
  user = await signedUpUser();
});

describe("concurrent partial edits lose nothing", () => {
  it(`${WRITERS} info keys, ${WRITERS / 2} nested product keys, ${WRITERS / 2} team additions and renames at once (domain functions)`, async () => {
    const initial = { about: "Kept", product: { name: "One" }, team: [{ id: "3f0c8a52-57a4-4a57-9d43-8f3f0b7b2a01", name: "Ann" }] };
    const customer = await newCustomer(user.id, { name: "Contended", info: initial });
    const topKeys = Array.from({ length: WRITERS }, (_, index) => `key_${index}`);
    const productKeys = Array.from({ length: WRITERS / 2 }, (_, index) => `p_${index}`);
    const members = Array.from({ length: WRITERS / 2 }, (_, index) => `Member ${index}`);
    const names = Array.from({ length: 5 }, (_, index) => `Contended ${index}`);

    const writes = interleave<() => Promise<unknown>>([
      ...topKeys.map((key, index) => () => updateCustomer({ userId: user.id, customerId: customer.id, changes: { info: { [key]: index } } })),
      ...productKeys.map((key, index) => () => updateCustomer({ userId: user.id, customerId: customer.id, changes: { info: { product: { [key]: index } } } })),
      ...members.map((name) => () => addTeamMember({ userId: user.id, customerId: customer.id, member: { name } })),
      ...names.map((name) => () => updateCustomer({ userId: user.id, customerId: customer.id, changes: { name } })),
    ]);
    const results = await Promise.all(writes.map((write) => write()));
    expect(results.every((result) => result !== null && result !== "not_found" && result !== "full")).toBe(true);

    const info = await storedInfo(customer.id);
    const expected = {
      about: "Kept",
      ...Object.fromEntries(topKeys.map((key, index) => [key, index])),
      product: { name: "One", ...Object.fromEntries(productKeys.map((key, index) => [key, index])) },
    };
    const teamNames = (info.team ?? []).map((member) => member.name);
    const lost = [
      ...lostKeys(expected, info),
      ...["Ann", ...members].filter((name) => !teamNames.includes(name)).map((name) => `team[${name}]`),
    ];
    report("domain", writes.length, lost);
    expect(lost).toEqual([]);
    expect(info.team).toHaveLength(members.length + 1);
    expect(new Set(info.team!.map((member) => member.id)).size).toBe(members.length + 1);
    const stored = await ownerPrisma().customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect(names).toContain(stored.name);
    expect(stored.status).toBe("lead");
    expect(await ownerPrisma().customerEvent.count({ where: { customerId: customer.id } })).toBe(0);
  });

  it(`${WRITERS} concurrent PUT /api/customers/:id, each with its own info keys, all answer 200 and all keys stay`, async () => {
    const customer = await newCustomer(user.id, { name: "Contended API", info: { vertical: "Retail", product: { name: "One" } } });
    const bodies = Array.from({ length: WRITERS }, (_, index) => ({
      info: index % 2 ? { [`api_${index}`]: { value: index } } : { [`api_${index}`]: index, product: { [`sku_${index}`]: index } },
    }));
    const responses = await Promise.all(
      bodies.map((body) => api("PUT", `/api/customers/${customer.id}`, { cookie: user.cookie, body })),
    );
    expect(responses.map((response) => response.status)).toEqual(bodies.map(() => 200));
    // Each writer's own response already holds its own keys (it read what it wrote).
    const answered = await Promise.all(responses.map(async (response) => ((await response.json()) as { customer: { info: Info } }).customer.info));
    answered.forEach((info, index) => expect(lostKeys(bodies[index]!.info, info)).toEqual([]));

    const info = await storedInfo(customer.id);
    const expected: Info = { vertical: "Retail", product: { name: "One" } };
    for (const body of bodies) {
      const { product, ...rest } = body.info as Info;
      Object.assign(expected, rest);
      Object.assign(expected.product!, product ?? {});
    }
    const lost = lostKeys(expected, info);
    report("API PUT", bodies.length, lost);
    expect(lost).toEqual([]);
    expect(info).toEqual(expected);
  });

  it("control: the same writers doing read-modify-write in JS do lose keys, so the check above can see a loss", async () => {
    const customer = await newCustomer(user.id, { name: "Naive", info: {} });
    const keys = Array.from({ length: WRITERS }, (_, index) => `naive_${index}`);
    await Promise.all(
      keys.map(async (key, index) => {
        const info = await storedInfo(customer.id);
        await ownerPrisma().customer.update({ where: { id: customer.id }, data: { info: { ...info, [key]: index } as Prisma.InputJsonObject } });
      }),
    );
    const lost = lostKeys(Object.fromEntries(keys.map((key, index) => [key, index])), await storedInfo(customer.id));
    console.log(`control (read-modify-write in JS): ${keys.length} writes, keys lost: ${lost.length}`);
    expect(lost.length).toBeGreaterThan(0);
  });

  it("concurrent team additions, edits and removals on the same team each land exactly once", async () => {
    const team = Array.from({ length: 10 }, (_, index) => ({ id: randomUUID(), name: `Old ${index}`, role: "Before" }));
    const customer = await newCustomer(user.id, { name: "Team churn", info: { team } });
    const removed = team.slice(0, 4);
    const edited = team.slice(4, 8);
    const untouched = team.slice(8);
    const added = Array.from({ length: WRITERS / 2 }, (_, index) => `New ${index}`);
    const ok = (result: unknown) => result === "ok";
    const writes = interleave<() => Promise<boolean>>([
      ...removed.map((member) => () => removeTeamMember({ userId: user.id, customerId: customer.id, memberId: member.id }).then(ok)),
      ...edited.map((member) => () => updateTeamMember({ userId: user.id, customerId: customer.id, memberId: member.id, member: { name: member.name, role: "After" } }).then(ok)),
      ...added.map((name) => () => addTeamMember({ userId: user.id, customerId: customer.id, member: { name, role: "New" } }).then(ok)),
      ...Array.from({ length: 10 }, (_, index) => async () =>
        (await updateCustomer({ userId: user.id, customerId: customer.id, changes: { info: { [`side_${index}`]: true } } })) !== null),
    ]);
    const results = await Promise.all(writes.map((write) => write()));
    expect(results.every(Boolean)).toBe(true);

    const info = await storedInfo(customer.id);
    const byName = new Map((info.team ?? []).map((member) => [member.name as string, member]));
    const lost = [
      ...removed.filter((member) => byName.has(member.name)).map((member) => `resurrected ${member.name}`),
      ...edited.filter((member) => byName.get(member.name)?.role !== "After").map((member) => `edit of ${member.name}`),
      ...untouched.filter((member) => byName.get(member.name)?.role !== "Before").map((member) => `untouched ${member.name}`),
      ...added.filter((name) => !byName.has(name)).map((name) => `added ${name}`),
      ...Array.from({ length: 10 }, (_, index) => `side_${index}`).filter((key) => info[key] !== true),
    ];
    report("team churn", writes.length, lost);
    expect(lost).toEqual([]);
    expect(info.team).toHaveLength(edited.length + untouched.length + added.length);
    // Edited and untouched members keep their ids and their place.
    expect(info.team!.slice(0, 6).map((member) => member.id)).toEqual([...edited, ...untouched].map((member) => member.id));
  });
});

// ----------------------------------------------------- status changes ----

/**
 * A test-only log of the customer row's serial history: every UPDATE of a
 * customer and every status_change event, numbered by a sequence inside the
 * writing transaction. A writer holds the row lock from its UPDATE to its
 * commit, so for one customer the numbers follow the commit order. SECURITY
 * DEFINER: the app's own role need not be able to write the log.
 */
const STATUS_LOG = `
  CREATE TABLE reliability_status_log (
    seq bigserial PRIMARY KEY,
    tx bigint NOT NULL,
    kind text NOT NULL,
    customer_id uuid NOT NULL,
    from_status text,
    to_status text
  );
  CREATE FUNCTION reliability_log_customer_update() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  BEGIN
    INSERT INTO reliability_status_log (tx, kind, customer_id, from_status, to_status)
    VALUES (txid_current(), 'update', NEW.id, OLD.status, NEW.status);
    RETURN NULL;
  END
  $$;
  CREATE FUNCTION reliability_log_status_event() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  BEGIN
    INSERT INTO reliability_status_log (tx, kind, customer_id, from_status, to_status)
    VALUES (txid_current(), 'event', NEW.customer_id, NEW.metadata->>'from', NEW.metadata->>'to');
    RETURN NULL;
  END
  $$;
  CREATE TRIGGER reliability_log_customer_update AFTER UPDATE ON customers
    FOR EACH ROW EXECUTE FUNCTION reliability_log_customer_update();
  CREATE TRIGGER reliability_log_status_event AFTER INSERT ON customer_events
    FOR EACH ROW WHEN (NEW.event_type = 'status_change') EXECUTE FUNCTION reliability_log_status_event();`;

const DROP_STATUS_LOG = `
  DROP TRIGGER IF EXISTS reliability_log_customer_update ON customers;
  DROP TRIGGER IF EXISTS reliability_log_status_event ON customer_events;
  DROP FUNCTION IF EXISTS reliability_log_customer_update();
  DROP FUNCTION IF EXISTS reliability_log_status_event();
  DROP TABLE IF EXISTS reliability_status_log;`;

interface LogRow {
  seq: string;
  tx: string;
  kind: "update" | "event";
  from_status: string | null;
  to_status: string | null;
}

function statusLog(customerId: string) {
  return sql<LogRow>(
    "SELECT seq::text, tx::text, kind, from_status, to_status FROM reliability_status_log l WHERE customer_id = $1 ORDER BY l.seq",
    [customerId],
  );
}

/**
 * Checks the history against the rules: as many writers updated the row (once
 * each) as the caller knows changed it, since a writer that changes nothing
 * writes nothing, not even updated_at; the updates chain from the initial to
 * the final status; each update that changed the status wrote exactly one
 * matching event in the same transaction, and no other update wrote one;
 * customer_events holds exactly those events.
 */
async function expectConsistentHistory(customerId: string, initial: string, updated: { min: number; max: number }) {
  const log = await statusLog(customerId);
  const updates = log.filter((row) => row.kind === "update");
  const events = log.filter((row) => row.kind === "event");
  const { status: finalStatus } = await ownerPrisma().customer.findUniqueOrThrow({ where: { id: customerId } });

  expect(updates.length).toBeGreaterThanOrEqual(updated.min);
  expect(updates.length).toBeLessThanOrEqual(updated.max);
  let current = initial;
  for (const update of updates) {
    expect(update.from_status).toBe(current);
    current = update.to_status!;
  }
  expect(finalStatus).toBe(current);

  const changes = updates.filter((update) => update.from_status !== update.to_status);
  for (const update of updates) {
    const own = events.filter((event) => event.tx === update.tx);
    if (update.from_status === update.to_status) expect(own).toEqual([]);
    else expect(own.map((event) => [event.from_status, event.to_status])).toEqual([[update.from_status, update.to_status]]);
  }
  expect(events.map((event) => [event.from_status, event.to_status])).toEqual(
    changes.map((update) => [update.from_status, update.to_status]),
  );
  if (changes.length) expect(events.at(-1)!.to_status).toBe(finalStatus);

  const stored = await ownerPrisma().customerEvent.findMany({
    where: { customerId, eventType: "status_change" },
    select: { title: true, metadata: true },
  });
  const key = (from: string | null, to: string | null) => `${from}->${to}`;
  expect(stored.map((event) => key((event.metadata as { from: string }).from, (event.metadata as { to: string }).to)).sort()).toEqual(
    changes.map((update) => key(update.from_status, update.to_status)).sort(),
  );
  for (const event of stored) {
    const { from, to } = event.metadata as { from: string; to: string };
    expect(event.title).toBe(statusChangeTitle(from, to));
  }
  return { updates: updates.length, changes: changes.length, finalStatus };
}

/** Each status twice in a row: run one after the other, every second write changes nothing. */
function statusFor(index: number): CustomerStatus {
  return CUSTOMER_STATUSES[(Math.floor(index / 2) * 5 + 1) % CUSTOMER_STATUSES.length]!;
}

describe("concurrent status changes", () => {
  beforeAll(() => ownerExec(STATUS_LOG));
  afterAll(() => ownerExec(DROP_STATUS_LOG));

  it(`${WRITERS} status changes at once (domain): the final status is the last event's, one event per real change`, async () => {
    const customer = await newCustomer(user.id, { name: "Status race", status: "lead" });
    const targets = Array.from({ length: WRITERS }, (_, index) => statusFor(index));
    const results = await Promise.all(targets.map((status) => updateStatus({ userId: user.id, customerId: customer.id, status })));
    results.forEach((result, index) => expect(result?.status).toBe(targets[index]));
    // Only the domain knows which writes found the status already set.
    const changed = results.filter((result) => result?.changed).length;
    const history = await expectConsistentHistory(customer.id, "lead", { min: changed, max: changed });
    expect(history.changes).toBe(changed);
    console.log(`concurrency (status, domain): ${targets.length} writes, ${history.changes} changes, final ${history.finalStatus}`);
  });

  it("status changes through PATCH /status and PUT (with info) at once: same rules, and no info key lost", async () => {
    const customer = await newCustomer(user.id, { name: "Status race API", status: "live", info: { kept: true } });
    const requests = Array.from({ length: WRITERS }, (_, index) => {
      const status = statusFor(index + 3);
      return index % 2
        ? { method: "PATCH", path: `/api/customers/${customer.id}/status`, body: { status } }
        : { method: "PUT", path: `/api/customers/${customer.id}`, body: { status, info: { [`with_status_${index}`]: index } } };
    });
    const responses = await Promise.all(
      requests.map((request) => api(request.method, request.path, { cookie: user.cookie, body: request.body })),
    );
    expect(responses.map((response) => response.status)).toEqual(requests.map(() => 200));
    // Every PUT adds an info key, so it writes; a PATCH to the status already set does not.
    const puts = requests.filter((request) => request.method === "PUT").length;
    const history = await expectConsistentHistory(customer.id, "live", { min: puts, max: requests.length });

    const info = await storedInfo(customer.id);
    const expected = Object.fromEntries(
      requests.flatMap((request) => Object.entries((request.body as { info?: Info }).info ?? {})),
    );
    const lost = lostKeys({ kept: true, ...expected }, info);
    report("status + info via API", requests.length, lost);
    console.log(`concurrency (status, API): ${requests.length} writes, ${history.changes} changes, final ${history.finalStatus}`);
    expect(lost).toEqual([]);
  });
});
