import { createRemixStub } from "@remix-run/testing";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ComponentProps } from "react";
import { ReceivablesTab } from "./ReceivablesTab";
import { sharePercent } from "./ReceivablesSummary";
import type { ReceivableView } from "./views";

const row = (overrides: Partial<ReceivableView>): ReceivableView => ({
  id: "00000000-0000-4000-8000-000000000000",
  type: "invoice",
  amount: "100.00",
  date: "2026-11-01",
  dueDate: "2026-12-01",
  status: "sent",
  displayStatus: "open",
  paid: "0.00",
  balance: "100.00",
  reference: "INV-0001",
  description: null,
  linkedInvoiceId: null,
  linkedAgreementId: null,
  ...overrides,
});

const overdue = row({ id: "11111111-1111-4111-8111-111111111111", reference: "INV-0001", amount: "1500.00", paid: "500.00", balance: "1000.00", displayStatus: "overdue" });
const draft = row({ id: "22222222-2222-4222-8222-222222222222", reference: "INV-0002", status: "draft", displayStatus: "draft", amount: "250.50", balance: "250.50" });
const credit = row({ id: "33333333-3333-4333-8333-333333333333", type: "payment", status: "received", displayStatus: null, paid: null, balance: null, amount: "120.00", reference: null, dueDate: null });
const applied = row({ ...credit, id: "44444444-4444-4444-8444-444444444444", amount: "500.00", reference: "BANK-42", linkedInvoiceId: overdue.id });

const summary = {
  outstanding: "1000.00",
  credit: "120.00",
  net: "880.00",
  overdue: "1000.00",
  aging: { current: "0.00", "1-30": "0.00", "31-60": "1000.00", "61-90": "0.00", "90+": "0.00" },
};

function renderTab(props: Partial<ComponentProps<typeof ReceivablesTab>> = {}, entry = "/customers/c1/receivables") {
  const Stub = createRemixStub([
    {
      path: "/customers/:id/receivables",
      Component: () => (
        <ReceivablesTab
          invoices={[draft, overdue]}
          payments={[credit, applied]}
          summary={summary}
          agreements={[]}
          defaults={{ reference: "INV-0003", date: "2026-12-01", dueDate: "2026-12-31" }}
          currency="EUR"
          failure={null}
          {...props}
        />
      ),
    },
  ]);
  render(<Stub initialEntries={[entry]} />);
}

const figure = (region: HTMLElement, label: string) => within(region).getByText(label, { selector: "dt" }).nextElementSibling?.textContent;

