import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useMemo } from "react";
import { requireUser } from "~/auth/session.server";
import { AddEventForm, EVENT_DATE_OFFERED } from "~/customers/components/AddEventForm";
import { CustomerInfoSection } from "~/customers/components/CustomerInfoSection";
import { EventTimeline } from "~/customers/components/EventTimeline";
import { QuickStats } from "~/customers/components/QuickStats";
import { memberToRemove, TeamSection } from "~/customers/components/TeamSection";
import { LIMITS } from "~/customers/constants";
import { editCustomerInfo, InfoTooLargeError } from "~/customers/customers.server";
import { readInfo, readTeam } from "~/customers/info-view";
import { addEvent } from "~/customers/events.server";
import { getOverview } from "~/customers/overview.server";
import { shareCustomerHeader } from "~/customers/page.server";
import { decodeEventCursor } from "~/customers/cursor.server";
import { TIMELINE_HEADING_ID, timelineHref } from "~/customers/timeline-href";
import {
  EventFormSchema,
  INFO_FORM_FIELDS,
  INFO_FORM_LABELS,
  InfoFormSchema,
  MEMBER_FORM_FIELDS,
  MEMBER_FORM_LABELS,
  MemberIdFormSchema,
  TeamMemberFormSchema,
  UpdateTeamMemberFormSchema,
} from "~/customers/schemas";
import { addTeamMember, removeTeamMember, updateTeamMember, type TeamResult } from "~/customers/team.server";
import { notFound, unknownIntent } from "~/http/responses.server";
import { staleEditReply, type Replyable } from "~/http/stale-edit.server";
import { openedWithOf, type StaleEdit } from "~/utils/edit-merge";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form.server";
import { instantAt } from "~/utils/time-zone";
import { CustomerErrorBoundary } from "~/customers/components/CustomerErrorBoundary";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { id: userId, settings } = await requireUser(request);
  const customerId = params.id ?? "";
  // Lenient, as the customer list: a cursor it cannot read shows the newest events.
  const cursorParam = new URL(request.url).searchParams.get("cursor");
  const eventsCursor = cursorParam ? decodeEventCursor(cursorParam) : null;
  const reading = getOverview({ userId, customerId, eventsCursor });
  // The overview's statement reads the customer anyway: the layout takes its header from it.
  shareCustomerHeader({ userId, customerId }, reading.then((found) => found && { id: found.customer.id, name: found.customer.name, status: found.customer.status }));
  const overview = await reading;
  if (!overview) throw notFound();
  return json({
    currency: settings.currency,
    info: readInfo(overview.customer.info),
    team: readTeam(overview.customer.info),
    stats: overview.stats,
    events: overview.events,
    olderEventsHref: overview.olderEventsCursor ? timelineHref(customerId, overview.olderEventsCursor) : null,
    newestEventsHref: eventsCursor ? timelineHref(customerId, null) : null,
    now: new Date().toISOString(),
    timeZone: settings.timeZone,
  });
}

type Intent = "update-info" | "add-team-member" | "update-team-member" | "remove-team-member" | "add-event";

function invalid(intent: Intent, result: SubmissionResult<string[]>) {
  return json({ intent, result }, { status: 400 });
}

