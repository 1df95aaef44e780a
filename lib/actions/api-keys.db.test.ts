import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { authenticateApiKey, listApiKeys } from "@/lib/api/keys";
import type { SessionUser } from "@/lib/auth/session";
import { updateUser } from "@/lib/users/queries";
import { auditAfter, lastAuditId } from "@/test/audit";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs } from "@/test/session-mock";
import {
  createApiKeyAction,
  createPortalApiKeyAction,
  revokeApiKeyAction,
  revokePortalApiKeyAction,
} from "./api-keys";

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

let admin: SessionUser;
let staff: SessionUser;
let support: SessionUser;
let northwindAdmin: SessionUser;
let northwindMember: SessionUser;
let contosoAdmin: SessionUser;
let northwind: string;
let contoso: string;

const form = { name: "WHMCS", scopes: ["read", "mailboxes"], expiresOn: "", allowedIps: "" };

async function asTeamAdmin(email: string, customerId: string): Promise<SessionUser> {
  const user = await createTestUser({ email, role: "customer", customerId });
  await updateUser(user.id, { customerAdmin: true });
  return user;
}

beforeAll(async () => {
  admin = await createTestUser({ email: "ada@reseller.example", role: "admin" });
  staff = await createTestUser({ email: "sam@reseller.example", role: "staff" });
  support = await createTestUser({ email: "sue@reseller.example", role: "support" });
  northwind = (
    await createTestCustomer("Northwind Traders", ["northwind.example"], { canManageMailboxes: true })
  ).id;
  contoso = (await createTestCustomer("Contoso", ["contoso.example"], { canManageMailboxes: true })).id;
  northwindAdmin = await asTeamAdmin("nancy@northwind.example", northwind);
  northwindMember = await createTestUser({
    email: "andrew@northwind.example",
    role: "customer",
    customerId: northwind,
  });
  contosoAdmin = await asTeamAdmin("ceo@contoso.example", contoso);
});

beforeEach(() => signInAs(null));

describe("an admin in Settings", () => {
  it("creates a key, sees its token once, and the audit log never holds the token", async () => {
    signInAs(admin);
    const audit = await lastAuditId();
    const result = await createApiKeyAction({ ...form, allowedIps: "203.0.113.0/24", customerId: "" });
    if (!result.ok) throw new Error(result.message);
    const { key, token } = result.data;
    expect(result.message).toMatch(/will not be shown again/);
    expect(key).toMatchObject({
      name: "WHMCS",
      scopes: ["read", "mailboxes"],
      customerId: null,
      allowedIps: ["203.0.113.0/24"],
    });
    expect(await authenticateApiKey(`Bearer ${token}`, "203.0.113.5")).toMatchObject({
      ok: true,
      user: { id: admin.id },
    });

    const entries = await auditAfter(audit);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "api-key.create", outcome: "ok", actorEmail: admin.email });
    expect(entries[0]?.summary).toContain(`"WHMCS" (mpk_${key.prefix}_…)`);
    const secret = token.slice(`mpk_${key.prefix}_`.length);
    expect(JSON.stringify(entries)).not.toContain(secret);
    // The list shows the key, never its token.
    expect(JSON.stringify(await listApiKeys({ customerId: "all" }))).not.toContain(secret);
  });

  it("creates a key limited to a customer, with customer scopes only", async () => {
    signInAs(admin);
    const refused = await createApiKeyAction({
      ...form,
      scopes: ["read", "customers"],
      customerId: northwind,
    });
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { scopes: [expect.stringContaining("limited to a customer")] },
    });
    const result = await createApiKeyAction({ ...form, customerId: northwind });
    if (!result.ok) throw new Error(result.message);
    expect(result.data.key).toMatchObject({ customerId: northwind, customerName: "Northwind Traders" });
    const gone = await createApiKeyAction({ ...form, customerId: "00000000-0000-4000-8000-000000000000" });
    expect(gone).toMatchObject({
      ok: false,
      fieldErrors: { customerId: [expect.stringContaining("no longer exists")] },
    });
  });

  it("refuses bad input with the form's messages", async () => {
    signInAs(admin);
    const result = await createApiKeyAction({
      name: "",
      scopes: [],
      expiresOn: "2001-01-01",
      allowedIps: "nope",
      customerId: "",
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        name: [expect.any(String)],
        scopes: ["Choose at least one scope."],
        expiresOn: ["Choose an expiry date in the future."],
        allowedIps: [expect.stringContaining('"nope" is not an IP address')],
      },
    });
  });

  it("revokes any key, and the key stops working", async () => {
    signInAs(northwindAdmin);
    const made = await createPortalApiKeyAction(form);
    if (!made.ok) throw new Error(made.message);
    signInAs(admin);
    const audit = await lastAuditId();
    const revoked = await revokeApiKeyAction({ keyId: made.data.key.id });
    expect(revoked).toMatchObject({ ok: true, message: expect.stringContaining("revoked") });
    expect(await authenticateApiKey(`Bearer ${made.data.token}`, null)).toMatchObject({
      ok: false,
      status: 401,
    });
    expect(await auditAfter(audit)).toMatchObject([
      { action: "api-key.revoke", outcome: "ok", actorEmail: admin.email, targetCustomerId: northwind },
    ]);
  });

  it("is the only staff member who may: staff and support are refused, customers do not find it", async () => {
    signInAs(admin);
    const made = await createApiKeyAction({ ...form, customerId: "" });
    if (!made.ok) throw new Error(made.message);

    signInAs(staff);
    expect(await createApiKeyAction({ ...form, customerId: "" })).toMatchObject({
      ok: false,
      message: "Your role does not allow that.",
    });
    expect(await revokeApiKeyAction({ keyId: made.data.key.id })).toMatchObject({ ok: false });
    signInAs(support);
    expect(await createApiKeyAction({ ...form, customerId: "" })).toMatchObject({
      ok: false,
      message: expect.stringContaining("support role"),
    });
    expect(await revokeApiKeyAction({ keyId: made.data.key.id })).toMatchObject({ ok: false });
    signInAs(northwindAdmin);
    expect(await createApiKeyAction({ ...form, customerId: northwind })).toMatchObject({
      ok: false,
      message: "That page was not found.",
    });
    expect(await revokeApiKeyAction({ keyId: made.data.key.id })).toMatchObject({ ok: false });
    expect(await authenticateApiKey(`Bearer ${made.data.token}`, null)).toMatchObject({ ok: true });
    expect(
      (await listApiKeys({ customerId: null })).filter((key) => key.createdByEmail !== admin.email),
    ).toEqual([]);
  });
});

