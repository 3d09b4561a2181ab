import { z } from "zod";
import { fieldsOf } from "~/utils/edit-merge";
import { email as emailField, isoDateTime, longText, requiredText, shortText, url as urlField } from "~/utils/fields";
import { CUSTOMER_STATUSES, EVENT_TYPES, LIMITS } from "./constants";

/**
 * One Zod schema per input, shared by the pages (Conform, client and server)
 * and the JSON API. Imported by browser code: nothing server-only here.
 */

const statusSchema = z.enum(CUSTOMER_STATUSES, {
  errorMap: () => ({ message: `Status must be one of: ${CUSTOMER_STATUSES.join(", ")}` }),
});

const customerName = requiredText("Name", LIMITS.name);
const url = urlField();
const email = emailField();

export const TeamMemberSchema = z
  .object({
    id: z.string().uuid().optional(),
    name: requiredText("Name"),
    role: shortText("Role").optional(),
    email: email.optional(),
    notes: longText("Notes").optional(),
  })
  // info is extensible all the way down: extra keys on a member are kept.
  .passthrough();
export type TeamMemberInput = z.infer<typeof TeamMemberSchema>;

/**
 * Members are edited and removed by id, so two with one id would both be hit
 * and one of them lost. A uuid's case does not make it another id.
 */
function refuseDuplicateMemberIds(team: TeamMemberInput[], ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  team.forEach((member, index) => {
    if (member.id === undefined) return;
    const id = member.id.toLowerCase();
    if (seen.has(id)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [index, "id"], message: "Two team members have the same id" });
    }
    seen.add(id);
  });
}

// null is allowed inside info: with merge-patch semantics it removes a key.
const ProductSchema = z
  .object({
    name: shortText("Product name").nullable(),
    stage: shortText("Product stage").nullable(),
    category: shortText("Product category").nullable(),
    description: longText("Product description").nullable(),
    url: url.nullable(),
  })
  .partial()
  .passthrough();

const jsonBytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

/** `info` as the API takes it: known keys validated, unknown keys kept. */
export const InfoSchema = z
  .object({
    about: longText("About").nullable(),
    vertical: shortText("Vertical").nullable(),
    persona: shortText("Persona").nullable(),
    icp: longText("ICP").nullable(),
    product: ProductSchema.nullable(),
    team: z
      .array(TeamMemberSchema)
      .max(LIMITS.teamSize, `At most ${LIMITS.teamSize} team members`)
      .superRefine(refuseDuplicateMemberIds)
      .nullable(),
  })
  .partial()
  .passthrough()
  .refine((info) => jsonBytes(info) <= LIMITS.infoBytes, {
    message: `Info must be at most ${LIMITS.infoBytes / 1024} KB`,
  });
export type InfoPatch = z.infer<typeof InfoSchema>;

// ------------------------------------------------------------------ API ----

export const CreateCustomerApiSchema = z
  .object({ name: customerName, status: statusSchema.optional(), info: InfoSchema.optional() })
  .strict();

export const UpdateCustomerApiSchema = z
  .object({ name: customerName.optional(), status: statusSchema.optional(), info: InfoSchema.optional() })
  .strict();

export const StatusApiSchema = z.object({ status: statusSchema }).strict();

// ---------------------------------------------------------------- forms ----

export const CreateCustomerFormSchema = z.object({
  name: customerName,
  status: statusSchema.default("lead"),
});

export const StatusFormSchema = z.object({ status: statusSchema });

/** The info form's fields and their labels: the form shows them, and a refused edit names them. */
export const INFO_FORM_LABELS = {
  about: "About",
  vertical: "Vertical",
  persona: "Persona",
  icp: "Ideal customer profile",
  productName: "Product name",
  productStage: "Product stage",
  productCategory: "Product category",
  productDescription: "Product description",
  productUrl: "Product URL",
} as const;
export type InfoFormField = keyof typeof INFO_FORM_LABELS;
export const INFO_FORM_FIELDS = fieldsOf(INFO_FORM_LABELS);

/** The overview's info form: flat fields; an emptied field clears its value. */
export const InfoFormSchema = z.object({
  about: longText("About").optional(),
  vertical: shortText("Vertical").optional(),
  persona: shortText("Persona").optional(),
  icp: longText("ICP").optional(),
  productName: shortText("Product name").optional(),
  productStage: shortText("Product stage").optional(),
  productCategory: shortText("Product category").optional(),
  productDescription: longText("Product description").optional(),
  productUrl: url.optional(),
});
export type InfoFormValues = z.infer<typeof InfoFormSchema>;

/**
 * Turns the info form into a merge patch: each field in `only` (all of them
 * unless given) is set, or cleared when empty; the others are left out.
 */
export function infoPatchFromForm(values: InfoFormValues, only: readonly InfoFormField[] = INFO_FORM_FIELDS): InfoPatch {
  const sent = (field: InfoFormField) => only.includes(field);
  const orNull = (value: string | undefined) => (value === undefined || value === "" ? null : value);
  const pick = <Key extends string>(fields: Record<Key, InfoFormField>) =>
    Object.fromEntries(Object.entries<InfoFormField>(fields).filter(([, field]) => sent(field)).map(([key, field]) => [key, orNull(values[field])]));
  const patch: InfoPatch = pick({ about: "about", vertical: "vertical", persona: "persona", icp: "icp" });
  const product = pick({ name: "productName", stage: "productStage", category: "productCategory", description: "productDescription", url: "productUrl" });
  if (Object.keys(product).length) patch.product = product;
  return patch;
}

/** The member form's fields and their labels, as for the info form. */
export const MEMBER_FORM_LABELS = { name: "Name", role: "Role", email: "Email", notes: "Notes" } as const;
export const MEMBER_FORM_FIELDS = fieldsOf(MEMBER_FORM_LABELS);

export const TeamMemberFormSchema = z.object({
  name: TeamMemberSchema.shape.name,
  role: shortText("Role").optional(),
  email: email.optional(),
  notes: longText("Notes").optional(),
});

export const MemberIdFormSchema = z.object({ memberId: z.string().uuid("Unknown team member") });

export const UpdateTeamMemberFormSchema = TeamMemberFormSchema.extend({ memberId: z.string().uuid("Unknown team member") });

export const EventFormSchema = z.object({
  eventType: z.enum(EVENT_TYPES, { errorMap: () => ({ message: "Choose a type" }) }).default("note"),
  title: requiredText("Title"),
  description: longText("Description").optional(),
  // One field per participant (repeated `participants`), so a name may hold a
  // comma. The form always offers a few; an empty one is dropped. Each name
  // meets the rules of any short text (storable, visible, no overrides).
  participants: z
    .array(shortText("A participant's name").optional())
    .optional()
    .transform((names) => (names ?? []).filter((name): name is string => Boolean(name)))
    .pipe(z.array(z.string()).max(LIMITS.participants, `At most ${LIMITS.participants} participants`)),
  // A wall clock, read in the account's time zone by the action. Conform
  // reads an empty field as absent: the event is then dated now.
  eventDate: isoDateTime("Date").optional(),
});
/** An event to record: as the form gives it, but dated by an instant. */
export type EventInput = Omit<z.output<typeof EventFormSchema>, "eventDate"> & { eventDate?: Date };
