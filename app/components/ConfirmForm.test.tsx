import { redirect } from "@remix-run/node";
import { createRemixStub } from "@remix-run/testing";
import { act, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ConfirmForm } from "./ConfirmForm";

describe("ConfirmForm", () => {
  it("posts its intent and fields once, however quickly it is pressed twice", async () => {
    const received: Array<[string, string]> = [];
    let answer: (() => void) | null = null;
    const Stub = createRemixStub([
      {
        path: "/",
        action: async ({ request }) => {
          const form = await request.formData();
          received.push([String(form.get("intent")), String(form.get("memberId"))]);
          await new Promise<void>((resolve) => (answer = resolve));
          return redirect("/");
        },
        Component: () => (
          <ConfirmForm question="Remove Ann?" intent="remove-team-member" fields={{ memberId: "m1" }} confirmLabel="Remove" pendingLabel="Removing…" onCancel={() => undefined} />
        ),
      },
    ]);
    render(<Stub />);
    const remove = await screen.findByRole("button", { name: "Remove" });
    // Both before React renders the first one's pending state.
    act(() => {
      remove.click();
      remove.click();
    });
    await waitFor(() => expect(received).toEqual([["remove-team-member", "m1"]]));
    await act(async () => answer?.());
    expect(received).toHaveLength(1);
  });
});
