import { createRemixStub } from "@remix-run/testing";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { projectView } from "./fixtures";
import { deleteProjectQuestion, ProjectBoard } from "./ProjectBoard";
import type { ProjectView } from "./views";

const agreements = [{ id: "0b7f0c3e-8a8e-4a0c-9a49-3f1b2c4d5e6f", scope: "Design retainer" }];

async function renderBoard(projects: ProjectView[], url = "/customers/c1/projects") {
  const Stub = createRemixStub([
    { path: "/customers/:id/projects", Component: () => <ProjectBoard projects={projects} agreements={agreements} customerId="c1" failure={null} /> },
  ]);
  render(<Stub initialEntries={[url]} />);
  await screen.findAllByRole("heading");
}

const projects = [
  projectView({ id: "00000000-0000-4000-8000-000000000001", name: "Discovery", status: "planning" }),
  projectView({
    id: "00000000-0000-4000-8000-000000000002",
    name: "Website relaunch",
    status: "active",
    agreementId: agreements[0]!.id,
    agreementScope: "Design retainer",
    artifactCounts: { draft: 1, in_progress: 0, review: 2, final: 3, archived: 0 },
  }),
  projectView({ id: "00000000-0000-4000-8000-000000000003", name: "Old site", status: "archived" }),
];

describe("ProjectBoard", () => {
  it("puts each project in its status's column, archived ones behind a link", async () => {
    await renderBoard(projects);
    const column = (name: string) => screen.getByRole("region", { name: new RegExp(`^${name}`) });
    expect(within(column("Planning")).getByRole("article", { name: "Discovery" })).toBeInTheDocument();
    expect(within(column("Active")).getByRole("article", { name: "Website relaunch" })).toBeInTheDocument();
    expect(within(column("On hold")).getByText("None")).toBeInTheDocument();
    expect(within(column("Completed")).getByText("None")).toBeInTheDocument();
    expect(screen.queryByRole("article", { name: "Old site" })).toBeNull();
    expect(screen.getByRole("link", { name: "Show 1 archived project" })).toHaveAttribute("href", "/customers/c1/projects?archived");
  });

  it("shows the archived column when asked", async () => {
    await renderBoard(projects, "/customers/c1/projects?archived");
    expect(within(screen.getByRole("region", { name: /^Archived/ })).getByRole("article", { name: "Old site" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Hide archived projects" })).toBeInTheDocument();
  });

  it("shows a card's artifact counts, linked agreement and page link", async () => {
    await renderBoard(projects);
    const card = screen.getByRole("article", { name: "Website relaunch" });
    const counts = within(card).getByRole("list", { name: "Artifacts" });
    expect(within(counts).getAllByRole("listitem").map((item) => item.textContent)).toEqual(["1 draft", "2 in review", "3 final"]);
    expect(within(card).getByRole("link", { name: "Design retainer" })).toHaveAttribute("href", `/customers/c1/agreements#agreement-${agreements[0]!.id}`);
    expect(within(card).getByRole("link", { name: "Website relaunch" })).toHaveAttribute("href", "/customers/c1/projects/00000000-0000-4000-8000-000000000002");
    expect(within(screen.getByRole("article", { name: "Discovery" })).getByText("No artifacts yet")).toBeInTheDocument();
  });

  it("changes status with a select that posts project-status for the card's project", async () => {
    await renderBoard(projects);
    const select = screen.getByRole("combobox", { name: "Status of Discovery" });
    expect(select).toHaveValue("planning");
    const form = select.closest("form")!;
    expect(Object.fromEntries(new FormData(form))).toEqual({ intent: "project-status", projectId: "00000000-0000-4000-8000-000000000001", status: "planning" });
  });

  it("opens the delete confirmation in a dialog once hydrated, saying how many artifacts go", async () => {
    await renderBoard(projects);
    const user = userEvent.setup();
    await user.click(screen.getByRole("link", { name: "Delete Website relaunch" }));
    const dialog = await screen.findByRole("dialog", { name: "Delete project" });
    expect(dialog).toHaveTextContent("Its 6 artifacts are deleted with it.");
    const button = within(dialog).getByRole("button", { name: "Delete project" });
    expect(Object.fromEntries(new FormData(button.closest("form")!))).toEqual({ intent: "delete-project", projectId: "00000000-0000-4000-8000-000000000002" });
  });

  it("shows the confirmation on the page from its URL (without JavaScript)", async () => {
    await renderBoard(projects, "/customers/c1/projects?confirm=delete&projectId=00000000-0000-4000-8000-000000000001");
    await waitFor(() => expect(screen.getByRole("region", { name: "Delete project" })).toHaveTextContent("It has no artifacts."));
  });

  it("has an empty state with a way to create the first project", async () => {
    await renderBoard([]);
    expect(screen.getByRole("heading", { name: "No projects yet" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "New project" })).toHaveAttribute("href", "/customers/c1/projects?new");
  });
});

describe("deleteProjectQuestion", () => {
  it.each([
    [0, "It has no artifacts."],
    [1, "Its 1 artifact is deleted with it."],
    [4, "Its 4 artifacts are deleted with it."],
  ])("%i artifacts", (count, text) => {
    expect(deleteProjectQuestion(projectView({ artifactCounts: { draft: count, in_progress: 0, review: 0, final: 0, archived: 0 } }))).toContain(text);
  });
});
