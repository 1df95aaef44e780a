import "server-only";
import { headers } from "next/headers";
import { withLogScope, type LogScope } from "@/lib/logger";
import { CLIENT_ADDRESS_HEADER, clientAddressHeaderInstalled } from "@/lib/security/client-address-header";
import { withReaderScope } from "@/lib/white-label";
import { REQUEST_ID_HEADER } from "@/lib/security/request-id";

export interface RequestContext {
  ip: string;
  userAgent: string;
}

/**
 * Where a request came from, for the audit log and the per-address limits: the address the
 * panel's server worked out from the socket (X-Forwarded-For counts only from TRUSTED_PROXIES; see
 * lib/security/client-address-header.ts), never a forwarding header as the client sent it.
 */
export function requestContextFrom(headerValues: { get(name: string): string | null }): RequestContext {
  const ip = clientAddressHeaderInstalled() ? (headerValues.get(CLIENT_ADDRESS_HEADER)?.trim() ?? "") : "";
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
  // Also the scope in which messages learn whether a customer reads them (lib/white-label.ts).
  return withLogScope(scope, () =>
    withReaderScope(async () => {
      const [result] = await Promise.all([work(), known]);
      return result;
    }),
  );
}
