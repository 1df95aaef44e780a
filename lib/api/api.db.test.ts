import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createEnomClient } from "@/lib/enom/client";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import { listAudit } from "@/lib/audit";
import { runFullSync } from "@/lib/mirror/sync";
import { setCustomerDomains, updateCustomer } from "@/lib/customers/queries";
import { generateMailboxPassword } from "@/lib/validation/mailbox-rules";
import { testEnom as enom } from "@/test/enom-mock";
import { simHarness } from "@/test/sim-harness";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { createMailpakClient, type MailpakClient } from "./client";
import { createApiKey, revokeApiKey } from "./keys";
import { createApiRateLimiter } from "./rate-limit";
import { API_OPERATIONS } from "./registry";
import { handleApiRequest } from "./router";
import type { ApiScope } from "./scopes";
import { attempt, domainDetail, mailboxBatchResult } from "./schemas";

vi.mock("next/headers", () => import("@/test/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));

/**
 * The public API end to end, through its generated typed client (lib/api/client): the client's
 * requests go to the API's own router, which runs the panel's feature functions and server actions
 * against a real simulator. Nothing here signs in through a cookie: every call carries a key.
 */

const BASE = "http://panel.test/api/v1";
/** A pak of 20 with no mailboxes in the simulator's seed. */
const DOMAIN = "rosewood-kennels.net";
const BUNDLE = 600060;
/** A domain without email, to buy a pak for. */
const PURCHASE_DOMAIN = "enom-email-example-123.com";
/** Another customer's domain (a seeded domain with no pak). */
const OTHER_DOMAIN = "silverline-auto.org";
const SPARE_DOMAIN = "lark-pottery.biz";

let sim: RunningSimulator;
let harness: ReturnType<typeof simHarness>;
let admin: Awaited<ReturnType<typeof createTestUser>>;
let customerA: string;
let customerB: string;
let staffApi: MailpakClient;
let staffToken: string;

const apiFetch = (request: Request) =>
  handleApiRequest(request, new URL(request.url).pathname.slice("/api/v1".length));

function client(token: string): MailpakClient {
  return createMailpakClient({ baseUrl: BASE, apiKey: token, fetch: apiFetch });
}

async function keyFor(
  scopes: ApiScope[],
  options: { customerId?: string | null; expiresAt?: Date | null; allowedIps?: string[] } = {},
) {
  return createApiKey(
    {
      name: `test key ${scopes.join("+")}`,
      scopes,
      customerId: options.customerId ?? null,
      allowedIps: options.allowedIps ?? [],
      expiresAt: options.expiresAt ?? null,
    },
    { id: admin.id, email: admin.email },
  );
}

const password = (userName: string, domain: string) => generateMailboxPassword({ userName, domain });

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true });
  harness = simHarness(() => sim);
  enom.client = createEnomClient({ baseUrl: sim.url, uid: "resellid", pw: "resellpw", timeoutMs: 5_000 });
  admin = await createTestUser({ email: "admin@api.test", role: "admin" });
  customerA = (
    await createTestCustomer("Rosewood Kennels", [DOMAIN, PURCHASE_DOMAIN], {
      canCreateMailboxes: true,
      canManageMailboxes: true,
      canPurchase: true,
      canRenew: true,
    })
  ).id;
  customerB = (await createTestCustomer("Silverline Auto", [OTHER_DOMAIN])).id;
  await runFullSync();
  const staffKey = await keyFor(["read", "mailboxes", "aliases", "paks", "purchases", "customers", "audit"]);
  staffToken = staffKey.token;
  staffApi = client(staffToken);
}, 60_000);

afterAll(async () => {
  await sim?.close();
});

