import { z } from "zod";
import { isoDate, money, requiredText, shortText } from "~/utils/fields";
import { fieldsOf, type FormValues } from "~/utils/edit-merge";
import { AGREEMENT_LIMITS, AGREEMENT_TYPES, BILLING_PERIODS, type AgreementType } from "./constants";
import { pricingFormValues } from "./pricing";

/**
 * What a client may send to create or change an agreement, for the JSON API
 * and the pages' forms alike; both end as an AgreementInput. Browser-safe.
 */

/**
 * A number as JSON sends it, or as the text of one (what a form posts) — and
 * nothing else: not null, true, "" or [7], which z.coerce would take for 0, 1,
 * 0 and 7.
 */
const NUMBER_TEXT = /^-?\d+(\.\d+)?$/;
const numeric = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && NUMBER_TEXT.test(value.trim()) ? Number(value.trim()) : value), schema);

/** At most two decimals, judged on the number's shortest text (0.29 * 100 is not an integer in binary). */
const TWO_DECIMALS = /^-?\d+(\.\d{1,2})?$/;

const hours = (label: string) =>
  numeric(
    z
      .number({ required_error: `${label} must be a number`, invalid_type_error: `${label} must be a number` })
      .min(0, `${label} cannot be negative`)
      .max(AGREEMENT_LIMITS.hours, `${label} must be at most ${AGREEMENT_LIMITS.hours}`)
      .refine((value) => TWO_DECIMALS.test(String(value)), `${label} takes at most two decimals`),
  );

/** `pricing` per type (DOMAIN.md); money as exact two-decimal strings. */
export const PRICING_SCHEMAS = {
  retainer: z
    .object({
      amount: money("Amount", { positive: true }),
      period: z.enum(BILLING_PERIODS, { errorMap: () => ({ message: `Period must be one of: ${BILLING_PERIODS.join(", ")}` }) }),
      hours_included: hours("Hours included").optional(),
    })
    .strict(),
  fixed_fee: z.object({ amount: money("Amount", { positive: true }) }).strict(),
  hourly: z.object({ rate: money("Rate", { positive: true }), hours_cap: hours("Hours cap").optional() }).strict(),
  other: z.object({ note: shortText("Note", AGREEMENT_LIMITS.note).optional() }).strict(),
} satisfies Record<AgreementType, z.ZodTypeAny>;

export type Pricing = z.output<(typeof PRICING_SCHEMAS)[AgreementType]>;

const agreementType = z.enum(AGREEMENT_TYPES, {
  errorMap: () => ({ message: `Type must be one of: ${AGREEMENT_TYPES.join(", ")}` }),
});
const noticeDays = numeric(
  z
    .number({ required_error: "Notice must be a number of days", invalid_type_error: "Notice must be a number of days" })
    .int("Notice must be a whole number of days")
    .min(0, "Notice cannot be negative")
    .max(AGREEMENT_LIMITS.noticeDays, `Notice must be at most ${AGREEMENT_LIMITS.noticeDays} days`),
);
const scope = requiredText("Scope", AGREEMENT_LIMITS.scope);
const optionalDate = (label: string) => isoDate(label).nullable().optional();

/** A validated agreement, as the domain functions take it. */
export interface AgreementInput {
  scope: string;
  type: AgreementType;
  startDate: string | null;
  endDate: string | null;
  noticeDays: number;
  pricing: Pricing;
}

function endNotBeforeStart(value: { start_date?: string | null; end_date?: string | null }, ctx: z.RefinementCtx) {
  if (value.start_date && value.end_date && value.end_date < value.start_date) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["end_date"], message: "End date cannot be before the start date" });
  }
}

/** Validates `pricing` against `type`, reporting issues under `pricing.<field>`. */
function pricingFor(type: AgreementType, pricing: unknown, ctx: z.RefinementCtx, path: string[] = ["pricing"]): Pricing {
  const result = PRICING_SCHEMAS[type].safeParse(pricing ?? {});
  if (result.success) return result.data;
  for (const issue of result.error.issues) ctx.addIssue({ ...issue, path: [...path, ...issue.path] });
  return z.NEVER;
}

// ----------------------------------------------------------------- API ----

