import "server-only";
import { cookies } from "next/headers";
import { connection } from "next/server";
import { cache } from "react";
import type { ApiScope, Role } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { currentApiUser } from "./api-caller";
import { decodeSessionToken } from "./jwt";
import { sessionCookieName } from "./options";
import type { CustomerAllowances, Permission } from "./permissions";
import { activeSessionRow, sessionClaims } from "./session-claims";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  customerId: string | null;
  customerName: string | null;
  customer: CustomerAllowances | null;
  totpEnabled: boolean;
  /** Set when the caller is an API key (lib/api): who acts is its holder, within its scopes. */
  apiKey?: {
    id: string;
    name: string;
    scopes: readonly ApiScope[];
    permissions: readonly Permission[];
  } | null;
}

/**
 * The session cookie's value; next-auth splits a large token over `<name>.0`, `<name>.1`, ….
 * Exported for tests.
 */
export function sessionTokenFrom(all: { name: string; value: string }[], name: string): string | undefined {
  const whole = all.find((cookie) => cookie.name === name);
  if (whole) return whole.value;
  const chunks = all
    .filter(
      (cookie) => cookie.name.startsWith(`${name}.`) && /^\d+$/.test(cookie.name.slice(name.length + 1)),
    )
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length ? chunks.map((cookie) => cookie.value).join("") : undefined;
}

/**
 * The signed-in user's claims, straight from the session cookie. This is what next-auth's
 * getServerSession returns in a server component or route, without its per-request work that a
 * server component throws away (re-encrypting a fresh cookie it cannot set).
 */
async function sessionFromCookie() {
  const env = getEnv();
  const token = sessionTokenFrom((await cookies()).getAll(), sessionCookieName(env.PUBLIC_URL));
  if (!token) return null;
  try {
    const decoded = await decodeSessionToken({ token, secret: env.AUTH_SECRET });
    return decoded ? sessionClaims(decoded) : null;
  } catch {
    return null; // malformed, forged or expired
  }
}

/**
 * Who is signed in, checked against the database: a JWT cannot be revoked by itself, so signing
 * out, a disabled user, a changed role or a bumped session version ends the session (see
 * session-claims.ts, and session-user-cache.ts for how fresh that row is). React's `cache` keeps
 * it to one check per request.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  // A call of the public API acts as its key's holder (lib/api/caller.ts); no cookie is read.
  const apiCaller = currentApiUser();
  if (apiCaller) return apiCaller;
  // Per request, never at build time: a page that asks who is signed in is dynamic.
  await connection();
  const claims = await sessionFromCookie();
  if (!claims) return null;
  const row = await activeSessionRow(claims);
  if (!row) return null;
  const { user, customer } = row;

  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    customerId: user.customerId,
    customerName: customer?.name ?? null,
    customer: customer
      ? {
          canCreateMailboxes: customer.canCreateMailboxes,
          canManageMailboxes: customer.canManageMailboxes,
          canToggleAutoRenew: customer.canToggleAutoRenew,
          canPurchase: customer.canPurchase,
          canRenew: customer.canRenew,
        }
      : null,
    totpEnabled: user.totpEnabled,
  };
});
