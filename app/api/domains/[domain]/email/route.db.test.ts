import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { DomainCatchAllResponse, DomainEmailResponse } from "@/lib/domains/types";
import { createEnomClient } from "@/lib/enom";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs, type SessionUser } from "@/test/session-mock";
import { GET as getCatchAll } from "../catch-all/route";
import { GET as getEmail } from "./route";
import { testEnom as enom } from "@/test/enom-mock";

/** The GET routes behind React Query: the caller is checked like in an action; eNom is asked only then. */

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));
vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));

let sim: RunningSimulator;
let staff: SessionUser;
let owner: SessionUser;
let own = "";
let foreign = "";

async function read(route: typeof getEmail, domain: string) {
  const response = await route(new Request(`http://panel.test/api/domains/${domain}/email`), {
    params: Promise.resolve({ domain }),
  });
  return { status: response.status, body: (await response.json()) as DomainEmailResponse };
}

async function pop3Calls(): Promise<number> {
  const response = await fetch(`${sim.origin}/_sim/calls?command=GETPOP3`);
  return ((await response.json()) as { calls: unknown[] }).calls.length;
}

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true });
  // No read retries, so "eNom is down" is one failed request.
  enom.client = createEnomClient({ baseUrl: sim.url, uid: "resellid", pw: "resellpw", readRetries: 0 });
  const { paks } = await enom.client.getPopExpirations();
  const names = [...new Set(paks.map((pak) => pak.domainName))]
    .filter((name) => name !== "resellerdocs.com")
    .sort();
  own = names[0] ?? "";
  foreign = names[1] ?? "";
  staff = await createTestUser({ email: "staff@routes.test", role: "staff" });
  const customer = await createTestCustomer("Route Customer", [own]);
  owner = await createTestUser({ email: "owner@routes.test", role: "customer", customerId: customer.id });
});

afterAll(async () => {
  await sim?.close();
});

beforeEach(async () => {
  await fetch(`${sim.origin}/_sim/faults`, { method: "DELETE" });
  await fetch(`${sim.origin}/_sim/calls`, { method: "DELETE" });
  signInAs(null);
});

describe("GET /api/domains/[domain]/email", () => {
  it("gives staff and the owning customer the domain's paks and mailboxes", async () => {
    for (const user of [staff, owner]) {
      signInAs(user);
      const { status, body } = await read(getEmail, own);
      expect(status).toBe(200);
      if (!body.ok) throw new Error(body.message);
      expect(body.data.domain).toBe(own);
      expect(body.data.paks.length).toBeGreaterThan(0);
      for (const pak of body.data.paks) expect(pak.used).toBe(pak.purchased - pak.available);
    }
  });

  it("answers 404 for someone else's domain, exactly as for one that does not exist, without asking eNom", async () => {
    signInAs(owner);
    expect(await read(getEmail, foreign)).toEqual({
      status: 404,
      body: { ok: false, message: "That domain was not found." },
    });
    expect(await read(getEmail, "no-such-domain.example")).toEqual({
      status: 404,
      body: { ok: false, message: "That domain was not found." },
    });
    expect(await pop3Calls()).toBe(0);
  });

  it("answers 401 without a session", async () => {
    const { status, body } = await read(getEmail, own);
    expect(status).toBe(401);
    expect(body.ok).toBe(false);
  });

  it("answers 503 with a plain message when eNom is down", async () => {
    signInAs(staff);
    await fetch(`${sim.origin}/_sim/faults`, {
      method: "POST",
      body: JSON.stringify({ command: "GETPOP3", mode: "http500", times: 1 }),
    });
    const { status, body } = await read(getEmail, own);
    expect(status).toBe(503);
    expect(body).toEqual({
      ok: false,
      message:
        "The email service is not answering right now, so this domain's email could not be loaded. Please try again in a moment.",
    });
  });
});

describe("GET /api/domains/[domain]/catch-all", () => {
  it("gives the owner the catch-all, and someone else 404", async () => {
    signInAs(owner);
    const mine = await getCatchAll(new Request("http://panel.test"), {
      params: Promise.resolve({ domain: own }),
    });
    expect(mine.status).toBe(200);
    expect(((await mine.json()) as DomainCatchAllResponse).ok).toBe(true);
    const theirs = await getCatchAll(new Request("http://panel.test"), {
      params: Promise.resolve({ domain: foreign }),
    });
    expect(theirs.status).toBe(404);
  });
});