describe("a customer's administrator in the portal", () => {
  it("creates keys only for their own customer, whatever the input says", async () => {
    signInAs(northwindAdmin);
    const audit = await lastAuditId();
    const result = await createPortalApiKeyAction({ ...form, customerId: contoso });
    if (!result.ok) throw new Error(result.message);
    expect(result.data.key).toMatchObject({ customerId: northwind, createdByEmail: northwindAdmin.email });
    expect(await authenticateApiKey(`Bearer ${result.data.token}`, null)).toMatchObject({
      ok: true,
      user: { role: "customer", customerId: northwind },
    });
    expect(await auditAfter(audit)).toMatchObject([
      {
        action: "api-key.create",
        outcome: "ok",
        actorEmail: northwindAdmin.email,
        targetCustomerId: northwind,
      },
    ]);
    expect((await listApiKeys({ customerId: contoso })).length).toBe(0);
  });

  it("gets only the scopes the reseller allows the customer", async () => {
    const limited = await createTestCustomer("Tailspin", ["tailspin.example"], {
      canCreateMailboxes: false,
      canManageMailboxes: false,
    });
    signInAs(await asTeamAdmin("boss@tailspin.example", limited.id));
    expect(await createPortalApiKeyAction({ ...form, scopes: ["read", "mailboxes"] })).toMatchObject({
      ok: false,
      fieldErrors: {
        scopes: ["Your provider has not enabled Mailboxes for your account, so a key cannot have it."],
      },
    });
    expect(await createPortalApiKeyAction({ ...form, scopes: ["read", "customers"] })).toMatchObject({
      ok: false,
    });
    expect(await createPortalApiKeyAction({ ...form, scopes: ["read"] })).toMatchObject({ ok: true });
  });

  it("cannot revoke another customer's key, nor a staff key", async () => {
    signInAs(contosoAdmin);
    const theirs = await createPortalApiKeyAction(form);
    if (!theirs.ok) throw new Error(theirs.message);
    signInAs(admin);
    const staffKey = await createApiKeyAction({ ...form, customerId: "" });
    if (!staffKey.ok) throw new Error(staffKey.message);

    signInAs(northwindAdmin);
    expect(await revokePortalApiKeyAction({ keyId: theirs.data.key.id })).toMatchObject({
      ok: false,
      message: "That API key was not found.",
    });
    expect(await revokePortalApiKeyAction({ keyId: staffKey.data.key.id })).toMatchObject({ ok: false });
    expect(await authenticateApiKey(`Bearer ${theirs.data.token}`, null)).toMatchObject({ ok: true });

    signInAs(contosoAdmin);
    expect(await revokePortalApiKeyAction({ keyId: theirs.data.key.id })).toMatchObject({ ok: true });
    expect(await authenticateApiKey(`Bearer ${theirs.data.token}`, null)).toMatchObject({
      ok: false,
      message: "This API key was revoked.",
    });
  });

  it("is refused to a colleague who is not an administrator, and to staff", async () => {
    signInAs(northwindMember);
    expect(await createPortalApiKeyAction(form)).toMatchObject({
      ok: false,
      message: "That page was not found.",
    });
    signInAs(admin);
    expect(await createPortalApiKeyAction(form)).toMatchObject({
      ok: false,
      message: "That page was not found.",
    });
    signInAs(support);
    expect(await createPortalApiKeyAction(form)).toMatchObject({ ok: false });
  });
});
