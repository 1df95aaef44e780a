import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, isHttpsUrl } from "./csp";
import { acceptedRequestId } from "./request-id";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe("the content security policy", () => {
  it("lets scripts run only with this request's nonce", () => {
    const nonce = createNonce();
    const policy = directives(contentSecurityPolicy({ nonce, https: false }));
    expect(policy.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    expect(policy.get("script-src")).not.toContain("'unsafe-eval'");
  });

  it("forbids framing, plugins, foreign forms, foreign connections and base tags", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc", https: false }));
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
  });

  it("upgrades insecure requests only when served over https", () => {
    expect(contentSecurityPolicy({ nonce: "a", https: true })).toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ nonce: "a", https: false })).not.toContain("upgrade-insecure-requests");
  });

  it("allows eval only under next dev", () => {
    expect(contentSecurityPolicy({ nonce: "a", https: false, development: true })).toContain("'unsafe-eval'");
  });

  it("makes a fresh, unguessable nonce every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it("knows an https public URL", () => {
    expect(isHttpsUrl("https://mail.example.com")).toBe(true);
    expect(isHttpsUrl("http://127.0.0.1:3000")).toBe(false);
    expect(isHttpsUrl(undefined)).toBe(false);
  });
});

describe("request ids", () => {
  it("keeps a sane id from the load balancer", () => {
    expect(acceptedRequestId("3f2a9c1e-aa00-4b7e-9d3c-0c1f2e3d4a5b")).toBe(
      "3f2a9c1e-aa00-4b7e-9d3c-0c1f2e3d4a5b",
    );
    expect(acceptedRequestId("Root=1-67891233-abcdef012345678912345678")).not.toContain("=");
    expect(acceptedRequestId("req_01HZX3J8K2.edge:7")).toBe("req_01HZX3J8K2.edge:7");
  });

  it("replaces a missing, short, long or injected id with a new UUID", () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    for (const bad of [
      null,
      undefined,
      "",
      "short",
      "x".repeat(129),
      "abc\r\nSet-Cookie: a=b",
      "<script>1234</script>",
    ])
      expect(acceptedRequestId(bad)).toMatch(uuid);
  });
});

describe("the headers on every response (next.config.js)", () => {
  const require = createRequire(import.meta.url);
  const config = require("../../next.config.js") as {
    headers: () => Promise<{ source: string; headers: { key: string; value: string }[] }[]>;
  };

  it("apply to every path and forbid sniffing, framing, referrer leaks and device access", async () => {
    const rules = await config.headers();
    const everything = rules.find((rule) => rule.source === "/:path*");
    const headers = new Map(everything?.headers.map(({ key, value }) => [key.toLowerCase(), value]));
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("x-frame-options")).toBe("DENY");
    expect(headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    for (const feature of ["camera=()", "microphone=()", "geolocation=()", "payment=()"])
      expect(headers.get("permissions-policy")).toContain(feature);
    // HSTS depends on PUBLIC_URL at run time, so the proxy sends it, never the build.
    expect(headers.has("strict-transport-security")).toBe(false);
  });
});
