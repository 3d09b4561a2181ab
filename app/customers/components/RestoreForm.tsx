import { Form } from "@remix-run/react";
import { Icon } from "~/components/icons/Icon";
import { secondaryButtonClass } from "~/components/Field";
import { StatusButton } from "~/components/StatusButton";
import { useIsPending } from "~/utils/pending";

/**
 * Restores an archived customer: a plain post to its detail route. `redirectTo`
 * is the customer's page to land on (its overview when not given).
 */
export function RestoreForm({ id, name, redirectTo, className = secondaryButtonClass }: { id: string; name: string; redirectTo?: string; className?: string }) {
  const formAction = `/customers/${id}`;
  const restoring = useIsPending({ intent: "restore", formAction });
  return (
    <Form method="post" action={formAction}>
      <input type="hidden" name="intent" value="restore" />
      {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
      <StatusButton
        className={className}
        aria-label={`Restore ${name}`}
        pending={restoring}
        pendingLabel="Restoring…"
        icon={<Icon name="archive-restore" className="h-4 w-4" />}
      >
        Restore
      </StatusButton>
    </Form>
  );
}
