import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useState } from "react";
import { CancelButton } from "~/components/CancelButton";
import { useHydrated } from "~/components/Dialog";
import { FieldErrors } from "~/components/Field";
import { EditForm, OpenedWithField, SelectField, TextareaField, TextField, useConformForm } from "~/components/forms";
import { StatusButton } from "~/components/StatusButton";
import type { FormValues } from "~/utils/edit-merge";
import { useIsPending } from "~/utils/pending";
import { ARTIFACT_TYPE_LABELS, ARTIFACT_TYPES, PROJECT_LIMITS } from "../constants";
import { artifactFormValues, ArtifactFormSchema } from "../schemas";
import { MarkdownContent } from "./MarkdownContent";
import type { ArtifactView } from "./views";

const typeOptions = ARTIFACT_TYPES.map((type) => ({ value: type, label: ARTIFACT_TYPE_LABELS[type] }));

interface ArtifactFormProps {
  artifact?: ArtifactView;
  lastResult?: SubmissionResult<string[]> | null;
  onCancel?: () => void;
}

/**
 * Create (no `artifact`) or edit an artifact: title, type and its Markdown in
 * a textarea. With JavaScript a Preview button shows the content rendered as
 * the artifact page will show it (the same renderer); the textarea stays in
 * the form meanwhile, so what is posted is what was typed. An edit carries
 * the values it was opened with, so that a second tab's save is not lost
 * (docs/decisions/0012).
 */
export function ArtifactForm(props: ArtifactFormProps) {
  const { artifact, lastResult } = props;
  if (!artifact) return <ArtifactFields {...props} />;
  const values = artifactFormValues(artifact);
  return (
    <EditForm lastResult={lastResult} values={values}>
      {(openedWith) => <ArtifactFields {...props} values={values} openedWith={openedWith} />}
    </EditForm>
  );
}

const tabClass = (selected: boolean) =>
  `rounded-md px-3 py-1 text-sm font-medium focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 ${
    selected ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"
  }`;

function ArtifactFields({ artifact, lastResult, onCancel, values, openedWith }: ArtifactFormProps & { values?: FormValues; openedWith?: string }) {
  const intent = artifact ? "update-artifact" : "create-artifact";
  const [form, fields] = useConformForm(ArtifactFormSchema, {
    id: artifact ? `artifact-${artifact.id}` : "artifact-new",
    lastResult,
    defaultValue: values ?? { type: "document", content: "" },
  });
  const saving = useIsPending({ intent });
  const enhanced = useHydrated();
  const [previewing, setPreviewing] = useState(false);
  const showPreview = enhanced && previewing;
  const previewId = `${form.id}-preview`;
  return (
    <Form method="post" preventScrollReset className="space-y-4" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={intent} />
      {artifact ? <input type="hidden" name="artifactId" value={artifact.id} /> : null}
      {openedWith ? <OpenedWithField value={openedWith} /> : null}
      <FieldErrors id={form.errorId} errors={form.errors} />
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <TextField label="Title" meta={fields.title} inputProps={{ maxLength: PROJECT_LIMITS.title, required: true, autoComplete: "off" }} />
        <SelectField label="Type" meta={fields.type} options={typeOptions} defaultOption="document" />
      </div>
      <div className="space-y-2">
        {enhanced ? (
          <div className="flex gap-1" role="group" aria-label="Write or preview">
            <button type="button" className={tabClass(!previewing)} aria-pressed={!previewing} onClick={() => setPreviewing(false)}>
              Write
            </button>
            <button type="button" className={tabClass(previewing)} aria-pressed={previewing} onClick={() => setPreviewing(true)}>
              Preview
            </button>
          </div>
        ) : null}
        <div hidden={showPreview}>
          <TextareaField
            label="Content"
            meta={fields.content}
            hint="Markdown: # headings, **bold**, _italic_, - lists, `code`, [links](https://…). No HTML."
            textareaProps={{ rows: 14, maxLength: PROJECT_LIMITS.content, className: "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm text-slate-900 shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200 aria-[invalid=true]:border-red-500" }}
          />
        </div>
        {showPreview ? (
          <section aria-label="Preview" className="min-h-40 rounded-md border border-slate-200 bg-slate-50 p-4">
            <MarkdownContent id={previewId} source={typeof fields.content.value === "string" ? fields.content.value : ""} empty="Nothing to preview yet." />
          </section>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-2">
        <StatusButton pending={saving} pendingLabel="Saving…">
          {artifact ? "Save artifact" : "Create artifact"}
        </StatusButton>
        <CancelButton onCancel={onCancel} />
      </div>
    </Form>
  );
}
