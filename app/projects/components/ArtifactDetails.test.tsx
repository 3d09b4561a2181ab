import { createRemixStub } from "@remix-run/testing";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { ProjectActionFailure } from "../actions";
import type { ArtifactStatus } from "../constants";
import { ArtifactDetails } from "./ArtifactDetails";
import { artifactView } from "./fixtures";
import type { ArtifactView } from "./views";

const URL = "/customers/c1/projects/p1/artifacts/a1";

async function renderPage(artifact: ArtifactView, { url = URL, failure = null }: { url?: string; failure?: ProjectActionFailure | null } = {}) {
  const Stub = createRemixStub([
    {
      path: "/customers/:id/projects/:projectId/artifacts/:artifactId",
      Component: () => (
        <ArtifactDetails artifact={artifact} project={{ id: "p1", name: "Website relaunch" }} customerId="c1" failure={failure} now={new Date("2026-06-02T10:00:00Z")} timeZone="UTC" />
      ),
    },
  ]);
  render(<Stub initialEntries={[url]} />);
  await screen.findByRole("heading", { level: 2, name: artifact.title });
}

/** The workflow buttons' labels, and the status each posts. */
function workflow(): Array<[string, string]> {
  const form = screen.queryByRole("form", { name: /^Workflow of/ });
  if (!form) return [];
  return within(form)
    .getAllByRole("button")
    .map((button) => [button.textContent ?? "", (button as HTMLButtonElement).value]);
}

describe("ArtifactDetails", () => {
  it.each<[ArtifactStatus, Array<[string, string]>]>([
    ["draft", [["Start work", "in_progress"], ["Archive", "archived"]]],
    ["in_progress", [["Send to review", "review"], ["Archive", "archived"]]],
    ["review", [["Approve", "final"], ["Request changes", "in_progress"], ["Archive", "archived"]]],
    ["final", [["Reopen", "in_progress"], ["Archive", "archived"]]],
    ["archived", [["Restore to draft", "draft"]]],
  ])("offers only the moves a %s artifact allows", async (status, moves) => {
    await renderPage(artifactView({ status }));
    expect(workflow()).toEqual(moves);
    const form = screen.getByRole("form", { name: /^Workflow of/ });
    expect(new FormData(form as HTMLFormElement).get("intent")).toBe("artifact-status");
  });

  it("renders the content as Markdown, raw HTML as text", async () => {
    await renderPage(artifactView({ content: "## Colours\n\n- **Indigo**\n\n<img src=x onerror=alert(1)> [bad](javascript:alert(1))" }));
    expect(screen.getByRole("heading", { level: 4, name: "Colours" })).toBeInTheDocument();
    expect(screen.getByText("Indigo").tagName).toBe("STRONG");
    expect(document.querySelector("img")).toBeNull();
    expect(screen.getByText(/<img src=x onerror=alert\(1\)>/)).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "bad" })).toBeNull();
  });

  it("shows a refused move where the buttons are", async () => {
    await renderPage(artifactView({ status: "final" }), { failure: { intent: "artifact-status", projectId: "p1", message: "An artifact cannot move from final to in review." } });
    expect(screen.getByRole("alert")).toHaveTextContent("cannot move from final");
  });

  it("edits on the page (?edit) with the values it was opened with", async () => {
    await renderPage(artifactView(), { url: `${URL}?edit` });
    expect(screen.getByLabelText("Title")).toHaveValue("Brand guide");
    expect(screen.getByLabelText("Type")).toHaveValue("document");
    expect(screen.getByLabelText("Content")).toHaveValue("# Brand guide\n\nUse **indigo**.");
    const form = screen.getByRole("button", { name: "Save artifact" }).closest("form")!;
    const data = new FormData(form);
    expect(data.get("intent")).toBe("update-artifact");
    expect(JSON.parse(String(data.get("openedWith")))).toEqual({ title: "Brand guide", type: "document", content: "# Brand guide\n\nUse **indigo**." });
  });

  it("previews what is typed with the same renderer, keeping the textarea in the form", async () => {
    await renderPage(artifactView(), { url: `${URL}?edit` });
    const user = userEvent.setup();
    const content = screen.getByLabelText("Content");
    await user.clear(content);
    await user.type(content, "## Draft heading");
    await user.click(await screen.findByRole("button", { name: "Preview" }));
    const preview = await screen.findByRole("region", { name: "Preview" });
    expect(within(preview).getByRole("heading", { level: 4, name: "Draft heading" })).toBeInTheDocument();
    expect(content.closest("[hidden]")).not.toBeNull();
    expect(new FormData(content.closest("form")!).get("content")).toBe("## Draft heading");
    await user.click(screen.getByRole("button", { name: "Write" }));
    await waitFor(() => expect(content.closest("[hidden]")).toBeNull());
  });

  it("confirms a delete in a dialog once hydrated", async () => {
    await renderPage(artifactView());
    const user = userEvent.setup();
    await user.click(screen.getByRole("link", { name: "Delete Brand guide" }));
    const dialog = await screen.findByRole("dialog", { name: "Delete artifact" });
    const button = within(dialog).getByRole("button", { name: "Delete artifact" });
    expect(Object.fromEntries(new FormData(button.closest("form")!))).toEqual({ intent: "delete-artifact", artifactId: artifactView().id });
  });
});
