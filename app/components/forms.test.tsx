import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { createRemixStub } from "@remix-run/testing";
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { SelectField, TextareaField, TextField, useConformForm } from "./forms";

const Schema = z.object({
  name: z.string({ required_error: "Name is required" }).max(50, "Too long"),
  email: z.string().email("Enter a valid email").optional(),
  notes: z.string().max(500).optional(),
  kind: z.enum(["a", "b", "c"]),
});

const kinds = [
  { value: "a", label: "Kind A" },
  { value: "b", label: "Kind B" },
  { value: "c", label: "Kind C" },
];

function TestForm({ lastResult, defaultValue }: { lastResult?: SubmissionResult<string[]>; defaultValue?: { kind?: "a" | "b" | "c" } }) {
  const [form, fields] = useConformForm(Schema, { id: "test", lastResult, defaultValue });
  return (
    <Form method="post" {...getFormProps(form)}>
      <TextField label="Name" meta={fields.name} hint="What people call it." inputProps={{ autoComplete: "off" }} />
      <TextField label="Email" meta={fields.email} type="email" />
      <TextareaField label="Notes" meta={fields.notes} textareaProps={{ rows: 4 }} />
      <SelectField label="Kind" meta={fields.kind} options={kinds} defaultOption="b" />
      <button type="submit">Save</button>
    </Form>
  );
}

async function renderForm(props: Parameters<typeof TestForm>[0] = {}) {
  const Stub = createRemixStub([{ path: "/", Component: () => <TestForm {...props} /> }]);
  render(<Stub />);
  await screen.findByRole("button", { name: "Save" });
}

const failed = (error: Record<string, string[]>, initialValue: Record<string, string> = {}): SubmissionResult<string[]> => ({
  status: "error",
  initialValue,
  error,
});

describe("TextField, TextareaField, SelectField", () => {
  it("label each control, name it after the field and take native constraints from the schema", async () => {
    await renderForm();
    const name = await screen.findByLabelText("Name");
    expect(name).toHaveAttribute("name", "name");
    expect(name).toHaveAttribute("type", "text");
    expect(name).toBeRequired();
    expect(name).toHaveAttribute("maxlength", "50");
    expect(name).toHaveAttribute("autocomplete", "off");
    expect(name).toHaveClass("block", "w-full");
    expect(screen.getByText("What people call it.")).toBeInTheDocument();

    const email = screen.getByLabelText("Email");
    expect(email).toHaveAttribute("type", "email");
    expect(email).not.toBeRequired();

    const notes = screen.getByLabelText("Notes");
    expect(notes.tagName).toBe("TEXTAREA");
    expect(notes).toHaveAttribute("maxlength", "500");
    expect(notes).toHaveAttribute("rows", "4");

    const kind = screen.getByLabelText("Kind");
    expect(kind).toHaveAttribute("name", "kind");
    expect(kind).toHaveValue("b");
    expect(screen.getAllByRole("option").map((option) => option.textContent)).toEqual(["Kind A", "Kind B", "Kind C"]);
  });

  it("are not marked invalid while there are no errors", async () => {
    await renderForm();
    for (const label of ["Name", "Email", "Notes", "Kind"]) {
      const control = await screen.findByLabelText(label);
      expect(control).not.toHaveAttribute("aria-invalid");
      expect(control).not.toHaveAttribute("aria-describedby");
    }
  });

  it("point aria-describedby at their errors, shown below the control, when there are errors", async () => {
    await renderForm({
      lastResult: failed({ email: ["Enter a valid email"], notes: ["Too long"], kind: ["Choose a kind"] }, { email: "nope", kind: "c" }),
    });
    const email = await screen.findByLabelText("Email");
    expect(email).toHaveValue("nope");
    expect(email).toHaveAttribute("aria-invalid", "true");
    expect(email).toHaveAccessibleDescription("Enter a valid email");
    const errors = document.getElementById(email.getAttribute("aria-describedby")!)!;
    expect(errors).toHaveTextContent("Enter a valid email");
    expect(email.compareDocumentPosition(errors) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    expect(screen.getByLabelText("Notes")).toHaveAccessibleDescription("Too long");
    const kind = screen.getByLabelText("Kind");
    expect(kind).toHaveValue("c");
    expect(kind).toHaveAccessibleDescription("Choose a kind");
    // The fields without errors stay as they were.
    expect(screen.getByLabelText("Name")).not.toHaveAttribute("aria-invalid");
  });

  it("validate with the schema in the browser once a field loses focus (useConformForm)", async () => {
    await renderForm();
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText("Email"), "not-an-email");
    await user.tab();
    await waitFor(() => expect(screen.getByLabelText("Email")).toHaveAttribute("aria-invalid", "true"));
    expect(screen.getByLabelText("Email")).toHaveAccessibleDescription("Enter a valid email");

    // Then on every keystroke.
    await user.clear(screen.getByLabelText("Email"));
    await user.type(screen.getByLabelText("Email"), "ann@example.com");
    await waitFor(() => expect(screen.getByLabelText("Email")).not.toHaveAttribute("aria-invalid"));
  });

  it("take the form's default values", async () => {
    await renderForm({ defaultValue: { kind: "a" } });
    expect(await screen.findByLabelText("Kind")).toHaveValue("a");
  });
});

describe("useConformForm's submissions", () => {
  const NameOnly = z.object({ name: z.string({ required_error: "Name is required" }) });

  function SavingForm({ onSaved }: { onSaved?: () => void }) {
    const actionData = useActionData<{ result: SubmissionResult<string[]> }>();
    const [form, fields] = useConformForm(NameOnly, { id: "saving", lastResult: actionData?.result, onSaved });
    return (
      <Form method="post" {...getFormProps(form)}>
        <TextField label="Name" meta={fields.name} />
        <button type="submit">Save</button>
      </Form>
    );
  }

  it("drops a second submit while the first is still in flight", async () => {
    const received: string[] = [];
    let answer: (() => void) | null = null;
    const Stub = createRemixStub([
      {
        path: "/",
        action: async ({ request }) => {
          received.push(String((await request.formData()).get("name")));
          await new Promise<void>((resolve) => (answer = resolve));
          return redirect("/");
        },
        Component: () => <SavingForm />,
      },
    ]);
    render(<Stub />);
    await userEvent.type(await screen.findByLabelText("Name"), "Ann");
    const save = screen.getByRole("button", { name: "Save" });
    // Both before React renders the first one's pending state.
    act(() => {
      save.click();
      save.click();
    });
    await waitFor(() => expect(received).toEqual(["Ann"]));
    await act(async () => answer?.());
    expect(received).toEqual(["Ann"]);
  });

  it("tells its owner when a submission was saved (the action redirected), not when it failed", async () => {
    let saved = 0;
    let fail = true;
    const Stub = createRemixStub([
      {
        path: "/",
        action: () => (fail ? json({ result: { status: "error", initialValue: { name: "Ann" }, error: { name: ["Taken"] } } }, { status: 400 }) : redirect("/")),
        Component: () => <SavingForm onSaved={() => (saved += 1)} />,
      },
    ]);
    render(<Stub />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText("Name"), "Ann");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.getByLabelText("Name")).toHaveAccessibleDescription("Taken"));
    expect(saved).toBe(0);

    fail = false;
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(saved).toBe(1));
    // And a second submission, once the page has moved on, is not dropped.
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(saved).toBe(2));
  });
});
