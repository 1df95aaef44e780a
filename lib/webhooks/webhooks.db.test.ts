import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  createWebhookEndpointAction,
  deleteWebhookEndpointAction,
  resendWebhookDeliveryAction,
  rollWebhookSecretAction,
  sendTestWebhookAction,
  setWebhookEndpointEnabledAction,
  updateWebhookEndpointAction,
} from "@/lib/actions/webhooks";
import { createMailboxesAction } from "@/lib/actions/mailboxes";
import type { SessionUser } from "@/lib/auth/session";
import { getDatabaseHandle, getDb } from "@/lib/db";
import {
  mirrorDomains,
  mirrorPaks,
  webhookDeliveries,
  webhookEndpoints,
  type PurchaseAttemptRow,
  type WebhookEvent,
} from "@/lib/db/schema";
import { createEnomClient } from "@/lib/enom/client";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import {
  createJobEngine,
  startWorkers,
  stopJobEngine,
  sweepWebhookDeliveries,
  type JobEngine,
} from "@/lib/jobs/engine";
import { generateMailboxPassword } from "@/lib/validation/mailbox-rules";
import { auditAfter, lastAuditId } from "@/test/audit";
import { testEnom as enom } from "@/test/enom-mock";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs } from "@/test/session-mock";
import { attemptDelivery, type EnqueueDeliveries } from "./deliver";
import { emitWebhookEvent, eventIdFor } from "./emit";
import { getWebhookDeliveries, getWebhookEndpoints } from "./endpoints";
import type { WebhookPayload } from "./model";
import { startTestReceiver, type TestReceiver } from "./receiver.testing";
import { announceAttemptMade, announceAttemptReconciled, announcePakExpiries } from "./sources";

/**
 * Signed webhooks, end to end on a real database and job engine: what an event becomes (one
 * delivery per subscribed, enabled endpoint), how it reaches a receiver on loopback (signed, the
 * same webhook-id on every try, retried with backoff, delivered once however many workers), the
 * settings' actions (admins only, audited, the secret shown once) and the features that emit.
 */

// Fast retries (100 ms, 400 ms, 2 s, …) so the fourth try comes within seconds.
vi.hoisted(() => {
  process.env.WEBHOOK_RETRY_BASE_MS = "100";
});
vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));

let admin: SessionUser;
let staff: SessionUser;
let support: SessionUser;
let customerUser: SessionUser;
let customerId: string;
const engines: JobEngine[] = [];
const receivers: TestReceiver[] = [];
let sim: RunningSimulator;

const CUSTOMER_DOMAIN = "juniper-fitness.biz";

beforeAll(async () => {
  admin = await createTestUser({ email: "hooks-admin@panel.test", role: "admin" });
  staff = await createTestUser({ email: "hooks-staff@panel.test", role: "staff" });
  support = await createTestUser({ email: "hooks-support@panel.test", role: "support" });
  const company = await createTestCustomer("Hooked Customer", [CUSTOMER_DOMAIN]);
  customerId = company.id;
  customerUser = await createTestUser({
    email: "hooks-customer@customer.test",
    role: "customer",
    customerId: company.id,
  });
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true });
  enom.client = createEnomClient({ baseUrl: sim.url, uid: "resellid", pw: "resellpw", timeoutMs: 3_000 });
});

afterAll(async () => {
  await Promise.all(engines.map((engine) => engine.stop()));
  await stopJobEngine();
  await Promise.all(receivers.map((receiver) => receiver.close()));
  await sim?.close();
});

beforeEach(async () => {
  signInAs(null);
  const db = await getDb();
  await db.delete(webhookEndpoints);
});

async function receiver(answer?: (nth: number, body: string) => number): Promise<TestReceiver> {
  const started = await startTestReceiver(answer);
  receivers.push(started);
  return started;
}

/** An endpoint made through the settings action, as an admin does; the receiver learns its secret. */
async function register(target: TestReceiver | string, events: WebhookEvent[] = ["mailbox.created"]) {
  signInAs(admin);
  const url = typeof target === "string" ? target : target.url;
  const created = await createWebhookEndpointAction({ url, description: "billing", events });
  if (!created.ok) throw new Error(created.message);
  if (typeof target !== "string") target.secret = created.data.secret;
  return created.data;
}