/** Someone else changed what this edit changes since the form was opened: the form again, saying what. */
function stale(intent: Intent, submission: Replyable, { stale: merge }: StaleEdit, labels: Readonly<Record<string, string>>) {
  return json({ intent, result: staleEditReply(submission, merge, labels) }, { status: 409 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { id: userId, settings } = await requireUser(request);
  const ref = { userId, customerId: params.id ?? "" };
  const id = ref.customerId;
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const done = (message: string) => redirectWithToast(`/customers/${id}/overview`, { kind: "success", message });
  // Not a success toast: a save that changed nothing must not read as one that did.
  const nothingChanged = () => redirectWithToast(`/customers/${id}/overview`, { kind: "info", message: "No changes to save." });
  const teamOutcome = async (submissionIntent: Intent, submission: Replyable, result: TeamResult, message: string) => {
    if (result === "not_found") throw notFound();
    if (result === "full") {
      return invalid(submissionIntent, submission.reply({ formErrors: [`A customer can have at most ${LIMITS.teamSize} team members.`] }));
    }
    if (result === "unchanged") return nothingChanged();
    if (result === "member_not_found") {
      return redirectWithToast(`/customers/${id}/overview`, { kind: "error", message: "That team member no longer exists." });
    }
    return done(message);
  };

  switch (intent) {
    case "update-info": {
      const submission = parseWithZod(formData, { schema: InfoFormSchema });
      if (submission.status !== "success") return invalid(intent, submission.reply());
      let result;
      try {
        result = await editCustomerInfo({ ...ref, values: submission.value, opened: openedWithOf(formData, INFO_FORM_FIELDS) });
      } catch (error) {
        if (!(error instanceof InfoTooLargeError)) throw error;
        return invalid(intent, submission.reply({ formErrors: ["This customer's info is too large to save."] }));
      }
      if (!result) throw notFound();
      if (typeof result === "object") return stale(intent, submission, result, INFO_FORM_LABELS);
      return result === "ok" ? done("Customer info saved.") : nothingChanged();
    }
    case "add-team-member": {
      const submission = parseWithZod(formData, { schema: TeamMemberFormSchema });
      if (submission.status !== "success") return invalid(intent, submission.reply());
      const result = await addTeamMember({ ...ref, member: submission.value });
      return teamOutcome(intent, submission, result, `Added ${submission.value.name} to the team.`);
    }
    case "update-team-member": {
      const submission = parseWithZod(formData, { schema: UpdateTeamMemberFormSchema });
      if (submission.status !== "success") return invalid(intent, submission.reply());
      const { memberId, ...member } = submission.value;
      const result = await updateTeamMember({ ...ref, memberId, member, opened: openedWithOf(formData, MEMBER_FORM_FIELDS) });
      if (typeof result === "object") return stale(intent, submission, result, MEMBER_FORM_LABELS);
      return teamOutcome(intent, submission, result, `Saved ${member.name}.`);
    }
    case "remove-team-member": {
      const submission = parseWithZod(formData, { schema: MemberIdFormSchema });
      if (submission.status !== "success") return invalid(intent, submission.reply());
      const result = await removeTeamMember({ ...ref, memberId: submission.value.memberId });
      return teamOutcome(intent, submission, result, "Removed the team member.");
    }
    case "add-event": {
      const submission = parseWithZod(formData, { schema: EventFormSchema });
      if (submission.status !== "success") return invalid(intent, submission.reply());
      const { eventDate, ...event } = submission.value;
      // The form offers the time it was opened; sent as offered, the event is
      // dated when it is saved instead, so "now" stays now.
      const asOffered = formData.get("eventDate") === formData.get(EVENT_DATE_OFFERED);
      const at = eventDate && !asOffered ? instantAt(eventDate, settings.timeZone) : undefined;
      if (!(await addEvent({ ...ref, event: { ...event, eventDate: at } }))) throw notFound();
      return done("Event added.");
    }
    default:
      return unknownIntent();
  }
}

export default function OverviewTab() {
  const { info, team, stats, events, olderEventsHref, newestEventsHref, now, timeZone, currency } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const nowDate = useMemo(() => new Date(now), [now]);
  const failed = actionData && "intent" in actionData ? actionData : null;
  const editingInfo = searchParams.get("edit") === "info" || failed?.intent === "update-info";
  const editingMember = searchParams.get("member") ?? (failed?.intent === "update-team-member" ? String(failed.result.initialValue?.memberId ?? "") : null);

  return (
    <div className="space-y-6">
      <QuickStats stats={stats} now={nowDate} timeZone={timeZone} currency={currency} />
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-6">
          <CustomerInfoSection info={info} editing={editingInfo} lastResult={failed?.intent === "update-info" ? failed.result : null} />
          <TeamSection
            team={team}
            editingId={editingMember || null}
            confirmRemoveId={memberToRemove(searchParams)}
            lastResult={failed?.result ?? null}
            lastIntent={failed?.intent ?? null}
          />
        </div>
        <section aria-labelledby={TIMELINE_HEADING_ID} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id={TIMELINE_HEADING_ID} className="text-lg font-semibold">
            Interactions
          </h2>
          <AddEventForm lastResult={failed?.intent === "add-event" ? failed.result : null} now={nowDate} timeZone={timeZone} />
          <EventTimeline events={events} now={nowDate} timeZone={timeZone} olderHref={olderEventsHref} newestHref={newestEventsHref} />
        </section>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <CustomerErrorBoundary />;
}
