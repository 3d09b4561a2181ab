// Times are shown, and typed, on the account's clock (/account's time zone):
// not the server's (UTC here) and not the browser's, which this spec puts in
// Tokyo so a page formatted with the browser's zone would show another hour,
// and a hydration that did so would log a mismatch.
import { card, expect, seedCustomer, test, toast, waitForEnhancements } from "./support/fixtures";

test.use({ timezoneId: "Asia/Tokyo" });

const ZONE = "America/New_York";

test("times show and are typed in the account's zone, whatever the browser's", async ({ consoleErrors, page, user, isJs }) => {
  // Settings, a customer and an event: more steps than most specs.
  test.setTimeout(90_000);
  void consoleErrors;
  void user;
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe("Asia/Tokyo");
  await page.goto("/account");
  await page.getByLabel("Time zone", { exact: true }).selectOption(ZONE);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(toast(page, "Settings saved.")).toBeVisible();

  const id = await seedCustomer(page, { name: "Zone Co" });
  await page.goto(`/customers/${id}/overview`);
  await waitForEnhancements(page, isJs);
  const timeline = page.getByRole("region", { name: "Interactions" });
  await timeline.locator("summary", { hasText: "Add event" }).click();
  const date = timeline.getByLabel("Date", { exact: true });

  // It offers now, on New York's clock (give or take the minutes a busy machine takes).
  const newYorkClock = new Intl.DateTimeFormat("sv-SE", { timeZone: ZONE, dateStyle: "short", timeStyle: "short" });
  const lately = [-3, -2, -1, 0, 1].map((minutes) => newYorkClock.format(Date.now() + minutes * 60_000).replace(" ", "T"));
  expect(lately).toContain(await date.inputValue());

  // 09:00 in New York in January is 14:00 UTC (and 23:00 in Tokyo).
  await date.fill("2025-01-15T09:00");
  await timeline.getByLabel("Title", { exact: true }).fill("Zoned call");
  await timeline.getByRole("button", { name: "Add event" }).click();
  await expect(toast(page, "Event added.")).toBeVisible();
  const event = timeline.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Zoned call" }) });
  await expect(event.locator("time")).toHaveText("15 Jan 2025, 09:00");
  await expect(event.locator("time")).toHaveAttribute("datetime", "2025-01-15T14:00:00.000Z");

  // The JSON API keeps UTC.
  const api = await page.request.get(`/api/customers/${id}/events`);
  const { events } = (await api.json()) as { events: Array<{ title: string; event_date: string }> };
  expect(events.find((row) => row.title === "Zoned call")?.event_date).toBe("2025-01-15T14:00:00.000Z");

  // The card's "Last interaction" names the same time when pointed at.
  await page.goto("/customers");
  await expect(card(page, "Zone Co").locator("time").first()).toHaveAttribute("title", "15 Jan 2025, 09:00");
});
