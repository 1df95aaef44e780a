import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { config, proxy } from "@/proxy";

const request = (path: string, headers: Record<string, string> = {}) =>
  new NextRequest(new URL(path, "http://panel.test"), { headers });

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the proxy's headers", () => {
  it("gives a page a fresh CSP nonce, on the response and forwarded to the render", async () => {
    const first = await proxy(request("/sign-in"));
    const second = await proxy(request("/sign-in"));
    const policy = first.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    // Next.js reads the nonce from the forwarded request's CSP; the app reads x-nonce.
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(second.headers.get("content-security-policy")).not.toBe(policy);
  });

  it("sends a signed-out visitor to sign in, with the same headers", async () => {
    const response = await proxy(request("/domains?page=2"));
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe(
      "http://panel.test/sign-in?callbackUrl=%2Fdomains%3Fpage%3D2",
    );
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("gives API routes a request id but no page policy, and never redirects them", async () => {
    const response = await proxy(
      request("/api/domains/example.com/email", { "x-request-id": "lb-0001-abcd" }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("lb-0001-abcd");
    expect(response.headers.get("x-middleware-request-x-request-id")).toBe("lb-0001-abcd");
    expect(response.headers.get("content-security-policy")).toBeNull();
  });

  it("sends HSTS only when the panel's public URL is https", async () => {
    expect((await proxy(request("/api/health"))).headers.get("strict-transport-security")).toBeNull();
    vi.stubEnv("PUBLIC_URL", "https://mail.example.com");
    const secure = await proxy(request("/api/health"));
    expect(secure.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    const page = await proxy(request("/sign-in"));
    expect(page.headers.get("strict-transport-security")).toContain("max-age=");
    expect(page.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });
});

describe("which requests the proxy sees", () => {
  it.each([
    "/",
    "/domains/example.com",
    "/domains/logo.png",
    "/portal/x.jpg",
    "/no-such-page.svg",
    "/a.webp",
    "/b.ico",
  ])("%s gets its headers (a page's path may end like an image)", (url) => {
    expect(unstable_doesMiddlewareMatch({ config, url })).toBe(true);
  });

  it.each([
    "/_next/static/chunks/app.js",
    "/_next/static/media/font.woff2",
    "/_next/image?url=x",
    "/favicon.svg",
  ])("%s is a static file it leaves alone", (url) => {
    expect(unstable_doesMiddlewareMatch({ config, url })).toBe(false);
  });
});
