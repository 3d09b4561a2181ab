import { Form, useFetcher } from "@remix-run/react";
import { createRemixStub } from "@remix-run/testing";
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Save } from "lucide-react";
import { afterEach, describe, expect, it } from "vitest";
import { useIsPending, usePendingFormData } from "~/utils/pending";
import { StatusButton } from "./StatusButton";

describe("StatusButton", () => {
  it("is a plain enabled submit button while idle", () => {
    render(
      <StatusButton pending={false} pendingLabel="Saving…">
        Save
      </StatusButton>,
    );
    const button = screen.getByRole("button", { name: "Save" });
    expect(button).toHaveAttribute("type", "submit");
    expect(button).toBeEnabled();
    expect(button).not.toHaveAttribute("aria-busy");
  });

  it("swaps the label, disables itself and is aria-busy while pending, keeping the icon", () => {
    const { container } = render(
      <StatusButton pending pendingLabel="Saving…" icon={<Save aria-hidden="true" />} className="my-button">
        Save
      </StatusButton>,
    );
    const button = screen.getByRole("button", { name: "Saving…" });
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute("aria-busy", "true");
    expect(button).toHaveClass("my-button");
    expect(container.querySelector("button > svg")).toHaveAttribute("aria-hidden", "true");
  });

  it("leaves the focus in the field being edited when pressed, and still submits", async () => {
    let submitted = 0;
    render(
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submitted += 1;
        }}
      >
        <input aria-label="Name" onBlur={() => undefined} />
        <StatusButton pending={false} pendingLabel="Saving…">
          Save
        </StatusButton>
      </form>,
    );
    const field = screen.getByLabelText("Name");
    field.focus();
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(field).toHaveFocus();
    expect(submitted).toBe(1);
  });

  it("stays disabled when asked to, pending or not", () => {
    render(
      <StatusButton pending={false} pendingLabel="Saving…" disabled>
        Save
      </StatusButton>,
    );
    expect(screen.getByRole("button", { name: "Save" })).toBeDisabled();
  });
});

// The action answers only when the test says so, so the pending state can be looked at.
let answer: (() => void) | null = null;
function slowAction() {
  return new Promise<null>((resolve) => {
    answer = () => resolve(null);
  });
}
afterEach(async () => {
  // Let the submission finish while the stub is still mounted.
  await act(async () => answer?.());
  answer = null;
});

function IntentForm({ intent, label, action }: { intent: string; label: string; action?: string }) {
  const pending = useIsPending({ intent, formAction: action });
  return (
    <Form method="post" action={action}>
      <input type="hidden" name="intent" value={intent} />
      <StatusButton pending={pending} pendingLabel={`${label}…`}>
        {label}
      </StatusButton>
    </Form>
  );
}

describe("useIsPending", () => {
  it("is true only for the form whose intent is being submitted, until the submission is done", async () => {
    const Stub = createRemixStub([
      {
        path: "/",
        action: slowAction,
        Component: () => (
          <>
            <IntentForm intent="save" label="Save" />
            <IntentForm intent="remove" label="Remove" />
          </>
        ),
      },
    ]);
    render(<Stub />);
    await userEvent.click(await screen.findByRole("button", { name: "Save" }));

    const saving = await screen.findByRole("button", { name: "Save…" });
    expect(saving).toBeDisabled();
    expect(saving).toHaveAttribute("aria-busy", "true");
    const other = screen.getByRole("button", { name: "Remove" });
    expect(other).toBeEnabled();
    expect(other).not.toHaveAttribute("aria-busy");

    await act(async () => answer?.());
    expect(await screen.findByRole("button", { name: "Save" })).toBeEnabled();
  });

  it("tells forms with the same intent apart by their action", async () => {
    const Stub = createRemixStub([
      {
        path: "/",
        Component: () => (
          <>
            <IntentForm intent="restore" label="Restore A" action="/things/a" />
            <IntentForm intent="restore" label="Restore B" action="/things/b" />
          </>
        ),
        children: [{ path: "things/:id", action: slowAction, Component: () => null }],
      },
    ]);
    render(<Stub />);
    await userEvent.click(await screen.findByRole("button", { name: "Restore B" }));
    expect(await screen.findByRole("button", { name: "Restore B…" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Restore A" })).toBeEnabled();
  });

  it("counts a given fetcher's submission too", async () => {
    function FetcherForm() {
      const fetcher = useFetcher();
      const pending = useIsPending({ intent: "status", fetcher });
      const unrelated = useIsPending({ intent: "status" });
      return (
        <fetcher.Form method="post">
          <input type="hidden" name="intent" value="status" />
          <StatusButton pending={pending} pendingLabel="Updating…">
            Update
          </StatusButton>
          <p>{unrelated ? "navigation is submitting" : "navigation is idle"}</p>
        </fetcher.Form>
      );
    }
    const Stub = createRemixStub([{ path: "/", action: slowAction, Component: FetcherForm }]);
    render(<Stub />);
    await userEvent.click(await screen.findByRole("button", { name: "Update" }));
    expect(await screen.findByRole("button", { name: "Updating…" })).toBeDisabled();
    // Without the fetcher, only the page's navigation counts.
    expect(screen.getByText("navigation is idle")).toBeInTheDocument();
  });

  it("hands over the submitted form data, to tell rows apart", async () => {
    function Row({ id }: { id: string }) {
      const removing = usePendingFormData({ intent: "remove" })?.get("rowId") === id;
      return (
        <li aria-busy={removing}>
          <Form method="post">
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="rowId" value={id} />
            <button type="submit">Remove {id}</button>
          </Form>
        </li>
      );
    }
    const Stub = createRemixStub([
      {
        path: "/",
        action: slowAction,
        Component: () => (
          <ul>
            <Row id="one" />
            <Row id="two" />
          </ul>
        ),
      },
    ]);
    render(<Stub />);
    await userEvent.click(await screen.findByRole("button", { name: "Remove two" }));
    await waitFor(() => expect(screen.getAllByRole("listitem").map((item) => item.getAttribute("aria-busy"))).toEqual(["false", "true"]));
  });
});
