import { AGREEMENT_STATUSES } from "~/agreements/constants";
import { CUSTOMER_STATUSES } from "~/customers/constants";
import { asUser } from "~/db/scope.server";
import { DEMO_ACCOUNT, seedDemoAccount } from "../../prisma/seed";
import { ownerPrisma } from "../setup/owner";

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
    // Hashing the demo password (Argon2id) and ~30 customers take a while on a busy machine.
  }, 120_000);
});
