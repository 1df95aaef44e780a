import "server-only";
import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/auth/errors";
import { requireDomainAccess, requirePageUser } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/session";

/**
 * For portal pages: a signed-in customer, or the same 404 as a page that does not exist (a layout
 * does not re-run on client navigation, so every page checks again).
 */
export async function requirePortalUser(): Promise<SessionUser> {
  const user = await requirePageUser();
  if (user.role !== "customer" || !user.customerId) notFound();
  return user;
}

/** The domain's normalised name when it is this customer's; anyone else's is a real 404. */
export async function requirePortalDomain(user: SessionUser, requested: string): Promise<string> {
  return requireDomainAccess(user, requested).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
}
