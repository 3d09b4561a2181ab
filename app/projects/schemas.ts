import { z } from "zod";
import { fieldsOf, type FormValues } from "~/utils/edit-merge";
import { longText, requiredText, shortText } from "~/utils/fields";
import { isStorableText } from "~/utils/storable-text";
import { isUuid } from "~/utils/uuid";
import { withoutBidiControls } from "~/utils/visible-text";
import {
  ARTIFACT_STATUSES,
  ARTIFACT_TYPES,
  PROJECT_LIMITS,
  PROJECT_STATUSES,
  type ArtifactStatus,
  type ArtifactType,
  type ProjectStatus,
} from "./constants";

/**
 * What a client may send to create or change a project or an artifact, for
 * the JSON API (snake_case) and the pages' forms (camelCase) alike; both end
 * as the domain's ProjectInput / ArtifactInput. Browser-safe. The domain still
 * checks what only the database knows: whose agreement an id is, and which
 * workflow move the artifact's current status allows.
 */

/** A bad agreement link reads the same whether the id is malformed, unknown or another user's. */
export const AGREEMENT_LINK_MESSAGE = "Choose an agreement of this customer";

const enumOf = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.enum(values, { errorMap: () => ({ message: `${label} must be one of: ${values.join(", ")}` }) });

const projectStatus = enumOf(PROJECT_STATUSES, "Status");
const artifactType = enumOf(ARTIFACT_TYPES, "Type");
const artifactStatus = enumOf(ARTIFACT_STATUSES, "Status");

const name = requiredText("Name", PROJECT_LIMITS.name);
const title = requiredText("Title", PROJECT_LIMITS.title);
const description = longText("Description", PROJECT_LIMITS.description)
  .nullable()
  .transform((value) => value || null);

/**
 * Markdown as written: leading spaces and blank lines mean something to it, so
 * only line endings are normalised (a textarea posts CRLF), trailing blanks
 * dropped and direction overrides stripped (docs/decisions/0011). At most
 * 204,800 characters, counted after that, as the database's CHECK counts them.
 */
const content = z
  .string({ invalid_type_error: "Content must be text" })
  .nullable()
  .transform((value, ctx) => {
    if (value === null) return "";
    if (!isStorableText(value)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "Content contains characters that cannot be stored" });
      return z.NEVER;
    }
    const text = withoutBidiControls(value.replace(/\r\n?/g, "\n")).trimEnd();
    if (text.length > PROJECT_LIMITS.content) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `Content must be at most ${PROJECT_LIMITS.content} characters (200 KB)`,
      });
      return z.NEVER;
    }
    return text;
  });

const agreementLink = z
  .union([z.null(), z.string()], { errorMap: () => ({ message: AGREEMENT_LINK_MESSAGE }) })
  .transform((value) => (value === null || value.trim() === "" ? null : value.trim()))
  .refine((value) => value === null || isUuid(value), AGREEMENT_LINK_MESSAGE);

// ------------------------------------------------------------ domain ----

/** A validated project, as the domain functions take it. */
export interface ProjectInput {
  name: string;
  description: string | null;
  status: ProjectStatus;
  agreementId: string | null;
}
/** The fields to change; the rest are left as they are. */
export type ProjectPatch = Partial<ProjectInput>;

/** A validated new artifact; it starts as a draft. */
export interface ArtifactInput {
  title: string;
  type: ArtifactType;
  content: string;
}
/** The fields to change. A status goes through the workflow (moveArtifact's rules). */
export type ArtifactPatch = Partial<ArtifactInput> & { status?: ArtifactStatus };

// ----------------------------------------------------------------- API ----

export const CreateProjectApiSchema = z
  .object({
    name,
    description: description.optional(),
    status: projectStatus.default("planning"),
    agreement_id: agreementLink.optional(),
  })
  .strict()
  .transform(
    (value): ProjectInput => ({
      name: value.name,
      description: value.description ?? null,
      status: value.status,
      agreementId: value.agreement_id ?? null,
    }),
  );

export const UpdateProjectApiSchema = z
  .object({
    name: name.optional(),
    description: description.optional(),
    status: projectStatus.optional(),
    agreement_id: agreementLink.optional(),
  })
  .strict()
  .transform(({ agreement_id, ...rest }): ProjectPatch => ({ ...rest, ...(agreement_id === undefined ? {} : { agreementId: agreement_id }) }));

