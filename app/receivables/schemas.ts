import { z } from "zod";
import { isoDate, longText, money, shortText } from "~/utils/fields";
import { isUuid } from "~/utils/uuid";
import { RECEIVABLE_LIMITS, STORED_STATUSES } from "./constants";

/**
 * What a client may send to record or change an invoice or a payment
 * (CONTRACT.md, DOMAIN.md "Receivables", "Money"). Browser-safe: the pages'
 * forms will share these rules.
 */

/**
 * A bad link reads the same whether the id is malformed, unknown or another
 * user's: the answer never tells which ids exist.
 */
export const LINK_MESSAGES = {
  invoice: "Choose a sent invoice of this customer",
  agreement: "Choose an agreement of this customer",
} as const;

const link = (message: string) =>
  z.union([z.null(), z.string()], { errorMap: () => ({ message }) }).refine((value) => value === null || isUuid(value), message);

const amount = money("Amount", { positive: true });
const reference = shortText("Reference", RECEIVABLE_LIMITS.reference)
  .nullable()
  .transform((value) => value || null);
const description = longText("Description", RECEIVABLE_LIMITS.description)
  .nullable()
  .transform((value) => value || null);

export const DUE_BEFORE_DATE = "Due date cannot be before the invoice date";

function dueNotBeforeDate(value: { date?: string; due_date?: string }, ctx: z.RefinementCtx) {
  if (value.date && value.due_date && value.due_date < value.date) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["due_date"], message: DUE_BEFORE_DATE });
  }
}

const creationStatus = <T extends [string, ...string[]]>(allowed: T, type: string) =>
  z.enum(allowed, { errorMap: () => ({ message: `A new ${type}'s status is one of: ${allowed.join(", ")}` }) });

// Left out, `date` is the account's today and `due_date` follows from the payment terms.
const InvoiceCreate = z
  .object({
    type: z.literal("invoice"),
    amount,
    date: isoDate("Date").optional(),
    due_date: isoDate("Due date").optional(),
    status: creationStatus(["draft", "sent"], "invoice").default("sent"),
    reference: reference.optional(),
    description: description.optional(),
    linked_agreement_id: link(LINK_MESSAGES.agreement).optional(),
  })
  .strict();

const PaymentCreate = z
  .object({
    type: z.literal("payment"),
    amount,
    date: isoDate("Date").optional(),
    status: creationStatus(["received"], "payment").default("received"),
    reference: reference.optional(),
    description: description.optional(),
    linked_invoice_id: link(LINK_MESSAGES.invoice).optional(),
  })
  .strict();

export const CreateReceivableApiSchema = z
  .discriminatedUnion("type", [InvoiceCreate, PaymentCreate], {
    errorMap: (issue, ctx) =>
      issue.code === z.ZodIssueCode.invalid_union_discriminator ? { message: "Type must be one of: invoice, payment" } : { message: ctx.defaultError },
  })
  .superRefine(dueNotBeforeDate);
export type ReceivableInput = z.output<typeof CreateReceivableApiSchema>;

/**
 * PATCH: any of the fields. Which apply to the row's type, and which status
 * moves are allowed, is the domain's call (it knows the row).
 */
export const UpdateReceivableApiSchema = z
  .object({
    amount: amount.optional(),
    date: isoDate("Date").optional(),
    due_date: isoDate("Due date").optional(),
    status: z.enum(STORED_STATUSES, { errorMap: () => ({ message: `Status must be one of: ${STORED_STATUSES.join(", ")}` }) }).optional(),
    reference: reference.optional(),
    description: description.optional(),
    linked_invoice_id: link(LINK_MESSAGES.invoice).optional(),
    linked_agreement_id: link(LINK_MESSAGES.agreement).optional(),
  })
  .strict()
  .superRefine(dueNotBeforeDate);
export type ReceivablePatch = z.output<typeof UpdateReceivableApiSchema>;

/** Void takes no field: an empty object, or no body at all. */
export const VoidReceivableApiSchema = z.object({}).strict();
