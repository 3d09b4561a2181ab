import {
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type DefaultValue,
  type FieldMetadata,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import {
  Fragment,
  useEffect,
  useMemo,
  useRef,
  useState,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import type { z } from "zod";
import { OPENED_WITH, type FormValues } from "~/utils/edit-merge";
import { useSubmissionGuard } from "~/utils/pending";
import { Field, inputClass } from "./Field";

// The Conform-aware side of the form pieces. Field.tsx stays free of Conform so
// that pages without a Conform form (the customer list) do not load it.

/**
 * Conform's `useForm` as every form here sets it up: native constraints from
 * the Zod schema, the same schema validating in the browser, first on blur and
 * then on every keystroke once a field has shown an error. A form states only
 * its id, the action's last result and, when editing, the current values.
 * A valid submission goes out once until the page moves on (see
 * useSubmissionGuard); `onSaved` hears when one was saved, so that a form the
 * page keeps (an "add" form) can start over.
 */
export function useConformForm<Schema extends z.ZodTypeAny>(
  schema: Schema,
  {
    onSaved,
    ...options
  }: {
    id: string;
    lastResult?: SubmissionResult<string[]> | null;
    defaultValue?: DefaultValue<z.input<Schema>>;
    onSaved?: () => void;
  },
) {
  const constraint = useMemo(() => getZodConstraint(schema), [schema]);
  const onSubmit = useSubmissionGuard({ lastResult: options.lastResult, onSaved });
  return useForm<z.input<Schema>, z.output<Schema>, string[]>({
    ...options,
    constraint,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    // Conform calls it for a submission that passed validation only.
    onSubmit,
  });
}

type TextInputType = "text" | "email" | "password" | "url" | "search" | "tel" | "number" | "date" | "datetime-local";

/**
 * A labelled input for one Conform field: id, name, default value, native
 * constraints, aria-invalid and aria-describedby (pointing at the errors below
 * it) all come from the field's metadata. `inputProps` adds or overrides
 * attributes (autoComplete, autoFocus, placeholder, className).
 */
export function TextField<Schema>({
  label,
  meta,
  type = "text",
  hint,
  inputProps,
}: {
  label: string;
  meta: FieldMetadata<Schema>;
  type?: TextInputType;
  hint?: string;
  inputProps?: Omit<InputHTMLAttributes<HTMLInputElement>, "type">;
}) {
  const { key, ...props } = getInputProps(meta, { type });
  const { className = inputClass, ...extra } = inputProps ?? {};
  return (
    <Field label={label} id={meta.id} errorId={meta.errorId} errors={meta.errors} hint={hint}>
      <input key={key} {...props} {...extra} className={className} />
    </Field>
  );
}

/** A labelled textarea for one Conform field; see TextField. */
export function TextareaField<Schema>({
  label,
  meta,
  hint,
  textareaProps,
}: {
  label: string;
  meta: FieldMetadata<Schema>;
  hint?: string;
  textareaProps?: TextareaHTMLAttributes<HTMLTextAreaElement>;
}) {
  const { key, ...props } = getTextareaProps(meta);
  const { className = inputClass, ...extra } = textareaProps ?? {};
  return (
    <Field label={label} id={meta.id} errorId={meta.errorId} errors={meta.errors} hint={hint}>
      <textarea key={key} {...props} {...extra} className={className} />
    </Field>
  );
}

/**
 * A labelled select for one Conform field; see TextField. `defaultOption` is
 * selected when the form holds no value for the field yet.
 */
export function SelectField<Schema>({
  label,
  meta,
  options,
  defaultOption,
  hint,
  selectProps,
}: {
  label: string;
  meta: FieldMetadata<Schema>;
  options: ReadonlyArray<{ value: string; label: string }>;
  defaultOption?: string;
  hint?: string;
  selectProps?: SelectHTMLAttributes<HTMLSelectElement>;
}) {
  const { key, defaultValue, ...props } = getSelectProps(meta);
  const { className = inputClass, ...extra } = selectProps ?? {};
  return (
    <Field label={label} id={meta.id} errorId={meta.errorId} errors={meta.errors} hint={hint}>
      <select key={key} {...props} defaultValue={defaultValue ?? defaultOption} {...extra} className={className}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/**
 * An edit form that carries the values it was opened with (docs/decisions/0012):
 * `children` renders the form, given them (as JSON) for its hidden
 * OpenedWithField. They are the values a refused post brought back, else
 * those shown when the form opened — not the page's latest, which a reload
 * after another form's post may bring while the user is typing. A refusal
 * that brings new ones (a 409: someone else changed the row) mounts the form
 * afresh to show its values, and the focus goes to the first field it marks.
 */
export function EditForm({
  lastResult,
  values,
  focusKey,
  children,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  values: FormValues;
  /** What useEditFocus knows this form by (data-edit-form). */
  focusKey?: string;
  children: (openedWith: string) => ReactNode;
}) {
  const carried = lastResult?.initialValue?.[OPENED_WITH];
  const [openedWith, setOpenedWith] = useState(() => (typeof carried === "string" ? carried : JSON.stringify(values)));
  if (typeof carried === "string" && carried !== openedWith) setOpenedWith(carried);
  const wrapper = useRef<HTMLDivElement>(null);
  const shown = useRef(openedWith);
  useEffect(() => {
    if (shown.current === openedWith) return;
    shown.current = openedWith;
    wrapper.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [openedWith]);
  return (
    <div ref={wrapper} className="contents" data-edit-form={focusKey}>
      <Fragment key={openedWith}>{children(openedWith)}</Fragment>
    </div>
  );
}

/** The hidden field of an EditForm's form. */
export function OpenedWithField({ value }: { value: string }) {
  return <input type="hidden" name={OPENED_WITH} value={value} />;
}
