import { updateCustomer, updateStatus } from "~/customers/customers.server";
import { addEvent } from "~/customers/events.server";
import { addTeamMember } from "~/customers/team.server";
import { call, postForm } from "../http";
import { customerState, eventFault, newCustomer, withFault, type User } from "./helpers";
import { signedUpUser } from "../auth-helpers";

/**
 * During an HTTP request all database work shares one transaction, committed
 * unless the answer is a 5xx. So a request that fails halfway keeps none of
 * its writes, and a domain step that fails inside a request that goes on
 * (a savepoint) takes back only its own writes and leaves the transaction
 * usable. Handlers here are plain functions driven through the same request
 * scope the routes run in (tests/http.ts `call`).
 */

let user: User;

beforeAll(async () => {
  user = await signedUpUser();
});

function request(label: string): Request {
  return postForm(`/reliability/${encodeURIComponent(label)}`, {});
}

type Handler = NonNullable<Parameters<typeof call>[0]>;

/** Several writes of different kinds on one customer, all inside the request. */
async function writeSeveral(customerId: string, tag: string) {
  expect(await updateCustomer({ userId: user.id, customerId, changes: { info: { [tag]: true } } })).not.toBeNull();
  expect(await addTeamMember({ userId: user.id, customerId, member: { name: tag } })).toBe("ok");
  expect(await addEvent({ userId: user.id, customerId, event: { eventType: "note", title: tag, participants: [] } })).toBe(true);
  expect(await updateStatus({ userId: user.id, customerId, status: "live" })).not.toBeNull();
}

describe("a request that fails keeps none of its writes", () => {
  it("a handler that throws after four writes (info, team, event, status) leaves the customer as it was", async () => {
    const customer = await newCustomer(user.id, { name: "Request throws", status: "lead", info: { about: "Before" } });
    const before = await customerState(customer.id);
    const handler: Handler = async () => {
      await writeSeveral(customer.id, "thrown");
      throw new Error("the handler failed after writing");
    };
    await expect(call(handler, request("throws"))).rejects.toThrow("the handler failed after writing");
    expect(await customerState(customer.id)).toEqual(before);
  });

  it("a handler that answers 500 after its writes leaves nothing; the same handler answering 200 keeps everything", async () => {
    const customer = await newCustomer(user.id, { name: "Request 500", status: "lead", info: {} });
    const before = await customerState(customer.id);
    const failed = await call(async () => {
      await writeSeveral(customer.id, "answered 500");
      return new Response("Something broke", { status: 500 });
    }, request("500"));
    expect(failed.status).toBe(500);
    expect(await customerState(customer.id)).toEqual(before);

    const succeeded = await call(async () => {
      await writeSeveral(customer.id, "answered 200");
      return new Response("ok");
    }, request("200"));
    expect(succeeded.status).toBe(200);
    const after = await customerState(customer.id);
    expect(after.customer.status).toBe("live");
    expect(after.customer.info).toMatchObject({ "answered 200": true, team: [{ name: "answered 200" }] });
    expect(after.events.map((event) => event.title).sort()).toEqual(["Status changed from Lead to Live", "answered 200"]);
  });

  it("a status change that fails inside a request that goes on: only its own writes are taken back", async () => {
    const customer = await newCustomer(user.id, { name: "Request goes on", status: "prospect", info: {} });
    const before = await customerState(customer.id);
    await withFault(eventFault(customer.id), async () => {
      const response = await call(async () => {
        await updateCustomer({ userId: user.id, customerId: customer.id, changes: { info: { before_failure: true } } });
        const failure = await updateStatus({ userId: user.id, customerId: customer.id, status: "live" }).then(
          () => "no failure",
          (error: unknown) => String(error),
        );
        // The transaction is still usable: no "current transaction is aborted".
        await updateCustomer({ userId: user.id, customerId: customer.id, changes: { info: { after_failure: true } } });
        return Response.json({ failure });
      }, request("goes on"));
      expect(response.status).toBe(200);
      expect(((await response.json()) as { failure: string }).failure).toMatch(/injected fault/);
    });
    const after = await customerState(customer.id);
    expect(after.customer.status).toBe(before.customer.status);
    expect(after.events).toEqual([]);
    expect(after.customer.info).toEqual({ before_failure: true, after_failure: true });
  });

  it("twenty requests at once on one customer, every other one failing after its writes: exactly the good ones stay", async () => {
    const customer = await newCustomer(user.id, { name: "Requests race", status: "lead", info: {} });
    const tags = Array.from({ length: 20 }, (_, index) => `request_${index}`);
    const settled = await Promise.allSettled(
      tags.map((tag, index) =>
        call(async () => {
          await updateCustomer({ userId: user.id, customerId: customer.id, changes: { info: { [tag]: index } } });
          expect(await addTeamMember({ userId: user.id, customerId: customer.id, member: { name: tag } })).toBe("ok");
          if (index % 2) throw new Error(`request ${index} failed`);
          return new Response("ok");
        }, request(tag)),
      ),
    );
    expect(settled.map((result) => result.status)).toEqual(tags.map((_, index) => (index % 2 ? "rejected" : "fulfilled")));
    const { customer: stored } = await customerState(customer.id);
    const info = stored.info as Record<string, unknown> & { team?: Array<{ name: string }> };
    const good = tags.filter((_, index) => index % 2 === 0);
    const bad = tags.filter((_, index) => index % 2 === 1);
    const lost = good.filter((tag) => info[tag] === undefined || !info.team?.some((member) => member.name === tag));
    const leaked = bad.filter((tag) => info[tag] !== undefined || info.team?.some((member) => member.name === tag));
    console.log(`concurrency (requests, half failing): ${tags.length} requests, keys lost: ${lost.length}, failed writes kept: ${leaked.length}`);
    expect({ lost, leaked }).toEqual({ lost: [], leaked: [] });
    expect(info.team).toHaveLength(good.length);
  });
});
