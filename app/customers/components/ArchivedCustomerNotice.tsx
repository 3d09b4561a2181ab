import { Link, useLocation } from "@remix-run/react";
import { primaryButtonClass } from "~/components/Field";
import { formatDateIn } from "~/utils/format";
import { RestoreForm } from "./RestoreForm";

/**
 * What the 404 of an archived customer's page carries for its owner (never
 * for anyone else): enough to say it is archived and to offer to restore it.
 */
export interface ArchivedNotice {
  id: string;
  name: string;
  archivedAt: string;
  daysLeft: number;
  /** The account's, so the date is the day it was archived on their clock. */
  timeZone: string;
}

/** The notice in a 404's data, or null: the data crossed the network, so it is checked, not cast. */
export function readArchivedNotice(data: unknown): ArchivedNotice | null {
  if (!data || typeof data !== "object") return null;
  const archived = (data as { archived?: unknown }).archived;
  if (!archived || typeof archived !== "object") return null;
  const { id, name, archivedAt, daysLeft, timeZone } = archived as Record<string, unknown>;
  if (typeof id !== "string" || typeof name !== "string" || typeof archivedAt !== "string" || typeof daysLeft !== "number") return null;
  if (typeof timeZone !== "string") return null;
  return { id, name, archivedAt, daysLeft, timeZone };
}

export function daysLeftToRestore(daysLeft: number): string {
  return daysLeft === 1 ? "1 day left" : `${daysLeft} days left`;
}

/**
 * An archived customer's own page: it is not there to work on (the contract's
 * 404), but its owner followed a link or a bookmark to it and can bring it
 * back from here, to the page they asked for.
 */
export function ArchivedCustomerNotice({ customer }: { customer: ArchivedNotice }) {
  const location = useLocation();
  return (
    <div className="mx-auto max-w-lg space-y-4 py-16 text-center">
      <h1 className="text-2xl font-bold wrap-anywhere">{`${customer.name} is archived`}</h1>
      <p className="text-slate-600">
        Archived on <time dateTime={customer.archivedAt}>{formatDateIn(customer.archivedAt, customer.timeZone)}</time>.{" "}
        {`${daysLeftToRestore(customer.daysLeft)} to restore it; after that it is deleted for good.`}
      </p>
      <div className="flex flex-wrap items-center justify-center gap-3">
        <RestoreForm id={customer.id} name={customer.name} redirectTo={location.pathname} className={primaryButtonClass} />
        <Link to="/customers/archived" className="font-medium text-indigo-700 underline">
          All archived customers
        </Link>
      </div>
    </div>
  );
}
