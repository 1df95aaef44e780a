import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { listDomainOwners } from "@/lib/db/queries/customers";
import { getAccountPaks } from "@/lib/domains/account-overview";
import { pakDetailOf, pakDetailsReader, type PakDetailsRead } from "@/lib/domains/pak-details";
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
 * list, with the account-wide figures. The paks and expiries come from the shared account copy;
 * their sizes and auto-renew from the pak details reader, every domain with email, soonest expiry
 * first, at most `detailsWaitMs` waited for (the rest are marked not loaded and keep loading).
 * Customers' rows carry no owners and are never priced for them by a page: the callers are staff
 * pages and routes.
 */
export async function loadExpirations(
  user: SessionUser,
  options: { today?: Date; detailsWaitMs?: number } = {},
): Promise<ExpirationsData> {
  const todayIso = (options.today ?? new Date()).toISOString().slice(0, 10);
  const staff = user.role !== "customer";
  const [paks, owners, prices] = await Promise.all([
    getAccountPaks(user),
    staff ? listDomainOwners() : Promise.resolve(new Map()),
    getPriceList(),
  ]);
  const details = await pakDetailsReader().read(domainsBySoonestExpiry(paks.paks), {
    waitMs: options.detailsWaitMs,
  });
  const rows = toExpirationRows(
    paks.paks.map((pak) => toPakExpiry(pak, details.get(pak.domainName.toLowerCase()))),
    { todayIso, prices: prices.cost, owners },
  );
  return {
    rows,
    summary: summariseExpirations(rows, todayIso),
    todayIso,
    fetchedAt: paks.fetchedAt,
    stale: paks.stale,
  };
}

/** Distinct domains of these paks, the one with the soonest expiry first: what is due is read first. */
export function domainsBySoonestExpiry(paks: readonly PopExpiration[]): string[] {
  return [
    ...new Set(
      [...paks]
        .sort((a, b) => (a.expires.iso < b.expires.iso ? -1 : a.expires.iso > b.expires.iso ? 1 : 0))
        .map((pak) => pak.domainName.toLowerCase()),
    ),
  ];
}

/** A pak as GetPOPExpirations lists it, with what its domain's GetPOP3 says of it when read. */
export function toPakExpiry(pak: PopExpiration, read: PakDetailsRead | undefined): PakExpiry {
  const detail = pakDetailOf(read, pak.bundleId);
  return {
    domain: pak.domainName.toLowerCase(),
    bundleId: pak.bundleId,
    expires: pak.expires.iso,
    autoRenew: detail?.autoRenew ?? pak.autoRenew,
    // A domain read before this pak was bought does not list it yet: not loaded, not zero.
    details: detail ? "loaded" : read?.state === "failed" ? "failed" : "not-loaded",
    qtyPurchased: detail?.qtyPurchased ?? null,
    quotaMb: detail?.quotaMb ?? null,
    capacityGb: detail?.capacityGb ?? null,
    prodType: detail?.prodType ?? null,
  };
}
