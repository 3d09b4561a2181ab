import {
  ArrowRightLeft,
  CircleDot,
  Mail,
  Phone,
  RefreshCw,
  StickyNote,
  Users,
  type LucideIcon,
} from "lucide-react";
import { formatDateTime, formatRelativeTime, toIsoString } from "~/utils/format";
import { EVENT_TYPE_LABELS } from "~/customers/constants";

export interface TimelineEvent {
  id: string;
  eventType: string;
  title: string;
  description: string | null;
  participants: string[];
  eventDate: string | null;
}

const EVENT_ICONS: Record<string, LucideIcon> = {
  meeting: Users,
  call: Phone,
  email: Mail,
  note: StickyNote,
  update: RefreshCw,
  status_change: ArrowRightLeft,
};

/** The interaction log, in the order given (the loader sorts newest first). */
export function EventTimeline({ events, now }: { events: TimelineEvent[]; now: Date }) {
  if (events.length === 0) {
    return <p className="text-sm text-slate-600">No interactions recorded yet.</p>;
  }

  return (
    <ol className="ml-3 space-y-6 border-l border-slate-200 pl-6">
      {events.map((event) => {
        const Icon = EVENT_ICONS[event.eventType] ?? CircleDot;
        const typeLabel = EVENT_TYPE_LABELS[event.eventType] ?? event.eventType;
        return (
          <li key={event.id} className="relative">
            <span className="absolute -left-9 top-0 flex h-6 w-6 items-center justify-center rounded-full bg-white ring-1 ring-slate-300">
              <Icon aria-hidden="true" className="h-3.5 w-3.5 text-slate-600" />
            </span>
            <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
              {/* The type is written out, not just implied by the icon. */}
              <span className="text-xs font-semibold uppercase tracking-wide text-slate-600">{typeLabel}</span>
              <h3 className="min-w-0 break-words text-sm font-semibold text-slate-900">{event.title}</h3>
            </div>
            <p className="mt-0.5 text-xs text-slate-600">
              {event.eventDate ? (
                <>
                  <time dateTime={toIsoString(event.eventDate)}>{formatDateTime(event.eventDate)}</time>
                  <span> · {formatRelativeTime(event.eventDate, now)}</span>
                </>
              ) : (
                "No date"
              )}
            </p>
            {event.participants.length > 0 ? (
              <p className="mt-1 text-sm text-slate-700">With {event.participants.join(", ")}</p>
            ) : null}
            {event.description ? (
              // Keep the line breaks people typed into the textarea.
              <p className="mt-1 whitespace-pre-line break-words text-sm text-slate-700">{event.description}</p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
