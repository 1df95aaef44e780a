import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { getAccountOverview } from "@/lib/domains/account-overview";
import { DEFAULT_DOMAIN_LIST_QUERY, type DomainListRow } from "@/lib/domains/domain-list";
import { attentionItems, type AttentionItem } from "./attention";

/**
 * The customer's home page: its own domains with their mailboxes and expiries, from the account's
 * shared snapshot (two account-wide reads, cached for a minute), never one read per domain. A
 * customer's rows carry no owner and nothing about other customers.
 */
export interface PortalHome {
  domains: PortalDomain[];
  attention: AttentionItem[];
  fetchedAt: string;
  stale: boolean;
}

export type PortalDomain = Omit<DomainListRow, "customer">;

const PAGE = 200;

export async function getPortalHome(user: SessionUser, today = new Date()): Promise<PortalHome> {
  const rows: DomainListRow[] = [];
  let fetchedAt = today.toISOString();
  let stale = false;
  for (let page = 1; ; page++) {
    const result = await getAccountOverview(
      user,
      { ...DEFAULT_DOMAIN_LIST_QUERY, page, pageSize: PAGE },
      { today },
    );
    rows.push(...result.rows);
    fetchedAt = result.fetchedAt;
    stale ||= result.stale;
    if (page >= result.pageCount) break;
  }
  return {
    domains: rows.map(({ customer: _owner, ...domain }) => domain),
    attention: attentionItems(rows, today),
    fetchedAt,
    stale,
  };
}
