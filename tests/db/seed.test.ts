import { AGREEMENT_STATUSES } from "~/agreements/constants";
import { CUSTOMER_STATUSES } from "~/customers/constants";
import { asUser } from "~/db/scope.server";
import { DEMO_ACCOUNT, seedDemoAccount } from "../../prisma/seed";
import { ownerPrisma } from "../setup/owner";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The demo account a fresh `npm run dev` creates: something in every status to click through. */

describe("seedDemoAccount", () => {
  it("creates the demo account once, with customers in every status and agreements in every computed status", async () => {
    expect(await seedDemoAccount(ownerPrisma())).toBe(true);
    expect(await seedDemoAccount(ownerPrisma())).toBe(false);
    const user = await ownerPrisma().user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNT.email } });
    const customers = await ownerPrisma().customer.findMany({ where: { userId: user.id }, select: { status: true } });
    expect(new Set(customers.map((customer) => customer.status))).toEqual(new Set(CUSTOMER_STATUSES));
    const statuses = await asUser(user.id, (db) => db.$queryRaw<Array<{ status: string }>>`
      SELECT DISTINCT agreement_status(a.start_date, a.end_date, a.notice_days, a.override_status, app_today()) AS status
        FROM customer_agreements a`);
    expect(new Set(statuses.map((row) => row.status))).toEqual(new Set(AGREEMENT_STATUSES));
    // The team forms edit and remove a member by its id: a seeded member without one could be neither.
    const members = await ownerPrisma().$queryRaw<Array<{ id: string | null }>>`
      SELECT m->>'id' AS id FROM customers c, jsonb_array_elements(c.info->'team') m WHERE c.user_id = ${user.id}::uuid`;
    expect(members.length).toBeGreaterThan(0);
    expect(members.filter((member) => !member.id || !UUID.test(member.id))).toEqual([]);
    expect(new Set(members.map((member) => member.id)).size).toBe(members.length);
    // Hashing the demo password (Argon2id) and ~30 customers take a while on a busy machine.
  }, 120_000);
});
