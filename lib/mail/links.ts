import "server-only";
import { headers } from "next/headers";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";

let warned = false;

/**
 * The panel's address for links in emails. PUBLIC_URL when set (always set it in production: a
 * link built from a request's Host header could point wherever that request said). Without it,
 * the request's own host (the demo and tests); outside a request, localhost on PORT.
 */
export async function publicOrigin(): Promise<string> {
  const env = getEnv();
  if (env.PUBLIC_URL) return env.PUBLIC_URL.replace(/\/+$/, "");
  if (env.NODE_ENV === "production" && !warned) {
    warned = true;
    logger.warn("PUBLIC_URL is not set: links in emails use the address each request was sent to");
  }
  try {
    const requestHeaders = await headers();
    const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host");
    if (host && /^[a-z0-9.:[\]-]+$/i.test(host)) {
      const proto = requestHeaders.get("x-forwarded-proto") === "https" ? "https" : "http";
      return `${proto}://${host}`;
    }
  } catch {
    // Outside a request (the reminder schedule, scripts).
  }
  return `http://localhost:${env.PORT}`;
}

export async function absoluteUrl(pathname: string): Promise<string> {
  return `${await publicOrigin()}${pathname}`;
}
