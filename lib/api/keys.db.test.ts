import { eq } from "drizzle-orm";
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { apiKeys, customers, users } from "@/lib/db/schema";
import { updateUser } from "@/lib/users/queries";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import type { SessionUser } from "@/lib/auth/session";
import {
  authenticateApiKey,
  createApiKey,
  listApiKeys,
  parseApiKeyToken,
  revokeApiKey,
  type CreateApiKeyInput,
} from "./keys";

let admin: SessionUser;
let staff: SessionUser;
let customerAdmin: SessionUser;
let customerId: string;
let otherCustomerId: string;

const IP = "198.51.100.20";

function input(overrides: Partial<CreateApiKeyInput> = {}): CreateApiKeyInput {
  return {
    name: "Billing",
    scopes: ["read"],
    customerId: null,
    allowedIps: [],
    expiresAt: null,
    ...overrides,
  };
}

async function rowOf(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, id));
  if (!row) throw new Error("no such key");
  return row;
}

async function deleteUserRow(id: string) {
  const db = await getDb();
  await db.delete(users).where(eq(users.id, id));
}

beforeAll(async () => {
  admin = await createTestUser({ email: "ada@reseller.example", role: "admin", name: "Ada" });
  staff = await createTestUser({ email: "sam@reseller.example", role: "staff", name: "Sam" });
  customerId = (
    await createTestCustomer("Northwind Traders", ["northwind.example"], {
      canManageMailboxes: true,
      canRenew: true,
    })
  ).id;
  otherCustomerId = (await createTestCustomer("Contoso", ["contoso.example"])).id;
  customerAdmin = await createTestUser({ email: "nancy@northwind.example", role: "customer", customerId });
  await updateUser(customerAdmin.id, { customerAdmin: true });
});

