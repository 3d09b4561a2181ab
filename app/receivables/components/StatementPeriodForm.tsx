import { Form } from "@remix-run/react";
import { Field, inputClass, secondaryButtonClass } from "~/components/Field";

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
      <div className="w-44">
        <Field label="From" id="statement-from" errorId="statement-from-error" errors={errors.from ? [errors.from] : undefined}>
          <input
            id="statement-from"
            name="from"
            type="date"
            defaultValue={values.from}
            className={inputClass}
            aria-invalid={errors.from ? true : undefined}
            aria-describedby="statement-from-error"
          />
        </Field>
      </div>
      <div className="w-44">
        <Field label="To" id="statement-to" errorId="statement-to-error" errors={errors.to ? [errors.to] : undefined}>
          <input
            id="statement-to"
            name="to"
            type="date"
            defaultValue={values.to}
            className={inputClass}
            aria-invalid={errors.to ? true : undefined}
            aria-describedby="statement-to-error"
          />
        </Field>
      </div>
      {/* Level with the inputs (below their labels) even when an error grows one field. */}
      <button type="submit" className={`${secondaryButtonClass} sm:mt-6`}>
        Show statement
      </button>
    </Form>
  );
}
