import { useSearchParams } from "@remix-run/react";
import { createRemixStub } from "@remix-run/testing";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { memberToRemove, removeMemberHref, TeamSection, type TeamMemberView } from "./TeamSection";

const maya: TeamMemberView = { id: "6f1c1d4e-8a43-4b8e-9a4e-2f4a7c0d9b11", name: "Maya Okafor", role: "CTO" };
const liam: TeamMemberView = { id: "0b7f0c3e-8a8e-4a0c-9a49-3f1b2c4d5e6f", name: "Liam Hughes" };

function renderTeam(url: string, team: TeamMemberView[] = [maya, liam]) {
  const Stub = createRemixStub([
    {
      path: "/customers/:id/overview",
      Component: () => {
        const [searchParams] = useSearchParams();
        const confirmRemoveId = memberToRemove(searchParams);
        return <TeamSection team={team} editingId={null} confirmRemoveId={confirmRemoveId} />;
      },
    },
  ]);
  render(<Stub initialEntries={[url]} />);
}

const formOf = (button: HTMLElement) => Object.fromEntries(new FormData(button.closest("form")!));

describe("TeamSection's Remove", () => {
  it("is a link that asks first, not a form that removes at once", async () => {
    renderTeam("/customers/c1/overview");
    const remove = await screen.findByRole("link", { name: "Remove Maya Okafor" });
    expect(remove).toHaveAttribute("href", `/customers/c1/overview${removeMemberHref(maya.id!)}`);
    expect(screen.queryByRole("button", { name: /Remove/ })).not.toBeInTheDocument();
  });

  it("with JavaScript opens a dialog that posts the removal, and Cancel closes it", async () => {
    renderTeam("/customers/c1/overview");
    const user = userEvent.setup();
    await user.click(await screen.findByRole("link", { name: "Remove Liam Hughes" }));
    const dialog = await screen.findByRole("dialog", { name: "Remove team member" });
    expect(within(dialog).getByText(/^Remove Liam Hughes from the team\?/)).toBeInTheDocument();
    const confirm = within(dialog).getByRole("button", { name: "Remove member" });
    expect(formOf(confirm)).toEqual({ intent: "remove-team-member", memberId: liam.id });
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("asks on the page when the URL says so, for that member only", async () => {
    renderTeam(`/customers/c1/overview?confirm=remove-member&memberId=${maya.id}`);
    const section = await screen.findByRole("region", { name: "Remove team member" });
    expect(within(section).getByText(/^Remove Maya Okafor from the team\?/)).toBeInTheDocument();
    expect(formOf(within(section).getByRole("button", { name: "Remove member" }))).toEqual({ intent: "remove-team-member", memberId: maya.id });
    expect(within(section).getByRole("link", { name: "Cancel" })).toHaveAttribute("href", "/customers/c1/overview");
    expect(screen.getByRole("link", { name: "Remove Liam Hughes" })).toBeInTheDocument();
  });
});

describe("memberToRemove", () => {
  it.each([
    ["?confirm=remove-member&memberId=abc", "abc"],
    ["?confirm=remove-member", null],
    ["?confirm=remove-member&memberId=", null],
    ["?confirm=delete&memberId=abc", null],
    ["?memberId=abc", null],
  ])("%s → %s", (search, expected) => {
    expect(memberToRemove(new URLSearchParams(search))).toBe(expected);
  });
});

describe("TeamSection's rows", () => {
  // "Being removed" compared the pending removal (none) with the member's id
  // (null for a member stored before ids existed): both null, so it dimmed.
  it("dims no member while nothing is being removed, not even one without an id", async () => {
    renderTeam("/customers/c1/overview", [{ id: null, name: "Old Member" }, maya]);
    for (const name of ["Old Member", "Maya Okafor"]) {
      expect((await screen.findByText(name)).closest("li")).not.toHaveClass("opacity-50");
    }
  });
});
