import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { CancelButton } from "~/components/CancelButton";
import { FieldErrors } from "~/components/Field";
import { EditForm, OpenedWithField, SelectField, TextareaField, TextField, useConformForm } from "~/components/forms";
import { StatusButton } from "~/components/StatusButton";
import type { FormValues } from "~/utils/edit-merge";
import { useIsPending } from "~/utils/pending";
import { PROJECT_LIMITS, PROJECT_STATUS_LABELS, PROJECT_STATUSES } from "../constants";
import { projectFormValues, ProjectFormSchema } from "../schemas";
import { shortName, type AgreementOption, type ProjectView } from "./views";

const statusOptions = PROJECT_STATUSES.map((status) => ({ value: status, label: PROJECT_STATUS_LABELS[status]! }));

interface ProjectFormProps {
  project?: ProjectView;
  /** The customer's agreements, one of which the project may be linked to. */
  agreements: AgreementOption[];
  lastResult?: SubmissionResult<string[]> | null;
  /** With JavaScript, closes the dialog; without, Cancel is a link back. */
  onCancel?: () => void;
}

/**
 * Create (no `project`) or edit a project: the dialog's content with
 * JavaScript, the page's (?new, ?edit=<id>) without. A new project picks its
 * status here; an existing one changes it with its own control. An edit
 * carries the values it was opened with (docs/decisions/0012).
 */
export function ProjectForm(props: ProjectFormProps) {
  const { project, lastResult } = props;
  if (!project) return <ProjectFields {...props} />;
  const values = projectFormValues(project);
  return (
    <EditForm lastResult={lastResult} values={values}>
      {(openedWith) => <ProjectFields {...props} values={values} openedWith={openedWith} />}
    </EditForm>
  );
}

function ProjectFields({ project, agreements, lastResult, onCancel, values, openedWith }: ProjectFormProps & { values?: FormValues; openedWith?: string }) {
  const intent = project ? "update-project" : "create-project";
  const [form, fields] = useConformForm(ProjectFormSchema, {
    id: project ? `project-${project.id}` : "project-new",
    lastResult,
    defaultValue: values ?? { status: "planning", agreementId: "" },
  });
  const saving = useIsPending({ intent });
  // The linked agreement stays an option even if it is no longer listed (it
  // was deleted meanwhile): the form must not change what the user did not touch.
  const options = [
    { value: "", label: "No agreement" },
    ...agreements.map((agreement) => ({ value: agreement.id, label: shortName(agreement.scope) })),
    ...(project?.agreementId && !agreements.some((agreement) => agreement.id === project.agreementId)
      ? [{ value: project.agreementId, label: shortName(project.agreementScope ?? "Linked agreement") }]
      : []),
  ];
  return (
    <Form method="post" preventScrollReset className="space-y-4" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={intent} />
      {project ? <input type="hidden" name="projectId" value={project.id} /> : null}
      {openedWith ? <OpenedWithField value={openedWith} /> : null}
      <FieldErrors id={form.errorId} errors={form.errors} />
      <TextField label="Name" meta={fields.name} inputProps={{ maxLength: PROJECT_LIMITS.name, required: true, autoComplete: "off" }} />
      <TextareaField label="Description" meta={fields.description} hint="Optional." textareaProps={{ rows: 3, maxLength: PROJECT_LIMITS.description }} />
      <div className="grid gap-4 sm:grid-cols-2">
        {project ? null : <SelectField label="Status" meta={fields.status} options={statusOptions} defaultOption="planning" />}
        <SelectField
          label="Agreement"
          meta={fields.agreementId}
          options={options}
          defaultOption=""
          hint={agreements.length === 0 ? "This customer has no agreements yet." : "Optional: the agreement this work is done under."}
        />
      </div>
      <div className="flex flex-wrap gap-2">
        <StatusButton pending={saving} pendingLabel="Saving…">
          {project ? "Save project" : "Create project"}
        </StatusButton>
        <CancelButton onCancel={onCancel} />
      </div>
    </Form>
  );
}
