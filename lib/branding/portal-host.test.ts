import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { proxy } from "@/proxy";
import { brandingSchema, DEFAULT_BRANDING } from "./branding";
import {
  effectivePortalHost,
  hostOfHeader,
  isPortalHost,
  portalHostRedirect,
  portalHostSchema,
} from "./portal-host";
import {
  currentPortalHost,
  forgetPortalHost,
  PORTAL_HOST_KEEP_MS,
  rememberPortalHost,
} from "./portal-host-cache";

const PORTAL = "mail.reseller.example";

afterEach(() => {
  forgetPortalHost();
  vi.unstubAllEnvs();
});

describe("portalHostRedirect: the portal's own address answers as the portal", () => {
  it.each([
    "/",
    "/domains",
    "/domains/example.com",
    "/customers",
    "/settings/branding",
    "/audit",
    "/portally",
  ])("sends %s on the portal's address to /portal", (path) => {
    expect(portalHostRedirect(PORTAL, path, PORTAL)).toBe("/portal");
  });

  it.each([
    "/portal",
    "/portal/domains/example.com",
    "/sign-in",
    "/reset-password",
    "/reset-password/abc",
    "/invite/abc",
    "/api/health",
    "/_next/data/x.json",
    "/favicon.svg",
  ])("serves %s on the portal's address as asked", (path) => {
    expect(portalHostRedirect(PORTAL, path, PORTAL)).toBeNull();
  });

  it("matches the Host header whatever its case, port or trailing dot", () => {
    expect(portalHostRedirect("Mail.Reseller.Example:443", "/domains", PORTAL)).toBe("/portal");
    expect(portalHostRedirect("mail.reseller.example.", "/", PORTAL)).toBe("/portal");
  });

  it("moves nothing on any other host, or when no portal address is set", () => {
    expect(portalHostRedirect("panel.reseller.example", "/domains", PORTAL)).toBeNull();
    expect(portalHostRedirect("evil.mail.reseller.example", "/domains", PORTAL)).toBeNull();
    expect(portalHostRedirect(PORTAL, "/domains", "")).toBeNull();
    expect(portalHostRedirect(PORTAL, "/domains", null)).toBeNull();
    expect(portalHostRedirect(null, "/domains", PORTAL)).toBeNull();
  });
});

describe("the Host header", () => {
  it("is reduced to its host name", () => {
    expect(hostOfHeader("Example.COM:3000")).toBe("example.com");
    expect(hostOfHeader("[::1]:3000")).toBe("[::1]");
    expect(hostOfHeader("")).toBeNull();
    expect(hostOfHeader(undefined)).toBeNull();
  });

  it("says whether the request came to the portal's address", () => {
    expect(isPortalHost("mail.reseller.example:8443", PORTAL)).toBe(true);
    expect(isPortalHost("127.0.0.1:3000", PORTAL)).toBe(false);
    expect(isPortalHost(PORTAL, "")).toBe(false);
  });
});

describe("the Portal address setting", () => {
  it("takes a host name, in lower case, or nothing", () => {
    expect(portalHostSchema.parse(" Mail.Reseller.Example. ")).toBe(PORTAL);
    expect(portalHostSchema.parse("")).toBe("");
    expect(portalHostSchema.parse("portal.xn--bcher-kva.example")).toBe("portal.xn--bcher-kva.example");
  });

  it.each([
    ["https://mail.reseller.example", /without https:\/\//],
    ["mail.reseller.example/portal", /without a path/],
    ["mail.reseller.example:8443", /without a port/],
    ["mail reseller.example", /spaces/],
    ["localhost", /with a dot/],
    ["192.168.1.10", /with a dot/],
    ["-mail.reseller.example", /letters, digits and hyphens/],
    ["mail_box.reseller.example", /letters, digits and hyphens/],
    [`${"a".repeat(64)}.example`, /letters, digits and hyphens/],
  ])("refuses %s with a clear message", (value, message) => {
    const parsed = portalHostSchema.safeParse(value);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(message);
  });

  it("is one of the brand's fields, optional for brands saved before it", () => {
    const { logo: _logo, portalHost: _portalHost, ...older } = DEFAULT_BRANDING;
    expect(brandingSchema.parse(older).portalHost).toBe("");
    expect(brandingSchema.parse({ ...older, portalHost: "MAIL.Reseller.example" }).portalHost).toBe(PORTAL);
    expect(brandingSchema.safeParse({ ...older, portalHost: "https://x.example/" }).success).toBe(false);
  });

  it("is ignored when it is the panel's own address (PUBLIC_URL)", () => {
    expect(effectivePortalHost(PORTAL, "https://mail.reseller.example")).toBeNull();
    expect(effectivePortalHost(PORTAL, "https://MAIL.reseller.example:443/")).toBeNull();
    expect(effectivePortalHost(PORTAL, "https://panel.reseller.example")).toBe(PORTAL);
    expect(effectivePortalHost(PORTAL, undefined)).toBe(PORTAL);
    expect(effectivePortalHost(PORTAL, "not a url")).toBe(PORTAL);
    expect(effectivePortalHost("", "https://panel.reseller.example")).toBeNull();
  });
});

describe("the proxy's copy of the setting", () => {
  it("reads once, then keeps the value for a while", async () => {
    const read = vi.fn(async () => PORTAL);
    expect(await currentPortalHost(read, 1_000)).toBe(PORTAL);
    expect(await currentPortalHost(read, 1_000 + PORTAL_HOST_KEEP_MS - 1)).toBe(PORTAL);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it("reads again once the value is old, and once for callers that arrive together", async () => {
    rememberPortalHost(PORTAL, 0);
    const read = vi.fn(async () => null);
    const later = PORTAL_HOST_KEEP_MS + 1;
    const [first, second] = await Promise.all([
      currentPortalHost(read, later),
      currentPortalHost(read, later),
    ]);
    expect([first, second]).toEqual([null, null]);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it("keeps the last known value while the database cannot be read", async () => {
    rememberPortalHost(PORTAL, 0);
    const read = vi.fn(async (): Promise<string | null> => {
      throw new Error("database down");
    });
    expect(await currentPortalHost(read, PORTAL_HOST_KEEP_MS + 1)).toBe(PORTAL);
  });
});

describe("the proxy on the portal's address", () => {
  const request = (path: string, host: string) =>
    new NextRequest(new URL(path, `http://${host}`), { headers: { host } });

  it("sends staff pages and / to the portal, before asking anyone to sign in", async () => {
    rememberPortalHost(PORTAL);
    for (const path of ["/", "/domains?page=2", "/settings/branding"]) {
      const response = await proxy(request(path, PORTAL));
      expect(response.status, path).toBe(307);
      expect(new URL(response.headers.get("location") ?? "").pathname, path).toBe("/portal");
      // The redirect still carries the page headers.
      expect(response.headers.get("x-request-id")).toBeTruthy();
    }
  });

  it("serves the sign-in page there, and leaves the panel's own address alone", async () => {
    rememberPortalHost(PORTAL);
    expect((await proxy(request("/sign-in", PORTAL))).status).toBe(200);
    const panel = await proxy(request("/domains", "panel.reseller.example"));
    expect(new URL(panel.headers.get("location") ?? "").pathname).toBe("/sign-in");
  });

  it("ignores a portal address that is the panel's own", async () => {
    vi.stubEnv("PUBLIC_URL", `http://${PORTAL}`);
    rememberPortalHost(PORTAL);
    const response = await proxy(request("/domains", PORTAL));
    expect(new URL(response.headers.get("location") ?? "").pathname).toBe("/sign-in");
  });
});
