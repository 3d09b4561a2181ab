import type { FieldMetadata } from "@conform-to/react";
import { Icon } from "~/components/icons/Icon";
import { useEffect, useRef, useState } from "react";
import { useHydrated } from "~/components/Dialog";
import { FieldErrors, inputClass, secondaryButtonClass } from "~/components/Field";
import { LIMITS } from "../constants";

/** Empty fields on offer: without JavaScript nothing can add one, so a few are there from the start. */
const OFFERED_FIELDS = 3;

/** What was typed last time (a failed post), by position: the errors are keyed by it. */
function typedNames(initialValue: unknown): string[] {
  if (initialValue === undefined || initialValue === null) return [];
  return (Array.isArray(initialValue) ? initialValue : [initialValue]).map((value) => (typeof value === "string" ? value : ""));
}

/**
 * An event's participants, one input per name, all named like the field, so
 * the form posts `participants` repeated and a name may hold a comma. With
 * JavaScript, "Add participant" adds an input up to the limit.
 */
export function ParticipantsField<Schema>({ meta }: { meta: FieldMetadata<Schema> }) {
  const hydrated = useHydrated();
  const [added, setAdded] = useState(0);
  const name = String(meta.name);
  const typed = typedNames(meta.initialValue);
  const offered = Math.max(OFFERED_FIELDS, Math.min(typed.length + 1, LIMITS.participants), typed.length);
  const count = offered + added;
  const errors = [...new Set(Object.values(meta.allErrors).flat())];
  const fieldset = useRef<HTMLFieldSetElement>(null);
  // The field just added is where the user means to type next (only then: a
  // re-render while typing elsewhere must not move the focus).
  useEffect(() => {
    if (added === 0) return;
    const inputs = fieldset.current?.querySelectorAll("input");
    inputs?.[inputs.length - 1]?.focus();
  }, [added]);
  return (
    <fieldset ref={fieldset} key={meta.key} className="space-y-2" aria-describedby={`${meta.id}-hint ${meta.errorId}`}>
      <legend className="block text-sm font-medium text-slate-800">Participants</legend>
      {Array.from({ length: count }, (_, index) => {
        const id = `${meta.id}-${index}`;
        return (
          <div key={index}>
            <label htmlFor={id} className="sr-only">
              {`Participant ${index + 1}`}
            </label>
            <input
              id={id}
              name={name}
              defaultValue={typed[index] || undefined}
              maxLength={LIMITS.shortText}
              autoComplete="off"
              aria-invalid={meta.allErrors[`${name}[${index}]`] ? true : undefined}
              className={inputClass}
            />
          </div>
        );
      })}
      <p id={`${meta.id}-hint`} className="text-xs text-slate-500">
        One name per field; leave the others empty.
      </p>
      {hydrated && count < LIMITS.participants ? (
        <button type="button" className={secondaryButtonClass} onClick={() => setAdded((more) => more + 1)}>
          <Icon name="user-plus" className="h-4 w-4" />
          Add participant
        </button>
      ) : null}
      <FieldErrors id={meta.errorId} errors={errors} />
    </fieldset>
  );
}
