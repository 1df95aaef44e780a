"use server";

import { z } from "zod";
import { requirePermission } from "@/lib/auth/guards";
import { getAccountOverview } from "@/lib/domains/account-overview";
import { DEFAULT_DOMAIN_LIST_QUERY, SEARCH_MAX } from "@/lib/domains/domain-list";
import { readFailure } from "@/lib/domains/read-errors";
import type { ActionResult } from "./result";
import { runAction } from "./safe-action";

/**
 * The purchase wizard's domain search: the domains this user may buy email for, matching what was
 * typed. Staff search every domain of the account; a customer only its own (the account overview
 * scopes the list). Only domains that can take email are offered. Reads the shared account copy,
 * so typing does not call the provider once per keystroke.
 */

const PURCHASE_DOMAIN_RESULTS = 20;

export interface PurchaseDomainOption {
  domain: string;
  /** Paks the domain has now (a second pak is allowed). */
  paks: number;
  /** The owning customer's name; always null for customers. */
  customerName: string | null;
}

export interface PurchaseDomainSearch {
  options: PurchaseDomainOption[];
  /** Email-capable domains matching the query, of which `options` are the first few. */
  total: number;
}

const searchSchema = z.object({ q: z.string().trim().max(SEARCH_MAX, "That search is too long.") });

export async function searchPurchaseDomainsAction(
  input: unknown,
): Promise<ActionResult<PurchaseDomainSearch>> {
  return runAction(
    { name: "purchase.searchDomains", schema: searchSchema },
    input,
    async ({ q }, user): Promise<ActionResult<PurchaseDomainSearch>> => {
      requirePermission(user, "paks.purchase");
      let page: Awaited<ReturnType<typeof getAccountOverview>>;
      try {
        // One in-memory pass over the shared copy: every match, then only the email-capable ones.
        page = await getAccountOverview(
          user,
          { ...DEFAULT_DOMAIN_LIST_QUERY, q: q.toLowerCase(), pageSize: Number.MAX_SAFE_INTEGER },
          // Names and pak counts only: no GetPOP3 for every match.
          { details: false },
        );
      } catch (error) {
        return { ok: false, message: readFailure(error, "your domains").message };
      }
      const capable = page.rows.filter((row) => row.emailAvailable);
      // A name typed in full comes first, then the rest by name.
      const exact = capable.findIndex((row) => row.domain === q.toLowerCase());
      if (exact > 0) capable.unshift(...capable.splice(exact, 1));
      return {
        ok: true,
        data: {
          options: capable.slice(0, PURCHASE_DOMAIN_RESULTS).map((row) => ({
            domain: row.domain,
            paks: row.paks,
            customerName: user.role === "customer" ? null : (row.customer?.name ?? null),
          })),
          total: capable.length,
        },
      };
    },
  );
}
