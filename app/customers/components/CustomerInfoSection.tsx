import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { Icon } from "~/components/icons/Icon";
import { useRef } from "react";
import { useEditFocus } from "~/components/edit-focus";
import { FieldErrors, secondaryButtonClass } from "~/components/Field";
import { EditForm, OpenedWithField, TextareaField, TextField, useConformForm } from "~/components/forms";
import { StatusButton } from "~/components/StatusButton";
import type { FormValues } from "~/utils/edit-merge";
import { useIsPending } from "~/utils/pending";
import { infoFormValues, type CustomerInfoView } from "../info-view";
import { INFO_FORM_LABELS as LABELS, InfoFormSchema } from "../schemas";

// `wide` spans both columns. It is set on this <div> rather than on a wrapper
// around it: a <dl> may only hold one level of <div> around its dt/dd groups.
function Detail({ label, value, href, wide }: { label: string; value?: string; href?: boolean; wide?: boolean }) {
  return (
    <div className={wide ? "sm:col-span-2" : undefined}>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 whitespace-pre-line text-sm wrap-anywhere text-slate-900">
        {value ? (
          href ? (
            <a href={value} className="text-indigo-700 underline" rel="noreferrer noopener" target="_blank">
              {value}
            </a>
          ) : (
            value
          )
        ) : (
          <span className="text-slate-500">Not set</span>
        )}
      </dd>
    </div>
  );
}

export function CustomerInfoSection({
  info,
  editing,
  lastResult,
}: {
  info: CustomerInfoView;
  editing: boolean;
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const section = useRef<HTMLElement>(null);
  useEditFocus(editing ? "info" : null, section);
  const values = infoFormValues(info);
  return (
    <section ref={section} aria-labelledby="info-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="mb-4 flex items-center justify-between">
        <h2 id="info-heading" className="text-lg font-semibold">
          Customer info
        </h2>
        {editing ? null : (
          <Link to="?edit=info" className={secondaryButtonClass} preventScrollReset data-edit-trigger="info">
            <Icon name="pencil" className="h-4 w-4" />
            Edit info
          </Link>
        )}
      </div>
      {editing ? (
        <EditForm lastResult={lastResult} values={values} focusKey="info">
          {(openedWith) => <InfoForm values={values} openedWith={openedWith} lastResult={lastResult} />}
        </EditForm>
      ) : (
        <dl className="grid gap-4 sm:grid-cols-2">
          <Detail label="About" value={info.about} wide />
          <Detail label="Vertical" value={info.vertical} />
          <Detail label="Persona" value={info.persona} />
          <Detail label="Ideal customer profile" value={info.icp} wide />
          <Detail label="Product" value={info.product?.name} />
          <Detail label="Product stage" value={info.product?.stage} />
          <Detail label="Product category" value={info.product?.category} />
          <Detail label="Product URL" value={info.product?.url} href />
          <Detail label="Product description" value={info.product?.description} wide />
        </dl>
      )}
    </section>
  );
}

function InfoForm({ values, openedWith, lastResult }: { values: FormValues; openedWith: string; lastResult?: SubmissionResult<string[]> | null }) {
  const [form, fields] = useConformForm(InfoFormSchema, { id: "customer-info", lastResult, defaultValue: values });
  const saving = useIsPending({ intent: "update-info" });
  return (
    <Form method="post" preventScrollReset className="space-y-4" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="update-info" />
      <OpenedWithField value={openedWith} />
      <FieldErrors id={form.errorId} errors={form.errors} />
      <TextareaField label={LABELS.about} meta={fields.about} textareaProps={{ rows: 3 }} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={LABELS.vertical} meta={fields.vertical} />
        <TextField label={LABELS.persona} meta={fields.persona} />
      </div>
      <TextareaField label={LABELS.icp} meta={fields.icp} textareaProps={{ rows: 3 }} />
      <fieldset className="space-y-4 rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold">Product</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={LABELS.productName} meta={fields.productName} />
          <TextField label={LABELS.productStage} meta={fields.productStage} />
          <TextField label={LABELS.productCategory} meta={fields.productCategory} />
          <TextField label={LABELS.productUrl} meta={fields.productUrl} type="url" />
        </div>
        <TextareaField label={LABELS.productDescription} meta={fields.productDescription} textareaProps={{ rows: 3 }} />
      </fieldset>
      <div className="flex gap-2">
        <StatusButton pending={saving} pendingLabel="Saving…">
          Save info
        </StatusButton>
        <Link to="." className={secondaryButtonClass} preventScrollReset>
          Cancel
        </Link>
      </div>
    </Form>
  );
}
