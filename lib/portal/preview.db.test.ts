import { isValidElement, type ReactElement } from "react";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import PortalPreviewDomainPage from "@/app/(staff)/customers/[customerId]/preview/domains/[domain]/page";
import PortalPreviewPage from "@/app/(staff)/customers/[customerId]/preview/page";
import { PreviewFrame } from "@/components/portal/preview-frame";
import { PreviewStart } from "@/components/portal/preview-start";
import { startPortalPreviewAction } from "@/lib/actions/portal-preview";
import type { SessionUser } from "@/lib/auth/session";
import { auditAfter, lastAuditId } from "@/test/audit";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs } from "@/test/session-mock";
import { PREVIEW_GRANT_COOKIE, PREVIEW_GRANT_SECONDS, signPreviewGrant } from "./preview-grant";

/**
 * Staff preview of a customer's portal: starting it is the one write (one audit row and a grant
 * cookie); the preview pages only read the grant, so looking at them any number of times writes
 * nothing, and without a grant they offer the Start button instead of the portal.
 */

// The browser's cookies for this test: what the action sets is what the next page view sends.
const jar = vi.hoisted(() => ({
  cookies: new Map<string, { value: string; options: Record<string, unknown> }>(),
}));

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/headers", async () => {
  const base = await import("@/test/next-headers-mock");
  return {
    headers: base.headers,
    cookies: async () => ({
      getAll: () => [...jar.cookies].map(([name, { value }]) => ({ name, value })),
      get: (name: string) => {
        const found = jar.cookies.get(name);
        return found ? { name, value: found.value } : undefined;
      },
      has: (name: string) => jar.cookies.has(name),
      set: (name: string, value: string, options: Record<string, unknown> = {}) => {
        jar.cookies.set(name, { value, options });
      },
      delete: (name: string) => jar.cookies.delete(name),
    }),
  };
});

const DOMAIN = "preview-grant.test";

let staff: SessionUser;
let support: SessionUser;
let customerLogin: SessionUser;
let customerId = "";
let otherCustomerId = "";

beforeAll(async () => {
  const customer = await createTestCustomer("Preview Traders", [DOMAIN]);
  const other = await createTestCustomer("Other Traders", ["other-preview.test"]);
  customerId = customer.id;
  otherCustomerId = other.id;
  staff = await createTestUser({ email: "staff@preview.test", role: "staff" });
  support = await createTestUser({ email: "support@preview.test", role: "support" });
  customerLogin = await createTestUser({
    email: "login@preview.test",
    role: "customer",
    customerId: customer.id,
  });
});

beforeEach(() => {
  jar.cookies.clear();
  signInAs(null);
});

const home = (id = customerId) => PortalPreviewPage({ params: Promise.resolve({ customerId: id }) });
const domainPage = (id = customerId, domain = DOMAIN) =>
  PortalPreviewDomainPage({ params: Promise.resolve({ customerId: id, domain }) });

function rendered(element: unknown): unknown {
  expect(isValidElement(element), "the page answers with an element").toBe(true);
  return (element as ReactElement).type;
}

describe("the staff preview of a customer's portal", () => {
  it("without a grant, offers the Start button and writes nothing", async () => {
    signInAs(staff);
    const before = await lastAuditId();
    expect(rendered(await home())).toBe(PreviewStart);
    expect(rendered(await domainPage())).toBe(PreviewStart);
    expect(await auditAfter(before)).toEqual([]);
    expect(jar.cookies.size).toBe(0);
  });

  it("starting writes one audit row and a grant for this customer's preview only, for 30 minutes", async () => {
    signInAs(staff);
    const before = await lastAuditId();
    const result = await startPortalPreviewAction({ customerId });
    expect(result).toMatchObject({ ok: true });

    const rows = await auditAfter(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "customer.preview",
      outcome: "ok",
      actorId: staff.id,
      targetCustomerId: customerId,
    });
    expect(rows[0]?.summary).toContain("Previewed the portal of Preview Traders");

    const grant = jar.cookies.get(PREVIEW_GRANT_COOKIE);
    expect(grant?.options).toMatchObject({
      httpOnly: true,
      sameSite: "lax",
      path: `/customers/${customerId}/preview`,
      maxAge: PREVIEW_GRANT_SECONDS,
    });
    expect(PREVIEW_GRANT_SECONDS).toBe(30 * 60);
  });

  it("with a grant, viewing the home and a domain twice each renders the portal and writes nothing", async () => {
    signInAs(staff);
    expect(await startPortalPreviewAction({ customerId })).toMatchObject({ ok: true });
    const before = await lastAuditId();
    for (let view = 0; view < 2; view += 1) {
      expect(rendered(await home())).toBe(PreviewFrame);
      expect(rendered(await domainPage())).toBe(PreviewFrame);
    }
    expect(await auditAfter(before)).toEqual([]);
  });

  it("a grant counts only for the staff member and the customer it was given for", async () => {
    signInAs(staff);
    expect(await startPortalPreviewAction({ customerId })).toMatchObject({ ok: true });
    // Another customer's preview (were the cookie sent there) is not opened by it.
    expect(rendered(await home(otherCustomerId))).toBe(PreviewStart);
    // Another staff member in the same browser starts their own.
    signInAs(support);
    expect(rendered(await home())).toBe(PreviewStart);
  });

  it("an expired or forged grant is no grant", async () => {
    signInAs(staff);
    const subject = { staffId: staff.id, customerId };
    const old = signPreviewGrant(subject, new Date(Date.now() - (PREVIEW_GRANT_SECONDS + 1) * 1000));
    jar.cookies.set(PREVIEW_GRANT_COOKIE, { value: old.token, options: {} });
    expect(rendered(await home())).toBe(PreviewStart);
    const forged = signPreviewGrant(subject, new Date(), "another-secret-another-secret-another-1");
    jar.cookies.set(PREVIEW_GRANT_COOKIE, { value: forged.token, options: {} });
    expect(rendered(await home())).toBe(PreviewStart);
  });

  it("support may start a preview: it changes nothing of the account", async () => {
    signInAs(support);
    const before = await lastAuditId();
    expect(await startPortalPreviewAction({ customerId })).toMatchObject({ ok: true });
    expect(await auditAfter(before)).toHaveLength(1);
    expect(rendered(await home())).toBe(PreviewFrame);
  });

  it("a customer's login is told the customer does not exist, and gets no grant", async () => {
    signInAs(customerLogin);
    const before = await lastAuditId();
    expect(await startPortalPreviewAction({ customerId })).toEqual({
      ok: false,
      message: "That customer was not found.",
    });
    expect(jar.cookies.size).toBe(0);
    const rows = await auditAfter(before);
    expect(rows.map((row) => [row.action, row.outcome, row.targetCustomerId])).toEqual([
      ["customer.preview", "failed", customerId],
    ]);
  });

  it("a bad or unknown customer is refused with a clear message, and nothing is written", async () => {
    signInAs(staff);
    const before = await lastAuditId();
    expect(await startPortalPreviewAction({ customerId: "not-a-customer" })).toMatchObject({
      ok: false,
      fieldErrors: { customerId: ["That customer was not found."] },
    });
    expect(await startPortalPreviewAction({ customerId: crypto.randomUUID() })).toMatchObject({
      ok: false,
      message: "That customer was not found.",
    });
    expect(jar.cookies.size).toBe(0);
    // The unknown id is a refusal of a signed-in caller: audited as such, and nothing else.
    const rows = await auditAfter(before);
    expect(rows.every((row) => row.outcome === "failed")).toBe(true);
  });
});
