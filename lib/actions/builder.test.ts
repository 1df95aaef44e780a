import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { AuditEntry } from "@/lib/audit";
import { READ_ONLY_REFUSAL } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { signInAs } from "@/test/session-mock";
import { domainAction, publicAction, userAction } from "./builder";

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));
// The guards read whether two-factor sign-in is required; here it is not (no database).
vi.mock("@/lib/settings/security", async () => ({
  getSecuritySettings: async () => (await import("@/lib/settings/security-model")).DEFAULT_SECURITY_SETTINGS,
}));
const audited: AuditEntry[] = [];
vi.mock("@/lib/audit", () => ({
  recordAudit: async (entry: AuditEntry) => {
    audited.push(entry);
  },
}));
// A customer owns exactly `own.example`.
vi.mock("@/lib/customers/queries", () => ({
  customerOwnsDomain: async (_customerId: string, domain: string) => domain === "own.example",
}));

const ALLOWED = {
  canCreateMailboxes: true,
  canManageMailboxes: false,
  canToggleAutoRenew: false,
  canPurchase: false,
  canRenew: false,
};
const person = (role: SessionUser["role"], customer = false): SessionUser => ({
  id: `${role}-id`,
  email: `${role}@builder.test`,
  name: role,
  role,
  customerId: customer ? "customer-1" : null,
  customerName: customer ? "Own Co" : null,
  customer: customer ? ALLOWED : null,
  totpEnabled: false,
});
const staff = person("staff");
const support = person("support");
const customer = person("customer", true);

const renameSchema = z.object({ domain: z.string(), label: z.string().min(2, "Too short.") });

const handler = vi.fn();
const rename = domainAction(
  { name: "test.rename", schema: renameSchema, permission: "mailboxes.create" },
  async (input, { user, domain, audit }) => {
    handler(input, user.id, domain);
    await audit({ outcome: "ok", summary: `Renamed ${domain}`, domain });
    // Typed from the schema: `label` is a string here.
    return { ok: true, data: input.label.toUpperCase() };
  },
);
const manage = domainAction(
  { name: "test.manage", schema: renameSchema, permission: "mailboxes.manage" },
  async () => ({ ok: true, data: null }),
);
const nested = domainAction(
  {
    name: "test.nested",
    schema: z.object({ request: z.object({ domain: z.string() }) }),
    domainOf: (input) => input.request.domain,
  },
  async (_input, { domain }) => ({ ok: true, data: domain }),
);
const settings = userAction(
  { name: "test.settings", schema: z.object({ on: z.boolean() }), permission: "settings.manage" },
  async ({ on }, { audit }) => {
    await audit({ outcome: "ok", summary: "Changed a setting", action: "test.settings.more" });
    return { ok: true, data: on };
  },
);
const look = userAction({ name: "test.look", schema: z.object({}), supportMayRun: true }, async () => ({
  ok: true,
  data: "looked",
}));

beforeEach(() => {
  audited.length = 0;
  handler.mockClear();
  signInAs(null);
});

