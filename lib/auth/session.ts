import "server-only";
import { getServerSession } from "next-auth";
import { connection } from "next/server";
import { cache } from "react";
import { findUserWithCustomer } from "@/lib/db/queries/users";
import type { Role } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { isDemoEmail } from "./demo";
import { authOptions, SESSION_ABSOLUTE_SECONDS } from "./options";
import type { CustomerAllowances } from "./permissions";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  customerId: string | null;
  customerName: string | null;
  customer: CustomerAllowances | null;
  totpEnabled: boolean;
}

/**
 * Who is signed in, checked against the database on every request: a JWT cannot be revoked by
 * itself, so a disabled user, a changed role or a bumped session version ends the session at once.
 * React's `cache` keeps it to one query per request.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  // Per request, never at build time: a page that asks who is signed in is dynamic.
  await connection();
  const session = await getServerSession(authOptions());
  const claims = session?.user;
  if (!claims?.id) return null;
  if (Date.now() / 1000 - claims.authTime > SESSION_ABSOLUTE_SECONDS) return null;

  const row = await findUserWithCustomer(claims.id);
  if (!row) return null;
  const { user, customer } = row;
  if (user.disabled || user.sessionVersion !== claims.sessionVersion) return null;
  if (isDemoEmail(user.email) && getEnv().MAILPAK_DEMO !== "1") return null;
  if (user.role === "customer" && !customer) return null;

  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    customerId: user.customerId,
    customerName: customer?.name ?? null,
    customer: customer
      ? {
          canManageMailboxes: customer.canManageMailboxes,
          canToggleAutoRenew: customer.canToggleAutoRenew,
          canPurchase: customer.canPurchase,
          canRenew: customer.canRenew,
        }
      : null,
    totpEnabled: user.totpEnabled,
  };
});
