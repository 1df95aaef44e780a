import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { listDomainOwners } from "@/lib/customers/queries";
import { getAccountPaks, type AccountPak } from "@/lib/domains/account-overview";
import type { MirrorStatus } from "@/lib/mirror/status";
import { getPriceList } from "@/lib/pricing/settings";
import { CAPACITIES_GB, type CapacityGb } from "@/lib/validation/enom-rules";
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
  /** When eNom was read (ISO instant): the oldest read of the account mirror among these paks. */
  fetchedAt: string;
  /** Some domain's latest read failed: its paks are from the read before. */
  stale: boolean;
  /** Where the account mirror stands (before its first full sync the list is partial). */
  mirror: MirrorStatus;
}

/**
 * Every pak this user may see, placed in its renewal window and priced at the reseller's cost
 * list, with the account-wide figures; from the account mirror (lib/mirror), so every pak's size
 * and auto-renew are known and no eNom call is made. Customers' rows carry no owners and are
 * never priced for them by a page: the callers are staff pages and routes.
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
  const unread = paks.unread.map((pak): PakExpiry => ({
    ...pak,
    details: "failed",
    qtyPurchased: null,
    quotaMb: null,
    capacityGb: null,
    prodType: null,
  }));
  const rows = toExpirationRows([...paks.paks.map(toPakExpiry), ...unread], {
    todayIso,
    prices: prices.cost,
    owners,
  });
  return {
    rows,
    summary: summariseExpirations(rows, todayIso),
    todayIso,
    fetchedAt: paks.fetchedAt,
    stale: paks.stale,
    mirror: paks.mirror,
  };
}

function capacityOf(gb: number | null): CapacityGb | null {
  return CAPACITIES_GB.find((capacity) => capacity === gb) ?? null;
}

/** A pak of the mirror as the expirations model takes it: every detail is known. */
export function toPakExpiry(pak: AccountPak): PakExpiry {
  return {
    domain: pak.domain,
    bundleId: pak.bundleId,
    expires: pak.expires,
    autoRenew: pak.autoRenew,
    details: "loaded",
    qtyPurchased: pak.purchased,
    quotaMb: pak.quotaMb,
    capacityGb: capacityOf(pak.capacityGb),
    prodType: pak.prodType,
  };
}
