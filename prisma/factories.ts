import type { AgreementStatus } from "~/agreements/constants";
import { CUSTOMER_STATUSES, EVENT_TYPES } from "~/customers/constants";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";

/**
 * Builders of realistic data, shared by the seed and the tests so that what
 * a developer clicks through is what the tests exercise. Deterministic for a
 * given seed (a small PRNG, no faker dependency).
 */

export function createRandom(seed = 1) {
  let state = seed >>> 0 || 1;
  const next = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    /** A version-4-shaped UUID from the sequence, so seeded ids repeat with the seed. */
    uuid: () => {
      const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join("");
      const variant = "89ab"[Math.floor(next() * 4)]!;
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20)}`;
    },
  };
}
export type Random = ReturnType<typeof createRandom>;

const PREFIXES = ["Acme", "Northwind", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay", "Pied Piper", "Soylent", "Tyrell", "Cyberdyne", "Aperture", "Wonka", "Gringotts", "Oscorp", "Monarch", "Bluth", "Dunder"] as const;
const SUFFIXES = ["Corp", "Labs", "Health", "Logistics", "Analytics", "Foods", "Studio", "Systems", "Capital", "Robotics"] as const;
const VERTICALS = ["Healthcare", "Fintech", "Retail", "Logistics", "Education", "Manufacturing", "Media", "Energy"] as const;
const PERSONAS = ["Head of Operations", "CTO", "VP Marketing", "Founder", "Product Lead", "CFO"] as const;
const STAGES = ["idea", "mvp", "growth", "mature"] as const;
const CATEGORIES = ["SaaS", "Marketplace", "Mobile app", "Internal tool", "API platform"] as const;
const FIRST = ["Maya", "Liam", "Sofia", "Noah", "Aisha", "Mateo", "Chen", "Olivia", "Kwame", "Ingrid", "Ravi", "Elena"] as const;
const LAST = ["Okafor", "Schmidt", "Tanaka", "Garcia", "Novak", "Hughes", "Singh", "Rossi", "Dubois", "Larsen"] as const;
const ROLES = ["CEO", "CTO", "Product Manager", "Engineering Lead", "Designer", "Marketing Director", "Operations"] as const;
const EVENT_TITLES = ["Kick-off meeting", "Discovery call", "Sent proposal", "Quarterly review", "Follow-up email", "Workshop on roadmap", "Pricing discussion", "Demo of prototype"] as const;

export function companyName(random: Random): string {
  return `${random.pick(PREFIXES)} ${random.pick(SUFFIXES)}`;
}

export function personName(random: Random): string {
  return `${random.pick(FIRST)} ${random.pick(LAST)}`;
}

export interface TeamMemberData {
  /** Every stored member has one: the team forms edit and remove by it. */
  id: string;
  name: string;
  role?: string;
  email?: string;
  notes?: string;
}

export function buildTeamMember(random: Random): TeamMemberData {
  const name = personName(random);
  return {
    id: random.uuid(),
    name,
    role: random.pick(ROLES),
    email: `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@example.com`,
  };
}

export function buildCustomerInfo(random: Random, name: string): Prisma.InputJsonObject {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return {
    about: `${name} is a ${random.pick(["fast-growing", "established", "family-owned", "venture-backed"])} company we help with product and delivery.`,
    vertical: random.pick(VERTICALS),
    persona: random.pick(PERSONAS),
    icp: random.pick(["Mid-market B2B", "Enterprise", "SMB", "Consumer"]),
    product: {
      name: `${name.split(" ")[0]} ${random.pick(["One", "Hub", "Cloud", "Go", "Pro"])}`,
      stage: random.pick(STAGES),
      category: random.pick(CATEGORIES),
      description: "The customer's flagship product.",
      url: `https://${slug}.example.com`,
    },
    team: Array.from({ length: random.int(0, 4) }, () => ({ ...buildTeamMember(random) })),
  };
}

type Db = PrismaClient | Prisma.TransactionClient;

/** A customer as the child factories need it: each child row carries its customer's user_id too. */
export interface CustomerRef {
  id: string;
  userId: string;
}

export async function insertUser(db: Db, data: { email: string; name: string; passwordHash?: string }) {
  return db.user.create({
    data: {
      email: data.email.toLowerCase(),
      name: data.name,
      ...(data.passwordHash ? { password: { create: { hash: data.passwordHash } } } : {}),
    },
  });
}

export async function insertCustomer(
  db: Db,
  userId: string,
  data: { name?: string; status?: string; info?: Prisma.InputJsonObject; updatedAt?: Date; createdAt?: Date } = {},
  random: Random = createRandom(),
) {
  const name = data.name ?? companyName(random);
  return db.customer.create({
    data: {
      userId,
      name,
      status: data.status ?? random.pick(CUSTOMER_STATUSES),
      info: data.info ?? buildCustomerInfo(random, name),
      ...(data.createdAt ? { createdAt: data.createdAt } : {}),
      ...(data.updatedAt ? { updatedAt: data.updatedAt } : {}),
    },
  });
}

