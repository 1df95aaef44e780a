import "server-only";
import { getEnv } from "@/lib/env";

/**
 * The panel's address for links in emails: PUBLIC_URL, which production requires (lib/env.ts).
 * Never the request's Host or X-Forwarded-Host: whoever sends a request chooses those, and a reset
 * link emailed to an admin must not point wherever an anonymous request said. In development and
 * tests without PUBLIC_URL, localhost on PORT.
 */
export async function publicOrigin(): Promise<string> {
  const env = getEnv();
  if (env.PUBLIC_URL) return env.PUBLIC_URL.replace(/\/+$/, "");
  return `http://localhost:${env.PORT}`;
}

export async function absoluteUrl(pathname: string): Promise<string> {
  return `${await publicOrigin()}${pathname}`;
}
