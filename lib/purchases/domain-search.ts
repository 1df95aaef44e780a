import "server-only";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/session";
import { getAccountOverview } from "@/lib/domains/account-overview";
import { DEFAULT_DOMAIN_LIST_QUERY, SEARCH_MAX } from "@/lib/domains/domain-list";
import type { PurchaseDomainSearch } from "./types";

/**
 * The purchase wizard's domain search: the domains this user may buy email for, matching what was
 * typed. Staff search every domain of the account; a customer only its own (the account overview
 * scopes the list). Only domains that can take email are offered. Reads the account mirror, so
 * typing never calls the provider.
 */

const PURCHASE_DOMAIN_RESULTS = 20;

export const purchaseDomainSearchSchema = z.object({
  q: z.string().trim().max(SEARCH_MAX, "That search is too long."),
});

export async function searchPurchaseDomains(user: SessionUser, q: string): Promise<PurchaseDomainSearch> {
  requirePermission(user, "paks.purchase");
  const query = q.toLowerCase();
  // One in-memory pass over the shared copy: every match, then only the email-capable ones.
  const page = await getAccountOverview(user, {
    ...DEFAULT_DOMAIN_LIST_QUERY,
    q: query,
    pageSize: Number.MAX_SAFE_INTEGER,
  });
  const capable = page.rows.filter((row) => row.emailAvailable);
  // A name typed in full comes first, then the rest by name.
  const exact = capable.findIndex((row) => row.domain === query);
  if (exact > 0) capable.unshift(...capable.splice(exact, 1));
  return {
    options: capable.slice(0, PURCHASE_DOMAIN_RESULTS).map((row) => ({
      domain: row.domain,
      paks: row.paks,
      customerName: user.role === "customer" ? null : (row.customer?.name ?? null),
    })),
    total: capable.length,
  };
}
