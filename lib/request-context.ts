import "server-only";
import { headers } from "next/headers";

export interface RequestContext {
  ip: string;
  userAgent: string;
}

/**
 * Where a request came from, for the audit log and the sign-in limits. Behind a load balancer the
 * first X-Forwarded-For entry is the client; the balancer must set (not append to) that header.
 */
export function requestContextFrom(headerValues: { get(name: string): string | null }): RequestContext {
  const forwarded = headerValues.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || headerValues.get("x-real-ip")?.trim() || "";
  return { ip: ip.slice(0, 64), userAgent: (headerValues.get("user-agent") ?? "").slice(0, 300) };
}

export async function getRequestContext(): Promise<RequestContext> {
  try {
    return requestContextFrom(await headers());
  } catch {
    // Outside a request (scripts, tests): nothing to record.
    return { ip: "", userAgent: "" };
  }
}
