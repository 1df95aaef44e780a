import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createSignInLimiters, IP_MAX_FAILURES, type SignInLimiters } from "@/lib/auth/rate-limit";
import { authenticate } from "@/lib/auth/sign-in";
import { requestContextFrom } from "@/lib/request-context";
import { auditAfter, lastAuditId } from "@/test/audit";
import { installClientAddressHeader } from "./client-address-header";

// next/headers answers with the request the test server is handling (one at a time).
const current = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", async () => {
  const { cookies } = await import("@/test/next-headers-mock");
  return { headers: async () => current.headers, cookies };
});

let server: Server;
let origin = "";
let limiters: SignInLimiters;

beforeAll(async () => {
  installClientAddressHeader(undefined);
  // A sign-in endpoint as the panel's server runs one: headers in, the result's kind out.
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", async () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers))
        if (typeof value === "string") headers.set(name, value);
      current.headers = headers;
      const result = await authenticate(JSON.parse(body), requestContextFrom(headers), limiters);
      response.end(result.kind);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  installClientAddressHeader(undefined);
  await new Promise((resolve) => server.close(resolve));
});

async function signIn(attempt: number, headers: Record<string, string>): Promise<string> {
  const response = await fetch(origin, {
    method: "POST",
    headers,
    body: JSON.stringify({ email: `nobody${attempt}-${Date.now()}@example.com`, password: "wrong-password" }),
  });
  return response.text();
}

describe("X-Forwarded-For from the client", () => {
  it("neither escapes the per-address limit nor reaches the audit log without a trusted proxy", async () => {
    limiters = createSignInLimiters();
    const audit = await lastAuditId();
    // Every attempt claims a new address; the socket's is the same each time.
    for (let attempt = 0; attempt < IP_MAX_FAILURES; attempt++)
      expect(
        await signIn(attempt, { "x-forwarded-for": `203.0.113.${attempt}`, "x-real-ip": "203.0.113.250" }),
      ).toBe("invalid");
    expect(await signIn(IP_MAX_FAILURES, { "x-forwarded-for": "203.0.113.99" })).toBe("rate-limited");
    // A client cannot write the resolved address itself either.
    expect(await signIn(IP_MAX_FAILURES + 1, { "x-mailpak-client-address": "203.0.113.98" })).toBe(
      "rate-limited",
    );

    const rows = await auditAfter(audit);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.ip).toBe("127.0.0.1");
      expect(row.summary).not.toContain("203.0.113.");
    }
  });

  it("is believed from a trusted proxy: each forwarded client has its own limit and audit address", async () => {
    installClientAddressHeader("127.0.0.1, ::1");
    limiters = createSignInLimiters();
    const audit = await lastAuditId();
    for (let attempt = 0; attempt < IP_MAX_FAILURES; attempt++)
      expect(await signIn(attempt, { "x-forwarded-for": "6.6.6.6, 203.0.113.50" })).toBe("invalid");
    expect(await signIn(IP_MAX_FAILURES, { "x-forwarded-for": "203.0.113.50" })).toBe("rate-limited");
    expect(await signIn(IP_MAX_FAILURES + 1, { "x-forwarded-for": "203.0.113.51" })).toBe("invalid");

    const addresses = new Set((await auditAfter(audit)).map((row) => row.ip));
    expect(addresses).toEqual(new Set(["203.0.113.50", "203.0.113.51"]));
  });
});
