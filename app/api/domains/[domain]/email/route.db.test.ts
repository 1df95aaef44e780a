import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type {
  DomainCatchAllResponse,
  DomainEmailResponse,
  DomainForwardingResponse,
} from "@/lib/domains/types";
import { createEnomClient } from "@/lib/enom";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import { backgroundReadsSettled } from "@/lib/mirror/freshness";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs, type SessionUser } from "@/test/session-mock";
import { GET as getCatchAll } from "../catch-all/route";
import { GET as getForwarding } from "../forwarding/route";
import { POST as refresh } from "../refresh/route";
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
/** Domains no test reads before the one that needs them never read. */
let unread = "";
let unreadForwarding = "";

async function read(route: typeof getEmail, domain: string) {
  const response = await route(new Request(`http://panel.test/api/domains/${domain}/email`), {
    params: Promise.resolve({ domain }),
  });
  return { status: response.status, body: (await response.json()) as DomainEmailResponse };
}

async function readForwarding(domain: string) {
  const response = await getForwarding(new Request(`http://panel.test/api/domains/${domain}/forwarding`), {
    params: Promise.resolve({ domain }),
  });
  return { status: response.status, body: (await response.json()) as DomainForwardingResponse };
}

/** The passwords eNom's GetPOP3 reply carries in clear (`<pop><password>`), straight from the simulator. */
async function passwordsInGetPop3(domain: string): Promise<string[]> {
  const [sld, ...rest] = domain.split(".");
  const query = new URLSearchParams({
    command: "GetPOP3",
    uid: "resellid",
    pw: "resellpw",
    sld: sld ?? "",
    tld: rest.join("."),
    responsetype: "xml",
  });
  const xml = await (await fetch(`${sim.url}?${query}`)).text();
  return [...xml.matchAll(/<password>([^<]*)<\/password>/g)].map((match) => match[1] ?? "").filter(Boolean);
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
  unread = names[2] ?? "";
  unreadForwarding = names[3] ?? "";
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

  it("shows each mailbox's storage against its quota, and its display name as not known (eNom returns none)", async () => {
    signInAs(staff);
    const { body } = await read(getEmail, "saffron-movers.biz");
    if (!body.ok) throw new Error(body.message);
    expect(body.data.mailboxes.length).toBeGreaterThan(0);
    for (const mailbox of body.data.mailboxes) {
      expect(mailbox.displayName).toBeNull();
      expect(mailbox.quotaMb).toBeGreaterThan(0);
      expect(mailbox.quotaUsedMb).toBeGreaterThanOrEqual(0);
    }
  });

  it("never passes on a password from eNom's GetPOP3 reply", async () => {
    signInAs(staff);
    const domain = "saffron-movers.biz";
    const secrets = await passwordsInGetPop3(domain);
    expect(secrets.length).toBeGreaterThan(0);
    const { body } = await read(getEmail, domain);
    expect(body.ok).toBe(true);
    const text = JSON.stringify(body);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/password/i);
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

  it("answers 503 with a plain message when eNom is down and the domain was never read", async () => {
    signInAs(staff);
    await fetch(`${sim.origin}/_sim/faults`, {
      method: "POST",
      body: JSON.stringify({ command: "GETPOP3", mode: "http500", times: 1 }),
    });
    const { status, body } = await read(getEmail, unread);
    expect(status).toBe(503);
    expect(body).toEqual({
      ok: false,
      message:
        "The email service is not answering right now, so this domain's email could not be loaded. Please try again in a moment.",
    });
  });

  it("shows a domain read before as it was read, with when and why the newer read failed", async () => {
    signInAs(staff);
    const first = await read(getEmail, own);
    if (!first.body.ok) throw new Error(first.body.message);
    await fetch(`${sim.origin}/_sim/faults`, {
      method: "POST",
      body: JSON.stringify({ command: "GETPOP3", mode: "http500" }),
    });
    // Every view now finds the read old: it is read again behind the answer, and that read fails.
    process.env.MIRROR_FRESH_MS = "0";
    try {
      const old = await read(getEmail, own);
      if (!old.body.ok) throw new Error(old.body.message);
      expect(old.body.data.refreshing).toBe(true);
      expect(old.body.data.paks).toEqual(first.body.data.paks);
      await backgroundReadsSettled();
      const after = await read(getEmail, own);
      expect(after.status).toBe(200);
      if (!after.body.ok) throw new Error(after.body.message);
      expect(after.body.readAt).toBe(first.body.readAt);
      expect(after.body.data.paks).toEqual(first.body.data.paks);
      expect(after.body.data.readError).toMatch(/not answering/);
    } finally {
      delete process.env.MIRROR_FRESH_MS;
      await backgroundReadsSettled();
    }
  });

  it("asks eNom nothing for a domain read a moment ago", async () => {
    signInAs(staff);
    await read(getEmail, "saffron-movers.biz");
    await fetch(`${sim.origin}/_sim/calls`, { method: "DELETE" });
    const again = await read(getEmail, "saffron-movers.biz");
    expect(again.status).toBe(200);
    expect(await pop3Calls()).toBe(0);
  });
});