export const CreateAgreementApiSchema = z
  .object({
    scope,
    type: agreementType.default("retainer"),
    start_date: optionalDate("Start date"),
    end_date: optionalDate("End date"),
    notice_days: noticeDays.optional(),
    pricing: z.unknown().optional(),
  })
  .strict()
  .superRefine(endNotBeforeStart)
  .transform(
    (value, ctx): AgreementInput => ({
      scope: value.scope,
      type: value.type,
      startDate: value.start_date ?? null,
      endDate: value.end_date ?? null,
      noticeDays: value.notice_days ?? 30,
      pricing: pricingFor(value.type, value.pricing, ctx),
    }),
  );

/** PATCH: any of the fields; pricing is checked against the resulting type by the domain. */
export const UpdateAgreementApiSchema = z
  .object({
    scope: scope.optional(),
    type: agreementType.optional(),
    start_date: optionalDate("Start date"),
    end_date: optionalDate("End date"),
    notice_days: noticeDays.optional(),
    pricing: z.record(z.unknown()).optional(),
  })
  .strict()
  .superRefine(endNotBeforeStart);
export type AgreementPatch = z.output<typeof UpdateAgreementApiSchema>;

/**
 * The pricing a patch ends with, validated against the type it ends with; its
 * issues keyed as the API keys them on create (`pricing.amount`, an unknown
 * key under its own name).
 */
export function pricingAfterPatch(
  type: AgreementType,
  pricing: unknown,
): { ok: true; pricing: Pricing } | { ok: false; issues: Record<string, string[]> } {
  const result = PRICING_SCHEMAS[type].safeParse(pricing ?? {});
  if (result.success) return { ok: true, pricing: result.data };
  const issues = new Map<string, string[]>();
  const add = (path: ReadonlyArray<string | number>, message: string) => {
    const key = ["pricing", ...path].join(".");
    issues.set(key, [...(issues.get(key) ?? []), message]);
  };
  for (const issue of result.error.issues) {
    if (issue.code === z.ZodIssueCode.unrecognized_keys) for (const key of issue.keys) add([...issue.path, key], "Unknown field");
    else add(issue.path, issue.message);
  }
  return { ok: false, issues: Object.fromEntries(issues) };
}

export const TerminateApiSchema = z
  .object({
    date: isoDate("Date").optional(),
    reason: shortText("Reason", AGREEMENT_LIMITS.reason).optional(),
  })
  .strict();

/** Suspend, resume and renew take no fields: an empty object, or no body at all. */
export const NoFieldsApiSchema = z.object({}).strict();

// --------------------------------------------------------------- forms ----

const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);

/** The agreement form's pricing inputs, by the domain's field name, for each type. */
type FormPricingInputs = Partial<Record<"amount" | "period" | "hoursIncluded" | "rate" | "hoursCap" | "note", string>>;

/** The posted pricing fields that belong to `type`, keyed as `pricing` stores them; blanks left out. */
function formPricing(type: AgreementType, value: FormPricingInputs): Record<string, string> {
  const byType: Record<AgreementType, Record<string, string | undefined>> = {
    retainer: { amount: value.amount, period: value.period, hours_included: value.hoursIncluded },
    fixed_fee: { amount: value.amount },
    hourly: { rate: value.rate, hours_cap: value.hoursCap },
    other: { note: value.note },
  };
  return Object.fromEntries(
    Object.entries(byType[type]).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ""),
  );
}

// A pricing problem is reported on the form field that holds it.
const FORM_FIELD: Record<string, string> = { hours_included: "hoursIncluded", hours_cap: "hoursCap" };

/**
 * The agreement form: flat fields. Every pricing field is posted (without
 * JavaScript all of them are shown); only those of the chosen type are read.
 * The checks across fields are a refinement rather than part of the
 * transform so that they report together with the single-field ones: a form
 * with a blank scope and a blank amount shows both errors at once.
 */