describe("domainAction", () => {
  it("parses the input, normalises the domain, and gives the handler typed data", async () => {
    signInAs(staff);
    expect(await rename({ domain: " Own.Example. ", label: "hello" })).toEqual({ ok: true, data: "HELLO" });
    expect(handler).toHaveBeenCalledWith(
      { domain: " Own.Example. ", label: "hello" },
      staff.id,
      "own.example",
    );
  });

  it("answers bad input field by field, before the handler", async () => {
    signInAs(staff);
    expect(await rename({ domain: "own.example", label: "x" })).toEqual({
      ok: false,
      message: "Please correct the highlighted fields.",
      fieldErrors: { label: ["Too short."] },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses the signed-out without auditing", async () => {
    expect(await rename({ domain: "own.example", label: "hello" })).toEqual({
      ok: false,
      message: "Your session has ended. Sign in again to continue.",
    });
    expect(audited).toEqual([]);
  });

  it("answers someone else's domain as not found, audited as a refusal, before the permission", async () => {
    signInAs(customer);
    // The customer lacks mailboxes.manage: still "not found" for a domain that is not theirs.
    expect(await manage({ domain: "theirs.example", label: "hello" })).toEqual({
      ok: false,
      message: "That domain was not found.",
    });
    expect(audited).toEqual([
      expect.objectContaining({
        action: "test.manage",
        outcome: "failed",
        domain: "theirs.example",
        actor: { id: customer.id, email: customer.email, role: "customer" },
      }),
    ]);
  });

  it("checks the permission on the caller's own domain", async () => {
    signInAs(customer);
    expect(await rename({ domain: "own.example", label: "hello" })).toMatchObject({ ok: true });
    expect(await manage({ domain: "own.example", label: "hello" })).toEqual({
      ok: false,
      message: "Your reseller has not enabled this for your account. Contact them to change it.",
    });
  });

  it("finds the domain where the spec says the input names it", async () => {
    signInAs(customer);
    expect(await nested({ request: { domain: "own.example" } })).toEqual({ ok: true, data: "own.example" });
    expect(await nested({ request: { domain: "theirs.example" } })).toMatchObject({ ok: false });
  });

  it("binds audit to the caller and the action's name", async () => {
    signInAs(staff);
    await rename({ domain: "own.example", label: "hello" });
    expect(audited).toEqual([
      {
        actor: { id: staff.id, email: staff.email, role: "staff" },
        action: "test.rename",
        outcome: "ok",
        summary: "Renamed own.example",
        domain: "own.example",
      },
    ]);
  });
});

describe("userAction", () => {
  it("checks the permission, and lets the handler audit a more precise verb", async () => {
    signInAs(staff);
    expect(await settings({ on: true })).toEqual({ ok: false, message: "Your role does not allow that." });
    signInAs(person("admin"));
    expect(await settings({ on: true })).toEqual({ ok: true, data: true });
    expect(audited.at(-1)).toMatchObject({ action: "test.settings.more", actor: { role: "admin" } });
  });

  it("refuses the support role before reading the input, unless the spec lets it run", async () => {
    signInAs(support);
    expect(await settings("anything")).toEqual({ ok: false, message: READ_ONLY_REFUSAL });
    expect(await rename({ domain: "own.example", label: "hello" })).toEqual({
      ok: false,
      message: READ_ONLY_REFUSAL,
    });
    expect(handler).not.toHaveBeenCalled();
    expect(await look({})).toEqual({ ok: true, data: "looked" });
  });
});

describe("forms", () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.append(name, value);
    return data;
  };

  it("reads a posted form as the schema's input", async () => {
    signInAs(staff);
    expect(await rename(form({ domain: "own.example", label: "hello" }))).toEqual({
      ok: true,
      data: "HELLO",
    });
    expect(await rename(form({ domain: "own.example", label: "x" }))).toMatchObject({
      ok: false,
      fieldErrors: { label: ["Too short."] },
    });
  });

  it("hands the FormData itself to a schema that reads files", async () => {
    signInAs(person("admin"));
    const upload = userAction(
      { name: "test.upload", schema: z.instanceof(FormData), rawFormData: true },
      async (data) => ({ ok: true, data: data.get("logo") instanceof Blob }),
    );
    const data = form({});
    data.append("logo", new Blob([new Uint8Array([1, 2, 3])]), "logo.png");
    expect(await upload(data)).toEqual({ ok: true, data: true });
  });
});

describe("publicAction", () => {
  const redeem = publicAction(
    {
      name: "test.redeem",
      schema: z.object({ token: z.string().length(4, "Bad token."), name: z.string().min(2, "Too short.") }),
      invalid: (fieldErrors) => (fieldErrors.token ? "This link is not valid." : null),
    },
    async ({ token, name }) => {
      if (token === "boom") throw new Error("database down");
      return { ok: true, data: `${name}:${token}` };
    },
  );

  it("runs without a session, with the parsed input", async () => {
    expect(await redeem({ token: "abcd", name: "Ann" })).toEqual({ ok: true, data: "Ann:abcd" });
  });

  it("answers a broken credential with one message, other bad input field by field", async () => {
    expect(await redeem({ token: "x", name: "Ann" })).toEqual({
      ok: false,
      message: "This link is not valid.",
    });
    expect(await redeem({ token: "abcd", name: "A" })).toEqual({
      ok: false,
      message: "Please correct the highlighted fields.",
      fieldErrors: { name: ["Too short."] },
    });
  });

  it("turns an unexpected failure into a message with a reference, never the error's text", async () => {
    const result = await redeem({ token: "boom", name: "Ann" });
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toMatch(
      /^Something went wrong on our side; nothing was changed\. \(Reference [0-9a-f]{8}\)$/,
    );
    expect(JSON.stringify(result)).not.toContain("database down");
  });
});