describe("making a key", () => {
  it("hands the token out once and keeps only the SHA-256 of its secret", async () => {
    const { key, token } = await createApiKey(
      input({ scopes: ["read", "mailboxes"], allowedIps: ["203.0.113.0/24", "::ffff:198.51.100.20"] }),
      admin,
    );
    const parsed = parseApiKeyToken(token);
    expect(token).toMatch(/^mpk_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(parsed?.prefix).toBe(key.prefix);
    const row = await rowOf(key.id);
    expect(row.secretHash).toBe(
      createHash("sha256")
        .update(parsed?.secret ?? "")
        .digest("hex"),
    );
    expect(JSON.stringify(row)).not.toContain(parsed?.secret);
    expect(JSON.stringify(key)).not.toContain(parsed?.secret);
    expect(JSON.stringify(await listApiKeys({ customerId: "all" }))).not.toContain(parsed?.secret);
    expect(key).toMatchObject({
      name: "Billing",
      scopes: ["read", "mailboxes"],
      customerId: null,
      createdByEmail: "ada@reseller.example",
      allowedIps: ["203.0.113.0/24", "198.51.100.20"],
      status: "active",
      lastUsedAt: null,
    });
  });

  it("gives every key its own prefix", async () => {
    const made = await Promise.all(Array.from({ length: 5 }, () => createApiKey(input(), admin)));
    expect(new Set(made.map(({ key }) => key.prefix)).size).toBe(5);
  });

  it("refuses staff scopes on a customer's key", async () => {
    await expect(createApiKey(input({ customerId, scopes: ["read", "customers"] }), admin)).rejects.toThrow(
      /cannot carry/,
    );
  });

  it("lists staff keys, one customer's keys, or all", async () => {
    const { key } = await createApiKey(input({ name: "Northwind sync", customerId }), customerAdmin);
    const mine = await listApiKeys({ customerId });
    expect(mine.map((k) => k.id)).toEqual([key.id]);
    expect(mine[0]?.customerName).toBe("Northwind Traders");
    expect((await listApiKeys({ customerId: otherCustomerId })).length).toBe(0);
    expect((await listApiKeys({ customerId: null })).every((k) => k.customerId === null)).toBe(true);
    expect((await listApiKeys({ customerId: "all" })).some((k) => k.id === key.id)).toBe(true);
  });
});

describe("authenticating a call", () => {
  it("lets a good staff key act as its creator, with their role", async () => {
    const { key, token } = await createApiKey(input(), admin);
    const result = await authenticateApiKey(`Bearer ${token}`, IP);
    expect(result).toMatchObject({
      ok: true,
      key: { id: key.id, name: "Billing", scopes: ["read"] },
      user: { id: admin.id, email: admin.email, role: "admin", customerId: null, customer: null },
    });
    const staffKey = await createApiKey(input(), staff);
    expect(await authenticateApiKey(`bearer ${staffKey.token}`, IP)).toMatchObject({
      ok: true,
      user: { id: staff.id, role: "staff" },
    });
  });

  it("refuses a missing header, a wrong secret and an unknown prefix alike", async () => {
    const { token } = await createApiKey(input(), admin);
    const parsed = parseApiKeyToken(token);
    const otherSecret = `${parsed?.secret.slice(0, -1)}${parsed?.secret.endsWith("A") ? "B" : "A"}`;
    expect(await authenticateApiKey(null, IP)).toMatchObject({ ok: false, status: 401 });
    expect(await authenticateApiKey(`Basic ${token}`, IP)).toMatchObject({ ok: false, status: 401 });
    expect(await authenticateApiKey(`Bearer mpk_${parsed?.prefix}_${otherSecret}`, IP)).toEqual({
      ok: false,
      status: 401,
      message: "This API key is not valid.",
    });
    expect(await authenticateApiKey(`Bearer mpk_zzzzzzzzzzzz_${parsed?.secret}`, IP)).toEqual({
      ok: false,
      status: 401,
      message: "This API key is not valid.",
    });
    expect(await authenticateApiKey("Bearer mpk_short_secret", IP)).toMatchObject({ status: 401 });
  });

  it("refuses a revoked key", async () => {
    const { key, token } = await createApiKey(input(), admin);
    expect((await authenticateApiKey(`Bearer ${token}`, IP)).ok).toBe(true);
    const revoked = await revokeApiKey(key.id, { email: admin.email }, { customerId: "any" });
    expect(revoked).toMatchObject({
      alreadyRevoked: false,
      key: { status: "revoked", revokedByEmail: admin.email },
    });
    expect(await authenticateApiKey(`Bearer ${token}`, IP)).toEqual({
      ok: false,
      status: 401,
      message: "This API key was revoked.",
    });
    // Again: nothing changes, the first revocation stays.
    const again = await revokeApiKey(key.id, { email: "someone@else.example" }, { customerId: "any" });
    expect(again).toMatchObject({ alreadyRevoked: true, key: { revokedByEmail: admin.email } });
  });

  it("refuses an expired key, saying when it expired", async () => {
    const expiresAt = new Date(Date.now() + 60_000);
    const { token } = await createApiKey(input({ expiresAt }), admin);
    expect((await authenticateApiKey(`Bearer ${token}`, IP)).ok).toBe(true);
    const later = new Date(expiresAt.getTime() + 1);
    expect(await authenticateApiKey(`Bearer ${token}`, IP, later)).toEqual({
      ok: false,
      status: 401,
      message: `This API key expired on ${expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC.`,
    });
    const listed = (await listApiKeys({ customerId: null })).find(
      (k) => k.expiresAt === expiresAt.toISOString(),
    );
    expect(listed?.status).toBe("active");
  });

  it("allows only the key's addresses and ranges: IPv4, IPv6, CIDR and IPv4-mapped", async () => {
    const { token } = await createApiKey(
      input({ allowedIps: ["203.0.113.0/24", "2001:db8:abcd::/48", "198.51.100.7"] }),
      admin,
    );
    const call = (ip: string | null) => authenticateApiKey(`Bearer ${token}`, ip);
    expect((await call("203.0.113.99")).ok).toBe(true);
    expect((await call("::ffff:203.0.113.99")).ok).toBe(true);
    expect((await call("2001:db8:abcd:12::1")).ok).toBe(true);
    expect((await call("198.51.100.7")).ok).toBe(true);
    expect(await call("198.51.100.8")).toMatchObject({
      ok: false,
      status: 403,
      message: expect.stringContaining("may not be used from 198.51.100.8"),
    });
    expect(await call("2001:db8:abce::1")).toMatchObject({ ok: false, status: 403 });
    expect(await call(null)).toMatchObject({ ok: false, status: 403 });
  });

  it("stops a staff key when its creator is disabled or deleted, and follows a changed role", async () => {
    const creator = await createTestUser({ email: "temp-admin@reseller.example", role: "admin" });
    const { token } = await createApiKey(input(), creator);
    await updateUser(creator.id, { role: "staff" });
    expect(await authenticateApiKey(`Bearer ${token}`, IP)).toMatchObject({
      ok: true,
      user: { role: "staff" },
    });
    await updateUser(creator.id, { disabled: true });
    expect(await authenticateApiKey(`Bearer ${token}`, IP)).toMatchObject({ ok: false, status: 401 });
    await updateUser(creator.id, { disabled: false });
    expect((await authenticateApiKey(`Bearer ${token}`, IP)).ok).toBe(true);
    await deleteUserRow(creator.id);
    expect(await authenticateApiKey(`Bearer ${token}`, IP)).toMatchObject({
      ok: false,
      status: 401,
      message: expect.stringContaining("can no longer sign in"),
    });
  });

  it("makes a customer key act as that customer, with its allowances as they are now", async () => {
    const { key, token } = await createApiKey(
      input({ name: "Northwind ERP", customerId, scopes: ["read", "mailboxes", "purchases"] }),
      customerAdmin,
    );
    const first = await authenticateApiKey(`Bearer ${token}`, IP);
    expect(first).toMatchObject({
      ok: true,
      key: { id: key.id, customerId, customerName: "Northwind Traders" },
      user: {
        role: "customer",
        customerId,
        customerName: "Northwind Traders",
        customer: { canManageMailboxes: true, canRenew: true, canPurchase: false },
      },
    });
    const db = await getDb();
    await db
      .update(customers)
      .set({ canRenew: false, canPurchase: true })
      .where(eq(customers.id, customerId));
    expect(await authenticateApiKey(`Bearer ${token}`, IP)).toMatchObject({
      ok: true,
      user: { customer: { canRenew: false, canPurchase: true } },
    });
    // The reseller's admin may make a key for the customer too; it acts as the customer all the same.
    const staffMade = await createApiKey(input({ customerId: otherCustomerId }), admin);
    expect(await authenticateApiKey(`Bearer ${staffMade.token}`, IP)).toMatchObject({
      ok: true,
      user: { role: "customer", customerId: otherCustomerId, customerName: "Contoso" },
    });
  });

  it("stops a customer key when its creator is no longer the customer's administrator", async () => {
    const maker = await createTestUser({ email: "it@northwind.example", role: "customer", customerId });
    await updateUser(maker.id, { customerAdmin: true });
    const { token } = await createApiKey(input({ customerId }), maker);
    expect((await authenticateApiKey(`Bearer ${token}`, IP)).ok).toBe(true);
    await updateUser(maker.id, { customerAdmin: false });
    expect(await authenticateApiKey(`Bearer ${token}`, IP)).toMatchObject({ ok: false, status: 401 });
  });

  it("records the last use at most once a minute", async () => {
    const { key, token } = await createApiKey(input(), admin);
    const t0 = new Date(Date.now() + 1_000);
    await authenticateApiKey(`Bearer ${token}`, "203.0.113.1", t0);
    expect(await rowOf(key.id)).toMatchObject({ lastUsedAt: t0, lastUsedIp: "203.0.113.1" });
    await authenticateApiKey(`Bearer ${token}`, "203.0.113.2", new Date(t0.getTime() + 30_000));
    expect(await rowOf(key.id)).toMatchObject({ lastUsedAt: t0, lastUsedIp: "203.0.113.1" });
    const t2 = new Date(t0.getTime() + 61_000);
    const result = await authenticateApiKey(`Bearer ${token}`, "203.0.113.3", t2);
    expect(result).toMatchObject({
      ok: true,
      key: { lastUsedAt: t2.toISOString(), lastUsedIp: "203.0.113.3" },
    });
    expect(await rowOf(key.id)).toMatchObject({ lastUsedAt: t2, lastUsedIp: "203.0.113.3" });
  });
});

describe("revoking", () => {
  it("is limited to the caller's customer: another customer's key is not found", async () => {
    const { key } = await createApiKey(input({ customerId }), customerAdmin);
    expect(
      await revokeApiKey(key.id, { email: "x@contoso.example" }, { customerId: otherCustomerId }),
    ).toBeNull();
    expect(await revokeApiKey(key.id, { email: "x@reseller.example" }, { customerId: null })).toBeNull();
    expect((await rowOf(key.id)).revokedAt).toBeNull();
    expect(await revokeApiKey(key.id, customerAdmin, { customerId })).toMatchObject({
      alreadyRevoked: false,
    });
  });
});
