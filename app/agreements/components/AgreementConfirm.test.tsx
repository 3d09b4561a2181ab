import { createRemixStub } from "@remix-run/testing";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ComponentProps } from "react";
import { describe, expect, it, vi } from "vitest";
import type { AgreementView } from "./AgreementCard";
import { AgreementConfirm } from "./AgreementConfirm";

const agreement: AgreementView = {
  id: "0b7f0c3e-8a8e-4a0c-9a49-3f1b2c4d5e6f",
  scope: "Design retainer",
  type: "retainer",
  startDate: "2026-07-01",
  endDate: "2026-12-31",
  noticeDays: 30,
  pricing: { amount: "1500.00", period: "month" },
  status: "upcoming",
  daysLeft: 200,
  billed: "0.00",
  paid: "0.00",
  outstanding: "0.00",
  terminatedOn: null,
  terminationReason: null,
  renewalOf: null,
};

async function renderConfirm(props: Omit<ComponentProps<typeof AgreementConfirm>, "agreement" | "today">) {
  const Stub = createRemixStub([
    { path: "/customers/:id/agreements", Component: () => <AgreementConfirm agreement={agreement} today="2026-06-15" {...props} /> },
  ]);
  render(<Stub initialEntries={["/customers/c1/agreements"]} />);
  await screen.findByRole("button", { name: /agreement$/ });
}

describe("AgreementConfirm", () => {
  it("posts the action's intent with the agreement's id", async () => {
    await renderConfirm({ action: "suspend" });
    const button = screen.getByRole("button", { name: "Suspend agreement" });
    const form = button.closest("form")!;
    expect(new FormData(form).get("intent")).toBe("suspend-agreement");
    expect(new FormData(form).get("agreementId")).toBe(agreement.id);
    expect(screen.getByText(/Suspend “Design retainer”\?/)).toBeInTheDocument();
  });

  it("defaults the termination date to today, or to the start of an agreement that has not started", async () => {
    await renderConfirm({ action: "terminate" });
    expect(screen.getByLabelText("Termination date")).toHaveValue("2026-07-01");
  });

  it("shows a refused delete's reason, and offers to terminate instead", async () => {
    const onOpen = vi.fn();
    await renderConfirm({
      action: "delete",
      refusal: "This agreement cannot be deleted: 1 invoice or payment refer to it. Terminate it instead.",
      onOpen,
    });
    expect(screen.getByRole("alert")).toHaveTextContent("1 invoice or payment refer to it");
    const instead = screen.getByRole("link", { name: "Terminate instead" });
    expect(instead).toHaveAttribute("href", `/customers/c1/agreements?confirm=terminate&agreementId=${agreement.id}`);
    await userEvent.setup().click(instead);
    expect(onOpen).toHaveBeenCalledWith({ kind: "terminate", agreementId: agreement.id });
  });
});