describe("GET /api/domains/[domain]/forwarding", () => {
  it("gives every forward of the domain in one GetPOPForwarding, and someone else 404 without asking eNom", async () => {
    signInAs(staff);
    const { status, body } = await readForwarding("magnolia-nursery.com");
    expect(status).toBe(200);
    if (!body.ok) throw new Error(body.message);
    expect(body.data.forwards).toContainEqual({
      userName: "orders",
      forwardTo: "omar.miller@example.net",
      active: true,
    });
    const calls = (await (await fetch(`${sim.origin}/_sim/calls?command=GETPOPFORWARDING`)).json()) as {
      calls: unknown[];
    };
    expect(calls.calls).toHaveLength(1);

    signInAs(owner);
    expect(await readForwarding(foreign)).toEqual({
      status: 404,
      body: { ok: false, message: "That domain was not found." },
    });
  });

  it("says plainly when the forwarding of a domain never read cannot be read", async () => {
    signInAs(staff);
    await fetch(`${sim.origin}/_sim/faults`, {
      method: "POST",
      body: JSON.stringify({ command: "GETPOPFORWARDING", mode: "http500", times: 1 }),
    });
    const { status, body } = await readForwarding(unreadForwarding);
    expect(status).toBe(503);
    expect(body).toEqual({
      ok: false,
      message:
        "This domain's forwarding could not be loaded: The email service is not answering right now, so this domain's email cannot be shown. Nothing has changed. Try again in a moment.",
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

describe("POST /api/domains/[domain]/refresh", () => {
  const post = (domain: string, origin = "http://panel.test") =>
    refresh(
      new Request(`http://panel.test/api/domains/${domain}/refresh`, {
        method: "POST",
        headers: { origin, host: "panel.test" },
      }),
      { params: Promise.resolve({ domain }) },
    );

  it("reads the owner's domain from eNom now, and the next read shows it", async () => {
    signInAs(owner);
    const before = await read(getEmail, own);
    if (!before.body.ok) throw new Error(before.body.message);
    const response = await post(own);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: boolean; readAt: string };
    expect(body.ok).toBe(true);
    expect(body.readAt > before.body.readAt).toBe(true);
    expect(await pop3Calls()).toBe(1);
    const after = await read(getEmail, own);
    expect(after.body.ok && after.body.readAt).toBe(body.readAt);
  });

  it("is 404 for someone else's domain and 403 from another site, asking eNom nothing", async () => {
    signInAs(owner);
    expect((await post(foreign)).status).toBe(404);
    expect((await post(own, "https://evil.example")).status).toBe(403);
    expect(await pop3Calls()).toBe(0);
  });
});