describe("ReceivablesTab", () => {
  it("shows the summary's figures as the server sent them, with an aging table", async () => {
    renderTab();
    const region = await screen.findByRole("region", { name: "Summary" });
    expect(figure(region, "Outstanding")).toBe("€1,000.00");
    expect(figure(region, "Credit")).toBe("€120.00");
    expect(figure(region, "Net")).toBe("€880.00");
    expect(figure(region, "Overdue")).toBe("€1,000.00");
    const aging = within(region).getByRole("table", { name: "Aging of the outstanding balance" });
    expect(within(aging).getByRole("row", { name: /31–60 days/ })).toHaveTextContent("€1,000.00");
  });

  it("marks an overdue invoice with money paid on it as partly paid, and offers what its status allows", async () => {
    renderTab();
    const card = await screen.findByRole("article", { name: "Invoice INV-0001" });
    expect(card).toHaveTextContent("Overdue· partly paid");
    expect(figure(card, "Balance")).toBe("€1,000.00");
    const record = within(card).getByRole("link", { name: "Record a payment on invoice INV-0001" });
    expect(record.getAttribute("href")).toBe(`/customers/c1/receivables?new=payment&invoiceId=${overdue.id}`);
    expect(within(card).getByRole("link", { name: "Void invoice INV-0001" })).toBeInTheDocument();
    expect(within(card).queryByRole("button", { name: /Send/ })).toBeNull();

    const draftCard = screen.getByRole("article", { name: "Invoice INV-0002" });
    expect(within(draftCard).getByRole("button", { name: "Send invoice INV-0002" })).toBeInTheDocument();
    expect(within(draftCard).getByRole("link", { name: "Delete invoice INV-0002" }).getAttribute("href")).toBe(
      `/customers/c1/receivables?confirm=delete-invoice&receivableId=${draft.id}`,
    );
    expect(within(draftCard).queryByRole("link", { name: /Record a payment/ })).toBeNull();
  });

  it("lists payments with what they were applied to, by number, or credit", async () => {
    renderTab();
    const payments = await screen.findByRole("region", { name: "Payments" });
    const items = within(payments).getAllByRole("article");
    expect(figure(items[0]!, "Applied to")).toBe("Credit");
    expect(within(items[0]!).getByRole("link", { name: /^Apply payment of €120.00/ })).toBeInTheDocument();
    expect(figure(items[1]!, "Applied to")).toBe("Invoice INV-0001");
    expect(figure(items[1]!, "Reference")).toBe("BANK-42");
    expect(within(items[1]!).queryByRole("link", { name: /^Apply/ })).toBeNull();
  });

  it("links the statement and the CSV", async () => {
    renderTab();
    expect((await screen.findByRole("link", { name: "Statement" })).getAttribute("href")).toBe("/customers/c1/receivables/statement");
    expect(screen.getByRole("link", { name: "Download CSV" }).getAttribute("href")).toBe("/customers/c1/receivables.csv");
  });

  it("shows an empty state with both primary actions", async () => {
    renderTab({ invoices: [], payments: [] });
    expect(await screen.findByText("No invoices or payments yet")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "New invoice" })).toHaveAttribute("href", "/customers/c1/receivables?new=invoice");
    expect(screen.getByRole("link", { name: "Record payment" })).toHaveAttribute("href", "/customers/c1/receivables?new=payment");
    expect(screen.queryByRole("region", { name: "Summary" })).toBeNull();
  });

  it("without JavaScript, ?new=payment&invoiceId= opens the payment form on the page, prefilled with the balance", async () => {
    renderTab({}, `/customers/c1/receivables?new=payment&invoiceId=${overdue.id}`);
    const panel = await screen.findByRole("region", { name: "Record payment" });
    expect(within(panel).getByLabelText("Amount")).toHaveValue("1000.00");
    expect(within(panel).getByLabelText("Applied to")).toHaveValue(overdue.id);
  });

  it("?new=invoice suggests the number, today and the due date", async () => {
    renderTab({}, "/customers/c1/receivables?new=invoice");
    const panel = await screen.findByRole("region", { name: "New invoice" });
    expect(within(panel).getByLabelText("Invoice number")).toHaveValue("INV-0003");
    expect(within(panel).getByLabelText("Invoice date")).toHaveValue("2026-12-01");
    expect(within(panel).getByLabelText("Due date")).toHaveValue("2026-12-31");
  });

  it("a confirm step is a plain form naming the row, and shows a 409's reason", async () => {
    renderTab(
      { failure: { intent: "void-invoice", receivableId: overdue.id, message: "This invoice has 1 payment recorded against it." } },
      `/customers/c1/receivables`,
    );
    const panel = await screen.findByRole("region", { name: "Void invoice" });
    expect(within(panel).getByRole("alert")).toHaveTextContent("This invoice has 1 payment recorded against it.");
    const form = within(panel).getByRole("button", { name: "Void invoice" }).closest("form")!;
    expect(form.querySelector<HTMLInputElement>('input[name="intent"]')?.value).toBe("void-invoice");
    expect(form.querySelector<HTMLInputElement>('input[name="receivableId"]')?.value).toBe(overdue.id);
  });
});

describe("sharePercent", () => {
  it.each([
    ["0.00", "0.00", 0],
    ["250.00", "1000.00", 25],
    ["0.01", "3.00", 0],
    ["99999999.99", "99999999.99", 100],
  ])("%s of %s is %i%%", (part, whole, expected) => {
    expect(sharePercent(part, whole)).toBe(expected);
  });
});
