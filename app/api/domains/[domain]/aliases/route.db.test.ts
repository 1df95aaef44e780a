import { afterAll, beforeAll, beforeEach, expect, it, vi } from "vitest";
import type { DomainAliasesResponse } from "@/lib/aliases/model";
import { createEnomClient } from "@/lib/enom";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import { testEnom as enom } from "@/test/enom-mock";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs, type SessionUser } from "@/test/session-mock";
import { simHarness } from "@/test/sim-harness";
import { GET } from "./route";

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));
vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));

/** GET /api/domains/[domain]/aliases: the caller is checked first; eNom is asked only then. */

const OWN = "magnolia-nursery.com"; // the mailbox orders forwards; bookings does not
const FOREIGN = "rosewood-kennels.net";

let sim: RunningSimulator;
const simulator = simHarness(() => sim);
let staff: SessionUser;
let owner: SessionUser;

async function read(domain: string) {
  const response = await GET(new Request(`http://panel.test/api/domains/${domain}/aliases`), {
    params: Promise.resolve({ domain }),
  });
  return {
    status: response.status,
    body: (await response.json()) as DomainAliasesResponse,
    headers: response.headers,
  };
}

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true });
  enom.client = createEnomClient({ baseUrl: sim.url, uid: "resellid", pw: "resellpw", timeoutMs: 5_000 });
  staff = await createTestUser({ email: "staff@alias-route.test", role: "staff" });
  const customer = await createTestCustomer("Alias route customer", [OWN], { canManageMailboxes: false });
  owner = await createTestUser({
    email: "owner@alias-route.test",
    role: "customer",
    customerId: customer.id,
  });
  await enom.client.setDomainForwarding({
    domain: OWN,
    aliases: [
      { alias: "orders", forwardTo: "omar.miller@example.net" },
      { alias: "info", forwardTo: "desk@example.org" },
    ],
  });
});

afterAll(async () => {
  await sim?.close();
});

beforeEach(() => signInAs(null));

it("answers 401 to nobody signed in", async () => {
  expect((await read(OWN)).status).toBe(401);
});

it("gives staff and the owning customer the aliases, without the mailboxes' forwards, never cached", async () => {
  for (const user of [staff, owner]) {
    signInAs(user);
    const { status, body, headers } = await read(OWN);
    expect(status).toBe(200);
    expect(headers.get("cache-control")).toBe("no-store");
    expect(body).toMatchObject({
      ok: true,
      data: {
        domain: OWN,
        aliases: [{ alias: "info", address: `info@${OWN}`, forwardTo: "desk@example.org", enabled: true }],
        mailboxForwards: 1,
        used: 2,
        maxAliases: 100,
      },
    });
  }
});

it("answers 404 for another customer's domain without asking eNom", async () => {
  signInAs(owner);
  const seq = await simulator.lastSeq();
  const { status, body } = await read(FOREIGN);
  expect(status).toBe(404);
  expect(body).toEqual({ ok: false, message: "That domain was not found." });
  expect(await simulator.calls(seq)).toEqual([]);
});
