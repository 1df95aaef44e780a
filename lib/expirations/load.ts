import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { listDomainOwners } from "@/lib/db/queries/customers";
import { getAccountPaks } from "@/lib/domains/account-overview";
import type { PopExpiration } from "@/lib/enom/types";
import { getPriceList } from "@/lib/pricing/settings";
import {
  summariseExpirations,
  toExpirationRows,
  type ExpirationRow,
  type ExpirationSummary,
  type PakExpiry,
} from "./model";

export interface ExpirationsData {
  rows: ExpirationRow[];
  summary: ExpirationSummary;
  todayIso: string;
  /** When eNom was read (ISO instant). */
  fetchedAt: string;
  /** eNom did not answer the latest read: this is the last good list. */
  stale: boolean;
}

/**
 * Every pak this user may see, placed in its renewal window and priced at the reseller's cost
 * list, with the account-wide figures. Reads the shared account copy (no eNom call of its own
 * while the copy is fresh). Customers' rows carry no owners and are never priced for them by a
 * page: the callers are staff pages and routes.
 */
export async function loadExpirations(
  user: SessionUser,
  options: { today?: Date } = {},
): Promise<ExpirationsData> {
  const todayIso = (options.today ?? new Date()).toISOString().slice(0, 10);
  const staff = user.role !== "customer";
  const [paks, owners, prices] = await Promise.all([
    getAccountPaks(user),
    staff ? listDomainOwners() : Promise.resolve(new Map()),
    getPriceList(),
  ]);
  const rows = toExpirationRows(paks.paks.map(toPakExpiry), { todayIso, prices: prices.cost, owners });
  return {
    rows,
    summary: summariseExpirations(rows, todayIso),
    todayIso,
    fetchedAt: paks.fetchedAt,
    stale: paks.stale,
  };
}

export function toPakExpiry(pak: PopExpiration): PakExpiry {
  return {
    domain: pak.domainName.toLowerCase(),
    bundleId: pak.bundleId,
    expires: pak.expires.iso,
    autoRenew: pak.autoRenew,
    qtyPurchased: pak.qtyPurchased,
    quotaMb: pak.quotaMb,
    capacityGb: pak.capacityGb,
    billingPeriod: pak.billingPeriod,
  };
}
