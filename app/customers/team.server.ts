import { randomUUID } from "node:crypto";
import { asUser } from "~/db/scope.server";
import { Prisma } from "~/generated/prisma/client";
import { formValuesOf, mergeEdit, type OpenedWith, type StaleEdit } from "~/utils/edit-merge";
import { isUuid } from "~/utils/uuid";
import { LIMITS } from "./constants";
import { isCustomerRef, liveCustomer, ownsLiveCustomer, type CustomerRef } from "./ownership.server";
import { memberFormValues, readTeam } from "./info-view";
import { MEMBER_FORM_FIELDS, type InfoPatch, type TeamMemberInput } from "./schemas";

/**
 * A customer's team lives in `info.team`, each member with a stable id so it
 * can be edited and removed on its own. Every change is one UPDATE in SQL, so
 * concurrent changes to different members all survive.
 */

export type TeamResult = "ok" | "unchanged" | "not_found" | "member_not_found" | "full";

/** Gives members without an id one (on create and on a merge patch of `info`). */
export function withMemberIds(info: InfoPatch | undefined): InfoPatch | undefined {
  if (!info?.team) return info;
  return { ...info, team: info.team.map((member) => ({ ...member, id: member.id ?? randomUUID() })) };
}

/** Which member of which customer of which user. */
export interface MemberRef extends CustomerRef {
  memberId: string;
}

/** No row changed: tell a missing member of the user's customer from a missing customer. */
async function outcome(updated: number, ref: CustomerRef, otherwise: TeamResult): Promise<TeamResult> {
  if (updated) return "ok";
  return (await asUser(ref.userId, (db) => ownsLiveCustomer(db, ref))) ? otherwise : "not_found";
}

/** Appends a member in SQL, so concurrent additions all survive. */
export async function addTeamMember({ member, ...ref }: CustomerRef & { member: TeamMemberInput }): Promise<TeamResult> {
  if (!isCustomerRef(ref)) return "not_found";
  const value = JSON.stringify({ ...member, id: randomUUID() });
  const updated = await asUser(ref.userId, (db) => db.$executeRaw`
    UPDATE customers c
       SET info = jsonb_set(coalesce(c.info, '{}'::jsonb), '{team}',
                  CASE WHEN jsonb_typeof(c.info->'team') = 'array' THEN c.info->'team' ELSE '[]'::jsonb END
                  || jsonb_build_array(${value}::jsonb))
     WHERE ${liveCustomer(ref)}
       AND (jsonb_typeof(c.info->'team') IS DISTINCT FROM 'array' OR jsonb_array_length(c.info->'team') < ${LIMITS.teamSize})`);
  return outcome(updated, ref, "full");
}

/** The user's live customer whose team holds this member (`m`), and where `memberMatches` holds for it. */
function customerWithMember({ memberId, ...ref }: MemberRef, memberMatches: Prisma.Sql = Prisma.sql`TRUE`): Prisma.Sql {
  return Prisma.sql`${liveCustomer(ref)}
       AND jsonb_typeof(c.info->'team') = 'array'
       AND EXISTS (SELECT 1 FROM jsonb_array_elements(c.info->'team') m WHERE m->>'id' = ${memberId} AND ${memberMatches})`;
}

/**
 * Saves the member form: the fields the user changed from what the form was
 * opened with (`edit.opened`; every field differing from the stored member
 * when null), unless someone else changed one of those since — measured
 * under the customer row's lock (docs/decisions/0012). Extra keys on the
 * member stay; a field emptied is removed. An edit that changes nothing
 * writes nothing ("unchanged"), so it does not move the customer's updated_at.
 */
export async function updateTeamMember({
  member: values,
  opened = null,
  ...ref
}: MemberRef & OpenedWith & { member: TeamMemberInput }): Promise<TeamResult | StaleEdit> {
  if (!isCustomerRef(ref)) return "not_found";
  if (!isUuid(ref.memberId)) return outcome(0, ref, "member_not_found");
  return asUser(
    ref.userId,
    async (db): Promise<TeamResult | StaleEdit> => {
      const [locked] = await db.$queryRaw<Array<{ info: unknown }>>`SELECT c.info FROM customers c WHERE ${liveCustomer(ref)} FOR UPDATE`;
      if (!locked) return "not_found";
      const member = readTeam(locked.info).find((candidate) => candidate.id === ref.memberId);
      if (!member) return "member_not_found";
      const mine = formValuesOf(values, MEMBER_FORM_FIELDS);
      const merge = mergeEdit(MEMBER_FORM_FIELDS, { opened, mine, current: memberFormValues(member) });
      if (merge.conflicts.length) return { stale: merge };
      if (!merge.changed.length) return "unchanged";
      const set = Object.fromEntries(merge.changed.flatMap((field) => (mine[field] ? [[field, mine[field]]] : [])));
      const edited = Prisma.sql`(m - ARRAY[${Prisma.join(merge.changed)}]::text[]) || ${JSON.stringify(set)}::jsonb`;
      const updated = await db.$executeRaw`
        UPDATE customers c
           SET info = jsonb_set(c.info, '{team}', (
                 SELECT jsonb_agg(CASE WHEN m->>'id' = ${ref.memberId} THEN ${edited} ELSE m END ORDER BY ord)
                   FROM jsonb_array_elements(c.info->'team') WITH ORDINALITY AS t(m, ord)))
         WHERE ${customerWithMember(ref, Prisma.sql`${edited} IS DISTINCT FROM m`)}`;
      return updated ? "ok" : "unchanged";
    },
    { atomic: true },
  );
}

export async function removeTeamMember(ref: MemberRef): Promise<TeamResult> {
  if (!isCustomerRef(ref)) return "not_found";
  if (!isUuid(ref.memberId)) return outcome(0, ref, "member_not_found");
  const updated = await asUser(ref.userId, (db) => db.$executeRaw`
    UPDATE customers c
       SET info = jsonb_set(c.info, '{team}', coalesce((
             SELECT jsonb_agg(m ORDER BY ord)
               FROM jsonb_array_elements(c.info->'team') WITH ORDINALITY AS t(m, ord)
              WHERE m->>'id' IS DISTINCT FROM ${ref.memberId}), '[]'::jsonb))
     WHERE ${customerWithMember(ref)}`);
  return outcome(updated, ref, "member_not_found");
}
