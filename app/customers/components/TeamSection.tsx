import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { Mail, Pencil, Trash2, UserPlus } from "lucide-react";
import { FieldErrors, secondaryButtonClass } from "~/components/Field";
import { TextareaField, TextField, useConformForm } from "~/components/forms";
import { StatusButton } from "~/components/StatusButton";
import { useIsPending, usePendingFormData } from "~/utils/pending";
import { TeamMemberFormSchema } from "../schemas";

export interface TeamMemberView {
  id: string | null;
  name: string;
  role?: string;
  email?: string;
  notes?: string;
}

/** Reads info.team defensively; members without a name are skipped. */
export function readTeam(info: unknown): TeamMemberView[] {
  const team = info && typeof info === "object" && !Array.isArray(info) ? (info as Record<string, unknown>).team : null;
  if (!Array.isArray(team)) return [];
  const str = (value: unknown) => (typeof value === "string" && value ? value : undefined);
  return team.flatMap((member: unknown) => {
    if (!member || typeof member !== "object") return [];
    const record = member as Record<string, unknown>;
    const name = str(record.name);
    if (!name) return [];
    return [{ id: str(record.id) ?? null, name, role: str(record.role), email: str(record.email), notes: str(record.notes) }];
  });
}

export function TeamSection({
  team,
  editingId,
  lastResult,
  lastIntent,
}: {
  team: TeamMemberView[];
  editingId: string | null;
  lastResult?: SubmissionResult<string[]> | null;
  lastIntent?: string | null;
}) {
  const removing = usePendingFormData({ intent: "remove-team-member" })?.get("memberId") ?? null;
  return (
    <section aria-labelledby="team-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="team-heading" className="mb-4 text-lg font-semibold">
        Team
      </h2>
      {team.length === 0 ? (
        <p className="text-sm text-slate-600">No team members yet. Add the people you work with at this customer.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {team.map((member, index) =>
            member.id && member.id === editingId ? (
              <li key={member.id} className="py-3">
                <MemberForm
                  intent="update-team-member"
                  member={member}
                  lastResult={lastIntent === "update-team-member" ? lastResult : null}
                />
              </li>
            ) : (
              <li key={member.id ?? `member-${index}`} className={`flex flex-wrap items-start justify-between gap-3 py-3 ${removing === member.id ? "opacity-50" : ""}`}>
                <div className="min-w-0">
                  <p className="font-medium break-words">{member.name}</p>
                  {member.role ? <p className="text-sm text-slate-600">{member.role}</p> : null}
                  {member.email ? (
                    <a href={`mailto:${member.email}`} className="inline-flex items-center gap-1 text-sm text-indigo-700 underline">
                      <Mail aria-hidden="true" className="h-3.5 w-3.5" />
                      {member.email}
                    </a>
                  ) : null}
                  {member.notes ? <p className="mt-1 whitespace-pre-line text-sm text-slate-600">{member.notes}</p> : null}
                </div>
                {member.id ? (
                  <div className="flex gap-2">
                    <Link to={`?member=${member.id}`} preventScrollReset className={secondaryButtonClass} aria-label={`Edit ${member.name}`}>
                      <Pencil aria-hidden="true" className="h-4 w-4" />
                      Edit
                    </Link>
                    <Form method="post" preventScrollReset>
                      <input type="hidden" name="intent" value="remove-team-member" />
                      <input type="hidden" name="memberId" value={member.id} />
                      <button type="submit" className={secondaryButtonClass} aria-label={`Remove ${member.name}`}>
                        <Trash2 aria-hidden="true" className="h-4 w-4" />
                        Remove
                      </button>
                    </Form>
                  </div>
                ) : null}
              </li>
            ),
          )}
        </ul>
      )}
      <details className="mt-4 rounded-md border border-slate-200 p-3" open={lastIntent === "add-team-member" ? true : undefined}>
        <summary className="flex cursor-pointer items-center gap-2 text-sm font-medium text-indigo-700">
          <UserPlus aria-hidden="true" className="h-4 w-4" />
          Add team member
        </summary>
        <div className="mt-3">
          <MemberForm intent="add-team-member" lastResult={lastIntent === "add-team-member" ? lastResult : null} />
        </div>
      </details>
    </section>
  );
}

function MemberForm({
  intent,
  member,
  lastResult,
}: {
  intent: "add-team-member" | "update-team-member";
  member?: TeamMemberView;
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const [form, fields] = useConformForm(TeamMemberFormSchema, {
    id: member?.id ? `member-${member.id}` : "add-member",
    lastResult,
    defaultValue: member ? { name: member.name, role: member.role, email: member.email, notes: member.notes } : undefined,
  });
  const saving = useIsPending({ intent });
  return (
    <Form method="post" preventScrollReset className="space-y-3" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={intent} />
      {member?.id ? <input type="hidden" name="memberId" value={member.id} /> : null}
      <FieldErrors id={form.errorId} errors={form.errors} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Name" meta={fields.name} />
        <TextField label="Role" meta={fields.role} />
      </div>
      <TextField label="Email" meta={fields.email} type="email" />
      <TextareaField label="Notes" meta={fields.notes} textareaProps={{ rows: 2 }} />
      <div className="flex gap-2">
        <StatusButton pending={saving} pendingLabel="Saving…">
          {member ? "Save member" : "Add member"}
        </StatusButton>
        {member ? (
          <Link to="." preventScrollReset className={secondaryButtonClass}>
            Cancel
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
