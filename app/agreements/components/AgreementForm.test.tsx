import type { SubmissionResult } from "@conform-to/react";
import { createRemixStub } from "@remix-run/testing";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { AgreementView } from "./AgreementCard";
import { AgreementForm } from "./AgreementForm";

async function renderForm(props: { agreement?: AgreementView; lastResult?: SubmissionResult<string[]> } = {}) {
  const Stub = createRemixStub([{ path: "/", Component: () => <AgreementForm currency="GBP" {...props} /> }]);
  render(<Stub />);
  await screen.findByRole("button", { name: props.agreement ? "Save agreement" : "Create agreement" });
}

const PRICING_LABELS = ["Amount per period", "Total fee", "Billing period", "Hours included", "Hourly rate", "Hours cap", "Pricing note"];

/** The pricing fields a person can see (with JavaScript, the chosen type's only). */
function visiblePricing() {
  return PRICING_LABELS.filter((label) => {
    const control = screen.queryByLabelText(label);
    return control !== null && control.closest("[hidden]") === null;
  });
}

describe("AgreementForm", () => {
  it("shows the pricing fields of the chosen type, and switches with it", async () => {
    await renderForm();
    await waitFor(() => expect(visiblePricing()).toEqual(["Amount per period", "Billing period", "Hours included"]));
    expect(screen.getByLabelText("Amount per period").parentElement).toHaveTextContent("In GBP.");
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText("Type"), "Fixed fee");
    await waitFor(() => expect(visiblePricing()).toEqual(["Total fee"]));
    await user.selectOptions(screen.getByLabelText("Type"), "Hourly");
    await waitFor(() => expect(visiblePricing()).toEqual(["Hourly rate", "Hours cap"]));
    await user.selectOptions(screen.getByLabelText("Type"), "Other");
    await waitFor(() => expect(visiblePricing()).toEqual(["Pricing note"]));
  });

  it("keeps what was typed in a hidden field, should the type switch back", async () => {
    await renderForm();
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText("Amount per period"), "1500");
    await user.selectOptions(screen.getByLabelText("Type"), "Hourly");
    await user.selectOptions(screen.getByLabelText("Type"), "Retainer");
    await waitFor(() => expect(screen.getByLabelText("Amount per period")).toHaveValue("1500"));
  });

  it("fills an edit from the agreement, its pricing included", async () => {
    await renderForm({
      agreement: {
        id: "0b7f0c3e-8a8e-4a0c-9a49-3f1b2c4d5e6f",
        scope: "Support",
        type: "hourly",
        startDate: "2026-01-01",
        endDate: null,
        noticeDays: 14,
        pricing: { rate: "95.00", hours_cap: 40 },
        status: "active",
        daysLeft: null,
        billed: "0.00",
        paid: "0.00",
        outstanding: "0.00",
        terminatedOn: null,
        terminationReason: null,
        renewalOf: null,
      },
    });
    expect(screen.getByLabelText("Scope")).toHaveValue("Support");
    expect(screen.getByLabelText("Type")).toHaveValue("hourly");
    expect(screen.getByLabelText("Start date")).toHaveValue("2026-01-01");
    expect(screen.getByLabelText("Notice (days)")).toHaveValue(14);
    await waitFor(() => expect(visiblePricing()).toEqual(["Hourly rate", "Hours cap"]));
    expect(screen.getByLabelText("Hourly rate")).toHaveValue("95.00");
    expect(screen.getByLabelText("Hours cap")).toHaveValue("40");
    expect(document.querySelector('input[name="agreementId"]')).toHaveValue("0b7f0c3e-8a8e-4a0c-9a49-3f1b2c4d5e6f");
    expect(document.querySelector('input[name="intent"]')).toHaveValue("update-agreement");
  });

  it("shows the server's field errors and what was typed (the 400 re-render)", async () => {
    await renderForm({
      lastResult: {
        status: "error",
        initialValue: { scope: "", type: "fixed_fee", amount: "lots" },
        error: { scope: ["Scope is required"], amount: ["Amount must be an amount like 1500 or 1500.50 (at most two decimals)"] },
      },
    });
    expect(screen.getByLabelText("Scope")).toHaveAccessibleDescription(expect.stringContaining("Scope is required"));
    await waitFor(() => expect(visiblePricing()).toEqual(["Total fee"]));
    expect(screen.getByLabelText("Total fee")).toHaveValue("lots");
    expect(screen.getByLabelText("Total fee")).toHaveAttribute("aria-invalid", "true");
  });

  it("validates in the browser with the same schema, every error at once", async () => {
    await renderForm();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText("Type"), "Hourly");
    await user.selectOptions(screen.getByLabelText("Type"), "Retainer");
    await user.click(screen.getByRole("button", { name: "Create agreement" }));
    await waitFor(() => expect(screen.getByLabelText("Scope")).toHaveAttribute("aria-invalid", "true"));
    expect(screen.getByLabelText("Amount per period")).toHaveAccessibleDescription(expect.stringContaining("Amount is required"));
  });
});
