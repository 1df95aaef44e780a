import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { listCustomerDomains } from "@/lib/customers/queries";
import { getAccountOverview } from "@/lib/domains/account-overview";
import { DEFAULT_DOMAIN_LIST_QUERY, type DomainListRow } from "@/lib/domains/domain-list";
import type { MirrorStatus } from "@/lib/mirror/status";
import { attentionItems, type AttentionItem } from "./attention";

/**
 * The customer's home page: its own domains with their mailboxes and expiries, from the account
 * mirror (no eNom call). A customer's rows carry no owner and nothing about other customers.
 */
export interface PortalHome {
  domains: PortalDomain[];
  attention: AttentionItem[];
  fetchedAt: string;
  stale: boolean;
  /** Where the account mirror stands; before its first full sync the list is partial. */
  mirror: MirrorStatus;
}

export type PortalDomain = Omit<DomainListRow, "customer">;

const PAGE = 200;

export async function getPortalHome(user: SessionUser, today = new Date()): Promise<PortalHome> {
  const rows: DomainListRow[] = [];
  let fetchedAt = today.toISOString();
  let stale = false;
  let mirror: MirrorStatus = { state: "syncing", read: null, total: null };
  for (let page = 1; ; page++) {
    const result = await getAccountOverview(
      user,
      { ...DEFAULT_DOMAIN_LIST_QUERY, page, pageSize: PAGE },
      { today },
    );
    rows.push(...result.rows);
    fetchedAt = result.fetchedAt;
    stale ||= result.stale;
    mirror = result.mirror;
    if (page >= result.pageCount) break;
  }
  return {
    domains: rows.map(({ customer: _owner, ...domain }) => domain),
    attention: attentionItems(rows, today),
    fetchedAt,
    stale,
    mirror,
  };
}

/** Whether this customer has any domain assigned (the home page's empty state); no eNom call. */
export async function customerHasDomains(user: SessionUser): Promise<boolean> {
  if (!user.customerId) return false;
  return (await listCustomerDomains(user.customerId)).length > 0;
}
