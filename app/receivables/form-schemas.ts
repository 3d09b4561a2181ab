import { z } from "zod";
import { fieldsOf, type FormValues } from "~/utils/edit-merge";
import { isoDate, longText, money, shortText } from "~/utils/fields";
import { RECEIVABLE_LIMITS } from "./constants";
import { DUE_BEFORE_DATE } from "./schemas";

/**
 * The receivables tab's forms: flat, camelCase fields as a browser posts
 * them, shared by the action (parseWithZod) and the browser (Conform). They
 * end as the domain's ReceivableInput / ReceivablePatch (form-input.ts);
 * the domain still checks what only the database knows (links, numbers).
 */

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/** Which row a form acts on. Only its shape is checked here; whose it is, the action looks up. */
const rowId = (message: string) => z.string({ required_error: message }).uuid(message);

// Required is checked in the refinement rather than by a missing string, so
// that every field's error shows at once (see AgreementFormSchema).
const amount = z.string().optional();
const amountSchema = money("Amount", { positive: true });

function checkAmount(value: string | undefined, ctx: z.RefinementCtx) {
  const result = amountSchema.safeParse(value ?? "");
  if (!result.success) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["amount"], message: result.error.issues[0]!.message });
}

const text = {
  reference: (label: string) => optional(shortText(label, RECEIVABLE_LIMITS.reference)),
  description: optional(longText("Description", RECEIVABLE_LIMITS.description)),
};

export const INVOICE_SEND_CHOICES = ["draft", "sent"] as const;

export const InvoiceFormSchema = z
  .object({
    reference: text.reference("Invoice number"),
    date: optional(isoDate("Date")),
    dueDate: optional(isoDate("Due date")),
    amount,
    description: text.description,
    agreementId: optional(z.string()),
    /** New invoices only: kept as a draft or sent now. */
    status: z.enum(INVOICE_SEND_CHOICES).default("draft"),
  })
  .superRefine((value, ctx) => {
    if (!value.reference) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["reference"], message: "Invoice number is required" });
    checkAmount(value.amount, ctx);
    if (value.date && value.dueDate && value.dueDate < value.date) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["dueDate"], message: DUE_BEFORE_DATE });
    }
  })
  .transform((value) => ({ ...value, amount: amountSchema.parse(value.amount) }));
export type InvoiceForm = z.output<typeof InvoiceFormSchema>;

export const PaymentFormSchema = z
  .object({
    /** The invoice it pays; none makes it credit. */
    invoiceId: optional(z.string()),
    amount,
    date: optional(isoDate("Date")),
    reference: text.reference("Reference"),
    description: text.description,
  })
  .superRefine((value, ctx) => checkAmount(value.amount, ctx))
  .transform((value) => ({ ...value, amount: amountSchema.parse(value.amount) }));
export type PaymentForm = z.output<typeof PaymentFormSchema>;

export const ApplyPaymentFormSchema = z.object({
  receivableId: rowId("Unknown payment"),
  invoiceId: z.string({ required_error: "Choose an invoice" }).min(1, "Choose an invoice"),
});

/** The invoice form's fields and their labels: a refused edit names them (docs/decisions/0012). */
export const INVOICE_FORM_LABELS = {
  reference: "Invoice number",
  amount: "Amount",
  date: "Invoice date",
  dueDate: "Due date",
  description: "Description",
  agreementId: "Agreement",
} as const;
export type InvoiceFormField = keyof typeof INVOICE_FORM_LABELS;
export const INVOICE_FORM_FIELDS = fieldsOf(INVOICE_FORM_LABELS);

/** What the invoice form shows for a stored invoice, field by field. */
export function invoiceFormValues(invoice: {
  reference: string | null;
  amount: string;
  date: string;
  dueDate: string | null;
  description: string | null;
  linkedAgreementId: string | null;
}): FormValues {
  return {
    reference: invoice.reference ?? "",
    amount: invoice.amount,
    date: invoice.date,
    dueDate: invoice.dueDate ?? "",
    description: invoice.description ?? "",
    agreementId: invoice.linkedAgreementId ?? "",
  };
}