export const AgreementFormSchema = z
  .object({
    // Required is checked with the cross-field rules below rather than here:
    // Conform reads a blank field as missing, and a missing string stops Zod
    // before any refinement runs, holding back every other field's error.
    scope: shortText("Scope", AGREEMENT_LIMITS.scope).optional(),
    type: agreementType.default("retainer"),
    startDate: z.preprocess(blankToUndefined, isoDate("Start date").optional()),
    endDate: z.preprocess(blankToUndefined, isoDate("End date").optional()),
    noticeDays: z.preprocess(blankToUndefined, noticeDays.optional()),
    amount: z.string().optional(),
    period: z.string().optional(),
    hoursIncluded: z.string().optional(),
    rate: z.string().optional(),
    hoursCap: z.string().optional(),
    note: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    if (!value.scope) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["scope"], message: "Scope is required" });
    if (value.startDate && value.endDate && value.endDate < value.startDate) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["endDate"], message: "End date cannot be before the start date" });
    }
    const result = PRICING_SCHEMAS[value.type].safeParse(formPricing(value.type, value));
    if (result.success) return;
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? "amount");
      ctx.addIssue({ ...issue, path: [FORM_FIELD[key] ?? key] });
    }
  })
  .transform(
    (value): AgreementInput => ({
      // Present: the refinement above refused a form without it.
      scope: value.scope ?? "",
      type: value.type,
      startDate: value.startDate ?? null,
      endDate: value.endDate ?? null,
      noticeDays: value.noticeDays ?? 30,
      // Checked by the refinement above; parsed again for its output (money as "1500.00").
      pricing: PRICING_SCHEMAS[value.type].parse(formPricing(value.type, value)),
    }),
  );

/** The agreement form's fields and their labels (as shown without JavaScript): a refused edit names them. */
export const AGREEMENT_FORM_LABELS = {
  scope: "Scope",
  type: "Type",
  noticeDays: "Notice (days)",
  startDate: "Start date",
  endDate: "End date",
  amount: "Amount",
  period: "Billing period",
  hoursIncluded: "Hours included",
  rate: "Hourly rate",
  hoursCap: "Hours cap",
  note: "Pricing note",
} as const;
export type AgreementFormField = keyof typeof AGREEMENT_FORM_LABELS;
export const AGREEMENT_FORM_FIELDS = fieldsOf(AGREEMENT_FORM_LABELS);
export const PRICING_FORM_FIELDS: readonly AgreementFormField[] = ["amount", "period", "hoursIncluded", "rate", "hoursCap", "note"];

/** What the agreement form shows for a stored agreement, field by field. */
export function agreementFormValues(
  agreement: Pick<AgreementInput, "scope" | "type" | "startDate" | "endDate" | "noticeDays"> & { pricing: unknown },
): FormValues {
  const values: Partial<Record<AgreementFormField, string>> = {
    scope: agreement.scope,
    type: agreement.type,
    startDate: agreement.startDate ?? undefined,
    endDate: agreement.endDate ?? undefined,
    noticeDays: String(agreement.noticeDays),
    ...pricingFormValues(agreement.pricing),
  };
  return Object.fromEntries(AGREEMENT_FORM_FIELDS.map((field) => [field, values[field] ?? ""]));
}

/**
 * The change an edit form makes, as the domain's patch: the fields in
 * `edit.changed`. Pricing goes whole when the type or any of its fields
 * changed, built from `edit.merged` — the user's values where they changed
 * them, the stored ones elsewhere — for the type the agreement ends with.
 */
export function patchFromForm(input: AgreementInput, edit: { changed: readonly string[]; merged: FormValues }): AgreementPatch {
  const changed = new Set(edit.changed);
  const patch: AgreementPatch = {};
  if (changed.has("scope")) patch.scope = input.scope;
  if (changed.has("type")) patch.type = input.type;
  if (changed.has("startDate")) patch.start_date = input.startDate;
  if (changed.has("endDate")) patch.end_date = input.endDate;
  if (changed.has("noticeDays")) patch.notice_days = input.noticeDays;
  if (changed.has("type") || PRICING_FORM_FIELDS.some((field) => changed.has(field))) {
    const type = changed.has("type") ? input.type : (AGREEMENT_TYPES.find((candidate) => candidate === edit.merged.type) ?? input.type);
    patch.pricing = formPricing(type, edit.merged);
  }
  return patch;
}

export const TerminateFormSchema = z.object({
  agreementId: z.string().uuid("Unknown agreement"),
  date: z.preprocess(blankToUndefined, isoDate("Date").optional()),
  reason: z.preprocess(blankToUndefined, shortText("Reason", AGREEMENT_LIMITS.reason).optional()),
});

export const AgreementIdFormSchema = z.object({ agreementId: z.string().uuid("Unknown agreement") });
