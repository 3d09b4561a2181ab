// The overview's own forms: team members and the interaction timeline.
import { expect, seedCustomer, test, toast } from "./support/fixtures";

test.describe("customer overview", () => {
  test("team members can be added and removed", async ({ page, user }) => {
    void user;
    const id = await seedCustomer(page, { name: "Team Co" });
    await page.goto(`/customers/${id}/overview`);
    const team = page.getByRole("region", { name: "Team" });
    await expect(team.getByText("No team members yet.", { exact: false })).toBeVisible();

    // "Add team member" is a <details> disclosure: works without JS.
    await team.getByText("Add team member").click();
    await team.getByLabel("Name", { exact: true }).fill("Maya Okafor");
    await team.getByLabel("Role", { exact: true }).fill("CTO");
    await team.getByLabel("Email", { exact: true }).fill("maya@team.example");
    await team.getByLabel("Notes", { exact: true }).fill("Prefers mornings");
    await team.getByRole("button", { name: "Add member" }).click();

    await expect(toast(page, "Added Maya Okafor to the team.")).toBeVisible();
    const member = team.getByRole("listitem").filter({ hasText: "Maya Okafor" });
    await expect(member).toContainText("CTO");
    await expect(member.getByRole("link", { name: "maya@team.example" })).toHaveAttribute("href", "mailto:maya@team.example");
    await expect(member).toContainText("Prefers mornings");

    await team.getByRole("button", { name: "Remove Maya Okafor" }).click();
    await expect(toast(page, "Removed the team member.")).toBeVisible();
    await expect(team.getByText("Maya Okafor")).toHaveCount(0);
    await expect(team.getByText("No team members yet.", { exact: false })).toBeVisible();
  });

  test("an added event appears in the timeline", async ({ page, user }) => {
    void user;
    const id = await seedCustomer(page, { name: "Timeline Co" });
    await page.goto(`/customers/${id}/overview`);
    const timeline = page.getByRole("region", { name: "Interactions" });
    await expect(timeline.getByText("No interactions recorded yet.")).toBeVisible();

    await timeline.locator("summary", { hasText: "Add event" }).click();
    await timeline.getByLabel("Type", { exact: true }).selectOption({ label: "Call" });
    await timeline.getByLabel("Title", { exact: true }).fill("Kick-off call");
    await timeline.getByLabel("Description", { exact: true }).fill("Agreed on scope.\nNext: proposal.");
    await timeline.getByLabel("Participants", { exact: true }).fill("Maya, Liam");
    await timeline.getByRole("button", { name: "Add event" }).click();

    await expect(toast(page, "Event added.")).toBeVisible();
    const event = timeline.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Kick-off call" }) });
    await expect(event).toContainText("Call");
    await expect(event).toContainText("With Maya, Liam");
    await expect(event).toContainText("Agreed on scope.");
    await expect(event).toContainText("just now");
    await expect(timeline.getByText("No interactions recorded yet.")).toHaveCount(0);

    // The quick stats and the list card pick up the new interaction.
    await expect(page.getByRole("definition").filter({ hasText: "just now" }).first()).toBeVisible();
    await page.goto("/customers");
    await expect(page.getByRole("article").filter({ hasText: "Timeline Co" })).toContainText("just now");
  });
});
