import { asUser } from "~/db/scope.server";
import { isCustomerRef, liveCustomer, type CustomerRef } from "~/customers/ownership.server";

/** The work delivered for each customer. */

export { ACTIVE_PROJECTS_SQL } from "./queries.server";

export interface ProjectListItem {
  id: string;
  name: string;
  description: string | null;
  status: string;
  updatedAt: Date | null;
}

/** The projects of the user's live customer, most recently updated first. */
export async function listProjects(ref: CustomerRef): Promise<ProjectListItem[]> {
  if (!isCustomerRef(ref)) return [];
  return asUser(ref.userId, (db) => db.$queryRaw<ProjectListItem[]>`
    SELECT p.id, p.name, p.description, p.status, p.updated_at AS "updatedAt"
      FROM customer_projects p
      JOIN customers c ON c.id = p.customer_id
     WHERE ${liveCustomer(ref)}
     ORDER BY p.updated_at DESC NULLS FIRST, p.id`);
}
