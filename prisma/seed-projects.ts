import type { ArtifactStatus, ArtifactType, ProjectStatus } from "~/projects/constants";
import type { PrismaClient } from "~/generated/prisma/client";
import { demoCustomers } from "./seed-receivables";

/**
 * The demo account's projects: one in every status, spread over its first
 * customers, each active one with artifacts in every workflow state, Markdown
 * to render, and the timeline events a review and an approval write. Plain
 * SQL, so the schema's CHECKs and same-customer foreign keys judge every row
 * as they judge the app's. Marked in `metadata` so a second run adds nothing.
 */

const SEED_MARK = "demo-projects";

interface ArtifactPlan {
  title: string;
  type: ArtifactType;
  status: ArtifactStatus;
  content: string;
}

interface ProjectPlan {
  /** Which demo customer, by creation order. */
  customer: number;
  name: string;
  description: string;
  status: ProjectStatus;
  /** Linked to the customer's first agreement, when it has one. */
  linked: boolean;
  artifacts: ArtifactPlan[];
}

const BRAND_GUIDE = `# Brand guide

The visual language for every touchpoint.

## Colours

| Name | Hex |
|---|---|
| Ink | \`#1f2937\` |
| Signal | \`#4338ca\` |

## Voice

- Plain words, short sentences.
- Say what the customer gets, not what we did.

See the [type specimen](https://fonts.google.com/specimen/Inter).`;

const ARCHITECTURE = `# Architecture overview

1. **Edge**: CDN and the web app.
2. **API**: one service, one database.
3. **Jobs**: a queue for exports.

\`\`\`text
browser → app → postgres
\`\`\``;

const PLANS: ProjectPlan[] = [
  {
    customer: 0,
    name: "Website relaunch",
    description: "New site, new brand, same customers.",
    status: "active",
    linked: true,
    artifacts: [
      { title: "Brand guide", type: "design", status: "final", content: BRAND_GUIDE },
      { title: "Sitemap", type: "document", status: "review", content: "# Sitemap\n\n- Home\n- Pricing\n- About\n- Contact" },
      { title: "Homepage copy", type: "document", status: "in_progress", content: "# Homepage\n\n_Draft in progress._" },
      { title: "Analytics plan", type: "report", status: "draft", content: "" },
      { title: "Old moodboard", type: "design", status: "archived", content: "Superseded by the brand guide." },
    ],
  },
  {
    customer: 1,
    name: "Platform migration",
    description: "From the monolith to a managed platform, without downtime.",
    status: "active",
    linked: true,
    artifacts: [
      { title: "Architecture overview", type: "document", status: "final", content: ARCHITECTURE },
      { title: "Migration scripts", type: "code", status: "review", content: "```sql\nALTER TABLE orders ADD COLUMN region text;\n```" },
      { title: "Cut-over checklist", type: "custom", status: "draft", content: "- [ ] Freeze deploys\n- [ ] Back up\n- [ ] Switch DNS" },
    ],
  },
  {
    customer: 0,
    name: "Customer portal",
    description: "Self-service for invoices and tickets.",
    status: "planning",
    linked: false,
    artifacts: [{ title: "Requirements", type: "document", status: "draft", content: "# Requirements\n\nTo be gathered in the kick-off." }],
  },
  {
    customer: 2,
    name: "Data platform assessment",
    description: "Waiting for access to the warehouse.",
    status: "on_hold",
    linked: true,
    artifacts: [{ title: "Interview notes", type: "report", status: "in_progress", content: "## Interviews\n\n1. Finance\n2. Operations" }],
  },
  {
    customer: 1,
    name: "Design sprint",
    description: "Five days from problem to tested prototype.",
    status: "completed",
    linked: false,
    artifacts: [
      { title: "Sprint report", type: "report", status: "final", content: "# Outcome\n\nThe prototype tested well with 4 of 5 users." },
      { title: "Prototype", type: "design", status: "final", content: "Figma link: <https://figma.com/file/demo>" },
    ],
  },
  {
    customer: 2,
    name: "Pilot integration",
    description: "Replaced by the data platform assessment.",
    status: "archived",
    linked: false,
    artifacts: [{ title: "Integration spec", type: "code", status: "archived", content: "Not pursued." }],
  },
];

const CUSTOMERS_NEEDED = 1 + Math.max(...PLANS.map((plan) => plan.customer));

/** The timeline events the workflow would have written on the way to `status`. */
const EVENTS_ON_THE_WAY: Record<ArtifactStatus, string[]> = {
  draft: [],
  in_progress: [],
  review: ["sent to review"],
  final: ["sent to review", "approved"],
  archived: [],
};

/**
 * Adds the demo projects to the user's first customers (by creation order),
 * unless they were added before. Returns whether it added them.
 */
export async function seedDemoProjects(prisma: PrismaClient, userId: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const [seeded] = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM customer_projects WHERE user_id = ${userId}::uuid AND metadata->>'seed' = ${SEED_MARK} LIMIT 1`;
    if (seeded) return false;
    const customers = await demoCustomers(tx, userId, CUSTOMERS_NEEDED);
    if (!customers) return false;
    for (const [position, plan] of PLANS.entries()) {
      const customer = customers[plan.customer]!;
      // Older plans first, so the board's "most recently changed" order follows the list.
      const age = `${PLANS.length - position} days`;
      const [project] = await tx.$queryRaw<Array<{ id: string }>>`
        INSERT INTO customer_projects (user_id, customer_id, name, description, status, agreement_id, metadata, created_at, updated_at)
        VALUES (${userId}::uuid, ${customer.id}::uuid, ${plan.name}, ${plan.description}, ${plan.status},
                ${plan.linked ? customer.agreementId : null}::uuid, ${JSON.stringify({ seed: SEED_MARK })}::jsonb,
                now() - ${age}::interval, now() - ${age}::interval)
        RETURNING id`;
      for (const artifact of plan.artifacts) {
        const [created] = await tx.$queryRaw<Array<{ id: string }>>`
          INSERT INTO customer_artifacts (user_id, customer_id, project_id, type, title, content, status)
          VALUES (${userId}::uuid, ${customer.id}::uuid, ${project!.id}::uuid, ${artifact.type}, ${artifact.title}, ${artifact.content}, ${artifact.status})
          RETURNING id`;
        for (const [step, done] of EVENTS_ON_THE_WAY[artifact.status].entries()) {
          await tx.$executeRaw`
            INSERT INTO customer_events (user_id, customer_id, event_type, title, metadata, event_date)
            VALUES (${userId}::uuid, ${customer.id}::uuid, 'update', ${`Artifact '${artifact.title}' ${done}`},
                    ${JSON.stringify({ artifact_id: created!.id, project_id: project!.id, action: done === "approved" ? "approve" : "send_to_review" })}::jsonb,
                    now() - ${`${2 - step} days`}::interval)`;
        }
      }
    }
    return true;
  });
}
