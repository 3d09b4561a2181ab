import type { FormValues } from "~/utils/edit-merge";
import { INFO_FORM_FIELDS, MEMBER_FORM_FIELDS } from "./schemas";

/**
 * A customer's free-form `info` as the overview reads it: the known keys, read
 * defensively, and the values its edit forms open with. Browser-safe: the
 * page renders from it, and the server measures an edit against it.
 */

export interface CustomerInfoView {
  about?: string;
  vertical?: string;
  persona?: string;
  icp?: string;
  product?: { name?: string; stage?: string; category?: string; description?: string; url?: string };
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() ? value : undefined;
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Reads the known info keys defensively: info is free-form JSON. */
export function readInfo(info: unknown): CustomerInfoView {
  const fields = record(info);
  const product = record(fields.product);
  return {
    about: text(fields.about),
    vertical: text(fields.vertical),
    persona: text(fields.persona),
    icp: text(fields.icp),
    product: {
      name: text(product.name),
      stage: text(product.stage),
      category: text(product.category),
      description: text(product.description),
      url: text(product.url),
    },
  };
}

/** What the info form shows for `info`, field by field. */
export function infoFormValues(info: CustomerInfoView): FormValues {
  const values: Record<(typeof INFO_FORM_FIELDS)[number], string | undefined> = {
    about: info.about,
    vertical: info.vertical,
    persona: info.persona,
    icp: info.icp,
    productName: info.product?.name,
    productStage: info.product?.stage,
    productCategory: info.product?.category,
    productDescription: info.product?.description,
    productUrl: info.product?.url,
  };
  return Object.fromEntries(INFO_FORM_FIELDS.map((field) => [field, values[field] ?? ""]));
}

export interface TeamMemberView {
  id: string | null;
  name: string;
  role?: string;
  email?: string;
  notes?: string;
}

/** Reads info.team defensively; members without a name are skipped. */
export function readTeam(info: unknown): TeamMemberView[] {
  const team = record(info).team;
  if (!Array.isArray(team)) return [];
  const str = (value: unknown) => (typeof value === "string" && value ? value : undefined);
  return team.flatMap((member: unknown) => {
    if (!member || typeof member !== "object") return [];
    const fields = member as Record<string, unknown>;
    const name = str(fields.name);
    if (!name) return [];
    return [{ id: str(fields.id) ?? null, name, role: str(fields.role), email: str(fields.email), notes: str(fields.notes) }];
  });
}

/** What the member form shows for `member`, field by field. */
export function memberFormValues(member: TeamMemberView): FormValues {
  return Object.fromEntries(MEMBER_FORM_FIELDS.map((field) => [field, member[field] ?? ""]));
}