describe("the API through its generated client", () => {
  it("names the key and who it acts as", async () => {
    const { data, error } = await staffApi.GET("/me");
    expect(error).toBeUndefined();
    expect(data?.actsAs).toEqual({ email: admin.email, role: "admin", customerId: null });
    expect(data?.key.scopes).toContain("purchases");
  });

  it("lists domains a page at a time, and reads one", async () => {
    const first = await staffApi.GET("/domains", { params: { query: { limit: 5 } } });
    expect(first.error).toBeUndefined();
    expect(first.data?.data).toHaveLength(5);
    expect(first.data?.nextCursor).toBeTruthy();
    const second = await staffApi.GET("/domains", {
      params: { query: { limit: 5, cursor: first.data?.nextCursor ?? undefined } },
    });
    const names = new Set(
      [...(first.data?.data ?? []), ...(second.data?.data ?? [])].map((row) => row.domain),
    );
    expect(names.size).toBe(10);

    const one = await staffApi.GET("/domains/{domain}", { params: { path: { domain: DOMAIN } } });
    expect(one.error).toBeUndefined();
    const detail = domainDetail.parse(one.data);
    expect(detail.paks.map((pak) => pak.bundleId)).toContain(BUNDLE);
    const paks = await staffApi.GET("/domains/{domain}/paks", { params: { path: { domain: DOMAIN } } });
    expect(paks.data?.data.find((pak) => pak.bundleId === BUNDLE)?.purchased).toBe(20);
  });

  it("creates mailboxes in bulk, changes, resets and deletes one, as the simulator shows", async () => {
    const path = { domain: DOMAIN };
    const created = await staffApi.POST("/domains/{domain}/mailboxes", {
      params: { path },
      body: {
        bundleId: BUNDLE,
        mailboxes: [
          { userName: "apione", password: password("apione", DOMAIN), displayName: "API One" },
          { userName: "apitwo", password: password("apitwo", DOMAIN) },
        ],
      },
    });
    expect(created.error).toBeUndefined();
    expect(mailboxBatchResult.parse(created.data).results.map((result) => result.outcome)).toEqual([
      "ok",
      "ok",
    ]);
    expect((await harness.domain(DOMAIN)).mailboxes.map((mailbox) => mailbox.userName)).toEqual(
      expect.arrayContaining(["apione", "apitwo"]),
    );

    const listed = await staffApi.GET("/domains/{domain}/mailboxes", { params: { path } });
    expect(listed.data?.data.find((mailbox) => mailbox.userName === "apione")?.displayName).toBe("API One");

    const admined = await staffApi.PATCH("/domains/{domain}/mailboxes/{userName}", {
      params: { path: { ...path, userName: "apione" } },
      body: { isAdmin: true, displayName: "API Admin" },
    });
    expect(admined.error).toBeUndefined();
    expect(
      (await harness.domain(DOMAIN)).mailboxes.find((mailbox) => mailbox.userName === "apione")?.isAdmin,
    ).toBe(true);

    const before = (await harness.domain(DOMAIN)).mailboxes.find(
      (mailbox) => mailbox.userName === "apitwo",
    )?.passwordSetAt;
    const reset = await staffApi.POST("/domains/{domain}/mailboxes/{userName}/password", {
      params: { path: { ...path, userName: "apitwo" } },
      body: { password: password("apitwo", DOMAIN) },
    });
    expect(reset.error).toBeUndefined();
    expect(reset.data?.outcome).toBe("ok");
    const after = (await harness.domain(DOMAIN)).mailboxes.find(
      (mailbox) => mailbox.userName === "apitwo",
    )?.passwordSetAt;
    expect(after).not.toBe(before);

    const forwarded = await staffApi.PUT("/domains/{domain}/mailboxes/{userName}/forwarding", {
      params: { path: { ...path, userName: "apitwo" } },
      body: { forwardTo: "owner@example.net" },
    });
    expect(forwarded.error).toBeUndefined();
    const forwarding = await staffApi.GET("/domains/{domain}/forwarding", { params: { path } });
    expect(forwarding.data?.forwards.find((row) => row.userName === "apitwo")?.forwardTo).toBe(
      "owner@example.net",
    );
    const unforwarded = await staffApi.DELETE("/domains/{domain}/mailboxes/{userName}/forwarding", {
      params: { path: { ...path, userName: "apitwo" } },
    });
    expect(unforwarded.error).toBeUndefined();

    const deleted = await staffApi.DELETE("/domains/{domain}/mailboxes/{userName}", {
      params: { path: { ...path, userName: "apitwo" } },
    });
    expect(deleted.error).toBeUndefined();
    expect((await harness.domain(DOMAIN)).mailboxes.map((mailbox) => mailbox.userName)).not.toContain(
      "apitwo",
    );
  });

  it("answers bad input with the panel's specific message as problem+json, and changes nothing", async () => {
    const seq = await harness.lastSeq();
    const response = await staffApi.POST("/domains/{domain}/mailboxes", {
      params: { path: { domain: DOMAIN } },
      body: { bundleId: BUNDLE, mailboxes: [{ userName: "weak", password: "short" }] },
    });
    expect(response.response.status).toBe(422);
    expect(response.response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.error?.errors?.["mailboxes.0.password"]?.[0]).toMatch(/\S/);
    expect(await harness.writesSince(seq)).toEqual([]);
  });

  it("sets the catch-all and auto-renew, and keeps aliases without using a mailbox place", async () => {
    const path = { domain: DOMAIN };
    const set = await staffApi.PUT("/domains/{domain}/catch-all", {
      params: { path },
      body: { catchAll: "apione@rosewood-kennels.net" },
    });
    expect(set.error).toBeUndefined();
    expect((await staffApi.GET("/domains/{domain}/catch-all", { params: { path } })).data?.catchAll).toBe(
      "apione@rosewood-kennels.net",
    );
    expect((await harness.domain(DOMAIN)).catchAll.toLowerCase()).toBe("apione@rosewood-kennels.net");

    const renew = await staffApi.PUT("/domains/{domain}/paks/{bundleId}/auto-renew", {
      params: { path: { ...path, bundleId: BUNDLE } },
      body: { autoRenew: false },
    });
    expect(renew.error).toBeUndefined();
    expect((await harness.domain(DOMAIN)).paks.find((pak) => pak.bundleId === BUNDLE)?.autoRenew).toBe(false);

    const places = (await harness.domain(DOMAIN)).paks.find((pak) => pak.bundleId === BUNDLE)?.qtyAvailable;
    const alias = await staffApi.POST("/domains/{domain}/aliases", {
      params: { path },
      body: { alias: "sales", forwardTo: "boss@example.org" },
    });
    expect(alias.error).toBeUndefined();
    expect(alias.data?.aliases.map((row) => row.address)).toContain("sales@rosewood-kennels.net");
    const edited = await staffApi.PUT("/domains/{domain}/aliases/{alias}", {
      params: { path: { ...path, alias: "sales" } },
      body: { forwardTo: "team@example.org" },
    });
    expect(edited.data?.aliases.find((row) => row.alias === "sales")?.forwardTo).toBe("team@example.org");
    expect(
      (await staffApi.GET("/domains/{domain}/aliases", { params: { path } })).data?.aliases,
    ).toHaveLength(1);
    expect((await harness.domain(DOMAIN)).paks.find((pak) => pak.bundleId === BUNDLE)?.qtyAvailable).toBe(
      places,
    );
    const removed = await staffApi.DELETE("/domains/{domain}/aliases/{alias}", {
      params: { path: { ...path, alias: "sales" } },
    });
    expect(removed.data?.aliases).toEqual([]);
  });

  it("buys once for one Idempotency-Key, however often the call is replayed", async () => {
    const seq = await harness.lastSeq();
    const body = {
      request: {
        kind: "purchase" as const,
        domain: PURCHASE_DOMAIN,
        quantityUnit: "boxes" as const,
        quantity: 3,
        capacityGb: 1,
        billingPeriod: "year" as const,
        terms: 1,
      },
    };
    const headers = { "Idempotency-Key": "order-2026-0001" };
    const first = await staffApi.POST("/purchases", { body, params: { header: headers } });
    expect(first.error).toBeUndefined();
    expect(first.response.status).toBe(201);
    const bought = attempt.parse(first.data);
    expect(bought.status).toBe("ok");
    const again = await staffApi.POST("/purchases", { body, params: { header: headers } });
    expect(again.response.status).toBe(200);
    expect(again.data?.replayed).toBe(true);
    expect(again.data?.key).toBe(bought.key);
    const buys = (await harness.writesSince(seq)).filter((call) => /^PURCHASE/i.test(call.command));
    expect(buys).toHaveLength(1);
    expect((await harness.domain(PURCHASE_DOMAIN)).paks).toHaveLength(1);

    const read = await staffApi.GET("/purchases/{key}", { params: { path: { key: bought.key } } });
    expect(read.data?.orderId).toBe(bought.orderId);

    // Without the header (the typed client requires it, so a raw request): refused, nothing bought.
    const missing = await apiFetch(
      new Request(`${BASE}/purchases`, {
        method: "POST",
        headers: { authorization: `Bearer ${staffToken}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
    );
    expect(missing.status).toBe(428);
    expect(((await missing.json()) as { detail: string }).detail).toMatch(/Idempotency-Key/);
  });

  it("renews a pak once per key, and lists expirations", async () => {
    const expiring = await staffApi.GET("/expirations", { params: { query: { withinDays: 3650 } } });
    expect(expiring.data?.data.length).toBeGreaterThan(0);
    const renewal = await staffApi.POST("/renewals", {
      params: { header: { "Idempotency-Key": "renew-rosewood-1" } },
      body: { request: { items: [{ domain: DOMAIN, bundleId: BUNDLE }], years: 1 } },
    });
    expect(renewal.error).toBeUndefined();
    expect(renewal.data?.attempts[0]?.status).toBe("ok");
    const replay = await staffApi.POST("/renewals", {
      params: { header: { "Idempotency-Key": "renew-rosewood-1" } },
      body: { request: { items: [{ domain: DOMAIN, bundleId: BUNDLE }], years: 1 } },
    });
    expect(replay.response.status).toBe(200);
    expect(replay.data?.attempts[0]?.key).toBe(renewal.data?.attempts[0]?.key);
  });

  it("follows a renewal of several paks as a job", async () => {
    const paks = (
      await staffApi.GET("/domains/{domain}/paks", { params: { path: { domain: PURCHASE_DOMAIN } } })
    ).data?.data;
    const bought = paks?.[0]?.bundleId;
    expect(bought).toBeDefined();
    const renewal = await staffApi.POST("/renewals", {
      params: { header: { "Idempotency-Key": "renew-two-paks" } },
      body: {
        request: {
          items: [
            { domain: DOMAIN, bundleId: BUNDLE },
            { domain: PURCHASE_DOMAIN, bundleId: bought ?? 0 },
          ],
          years: 1,
        },
      },
    });
    // Pak 600060 was renewed a moment ago: the same order is held, with a confirmation to renew again.
    expect(renewal.response.status).toBe(200);
    const confirmation = renewal.data?.earlier?.confirmation;
    expect(renewal.data?.earlier?.reason).toBe("same-order");
    expect(confirmation).toBeTruthy();
    const again = await staffApi.POST("/renewals", {
      params: { header: { "Idempotency-Key": "renew-two-paks-on-purpose" } },
      body: {
        request: {
          items: [
            { domain: DOMAIN, bundleId: BUNDLE },
            { domain: PURCHASE_DOMAIN, bundleId: bought ?? 0 },
          ],
          years: 1,
        },
        confirmation: confirmation ?? undefined,
      },
    });
    expect(again.response.status).toBe(202);
    const runId = again.data?.runId;
    expect(runId).toBeTruthy();
    const job = await staffApi.GET("/jobs/{id}", { params: { path: { id: runId ?? "" } } });
    expect(job.error).toBeUndefined();
    expect(job.data?.total).toBe(2);
    expect(job.data?.items).toHaveLength(2);
  });

  it("sends a customer's order for approval when its reseller approves each order first", async () => {
    const free = (
      await staffApi.GET("/domains", { params: { query: { filter: "noEmail", limit: 100 } } })
    ).data?.data
      .map((row) => row.domain)
      .find((domain) => ![DOMAIN, PURCHASE_DOMAIN, OTHER_DOMAIN, SPARE_DOMAIN].includes(domain));
    expect(free).toBeDefined();
    const approving = await createTestCustomer("Approval Bakery", [free ?? ""], {
      canPurchase: true,
      canRenew: true,
    });
    await updateCustomer(approving.id, { ...approving, purchaseApproval: true });
    const { token } = await keyFor(["read", "purchases"], { customerId: approving.id });
    const api = client(token);
    const seq = await harness.lastSeq();
    const body = {
      request: {
        kind: "purchase" as const,
        domain: free ?? "",
        quantityUnit: "boxes" as const,
        quantity: 2,
        capacityGb: 1,
        billingPeriod: "year" as const,
        terms: 1,
      },
    };
    const direct = await api.POST("/purchases", {
      params: { header: { "Idempotency-Key": "approval-1" } },
      body,
    });
    expect(direct.response.status).toBe(409);
    expect(direct.error?.detail).toMatch(/purchase-requests/);
    const asked = await api.POST("/purchase-requests", {
      params: { header: { "Idempotency-Key": "approval-1" } },
      body,
    });
    expect(asked.response.status).toBe(201);
    expect(asked.data?.status).toBe("waiting");
    const again = await api.POST("/purchase-requests", {
      params: { header: { "Idempotency-Key": "approval-1" } },
      body,
    });
    expect(again.data?.id).toBe(asked.data?.id);
    const listed = await api.GET("/purchase-requests");
    expect(listed.data?.data.map((request) => request.id)).toEqual([asked.data?.id]);
    // A renewal too, of a pak on another of its domains.
    const withPak = (await staffApi.GET("/domains", { params: { query: { limit: 100 } } })).data?.data.find(
      (row) => row.paks > 0 && ![DOMAIN, PURCHASE_DOMAIN, OTHER_DOMAIN, SPARE_DOMAIN].includes(row.domain),
    )?.domain;
    expect(withPak).toBeDefined();
    await setCustomerDomains(approving.id, [free ?? "", withPak ?? ""]);
    const pakToRenew = (
      await staffApi.GET("/domains/{domain}/paks", { params: { path: { domain: withPak ?? "" } } })
    ).data?.data[0]?.bundleId;
    const renewal = await api.POST("/renewal-requests", {
      params: { header: { "Idempotency-Key": "approval-renew-1" } },
      body: { request: { items: [{ domain: withPak ?? "", bundleId: pakToRenew ?? 0 }], years: 1 } },
    });
    expect(renewal.response.status, renewal.error?.detail).toBe(201);
    expect(renewal.data?.kind).toBe("renew");
    const queue = await staffApi.GET("/purchase-requests");
    expect(queue.data?.data.map((request) => request.id)).toContain(asked.data?.id);
    expect((await harness.writesSince(seq)).filter((call) => /^PURCHASE/i.test(call.command))).toEqual([]);
  });

  it("lists customers, reads one with its domains, and sets its domains", async () => {
    const list = await staffApi.GET("/customers");
    expect(list.data?.data.map((row) => row.name)).toEqual(
      expect.arrayContaining(["Rosewood Kennels", "Silverline Auto"]),
    );
    const one = await staffApi.GET("/customers/{customerId}", {
      params: { path: { customerId: customerB } },
    });
    expect(one.data?.domains).toEqual([OTHER_DOMAIN]);
    const set = await staffApi.PUT("/customers/{customerId}/domains", {
      params: { path: { customerId: customerB } },
      body: { domains: [OTHER_DOMAIN, SPARE_DOMAIN] },
    });
    expect(set.error).toBeUndefined();
    expect(set.data?.domains.sort()).toEqual([SPARE_DOMAIN, OTHER_DOMAIN]);
  });

  it("records every call in the audit log under the key's name, and reads the log back", async () => {
    const log = await staffApi.GET("/audit", { params: { query: { limit: 3 } } });
    expect(log.data?.data).toHaveLength(3);
    expect(log.data?.nextCursor).toBeTruthy();
    const entries = await listAudit({ action: "mailbox.create" }, { limit: 5 });
    expect(entries[0]?.actorEmail).toContain("API key");
    expect(entries[0]?.details).toMatchObject({ apiKey: { name: expect.stringContaining("test key") } });
    const calls = await listAudit({ action: "api.createPurchase" }, { limit: 5 });
    expect(calls.length).toBeGreaterThanOrEqual(2);
    // Never a password, anywhere in the log.
    const everything = JSON.stringify(await listAudit({}, { limit: 500 }));
    expect(everything).not.toMatch(/"password"/i);
  });
});

describe("every operation", () => {
  it("was called above with success, through the generated client", async () => {
    const called = new Set(
      (await listAudit({ action: "api", outcome: "ok" }, { limit: 1_000 })).map((row) => row.action.slice(4)),
    );
    expect(API_OPERATIONS.map((operation) => operation.operationId).filter((id) => !called.has(id))).toEqual(
      [],
    );
  });
});

describe("what a key may not do", () => {
  it("a customer key sees only its own domains: another customer's is 404", async () => {
    const { token } = await keyFor(["read", "mailboxes"], { customerId: customerA });
    const api = client(token);
    const own = await api.GET("/domains");
    expect(own.data?.data.map((row) => row.domain).sort()).toEqual([DOMAIN, PURCHASE_DOMAIN].sort());
    expect(own.data?.data.every((row) => row.customer === null)).toBe(true);
    const other = await api.GET("/domains/{domain}", { params: { path: { domain: OTHER_DOMAIN } } });
    expect(other.response.status).toBe(404);
    const write = await api.POST("/domains/{domain}/mailboxes", {
      params: { path: { domain: OTHER_DOMAIN } },
      body: {
        bundleId: 5200,
        mailboxes: [{ userName: "intruder", password: password("intruder", OTHER_DOMAIN) }],
      },
    });
    expect(write.response.status).toBe(404);
    expect((await harness.domain(OTHER_DOMAIN)).mailboxes.map((mailbox) => mailbox.userName)).not.toContain(
      "intruder",
    );
    expect((await api.GET("/customers")).response.status).toBe(403);
  });

  it("a key cannot go beyond its scopes: 403, and nothing is sent", async () => {
    const { token } = await keyFor(["read"]);
    const api = client(token);
    const seq = await harness.lastSeq();
    const refused = await api.POST("/domains/{domain}/mailboxes", {
      params: { path: { domain: DOMAIN } },
      body: { bundleId: BUNDLE, mailboxes: [{ userName: "noscope", password: password("noscope", DOMAIN) }] },
    });
    expect(refused.response.status).toBe(403);
    expect(refused.error?.detail).toMatch(/\S/);
    const buy = await api.POST("/purchases", {
      params: { header: { "Idempotency-Key": "no-scope-buy" } },
      body: {
        request: { kind: "add-mailboxes", domain: DOMAIN, bundleId: BUNDLE, quantity: 1 },
      },
    });
    expect(buy.response.status).toBe(403);
    expect(await harness.writesSince(seq)).toEqual([]);
  });

  it("refuses a revoked key, an expired key, a wrong secret and an address outside the key's ranges", async () => {
    const revoked = await keyFor(["read"]);
    await revokeApiKey(revoked.key.id, { email: admin.email }, { customerId: "any" });
    const gone = await client(revoked.token).GET("/me");
    expect(gone.response.status).toBe(401);
    expect(gone.error?.detail).toMatch(/revoked/);

    const expired = await keyFor(["read"], { expiresAt: new Date(Date.now() + 60_000) });
    vi.useFakeTimers({ now: Date.now() + 120_000, toFake: ["Date"] });
    try {
      const late = await client(expired.token).GET("/me");
      expect(late.response.status).toBe(401);
      expect(late.error?.detail).toMatch(/expired/);
    } finally {
      vi.useRealTimers();
    }

    const wrong = await client(`${staffToken.slice(0, -4)}AAAA`).GET("/me");
    expect(wrong.response.status).toBe(401);
    const none = await apiFetch(new Request(`${BASE}/me`));
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/Bearer/);

    // The test's requests come from 203.0.113.7 (test/next-headers-mock.ts).
    const elsewhere = await keyFor(["read"], { allowedIps: ["198.51.100.0/24"] });
    expect((await client(elsewhere.token).GET("/me")).response.status).toBe(403);
    const here = await keyFor(["read"], { allowedIps: ["203.0.113.0/24"] });
    expect((await client(here.token).GET("/me")).response.status).toBe(200);
  });

  it("limits each key's calls per minute and says when to come back", async () => {
    const holder = globalThis as unknown as { mailpakApiLimiter?: unknown };
    const previous = holder.mailpakApiLimiter;
    holder.mailpakApiLimiter = createApiRateLimiter({ perMinute: 3 });
    try {
      const { token } = await keyFor(["read"]);
      const api = client(token);
      for (let call = 0; call < 3; call += 1) expect((await api.GET("/me")).response.status).toBe(200);
      const limited = await api.GET("/me");
      expect(limited.response.status).toBe(429);
      expect(Number(limited.response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(limited.error?.retryAfter).toBeGreaterThan(0);
      // Another key is not held back by this one.
      expect((await staffApi.GET("/me")).response.status).toBe(200);
    } finally {
      holder.mailpakApiLimiter = previous;
    }
  });

  it("answers an unknown path 404 and a wrong method 405, as problems", async () => {
    const unknown = await apiFetch(
      new Request(`${BASE}/nothing-here`, { headers: { authorization: `Bearer ${staffToken}` } }),
    );
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toBe("application/problem+json");
    const method = await apiFetch(
      new Request(`${BASE}/domains`, {
        method: "DELETE",
        headers: { authorization: `Bearer ${staffToken}` },
      }),
    );
    expect(method.status).toBe(405);
    expect(method.headers.get("allow")).toBe("GET");
  });
});
