import { Icon, type IconName } from "~/components/icons/Icon";
import { PageLinks } from "~/components/PageLinks";
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

const EVENT_ICONS: Record<string, IconName> = {
  meeting: "users",
  call: "phone",
  email: "mail",
  note: "sticky-note",
  update: "refresh-cw",
  status_change: "arrow-right-left",
};

interface TimelinePages {
  /** The next, older page; null on the oldest. */
  olderHref?: string | null;
  /** Back to the first page; null on it. */
  newestHref?: string | null;
}

/**
 * The interaction log, one page of it in the order given (the loader sorts
 * newest first). The page links are plain links, so they work without JavaScript.
 */
/** How times are shown: relative to `now` (from the loader), on the account's clock. */
interface Clock {
  now: Date;
  timeZone: string;
}

export function EventTimeline({ events, now, timeZone, olderHref = null, newestHref = null }: { events: TimelineEvent[] } & Clock & TimelinePages) {
  if (events.length === 0) {
    return (
      <>
        <p className="text-sm text-slate-600">{newestHref ? "No older events." : "No interactions recorded yet."}</p>
        <TimelinePageLinks olderHref={olderHref} newestHref={newestHref} />
      </>
    );
  }

  return (
    <>
      <EventList events={events} now={now} timeZone={timeZone} />
      <TimelinePageLinks olderHref={olderHref} newestHref={newestHref} />
    </>
  );
}

function TimelinePageLinks({ olderHref, newestHref }: TimelinePages) {
  return (
    <PageLinks
      label="Timeline pages"
      back={{ href: newestHref ?? null, label: "Newest events" }}
      forward={{ href: olderHref ?? null, label: "Older events", rel: "next" }}
    />
  );
}

function EventList({ events, now, timeZone }: { events: TimelineEvent[] } & Clock) {
  return (
    <ol className="ml-3 space-y-6 border-l border-slate-200 pl-6">
      {events.map((event) => {
        const icon = EVENT_ICONS[event.eventType] ?? "circle-dot";
        const typeLabel = EVENT_TYPE_LABELS[event.eventType] ?? event.eventType;
        return (
          <li key={event.id} className="relative">
            <span className="absolute -left-9 top-0 flex h-6 w-6 items-center justify-center rounded-full bg-white ring-1 ring-slate-300">
              <Icon name={icon} className="h-3.5 w-3.5 text-slate-600" />
            </span>
            <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
              {/* The type is written out, not just implied by the icon. */}
              <span className="text-xs font-semibold uppercase tracking-wide text-slate-600">{typeLabel}</span>
              <h3 className="min-w-0 text-sm wrap-anywhere font-semibold text-slate-900">{event.title}</h3>
            </div>
            <p className="mt-0.5 text-xs text-slate-600">
              {event.eventDate ? (
                <>
                  <time dateTime={toIsoString(event.eventDate)}>{formatDateTime(event.eventDate, timeZone)}</time>
                  <span> · {formatRelativeTime(event.eventDate, now, timeZone)}</span>
                </>
              ) : (
                "No date"
              )}
            </p>
            {event.participants.length > 0 ? (
              <p className="mt-1 text-sm text-slate-700 wrap-anywhere">With {event.participants.join(", ")}</p>
            ) : null}
            {event.description ? (
              // Keep the line breaks people typed into the textarea.
              <p className="mt-1 whitespace-pre-line text-sm text-slate-700 wrap-anywhere">{event.description}</p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
