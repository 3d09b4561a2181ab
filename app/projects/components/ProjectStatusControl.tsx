import { Form, useSubmit } from "@remix-run/react";
import { useHydrated } from "~/components/Dialog";
import { usePendingFormData } from "~/utils/pending";
import { PROJECT_STATUS_LABELS, PROJECT_STATUSES, type ProjectStatus } from "../constants";

// As high as the select beside it.
const moveButtonClass =
  "inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50";

/**
 * A project's status: a select and a Move button without JavaScript; with
 * it, choosing a status posts at once (the button goes). Either way it is a
 * plain post of `project-status`, answered with a redirect and a toast.
 */
export function ProjectStatusControl({ projectId, name, status }: { projectId: string; name: string; status: ProjectStatus }) {
  const hydrated = useHydrated();
  const submit = useSubmit();
  const pending = usePendingFormData({ intent: "project-status" });
  const saving = pending?.get("projectId") === projectId;
  const selectId = `project-status-${projectId}`;
  return (
    <Form method="post" preventScrollReset className="flex items-center gap-2">
      <input type="hidden" name="intent" value="project-status" />
      <input type="hidden" name="projectId" value={projectId} />
      <label htmlFor={selectId} className="sr-only">
        Status of {name}
      </label>
      <select
        id={selectId}
        name="status"
        // Remounted when the status changes (key), so a reload shows the stored one.
        key={status}
        defaultValue={status}
        disabled={saving}
        onChange={(event) => {
          if (hydrated) submit(event.currentTarget.form, { preventScrollReset: true });
        }}
        className="min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        {PROJECT_STATUSES.map((value) => (
          <option key={value} value={value}>
            {PROJECT_STATUS_LABELS[value]}
          </option>
        ))}
      </select>
      {hydrated ? (
        saving ? (
          <span role="status" className="text-sm text-slate-500">
            Saving…
          </span>
        ) : null
      ) : (
        <button type="submit" className={moveButtonClass}>
          Move
        </button>
      )}
    </Form>
  );
}
