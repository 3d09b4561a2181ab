import { hashPassword } from "~/auth/password.server";
import { AGREEMENT_STATUSES } from "~/agreements/constants";
import { CUSTOMER_STATUSES } from "~/customers/constants";
import type { PrismaClient } from "~/generated/prisma/client";
import {
  buildCustomerInfo,
  companyName,
  createRandom,
  insertAgreement,
  insertCommercials,
  insertCustomer,
  insertEvents,
  insertUser,
} from "./factories";
import { seedDemoProjects } from "./seed-projects";
import { invoiceNumber, seedDemoReceivables } from "./seed-receivables";

export const DEMO_ACCOUNT = {
  email: "demo@customers.test",
  password: "demo-password",
  name: "Demo Consultant",
} as const;

const CUSTOMER_COUNT = 30;

/** The commercials' invoices are numbered after the demo receivables' (seed-receivables.ts). */
const COMMERCIALS_FIRST_INVOICE = 101;

/**
 * Creates the demo account with ~30 customers across every status, and its
 * receivables and projects, unless they exist already: an account seeded
 * before there were receivables or projects gets them. Returns whether it created anything.
 */
export async function seedDemoAccount(prisma: PrismaClient): Promise<boolean> {
  const existing = await prisma.user.findUnique({ where: { email: DEMO_ACCOUNT.email }, select: { id: true } });
  if (existing) {
    const receivables = await seedDemoReceivables(prisma, existing.id);
    return (await seedDemoProjects(prisma, existing.id)) || receivables;
  }
  const random = createRandom(2026);
  const user = await insertUser(prisma, {
    email: DEMO_ACCOUNT.email,
    name: DEMO_ACCOUNT.name,
    passwordHash: await hashPassword(DEMO_ACCOUNT.password),
  });
  const usedNames = new Set<string>();
  for (let index = 0; index < CUSTOMER_COUNT; index += 1) {
    let name = companyName(random);
    while (usedNames.has(name)) name = companyName(random);
    usedNames.add(name);
    const customer = await insertCustomer(
      prisma,
      user.id,
      {
        name,
        // Every status appears; the pipeline leans towards the early stages.
        status: CUSTOMER_STATUSES[index % CUSTOMER_STATUSES.length],
        info: buildCustomerInfo(random, name),
        updatedAt: new Date(Date.now() - index * 3_600_000 * random.int(1, 30)),
      },
      random,
    );
    await insertEvents(prisma, customer, random.int(1, 5), random);
    if (index % 4 === 0) await insertCommercials(prisma, customer, random, invoiceNumber(COMMERCIALS_FIRST_INVOICE + index / 4));
    // Agreements in every computed status, so each filter of /agreements shows something.
    if (index < AGREEMENT_STATUSES.length) await insertAgreement(prisma, customer, AGREEMENT_STATUSES[index]!, random);
  }
  await seedDemoReceivables(prisma, user.id);
  await seedDemoProjects(prisma, user.id);
  return true;
}
