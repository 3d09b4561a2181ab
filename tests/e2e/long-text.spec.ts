// Nothing a user types may widen a page: a customer whose every text field
// holds one unbroken word of 200+ characters (no space for the browser to
// break at) must still fit a 375 px phone and a 1280 px laptop on every page
// that shows it.
import type { Page } from "@playwright/test";
import { expect, freshUser, signUp, test } from "./support/fixtures";
import { visitAtEveryWidth } from "./support/page-width";

/** One unbroken word of `length` characters, named so a failure says which field it was. */
function word(label: string, length = 220): string {
  // "W" is about the widest glyph: the worst case for a line that cannot break.
  return `${label}${"W".repeat(length - label.length)}`;
}

async function post(page: Page, path: string, form: Record<string, string>) {
  const response = await page.request.post(path, { form, maxRedirects: 0 });
  expect(response.status(), `${form.intent}: ${await response.text()}`).toBe(302);
  return response;
}

async function createCustomer(page: Page, name: string): Promise<string> {
  const created = await post(page, "/customers", { intent: "create", name, status: "negotiation" });
  const id = /\/customers\/([0-9a-f-]{36})\/overview$/.exec(created.headers().location ?? "")?.[1];
  if (!id) throw new Error(`No customer id in the redirect: ${created.headers().location}`);
  return id;
}

test("a customer made of long unbroken words widens no page", async ({ consoleErrors, page, isJs }, testInfo) => {
  test.setTimeout(240_000);
  void consoleErrors;
  // The header shows the user's name; it is typed text too.
  await signUp(page, { ...freshUser(testInfo), name: word("UserName", 200) });

  // Names are limited to 200 characters; the rest takes 220.
  const id = await createCustomer(page, word("CustomerName", 200));
  const overview = `/customers/${id}/overview`;
  await post(page, overview, {
    intent: "update-info",
    about: word("About", 400),
    vertical: word("Vertical", 200),
    persona: word("Persona", 200),
    icp: word("Icp", 400),
    productName: word("ProductName", 200),
    productStage: word("ProductStage", 200),
    productCategory: word("ProductCategory", 200),
    productDescription: word("ProductDescription", 400),
    productUrl: `https://example.com/${word("ProductUrl", 300)}`,
  });
  await post(page, overview, {
    intent: "add-team-member",
    name: word("MemberName", 200),
    role: word("MemberRole", 200),
    email: `${word("memberemail", 200).toLowerCase()}@example.com`,
    notes: word("MemberNotes", 400),
  });
  await post(page, overview, {
    intent: "add-event",
    eventType: "meeting",
    title: word("EventTitle", 200),
    description: word("EventNotes", 400),
    participants: word("Participant", 200),
  });

  const agreements = `/customers/${id}/agreements`;
  await post(page, agreements, { intent: "create-agreement", scope: word("AgreementScope", 400), type: "other", note: word("PricingNote", 400) });
  await post(page, agreements, { intent: "create-agreement", scope: word("EndedScope", 400), type: "fixed_fee", amount: "900" });
  const listed = await page.request.get(`/api/customers/${id}/agreements`);
  const ended = ((await listed.json()) as { agreements: Array<{ id: string; scope: string }> }).agreements.find((row) =>
    row.scope.startsWith("EndedScope"),
  );
  if (!ended) throw new Error("The second agreement was not created");
  await post(page, agreements, { intent: "terminate-agreement", agreementId: ended.id, reason: word("TerminationReason", 400) });
  const customer = await page.request.get(`/api/customers/${id}`);
  const memberId = ((await customer.json()) as { customer: { info: { team: Array<{ id: string }> } } }).customer.info.team[0]!.id;

  const archivedId = await createCustomer(page, word("ArchivedName", 200));
  await post(page, `/customers/${archivedId}`, { intent: "delete" });

  for (const path of [
    "/customers",
    `/customers?q=${encodeURIComponent("CustomerName")}`,
    overview,
    `${overview}?edit=info`,
    `${overview}?member=${memberId}`,
    `${overview}?confirm=remove-member&memberId=${memberId}`,
    `/customers/${id}/overview?archive=confirm`,
    agreements,
    `${agreements}?edit=${ended.id}`,
    `${agreements}?confirm=renew&agreementId=${ended.id}`,
    `/customers/${id}/receivables`,
    `/customers/${id}/projects`,
    "/agreements",
    "/receivables",
    "/customers/archived",
    // An archived customer's own page names it and offers Restore.
    `/customers/${archivedId}/overview`,
    "/account",
  ]) {
    await visitAtEveryWidth(page, isJs, path);
  }
});
