/** A project's lifecycle, as the customer_projects CHECK allows it. Browser-safe. */
export const PROJECT_STATUS_LABELS: Record<string, string> = {
  planning: "Planning",
  active: "Active",
  on_hold: "On hold",
  completed: "Completed",
  archived: "Archived",
};
