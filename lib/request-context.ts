import "server-only";
import { headers } from "next/headers";
import { withLogScope, type LogScope } from "@/lib/logger";
import { REQUEST_ID_HEADER } from "@/lib/security/request-id";

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

/** The id proxy.ts gave this request (also on the response as x-request-id); null outside one. */
export async function getRequestId(): Promise<string | null> {
  try {
    return (await headers()).get(REQUEST_ID_HEADER);
  } catch {
    return null;
  }
}

/**
 * Runs `work` so that every log line it writes, however deep, carries this request's id. `work`
 * starts at once (an action acts for whoever called it, before anything else is awaited); the id
 * joins the scope as soon as the headers are read, before any I/O of `work` can finish.
 */
export function inRequestScope<T>(work: () => Promise<T>): Promise<T> {
  const scope: LogScope = {};
  const known = getRequestId().then((requestId) => {
    if (requestId) scope.requestId = requestId;
  });
  return withLogScope(scope, async () => {
    const [result] = await Promise.all([work(), known]);
    return result;
  });
}
