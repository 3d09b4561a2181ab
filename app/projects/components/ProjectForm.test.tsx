import type { SubmissionResult } from "@conform-to/react";
import { createRemixStub } from "@remix-run/testing";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { projectView } from "./fixtures";
import { ProjectForm } from "./ProjectForm";
import type { ProjectView } from "./views";

const agreements = [{ id: "0b7f0c3e-8a8e-4a0c-9a49-3f1b2c4d5e6f", scope: "Design retainer" }];

async function renderForm(props: { project?: ProjectView; lastResult?: SubmissionResult<string[]> } = {}) {
  const Stub = createRemixStub([{ path: "/", Component: () => <ProjectForm agreements={agreements} {...props} /> }]);
  render(<Stub />);
  await screen.findByRole("button", { name: props.project ? "Save project" : "Create project" });
}

describe("ProjectForm", () => {
  it("creates with a status and an optional agreement of the customer", async () => {
    await renderForm();
    expect(screen.getByLabelText("Status")).toHaveValue("planning");
    expect([...(screen.getByLabelText("Agreement") as HTMLSelectElement).options].map((option) => option.text)).toEqual(["No agreement", "Design retainer"]);
    const data = new FormData(screen.getByRole("button", { name: "Create project" }).closest("form")!);
    expect(data.get("intent")).toBe("create-project");
    expect(data.get("agreementId")).toBe("");
  });

  it("edits without a status field (the board's control changes it), carrying what it was opened with", async () => {
    await renderForm({ project: projectView({ agreementId: agreements[0]!.id, agreementScope: "Design retainer" }) });
    expect(screen.queryByLabelText("Status")).toBeNull();
    expect(screen.getByLabelText("Name")).toHaveValue("Website relaunch");
    expect(screen.getByLabelText("Agreement")).toHaveValue(agreements[0]!.id);
    const data = new FormData(screen.getByRole("button", { name: "Save project" }).closest("form")!);
    expect(data.get("intent")).toBe("update-project");
    expect(JSON.parse(String(data.get("openedWith")))).toEqual({ name: "Website relaunch", description: "New site and brand", agreementId: agreements[0]!.id });
  });

  it("shows the server's field errors (the 400 re-render)", async () => {
    await renderForm({ lastResult: { status: "error", initialValue: { name: "  " }, error: { name: ["Name is required"], agreementId: ["Choose an agreement of this customer"] } } });
    expect(screen.getByLabelText("Name")).toHaveAccessibleDescription(expect.stringContaining("Name is required"));
    expect(screen.getByLabelText("Agreement")).toHaveAttribute("aria-invalid", "true");
  });

  it("validates in the browser with the same schema", async () => {
    await renderForm();
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Create project" }));
    await waitFor(() => expect(screen.getByLabelText("Name")).toHaveAttribute("aria-invalid", "true"));
  });
});