async function deliveriesOf(endpointId: string) {
  const db = await getDb();
  return db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId));
}

/** Job engines with their workers, as panel instances (the first call starts them). */
async function startEngines(count: number): Promise<void> {
  const { url } = await getDatabaseHandle();
  while (engines.length < count) {
    const engine = await createJobEngine({ url, working: true });
    await startWorkers(engine, { pollingIntervalSeconds: 0.5, schedules: false });
    engines.push(engine);
  }
}

const noQueue: EnqueueDeliveries = async () => undefined;

const mailboxEvent = { domain: "example.org", mailbox: "ann@example.org", bundle_id: 7, customer_id: null };

describe("an event becomes one delivery per endpoint that wants it", () => {
  it("only enabled endpoints subscribed to the event's type get it", async () => {
    const wants = await register("https://billing.example.com/a", ["mailbox.created", "mailbox.deleted"]);
    const other = await register("https://billing.example.com/b", ["pak.purchased"]);
    const off = await register("https://billing.example.com/c", ["mailbox.created"]);
    await setWebhookEndpointEnabledAction({ id: off.endpoint.id, enabled: false });

    expect(await emitWebhookEvent("mailbox.created", mailboxEvent)).toBe(1);

    const [delivery, ...more] = await deliveriesOf(wants.endpoint.id);
    expect(more).toEqual([]);
    expect(await deliveriesOf(other.endpoint.id)).toEqual([]);
    expect(await deliveriesOf(off.endpoint.id)).toEqual([]);
    const payload = delivery?.payload as unknown as WebhookPayload;
    expect(payload).toMatchObject({ type: "mailbox.created", data: mailboxEvent });
    expect(payload.id).toBe(delivery?.eventId);
    expect(new Date(payload.created_at).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(delivery).toMatchObject({ status: "pending", attempts: 0, eventType: "mailbox.created" });
  });

  it("an event with a fixed id reaches each endpoint once, however often it is emitted", async () => {
    const first = await register("https://billing.example.com/a", ["pak.expiring"]);
    const second = await register("https://billing.example.com/b", ["pak.expiring"]);
    const id = eventIdFor("pak.expiring:example.org:7:2027-01-01:7");
    expect(await emitWebhookEvent("pak.expiring", { domain: "example.org" }, { id })).toBe(2);
    expect(await emitWebhookEvent("pak.expiring", { domain: "example.org" }, { id })).toBe(0);
    expect(await deliveriesOf(first.endpoint.id)).toHaveLength(1);
    expect(await deliveriesOf(second.endpoint.id)).toHaveLength(1);
  });

  it("never throws into the feature that emits, and keeps no password", async () => {
    const endpoint = await register("https://billing.example.com/a", ["mailbox.created"]);
    await expect(emitWebhookEvent("mailbox.created", mailboxEvent, { id: "not-a-uuid" })).resolves.toBe(0);
    await emitWebhookEvent("mailbox.created", { ...mailboxEvent, password: "Secret-123", newPassword: "x" });
    const [delivery] = await deliveriesOf(endpoint.endpoint.id);
    expect(JSON.stringify(delivery?.payload)).not.toMatch(/Secret-123|password/i);
  });
});

describe("delivery to a receiver on loopback", () => {
  beforeAll(() => startEngines(1));

  it("a receiver that fails three times gets the event on the fourth try, once, signed, with the same id", async () => {
    const target = await receiver((nth) => (nth <= 3 ? 500 : 200));
    const { endpoint } = await register(target, ["mailbox.created"]);
    await emitWebhookEvent("mailbox.created", mailboxEvent);

    await vi.waitFor(async () => expect((await deliveriesOf(endpoint.id))[0]?.status).toBe("delivered"), {
      timeout: 30_000,
      interval: 200,
    });
    // Nothing more arrives afterwards.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(target.received.map((request) => request.status)).toEqual([500, 500, 500, 200]);
    const [delivery] = await deliveriesOf(endpoint.id);
    const ids = new Set(target.received.map((request) => request.headers["webhook-id"]));
    expect([...ids]).toEqual([delivery?.eventId]);
    for (const request of target.received) {
      expect(request.verification).toMatchObject({ ok: true, id: delivery?.eventId });
      expect(request.headers["content-type"]).toBe("application/json");
      expect(JSON.parse(request.body)).toMatchObject({ id: delivery?.eventId, type: "mailbox.created" });
    }
    expect(delivery).toMatchObject({
      status: "delivered",
      attempts: 4,
      lastStatusCode: 200,
      lastError: null,
    });
    expect(delivery?.deliveredAt).not.toBeNull();
    // The tries waited longer each time (100 ms, 400 ms, 2 s at this base).
    const times = target.received.map((request) => Number(request.headers["webhook-timestamp"]));
    expect((times[3] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(2);
  }, 45_000);

  it("several workers and instances send a delivery once", async () => {
    await startEngines(2);
    const target = await receiver(() => 200);
    const { endpoint } = await register(target, ["mailbox.deleted"]);
    await emitWebhookEvent("mailbox.deleted", mailboxEvent);
    const [delivery] = await deliveriesOf(endpoint.id);
    if (!delivery) throw new Error("no delivery");
    // As if the job were handed out many times, on both instances, and run by hand besides.
    for (const engine of engines)
      for (let copy = 0; copy < 5; copy++)
        await engine.boss.send("webhook-deliveries", { deliveryId: delivery.id });
    const direct = await Promise.all(Array.from({ length: 5 }, () => attemptDelivery(delivery.id, noQueue)));
    await vi.waitFor(async () => expect((await deliveriesOf(endpoint.id))[0]?.status).toBe("delivered"), {
      timeout: 15_000,
      interval: 200,
    });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(target.received).toHaveLength(1);
    expect(direct.filter((attempt) => attempt.kind !== "not-due").length).toBeLessThanOrEqual(1);
    expect((await deliveriesOf(endpoint.id))[0]?.attempts).toBe(1);
  }, 30_000);

  it("resend sends the same event (same id and body) again, audited", async () => {
    const target = await receiver(() => 204);
    const { endpoint } = await register(target, ["mailbox.created"]);
    await emitWebhookEvent("mailbox.created", mailboxEvent);
    await vi.waitFor(() => expect(target.received).toHaveLength(1), { timeout: 15_000, interval: 200 });
    const [delivery] = await deliveriesOf(endpoint.id);
    if (!delivery) throw new Error("no delivery");
    await vi.waitFor(async () => expect((await deliveriesOf(endpoint.id))[0]?.status).toBe("delivered"));

    const since = await lastAuditId();
    signInAs(admin);
    const resent = await resendWebhookDeliveryAction({ deliveryId: delivery.id });
    expect(resent.ok).toBe(true);
    await vi.waitFor(() => expect(target.received).toHaveLength(2), { timeout: 15_000, interval: 200 });
    const [first, second] = target.received;
    expect(second?.headers["webhook-id"]).toBe(first?.headers["webhook-id"]);
    expect(second?.body).toBe(first?.body);
    expect(second?.verification?.ok).toBe(true);
    await vi.waitFor(async () =>
      expect((await deliveriesOf(endpoint.id))[0]).toMatchObject({ status: "delivered", attempts: 1 }),
    );
    const audit = await auditAfter(since);
    expect(audit.map((entry) => entry.action)).toContain("webhook.resend");
    expect(audit.find((entry) => entry.action === "webhook.resend")?.actorEmail).toBe(admin.email);
  }, 30_000);

  it("a delivery is given up after its eighth attempt, with the last answer in the log", async () => {
    const target = await receiver(() => 503);
    const { endpoint } = await register(target, ["pak.expired"]);
    // Written directly, so no queued job takes it: attempted here by hand.
    const db = await getDb();
    const [row] = await db
      .insert(webhookDeliveries)
      .values({
        endpointId: endpoint.id,
        eventId: crypto.randomUUID(),
        eventType: "pak.expired",
        payload: { id: "x", type: "pak.expired", created_at: new Date().toISOString(), data: {} },
        attempts: 7,
        nextAttemptAt: sql`now()`,
      })
      .returning();
    if (!row) throw new Error("no row");
    const queued: string[] = [];
    const attempt = await attemptDelivery(row.id, async (ids) => void queued.push(...ids));
    expect(attempt).toMatchObject({ kind: "failed", attempts: 8, statusCode: 503 });
    expect(queued).toEqual([]);
    const [after] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, row.id));
    expect(after).toMatchObject({ status: "failed", attempts: 8, lastStatusCode: 503, nextAttemptAt: null });
    expect(after?.lastError).toMatch(/HTTP 503/);
  });

  it("a receiver that does not answer in time is a failed attempt, tried again later", async () => {
    const { createServer } = await import("node:http");
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const { endpoint } = await register(`http://127.0.0.1:${port}/slow`, ["pak.expired"]);
      // Written directly, so no queued job takes it: attempted here by hand.
      const db = await getDb();
      const [delivery] = await db
        .insert(webhookDeliveries)
        .values({
          endpointId: endpoint.id,
          eventId: crypto.randomUUID(),
          eventType: "pak.expired",
          payload: { id: "x", type: "pak.expired", created_at: new Date().toISOString(), data: {} },
          nextAttemptAt: sql`now()`,
        })
        .returning();
      if (!delivery) throw new Error("no delivery");
      const queued: string[] = [];
      const attempt = await attemptDelivery(delivery.id, async (ids) => void queued.push(...ids), {
        timeoutMs: 300,
      });
      expect(attempt).toMatchObject({ kind: "retry", attempts: 1, statusCode: null });
      if (attempt.kind === "retry") expect(attempt.error).toMatch(/No answer within/);
      expect(queued).toEqual([delivery.id]);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it("a delivery whose queued job was lost is sent by the sweep; a disabled endpoint's wait until enabled", async () => {
    const target = await receiver(() => 200);
    const { endpoint } = await register(target, ["pak.expired"]);
    const db = await getDb();
    const insert = (minutesAgo: number) =>
      db
        .insert(webhookDeliveries)
        .values({
          endpointId: endpoint.id,
          eventId: crypto.randomUUID(),
          eventType: "pak.expired",
          payload: { id: "x", type: "pak.expired", created_at: new Date().toISOString(), data: {} },
          nextAttemptAt: sql`now() - make_interval(mins => ${minutesAgo})`,
        })
        .returning();
    // Due two minutes ago, and never queued: as if the instance died before queueing it.
    const [lost] = await insert(2);
    const [engine] = engines;
    if (!engine || !lost) throw new Error("no engine or row");
    expect(await sweepWebhookDeliveries(engine)).toBe(1);
    await vi.waitFor(() => expect(target.received).toHaveLength(1), { timeout: 15_000, interval: 200 });

    signInAs(admin);
    await setWebhookEndpointEnabledAction({ id: endpoint.id, enabled: false });
    const [waiting] = await insert(5);
    if (!waiting) throw new Error("no row");
    expect(await sweepWebhookDeliveries(engine)).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(target.received).toHaveLength(1);
    const enabled = await setWebhookEndpointEnabledAction({ id: endpoint.id, enabled: true });
    expect(enabled.ok).toBe(true);
    await vi.waitFor(() => expect(target.received).toHaveLength(2), { timeout: 15_000, interval: 200 });
    const statuses = (await deliveriesOf(endpoint.id)).map((row) => row.status);
    await vi.waitFor(async () =>
      expect((await deliveriesOf(endpoint.id)).map((row) => row.status)).toEqual(
        statuses.map(() => "delivered"),
      ),
    );
  }, 40_000);

  it("'send test event' reaches the endpoint alone, signed", async () => {
    const target = await receiver(() => 200);
    const { endpoint } = await register(target, ["storage.nearly_full"]);
    signInAs(admin);
    const sent = await sendTestWebhookAction({ id: endpoint.id });
    expect(sent.ok).toBe(true);
    await vi.waitFor(() => expect(target.received).toHaveLength(1), { timeout: 15_000, interval: 200 });
    expect(JSON.parse(target.received[0]?.body ?? "{}")).toMatchObject({
      type: "webhook.test",
      data: { endpoint_id: endpoint.id },
    });
    expect(target.received[0]?.verification?.ok).toBe(true);
  }, 30_000);

  it("a rolled secret signs from then on; the old one no longer verifies", async () => {
    const target = await receiver(() => 200);
    const { endpoint, secret: old } = await register(target, ["mailbox.created"]);
    signInAs(admin);
    const rolled = await rollWebhookSecretAction({ id: endpoint.id });
    if (!rolled.ok) throw new Error(rolled.message);
    expect(rolled.data.secret).not.toBe(old);
    target.secret = rolled.data.secret;
    await emitWebhookEvent("mailbox.created", mailboxEvent);
    await vi.waitFor(() => expect(target.received).toHaveLength(1), { timeout: 15_000, interval: 200 });
    expect(target.received[0]?.verification?.ok).toBe(true);
    const { verifyWebhookSignature } = await import("./signature");
    const request = target.received[0];
    expect(
      verifyWebhookSignature({ secret: old, headers: request?.headers ?? {}, body: request?.body ?? "" }).ok,
    ).toBe(false);
  }, 30_000);
});

describe("the settings are for admins", () => {
  it("staff, support and customers are refused every action and read; nothing is made", async () => {
    const { endpoint } = await register("https://billing.example.com/a", ["mailbox.created"]);
    for (const user of [staff, support, customerUser]) {
      signInAs(user);
      const attempts = [
        await createWebhookEndpointAction({ url: "https://evil.example.com/", events: ["mailbox.created"] }),
        await updateWebhookEndpointAction({
          id: endpoint.id,
          url: "https://evil.example.com/",
          description: "",
          events: ["mailbox.created"],
          enabled: true,
        }),
        await rollWebhookSecretAction({ id: endpoint.id }),
        await sendTestWebhookAction({ id: endpoint.id }),
        await setWebhookEndpointEnabledAction({ id: endpoint.id, enabled: false }),
        await deleteWebhookEndpointAction({ id: endpoint.id }),
      ];
      for (const result of attempts) expect(result.ok, user.role).toBe(false);
      await expect(getWebhookEndpoints(user)).rejects.toThrow();
      await expect(getWebhookDeliveries(user, endpoint.id, 1)).rejects.toThrow();
    }
    signInAs(admin);
    const listed = await getWebhookEndpoints(admin);
    expect(listed.map((row) => [row.url, row.enabled])).toEqual([["https://billing.example.com/a", true]]);
  });

  it("an admin adds an endpoint: the secret is shown once, sealed at rest, never audited", async () => {
    const since = await lastAuditId();
    const created = await register("https://billing.example.com/hooks", ["pak.purchased", "mailbox.created"]);
    expect(created.secret).toMatch(/^whsec_/);
    // Listed in the events' own order, whatever order the form sent.
    expect(created.endpoint.events).toEqual(["mailbox.created", "pak.purchased"]);
    const db = await getDb();
    const [row] = await db
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, created.endpoint.id));
    expect(row?.sealedSecret).not.toContain(created.secret.slice(6));
    expect(JSON.stringify(await getWebhookEndpoints(admin))).not.toContain(created.secret.slice(6));
    const audit = await auditAfter(since);
    expect(audit.map((entry) => entry.action)).toEqual(["webhook.create"]);
    expect(JSON.stringify(audit)).not.toContain(created.secret.slice(6));
  });

  it("refuses addresses that are not http(s) and asks for at least one event", async () => {
    signInAs(admin);
    const ftp = await createWebhookEndpointAction({
      url: "ftp://billing.example.com/",
      events: ["pak.renewed"],
    });
    expect(ftp.ok).toBe(false);
    if (!ftp.ok) expect(ftp.fieldErrors?.url?.[0]).toMatch(/https:\/\//);
    const none = await createWebhookEndpointAction({ url: "https://billing.example.com/", events: [] });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.fieldErrors?.events).toBeDefined();
    expect(await getWebhookEndpoints(admin)).toEqual([]);
  });
});

describe("the features emit their events", () => {
  beforeAll(() => startEngines(1));

  it("a mailbox created in the portal arrives signed, with its customer and no password", async () => {
    const target = await receiver(() => 200);
    await register(target, ["mailbox.created"]);
    if (!enom.client) throw new Error("no client");
    const purchase = await enom.client.purchaseServices({
      kind: "service",
      domain: CUSTOMER_DOMAIN,
      quantity: 2,
    });
    const bundleId = purchase.bundles[0]?.bundleId;
    if (!bundleId) throw new Error("no pak");
    const userName = `hooked${Date.now() % 100000}`;
    const password = generateMailboxPassword({ userName, domain: CUSTOMER_DOMAIN });
    signInAs(customerUser);
    const created = await createMailboxesAction({
      domain: CUSTOMER_DOMAIN,
      bundleId,
      mailboxes: [{ userName, password }],
    });
    expect(created.ok).toBe(true);
    await vi.waitFor(() => expect(target.received).toHaveLength(1), { timeout: 15_000, interval: 200 });
    const [request] = target.received;
    expect(request?.verification?.ok).toBe(true);
    expect(JSON.parse(request?.body ?? "{}")).toMatchObject({
      type: "mailbox.created",
      data: {
        domain: CUSTOMER_DOMAIN,
        mailbox: `${userName}@${CUSTOMER_DOMAIN}`,
        bundle_id: bundleId,
        customer_id: customerId,
      },
    });
    expect(request?.body).not.toContain(password);
  }, 30_000);

  it("a purchase made, and one reconciled after its answer was lost, each announce the pak once", async () => {
    const endpoint = await register(await receiver(() => 200), [
      "pak.purchased",
      "pak.renewed",
      "purchase.reconciled",
    ]);
    const row = {
      key: "attempt-1",
      kind: "purchase",
      status: "ok",
      reconciliation: null,
      domain: CUSTOMER_DOMAIN,
      pakId: "4242",
      enomOrderId: "157800001",
      customerId,
      result: { expires: "2027-12-07" },
      retailCents: 1200,
      costCents: 800,
      actorEmail: customerUser.email,
      actorRole: "customer",
    } as unknown as PurchaseAttemptRow;
    await announceAttemptMade(row);
    await announceAttemptMade(row);
    await announceAttemptReconciled({ ...row, key: "attempt-2", kind: "renew", reconciliation: "made" });
    await announceAttemptReconciled({
      ...row,
      key: "attempt-3",
      status: "failed",
      reconciliation: "not-made",
    });
    const payloads = (await deliveriesOf(endpoint.endpoint.id)).map(
      (delivery) => delivery.payload as unknown as WebhookPayload,
    );
    expect(payloads.map((payload) => [payload.type, payload.data.attempt_key]).sort()).toEqual([
      ["pak.purchased", "attempt-1"],
      ["pak.renewed", "attempt-2"],
      ["purchase.reconciled", "attempt-2"],
      ["purchase.reconciled", "attempt-3"],
    ]);
    expect(payloads.find((payload) => payload.type === "pak.purchased")?.data).toMatchObject({
      kind: "new-pak",
      domain: CUSTOMER_DOMAIN,
      bundle_id: 4242,
      order_id: "157800001",
      customer_id: customerId,
      expires: "2027-12-07",
      retail_cents: 1200,
    });
    expect(
      payloads
        .filter((payload) => payload.type === "purchase.reconciled")
        .map((payload) => payload.data.outcome),
    ).toEqual(expect.arrayContaining(["made", "not-made"]));
  });

  it("paks 7 days from expiring and just expired are announced once per threshold", async () => {
    const endpoint = await register(await receiver(() => 200), ["pak.expiring", "pak.expired"]);
    const db = await getDb();
    const now = new Date("2030-03-10T12:00:00Z");
    await db.insert(mirrorDomains).values({ domain: "expiry-hooks.test" }).onConflictDoNothing();
    const pak = (bundleId: number, expires: string) => ({
      domain: "expiry-hooks.test",
      bundleId,
      purchased: 5,
      available: 1,
      expires,
      autoRenew: false,
      readAt: now,
    });
    await db
      .insert(mirrorPaks)
      .values([pak(1, "2030-03-16"), pak(2, "2030-03-01"), pak(3, "2030-06-01"), pak(4, "2029-01-01")]);
    expect(await announcePakExpiries(now)).toBe(2);
    expect(await announcePakExpiries(now)).toBe(0);
    const payloads = (await deliveriesOf(endpoint.endpoint.id)).map(
      (delivery) => delivery.payload as unknown as WebhookPayload,
    );
    expect(payloads.map((payload) => [payload.type, payload.data.bundle_id]).sort()).toEqual([
      ["pak.expired", 2],
      ["pak.expiring", 1],
    ]);
    expect(payloads.find((payload) => payload.type === "pak.expiring")?.data).toMatchObject({
      domain: "expiry-hooks.test",
      expires: "2030-03-16",
      days_left: 6,
      threshold_days: 7,
      auto_renew: false,
    });
  });
});
