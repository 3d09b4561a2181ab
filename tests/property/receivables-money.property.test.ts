import fc from "fast-check";
import { AGING_BUCKETS } from "~/receivables/constants";
import { listReceivablesWithSummary } from "~/receivables/receivables.server";
import { createReceivable, updateReceivable, voidReceivable } from "~/receivables/writes.server";
import { insertCustomer } from "../../prisma/factories";
import { ownerPrisma } from "../setup/owner";
import { newUserId } from "../support/db";
import { assertProperty, numRuns, timeoutFor } from "./config";

/**
 * Money exactness (issue #13): for any sequence of invoices and payments —
 * drafts, sends, voids, partial payments, overpayments, credits applied
 * later, amounts at the cent — the summary the SQL gives satisfies
 * outstanding − credit = Σ sent invoices − Σ non-void payments, and the aging
 * buckets add up to outstanding, to the cent. The expected sums are counted
 * here in integer cents, independently of the SQL.
 */

type Step =
  | { kind: "invoice"; cents: number; draft: boolean; dueIn: number }
  | { kind: "payment"; cents: number; on: number | null }
  | { kind: "send" | "void-invoice" | "void-payment" | "apply"; pick: number; on: number };

const cents = fc.oneof(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 500_000 }), fc.constant(999_999_999_999));
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("invoice" as const), cents, draft: fc.boolean(), dueIn: fc.integer({ min: -200, max: 60 }) }),
  fc.record({ kind: fc.constant("payment" as const), cents, on: fc.option(fc.nat(), { nil: null }) }),
  fc.record({ kind: fc.constantFrom("send" as const, "void-invoice" as const, "void-payment" as const, "apply" as const), pick: fc.nat(), on: fc.nat() }),
);

const text = (value: number) => `${Math.floor(value / 100)}.${String(value % 100).padStart(2, "0")}`;
const toCents = (value: string) => {
  const negative = value.startsWith("-");
  const [whole, fraction = "0"] = value.replace("-", "").split(".");
  const result = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return negative ? -result : result;
};

let userId: string;

beforeAll(async () => {
  userId = await newUserId("Money");
});

const runs = numRuns({ quick: 12, full: 300 });

it(
  "outstanding − credit = Σ sent invoices − Σ non-void payments, and the aging buckets add up to outstanding",
  async () => {
    await assertProperty(
      "receivables money",
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const customer = await insertCustomer(ownerPrisma(), userId, { name: "Money" });
        const ref = { userId, customerId: customer.id };
        const invoices: string[] = [];
        const payments: string[] = [];
        const today = new Date().toISOString().slice(0, 10);
        for (const [index, current] of steps.entries()) {
          if (current.kind === "invoice") {
            const due = new Date(Date.now() + current.dueIn * 86_400_000).toISOString().slice(0, 10);
            const date = due < today ? due : today;
            const input = { type: "invoice" as const, amount: text(current.cents), status: current.draft ? ("draft" as const) : ("sent" as const), date, due_date: due, reference: `M-${index}` };
            const created = await createReceivable({ ...ref, input });
            if (created.ok) invoices.push(created.value.id);
          } else if (current.kind === "payment") {
            const target = current.on === null || invoices.length === 0 ? null : invoices[current.on % invoices.length]!;
            const input = { type: "payment" as const, amount: text(current.cents), status: "received" as const, linked_invoice_id: target };
            // A payment on a draft or void invoice is refused (400): recorded as credit instead.
            const first = await createReceivable({ ...ref, input });
            const created = first.ok ? first : await createReceivable({ ...ref, input: { ...input, linked_invoice_id: null } });
            if (created.ok) payments.push(created.value.id);
          } else {
            const pool = current.kind === "void-payment" || current.kind === "apply" ? payments : invoices;
            if (pool.length === 0) continue;
            const receivableId = pool[current.pick % pool.length]!;
            if (current.kind === "send") await updateReceivable({ userId, receivableId, patch: { status: "sent" } });
            else if (current.kind === "apply" && invoices.length > 0) {
              await updateReceivable({ userId, receivableId, patch: { linked_invoice_id: invoices[current.on % invoices.length]! } });
            } else await voidReceivable({ userId, receivableId });
          }
        }

        const rows = await ownerPrisma().receivable.findMany({ where: { customerId: customer.id } });
        const amount = (row: (typeof rows)[number]) => toCents(row.amount.toFixed(2));
        const invoiced = rows.filter((row) => row.type === "invoice" && row.status === "sent").reduce((sum, row) => sum + amount(row), 0);
        const paid = rows.filter((row) => row.type === "payment" && row.status !== "void").reduce((sum, row) => sum + amount(row), 0);
        const { summary } = (await listReceivablesWithSummary(ref))!;
        expect(toCents(summary.outstanding) - toCents(summary.credit)).toBe(invoiced - paid);
        expect(toCents(summary.net)).toBe(invoiced - paid);
        expect(toCents(summary.outstanding)).toBeGreaterThanOrEqual(0);
        expect(toCents(summary.credit)).toBeGreaterThanOrEqual(0);
        expect(AGING_BUCKETS.reduce((sum, bucket) => sum + toCents(summary.aging[bucket]), 0)).toBe(toCents(summary.outstanding));
        for (const value of [summary.outstanding, summary.credit, summary.net, ...Object.values(summary.aging)]) expect(value).toMatch(/^-?\d+\.\d{2}$/);
      }),
      runs,
    );
  },
  timeoutFor(runs, 4000),
);
