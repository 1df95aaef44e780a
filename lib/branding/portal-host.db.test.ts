import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { RuleError } from "@/lib/auth/errors";
import { getDb } from "@/lib/db";
import { appSettings } from "@/lib/db/schema";
import { DEFAULT_BRANDING, type BrandingFields } from "./branding";
import { currentPortalHost, forgetPortalHost } from "./portal-host-cache";
import { readPortalHost } from "./portal-host-store";
import { getBranding, isBrandingSet, saveBranding } from "./settings";

/**
 * The portal address is saved with the brand's fields (app_settings "branding"); the proxy reads
 * just that value; the panel's own address is refused; and the signed-out pages know whether a
 * brand was saved at all.
 */

// getEnv reads the environment once: the panel's own address for this file, before anything asks.
vi.hoisted(() => {
  process.env.PUBLIC_URL = "https://panel.reseller.example";
});
vi.mock("react", async (original) => ({
  ...(await original<typeof import("react")>()),
  cache: <T>(fn: T) => fn,
}));

const { logo: _logo, ...defaults } = DEFAULT_BRANDING;
const brand: BrandingFields = { ...defaults, productName: "Harbour Mail", accentColor: "#0f766e" };

describe("the portal address setting", () => {
  it("starts unset: no brand saved, no portal address", async () => {
    expect(await isBrandingSet()).toBe(false);
    expect(await readPortalHost()).toBeNull();
    expect((await getBranding()).portalHost).toBe("");
  });

  it("is saved with the brand, read alone for the proxy, and known to this instance at once", async () => {
    forgetPortalHost();
    await saveBranding({ ...brand, portalHost: "Mail.Harbour.Example" });
    expect(await isBrandingSet()).toBe(true);
    expect((await getBranding()).portalHost).toBe("mail.harbour.example");
    expect(await readPortalHost()).toBe("mail.harbour.example");
    const neverRead = vi.fn(async () => null);
    expect(await currentPortalHost(neverRead)).toBe("mail.harbour.example");
    expect(neverRead).not.toHaveBeenCalled();
  });

  it("is removed by saving it empty", async () => {
    await saveBranding({ ...brand, portalHost: "" });
    expect(await readPortalHost()).toBeNull();
    expect(await currentPortalHost(vi.fn(async () => "stale.example"))).toBeNull();
  });

  it("refuses the panel's own address and keeps what was saved", async () => {
    await saveBranding({ ...brand, portalHost: "mail.harbour.example" });
    await expect(saveBranding({ ...brand, portalHost: "PANEL.reseller.example" })).rejects.toThrow(RuleError);
    await expect(saveBranding({ ...brand, portalHost: "panel.reseller.example" })).rejects.toThrow(
      "panel.reseller.example is the panel's own address (PUBLIC_URL).",
    );
    expect(await readPortalHost()).toBe("mail.harbour.example");
  });

  it("reads a stored value that is no host name as none", async () => {
    const db = await getDb();
    await db
      .update(appSettings)
      .set({ value: { ...brand, portalHost: "https://bad.example/path" } })
      .where(eq(appSettings.key, "branding"));
    expect(await readPortalHost()).toBeNull();
    expect((await getBranding()).portalHost).toBe("");
    expect((await getBranding()).productName).toBe("Harbour Mail");
  });
});
