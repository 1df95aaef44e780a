import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as getLogo } from "@/app/api/branding/logo/route";
import type { SessionUser } from "@/lib/auth/session";
import { DEFAULT_BRANDING } from "@/lib/branding/branding";
import { getBranding, removeLogo } from "@/lib/branding/settings";
import { auditAfter, lastAuditId } from "@/test/audit";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs } from "@/test/session-mock";
import { removeLogoAction, saveBrandingAction, uploadLogoAction } from "./branding";

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
// getBranding is cached per request in the app; each test call here is its own "request".
vi.mock("react", async (original) => ({
  ...(await original<typeof import("react")>()),
  cache: <T>(fn: T) => fn,
}));

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]);

const fields = {
  productName: "Acme Mail",
  accentColor: "#e11d48",
  supportEmail: "help@acme.example",
  supportUrl: "https://help.acme.example",
  footerText: "Acme Hosting Ltd · 1 High Street",
};

function logoForm(bytes: Uint8Array<ArrayBuffer>, name = "logo.png", type = "image/png"): FormData {
  const form = new FormData();
  form.set("logo", new File([bytes], name, { type }));
  return form;
}

let admin: SessionUser;
let staff: SessionUser;
let customer: SessionUser;

beforeAll(async () => {
  admin = await createTestUser({ email: "brand-admin@panel.test", role: "admin" });
  staff = await createTestUser({ email: "brand-staff@panel.test", role: "staff" });
  const company = await createTestCustomer("Brand Customer");
  customer = await createTestUser({
    email: "brand-customer@customer.test",
    role: "customer",
    customerId: company.id,
  });
});

beforeEach(async () => {
  signInAs(admin);
  await removeLogo();
});

describe("branding settings", () => {
  it("starts from the defaults: a neutral product name", async () => {
    const branding = await getBranding();
    expect(branding.productName).toBe(DEFAULT_BRANDING.productName);
    expect(branding.logo).toBeNull();
  });

  it("saves an admin's fields and audits what changed", async () => {
    const since = await lastAuditId();
    const result = await saveBrandingAction(fields);
    expect(result).toMatchObject({ ok: true, message: "Branding saved." });
    expect(await getBranding()).toMatchObject(fields);
    const [entry] = await auditAfter(since);
    expect(entry).toMatchObject({ action: "settings.branding", outcome: "ok", actorEmail: admin.email });
    expect(entry?.summary).toContain("product name");
    expect(entry?.details).toMatchObject({ after: { productName: "Acme Mail" } });

    const again = await saveBrandingAction(fields);
    expect(again).toMatchObject({ ok: true, message: "Nothing to save: no changes." });
    expect(await auditAfter(since)).toHaveLength(1);
  });

  it("refuses bad fields with a message per field and changes nothing", async () => {
    await saveBrandingAction(fields);
    const result = await saveBrandingAction({
      ...fields,
      productName: " ",
      accentColor: "red",
      supportEmail: "not-an-email",
      supportUrl: "javascript:alert(1)",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual([
      "accentColor",
      "productName",
      "supportEmail",
      "supportUrl",
    ]);
    expect(result.fieldErrors?.supportUrl?.[0]).toMatch(/https:\/\//);
    expect((await getBranding()).productName).toBe("Acme Mail");
  });

  it("lets only admins change the branding; a customer is told the page does not exist", async () => {
    signInAs(staff);
    expect(await saveBrandingAction({ ...fields, productName: "Staff Mail" })).toMatchObject({
      ok: false,
      message: "Only an admin can change the branding.",
    });
    expect(await uploadLogoAction(logoForm(PNG))).toMatchObject({ ok: false });
    signInAs(customer);
    expect(await saveBrandingAction({ ...fields, productName: "Customer Mail" })).toMatchObject({
      ok: false,
      message: "That page was not found.",
    });
    signInAs(admin);
    expect((await getBranding()).productName).not.toMatch(/Staff Mail|Customer Mail/);
    expect((await getBranding()).logo).toBeNull();
  });
});

describe("the logo", () => {
  it("stores a PNG by its bytes, serves it with a versioned, immutable URL, and removes it", async () => {
    const since = await lastAuditId();
    // The browser's claimed type and name do not matter; the bytes do.
    const uploaded = await uploadLogoAction(logoForm(PNG, "logo.bin", "application/octet-stream"));
    expect(uploaded.ok).toBe(true);
    if (!uploaded.ok) return;
    expect(uploaded.data.logo?.contentType).toBe("image/png");
    expect(uploaded.data.url).toMatch(/^\/api\/branding\/logo\?v=[0-9a-f]{16}$/);
    expect((await auditAfter(since))[0]).toMatchObject({ action: "settings.branding", outcome: "ok" });

    const response = await getLogo(new Request(`http://panel.test${uploaded.data.url}`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toContain("immutable");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG);
    const etag = response.headers.get("etag") ?? "";

    const unversioned = await getLogo(new Request("http://panel.test/api/branding/logo"));
    expect(unversioned.headers.get("cache-control")).toBe("public, no-cache");
    const revalidated = await getLogo(
      new Request("http://panel.test/api/branding/logo", { headers: { "If-None-Match": etag } }),
    );
    expect(revalidated.status).toBe(304);

    expect(await removeLogoAction()).toMatchObject({ ok: true, message: "Logo removed." });
    expect((await getBranding()).logo).toBeNull();
    expect((await getLogo(new Request("http://panel.test/api/branding/logo"))).status).toBe(404);
  });

  it("refuses SVG and files over 256 KB with clear messages, keeping the current logo", async () => {
    await uploadLogoAction(logoForm(PNG));
    const before = (await getBranding()).logo;

    const svg = new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    const refusedSvg = await uploadLogoAction(logoForm(svg, "logo.png", "image/png"));
    expect(refusedSvg).toMatchObject({ ok: false });
    expect(!refusedSvg.ok && refusedSvg.message).toMatch(/PNG, JPEG or WebP/);

    const big = new Uint8Array(300 * 1024);
    big.set(PNG);
    const refusedBig = await uploadLogoAction(logoForm(big));
    expect(!refusedBig.ok && refusedBig.message).toMatch(/300 KB.*at most 256 KB/);

    const missing = await uploadLogoAction(new FormData());
    expect(missing).toMatchObject({ ok: false });
    expect((await getBranding()).logo).toEqual(before);
  });
});