export async function insertEvents(db: Db, customer: CustomerRef, count: number, random: Random = createRandom()) {
  const now = Date.now();
  await db.customerEvent.createMany({
    data: Array.from({ length: count }, (_, index) => ({
      userId: customer.userId,
      customerId: customer.id,
      eventType: random.pick(EVENT_TYPES),
      title: random.pick(EVENT_TITLES),
      description: "Notes from the conversation.",
      participants: [personName(random), personName(random)],
      eventDate: new Date(now - (index + 1) * random.int(1, 9) * 86_400_000),
    })),
  });
}

/** An agreement with one invoice, a part payment and a project: enough for every stat. */
export async function insertCommercials(
  db: Db,
  customer: CustomerRef,
  random: Random = createRandom(),
  // Unique among the user's invoices (a random number would repeat across customers).
  invoiceNumber = `INV-${customer.id.slice(0, 8).toUpperCase()}`,
) {
  const parent = { userId: customer.userId, customerId: customer.id };
  const agreement = await db.agreement.create({
    data: {
      ...parent,
      scope: random.pick(["Product discovery", "Monthly retainer", "MVP build", "Design sprint"]),
      type: "retainer",
      startDate: new Date(Date.now() - 60 * 86_400_000),
      endDate: new Date(Date.now() + 120 * 86_400_000),
      pricing: { amount: `${random.int(2, 20) * 1000}.00`, period: random.pick(["month", "quarter"]) },
    },
  });
  const amount = random.int(2, 20) * 500;
  const invoice = await db.receivable.create({
    data: {
      ...parent,
      type: "invoice",
      amount,
      date: new Date(Date.now() - 30 * 86_400_000),
      description: "Invoice for last month",
      reference: invoiceNumber,
      linkedAgreementId: agreement.id,
    },
  });
  await db.receivable.create({
    data: {
      ...parent,
      type: "payment",
      amount: Math.round(amount / 2),
      date: new Date(Date.now() - 10 * 86_400_000),
      status: "received",
      linkedInvoiceId: invoice.id,
      linkedAgreementId: agreement.id,
    },
  });
  await db.project.create({
    data: {
      ...parent,
      agreementId: agreement.id,
      name: random.pick(["Onboarding revamp", "Mobile launch", "Data platform", "Checkout redesign"]),
      description: "Delivery under the current agreement.",
      status: random.pick(["planning", "active", "active", "on_hold"]),
    },
  });
  return agreement;
}

const DAY_MS = 86_400_000;
const daysFromToday = (days: number) => new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS + days * DAY_MS);

/** Dates and override that give an agreement the computed status `status` today (UTC), with 30 days' notice. */
export function agreementShapeFor(status: AgreementStatus) {
  const shapes: Record<AgreementStatus, { startDate: Date | null; endDate: Date | null; overrideStatus: string | null }> = {
    upcoming: { startDate: daysFromToday(20), endDate: daysFromToday(385), overrideStatus: null },
    active: { startDate: daysFromToday(-90), endDate: daysFromToday(275), overrideStatus: null },
    expiring_soon: { startDate: daysFromToday(-340), endDate: daysFromToday(12), overrideStatus: null },
    expired: { startDate: daysFromToday(-400), endDate: daysFromToday(-35), overrideStatus: null },
    suspended: { startDate: daysFromToday(-60), endDate: daysFromToday(120), overrideStatus: "suspended" },
    terminated: { startDate: daysFromToday(-200), endDate: daysFromToday(-14), overrideStatus: "terminated" },
  };
  return { ...shapes[status], noticeDays: 30 };
}

const PRICINGS = [
  { type: "retainer", pricing: { amount: "1500.00", period: "month", hours_included: 10 } },
  { type: "fixed_fee", pricing: { amount: "12000.00" } },
  { type: "hourly", pricing: { rate: "95.00", hours_cap: 40 } },
  { type: "other", pricing: { note: "Pro bono advisory" } },
] as const;

/** One agreement with the computed status `status`, its type and pricing picked by `random`. */
export function insertAgreement(db: Db, customer: CustomerRef, status: AgreementStatus, random: Random = createRandom()) {
  const { type, pricing } = random.pick(PRICINGS);
  const scopes = ["Product discovery", "Monthly retainer", "MVP build", "Design sprint", "Growth advisory", "Platform support"];
  return db.agreement.create({
    data: {
      userId: customer.userId,
      customerId: customer.id,
      scope: random.pick(scopes),
      type,
      pricing,
      ...agreementShapeFor(status),
      ...(status === "terminated" ? { terminatedOn: daysFromToday(-14), terminationReason: "Budget cut" } : {}),
    },
  });
}