export const CreateArtifactApiSchema = z
  .object({
    title,
    type: artifactType.default("document"),
    content: content.optional(),
    // Accepted so a client may say so, but a new artifact is always a draft:
    // any later status is reached through the workflow, which records the review.
    status: artifactStatus.refine((value) => value === "draft", "A new artifact starts as a draft; move it with POST /api/artifacts/<id>/status").optional(),
  })
  .strict()
  .transform((value): ArtifactInput => ({ title: value.title, type: value.type, content: value.content ?? "" }));

export const UpdateArtifactApiSchema = z
  .object({
    title: title.optional(),
    type: artifactType.optional(),
    content: content.optional(),
    status: artifactStatus.optional(),
  })
  .strict();

/**
 * POST /api/artifacts/<id>/status. `from`, optional, is the status the client
 * believes it moves from: a 409 when the artifact has moved since.
 */
export const MoveArtifactApiSchema = z.object({ status: artifactStatus, from: artifactStatus.optional() }).strict();

// --------------------------------------------------------------- forms ----

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** Which row a form acts on. Only its shape is checked here; whose it is, the domain looks up. */
const rowId = (message: string) => z.string({ required_error: message }).uuid(message);

/**
 * The project form (create and edit). Required is checked in the refinement,
 * so that every field's error shows at once (see AgreementFormSchema).
 */
export const ProjectFormSchema = z
  .object({
    name: shortText("Name", PROJECT_LIMITS.name).optional(),
    description: z.preprocess(blankToUndefined, longText("Description", PROJECT_LIMITS.description).optional()),
    status: projectStatus.default("planning"),
    agreementId: z.preprocess(blankToUndefined, agreementLink.optional()),
  })
  .superRefine((value, ctx) => {
    if (!value.name) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["name"], message: "Name is required" });
  })
  .transform(
    (value): ProjectInput => ({
      name: value.name ?? "",
      description: value.description || null,
      status: value.status,
      agreementId: value.agreementId ?? null,
    }),
  );

/** `project-status`: the board's select and button. */
export const ProjectStatusFormSchema = z.object({ projectId: rowId("Unknown project"), status: projectStatus });

export const ProjectIdFormSchema = z.object({ projectId: rowId("Unknown project") });

/** The artifact form (create and edit). */
export const ArtifactFormSchema = z
  .object({
    title: shortText("Title", PROJECT_LIMITS.title).optional(),
    type: artifactType.default("document"),
    // Conform posts an empty textarea as undefined (and coerces "" to it
    // inside a preprocess too): optional, then "", so an empty one is valid.
    content: content.optional().transform((value) => value ?? ""),
  })
  .superRefine((value, ctx) => {
    if (!value.title) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["title"], message: "Title is required" });
  })
  .transform((value): ArtifactInput => ({ title: value.title ?? "", type: value.type, content: value.content }));

/** `artifact-status`: one workflow button, naming the status it moves to and the one the page showed. */
export const ArtifactStatusFormSchema = z.object({ status: artifactStatus, from: artifactStatus.optional() });

export const ArtifactIdFormSchema = z.object({ artifactId: rowId("Unknown artifact") });

// ------------------------------------------------- edits (docs/decisions/0012) ----

/** The project edit form's fields and labels: a refused edit names them. Status has its own control. */
export const PROJECT_FORM_LABELS = { name: "Name", description: "Description", agreementId: "Agreement" } as const;
export type ProjectFormField = keyof typeof PROJECT_FORM_LABELS;
export const PROJECT_FORM_FIELDS = fieldsOf(PROJECT_FORM_LABELS);

export function projectFormValues(project: { name: string; description: string | null; agreementId: string | null }): FormValues {
  return { name: project.name, description: project.description ?? "", agreementId: project.agreementId ?? "" };
}

export const ARTIFACT_FORM_LABELS = { title: "Title", type: "Type", content: "Content" } as const;
export type ArtifactFormField = keyof typeof ARTIFACT_FORM_LABELS;
export const ARTIFACT_FORM_FIELDS = fieldsOf(ARTIFACT_FORM_LABELS);

export function artifactFormValues(artifact: { title: string; type: string; content: string }): FormValues {
  return { title: artifact.title, type: artifact.type, content: artifact.content };
}

// The domain names fields as the API does; the forms' are camelCase.
const FORM_FIELD: Record<string, string> = { agreement_id: "agreementId" };

/** A domain refusal's issues, keyed by the forms' field names. */
export function formFieldErrors(issues: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(issues).map(([key, messages]) => [FORM_FIELD[key] ?? key, messages]));
}
