import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link, useLocation } from "@remix-run/react";
import { Icon } from "~/components/icons/Icon";
import { useRef, useState } from "react";
import { AddDisclosure } from "~/components/AddDisclosure";
import { ConfirmForm } from "~/components/ConfirmForm";
import { Dialog, useHydrated } from "~/components/Dialog";
import { useEditFocus } from "~/components/edit-focus";
import { FieldErrors, secondaryButtonClass } from "~/components/Field";
import { EditForm, OpenedWithField, TextareaField, TextField, useConformForm } from "~/components/forms";
import { StatusButton } from "~/components/StatusButton";
import { useIsPending, usePendingFormData } from "~/utils/pending";
import { memberFormValues, type TeamMemberView } from "../info-view";
import { TeamMemberFormSchema } from "../schemas";

export type { TeamMemberView };

/**
 * Removing a member asks first. Without JavaScript the question is a page of
 * its own, ?confirm=remove-member&memberId=<id> (as the agreements tab's
 * ?confirm=); with it, the same link opens a dialog.
 */
export function removeMemberHref(memberId: string): string {
  // The fragment takes a page without JavaScript straight to the question.
  return `?confirm=remove-member&memberId=${encodeURIComponent(memberId)}#remove-member-heading`;
}

/** The member whose removal the URL asks to confirm, if any. */
export function memberToRemove(search: URLSearchParams): string | null {
  return search.get("confirm") === "remove-member" ? search.get("memberId") || null : null;
}

const REMOVE_TITLE = "Remove team member";

function RemoveMemberConfirm({ member, onCancel }: { member: TeamMemberView & { id: string }; onCancel?: () => void }) {
  return (
    <ConfirmForm
      question={`Remove ${member.name} from the team? Their role, email and notes go with them.`}
      intent="remove-team-member"
      fields={{ memberId: member.id }}
      confirmLabel="Remove member"
      pendingLabel="Removing…"
      danger
      onCancel={onCancel}
    />
  );
}

export function TeamSection({
  team,
  editingId,
  confirmRemoveId = null,
  lastResult,
  lastIntent,
}: {
  team: TeamMemberView[];
  editingId: string | null;
  /** The member whose removal to confirm on the page (from the URL, see memberToRemove). */
  confirmRemoveId?: string | null;
  lastResult?: SubmissionResult<string[]> | null;
  lastIntent?: string | null;
}) {
  const removing = usePendingFormData({ intent: "remove-team-member" })?.get("memberId") ?? null;
  const hydrated = useHydrated();
  const location = useLocation();
  // The dialog belongs to the location it was opened at: the redirect after
  // the removal moves on and closes it.
  const [dialog, setDialog] = useState<{ memberId: string; key: string } | null>(null);
  const dialogMember = hydrated && dialog?.key === location.key ? team.find((member) => member.id === dialog.memberId) : undefined;
  const closeDialog = () => setDialog(null);
  const section = useRef<HTMLElement>(null);
  const editing = editingId && team.some((member) => member.id === editingId) ? editingId : null;
  useEditFocus(editing, section);
  return (
    <section ref={section} aria-labelledby="team-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="team-heading" className="mb-4 text-lg font-semibold">
        Team
      </h2>
      {team.length === 0 ? (
        <p className="text-sm text-slate-600">No team members yet. Add the people you work with at this customer.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {team.map((member, index) =>
            member.id && member.id === confirmRemoveId && !dialogMember ? (
              <li key={member.id} className="py-3">
                <section aria-labelledby="remove-member-heading" className="rounded-md border border-red-200 bg-red-50 p-4">
                  <h3 id="remove-member-heading" className="mb-2 font-semibold">
                    {REMOVE_TITLE}
                  </h3>
                  <RemoveMemberConfirm member={{ ...member, id: member.id }} />
                </section>
              </li>
            ) : member.id && member.id === editingId ? (
              <li key={member.id} className="py-3">
                <EditMemberForm member={member} lastResult={lastIntent === "update-team-member" ? lastResult : null} />
              </li>
            ) : (
              <li key={member.id ?? `member-${index}`} className={`flex flex-wrap items-start justify-between gap-3 py-3 ${removing !== null && removing === member.id ? "opacity-50" : ""}`}>
                <div className="min-w-0 wrap-anywhere">
                  <p className="font-medium">{member.name}</p>
                  {member.role ? <p className="text-sm text-slate-600">{member.role}</p> : null}
                  {member.email ? (
                    <a href={`mailto:${member.email}`} className="inline-flex items-center gap-1 text-sm text-indigo-700 underline">
                      <Icon name="mail" className="h-3.5 w-3.5" />
                      {member.email}
                    </a>
                  ) : null}
                  {member.notes ? <p className="mt-1 whitespace-pre-line text-sm text-slate-600">{member.notes}</p> : null}
                </div>
                {member.id ? (
                  <div className="flex gap-2">
                    <Link
                      to={`?member=${member.id}`}
                      preventScrollReset
                      className={secondaryButtonClass}
                      aria-label={`Edit ${member.name}`}
                      data-edit-trigger={member.id}
                    >
                      <Icon name="pencil" className="h-4 w-4" />
                      Edit
                    </Link>
                    <Link
                      to={removeMemberHref(member.id)}
                      preventScrollReset
                      className={secondaryButtonClass}
                      aria-label={`Remove ${member.name}`}
                      onClick={(event) => {
                        if (!hydrated || !member.id) return;
                        event.preventDefault();
                        setDialog({ memberId: member.id, key: location.key });
                      }}
                    >
                      <Icon name="trash-2" className="h-4 w-4" />
                      Remove
                    </Link>
                  </div>
                ) : null}
              </li>
            ),
          )}
        </ul>
      )}
      <AddDisclosure summary="Add team member" icon="user-plus" open={lastIntent === "add-team-member"} className="mt-4">
        {(onSaved) => <MemberForm intent="add-team-member" lastResult={lastIntent === "add-team-member" ? lastResult : null} onSaved={onSaved} />}
      </AddDisclosure>
      {dialogMember?.id ? (
        <Dialog title={REMOVE_TITLE} open onClose={closeDialog}>
          <RemoveMemberConfirm member={{ ...dialogMember, id: dialogMember.id }} onCancel={closeDialog} />
        </Dialog>
      ) : null}
    </section>
  );
}

function EditMemberForm({ member, lastResult }: { member: TeamMemberView; lastResult?: SubmissionResult<string[]> | null }) {
  return (
    <EditForm lastResult={lastResult} values={memberFormValues(member)} focusKey={member.id ?? undefined}>
      {(openedWith) => <MemberForm intent="update-team-member" member={member} openedWith={openedWith} lastResult={lastResult} />}
    </EditForm>
  );
}

function MemberForm({
  intent,
  member,
  openedWith,
  lastResult,
  onSaved,
}: {
  intent: "add-team-member" | "update-team-member";
  member?: TeamMemberView;
  /** For an edit, the values it was opened with (see EditForm). */
  openedWith?: string;
  lastResult?: SubmissionResult<string[]> | null;
  onSaved?: () => void;
}) {
  const [form, fields] = useConformForm(TeamMemberFormSchema, {
    id: member?.id ? `member-${member.id}` : "add-member",
    lastResult,
    onSaved,
    defaultValue: member ? { name: member.name, role: member.role, email: member.email, notes: member.notes } : undefined,
  });
  const saving = useIsPending({ intent });
  return (
    <Form method="post" preventScrollReset className="space-y-3" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={intent} />
      {member?.id ? <input type="hidden" name="memberId" value={member.id} /> : null}
      {openedWith ? <OpenedWithField value={openedWith} /> : null}
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
