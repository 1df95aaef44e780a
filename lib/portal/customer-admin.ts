import "server-only";
import { and, eq } from "drizzle-orm";
import { cache } from "react";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";

/**
 * Whether this customer login is its customer's administrator (may manage colleagues under
 * Team). Read here because the session does not carry it; one query per request.
 */
export const isCustomerAdmin = cache(async (user: SessionUser): Promise<boolean> => {
  if (user.role !== "customer" || !user.customerId) return false;
  const db = await getDb();
  const [row] = await db
    .select({ customerAdmin: users.customerAdmin })
    .from(users)
    .where(and(eq(users.id, user.id), eq(users.customerId, user.customerId)));
  return row?.customerAdmin ?? false;
});
