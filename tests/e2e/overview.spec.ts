// The overview's own forms: team members and the interaction timeline.
import { expect, seedCustomer, test, toast, waitForEnhancements } from "./support/fixtures";

test.describe("customer overview", () => {
  test("team members can be added and removed, after a confirmation", async ({ page, user, isJs }) => {
    void user;
    const id = await seedCustomer(page, { name: "Team Co" });
    await page.goto(`/customers/${id}/overview`);
    await waitForEnhancements(page, isJs);
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

    // Removing asks first: a dialog with JS, a part of the page (?confirm=remove-member) without.
    const confirm = page.getByRole(isJs ? "dialog" : "region", { name: "Remove team member" });
    await team.getByRole("link", { name: "Remove Maya Okafor" }).click();
    await expect(confirm).toContainText("Remove Maya Okafor from the team?");
    await confirm.getByRole(isJs ? "button" : "link", { name: "Cancel" }).click();
    await expect(confirm).toBeHidden();
    await expect(member).toContainText("CTO");

    await team.getByRole("link", { name: "Remove Maya Okafor" }).click();
    await confirm.getByRole("button", { name: "Remove member" }).click();
    await expect(toast(page, "Removed the team member.")).toBeVisible();
    await expect(confirm).toBeHidden();
    await expect(team.getByText("Maya Okafor")).toHaveCount(0);
    await expect(team.getByText("No team members yet.", { exact: false })).toBeVisible();
  });

  test("an added event appears in the timeline", async ({ page, user, isJs }) => {
    void user;
    const id = await seedCustomer(page, { name: "Timeline Co" });
    await page.goto(`/customers/${id}/overview`);
    await waitForEnhancements(page, isJs);
    const timeline = page.getByRole("region", { name: "Interactions" });
    await expect(timeline.getByText("No interactions recorded yet.")).toBeVisible();

    await timeline.locator("summary", { hasText: "Add event" }).click();
    await timeline.getByLabel("Type", { exact: true }).selectOption({ label: "Call" });
    await timeline.getByLabel("Title", { exact: true }).fill("Kick-off call");
    await timeline.getByLabel("Description", { exact: true }).fill("Agreed on scope.\nNext: proposal.");
    // One field per participant, so a name may hold a comma.
    await timeline.getByLabel("Participant 1", { exact: true }).fill("Okafor, Maya");
    await timeline.getByLabel("Participant 3", { exact: true }).fill("Liam");
    if (isJs) {
      await timeline.getByRole("button", { name: "Add participant" }).click();
      await expect(timeline.getByLabel("Participant 4", { exact: true })).toBeFocused();
      await page.keyboard.type("Ann");
    }
    await timeline.getByRole("button", { name: "Add event" }).click();

    await expect(toast(page, "Event added.")).toBeVisible();
    const event = timeline.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Kick-off call" }) });
    await expect(event).toContainText("Call");
    await expect(event).toContainText(isJs ? "With Okafor, Maya, Liam, Ann" : "With Okafor, Maya, Liam");
    await expect(event).toContainText("Agreed on scope.");
    await expect(event).toContainText("just now");
    await expect(timeline.getByText("No interactions recorded yet.")).toHaveCount(0);

    // The quick stats and the list card pick up the new interaction.
    await expect(page.getByRole("definition").filter({ hasText: "just now" }).first()).toBeVisible();
    await page.goto("/customers");
    await expect(page.getByRole("article").filter({ hasText: "Timeline Co" })).toContainText("just now");
  });
});
