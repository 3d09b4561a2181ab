import type { SubmissionResult } from "@conform-to/react";
import { createRemixStub } from "@remix-run/testing";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { LIMITS } from "../constants";
import { AddEventForm, EVENT_DATE_OFFERED } from "./AddEventForm";

const now = new Date("2026-03-29T01:30:00.000Z");

async function renderForm(lastResult: SubmissionResult<string[]> | null = null, timeZone = "UTC") {
  const Stub = createRemixStub([
    { path: "/customers/:id/overview", Component: () => <AddEventForm lastResult={lastResult} now={now} timeZone={timeZone} /> },
  ]);
  render(<Stub initialEntries={["/customers/c1/overview"]} />);
  return screen.findByRole("group", { name: "Participants" });
}

const participants = () => screen.getAllByRole("textbox", { name: /^Participant \d+$/ }) as HTMLInputElement[];
const posted = () => new FormData(participants()[0]!.form!).getAll("participants");

describe("AddEventForm's participants", () => {
  it("offers one empty input per participant, each posted as participants", async () => {
    await renderForm();
    expect(participants().map((input) => [input.name, input.value])).toEqual([
      ["participants", ""],
      ["participants", ""],
      ["participants", ""],
    ]);
    expect(screen.getByLabelText("Participant 2")).toBe(participants()[1]);
  });

  it("adds an input with Add participant, focused, and a name may hold a comma", async () => {
    await renderForm();
    const user = userEvent.setup();
    await user.type(participants()[0]!, "Okafor, Maya");
    await user.click(screen.getByRole("button", { name: "Add participant" }));
    expect(participants()).toHaveLength(4);
    expect(participants()[3]).toHaveFocus();
    await user.keyboard("Liam Hughes");
    expect(posted()).toEqual(["Okafor, Maya", "", "", "Liam Hughes"]);
  });

  it(`stops adding at ${LIMITS.participants}`, async () => {
    await renderForm();
    const user = userEvent.setup();
    for (let count = 3; count < LIMITS.participants; count++) await user.click(screen.getByRole("button", { name: "Add participant" }));
    expect(participants()).toHaveLength(LIMITS.participants);
    expect(screen.queryByRole("button", { name: "Add participant" })).not.toBeInTheDocument();
  });

  it("after a refused post, keeps what was typed in place, with one more empty input and the errors", async () => {
    const long = "x".repeat(LIMITS.shortText + 1);
    await renderForm({
      status: "error",
      initialValue: { intent: "add-event", title: "Review", participants: ["Ann", null, long, "Bob"] } as unknown as Record<string, unknown>,
      error: { "participants[2]": ["A participant's name must be at most 200 characters"] },
      state: { validated: { participants: true } },
    } as SubmissionResult<string[]>);
    expect(participants().map((input) => input.value)).toEqual(["Ann", "", long, "Bob", ""]);
    expect(participants()[2]).toHaveAttribute("aria-invalid", "true");
    expect(participants()[0]).not.toHaveAttribute("aria-invalid");
    expect(screen.getByText("A participant's name must be at most 200 characters")).toBeInTheDocument();
  });
});

describe("AddEventForm's date", () => {
  const dateInput = () => screen.getByLabelText("Date") as HTMLInputElement;

  it("offers now on the account's clock, says which clock, and echoes what it offered", async () => {
    // 01:30 UTC on the night Berlin springs forward is 03:30 there.
    await renderForm(null, "Europe/Berlin");
    expect(dateInput()).toHaveValue("2026-03-29T03:30");
    expect(screen.getByText("Your time (Europe/Berlin), as set in Account.")).toBeInTheDocument();
    expect(new FormData(dateInput().form!).get(EVENT_DATE_OFFERED)).toBe("2026-03-29T03:30");
  });

  it("after a refused post, keeps the typed date and the date first offered", async () => {
    await renderForm(
      {
        status: "error",
        initialValue: { intent: "add-event", title: "", eventDate: "2026-03-01T09:00", [EVENT_DATE_OFFERED]: "2026-03-28T10:00" },
        error: { title: ["Title is required"] },
      } as SubmissionResult<string[]>,
      "America/New_York",
    );
    expect(dateInput()).toHaveValue("2026-03-01T09:00");
    expect(new FormData(dateInput().form!).get(EVENT_DATE_OFFERED)).toBe("2026-03-28T10:00");
  });
});
