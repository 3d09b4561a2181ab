import { Form } from "@remix-run/react";
import { Field, inputClass, secondaryButtonClass } from "~/components/Field";

function DateField({ name, label, value, error }: { name: "from" | "to"; label: string; value: string; error?: string }) {
  const id = `statement-${name}`;
  return (
    <div className="w-44">
      <Field label={label} id={id} errorId={`${id}-error`} errors={error ? [error] : undefined}>
        <input
          id={id}
          name={name}
          type="date"
          defaultValue={value}
          className={inputClass}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-error`}
        />
      </Field>
    </div>
  );
}

/**
 * The statement's period: a GET form, so the period is in the URL (a link
 * to it can be bookmarked or sent) and it works without JavaScript.
 */
export function StatementPeriodForm({
  values,
  errors = {},
}: {
  values: { from: string; to: string };
  errors?: { from?: string; to?: string };
}) {
  const invalid = Boolean(errors.from || errors.to);
  return (
    <Form method="get" className="flex flex-wrap items-start gap-4 print:hidden" aria-label="Statement period">
      {invalid ? (
        <p role="alert" className="w-full text-sm font-medium text-red-700">
          The statement could not be shown: check the period.
        </p>
      ) : null}
      <DateField name="from" label="From" value={values.from} error={errors.from} />
      <DateField name="to" label="To" value={values.to} error={errors.to} />
      {/* Level with the inputs (below their labels) even when an error grows one field. */}
      <button type="submit" className={`${secondaryButtonClass} sm:mt-6`}>
        Show statement
      </button>
    </Form>
  );
}
