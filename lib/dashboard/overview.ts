import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { getAccountPaks } from "@/lib/domains/account-overview";
import { daysUntil } from "@/lib/domains/expiry";
import { pakDetailsReader } from "@/lib/domains/pak-details";
import { describeUpstreamFailure, type UpstreamFailureText } from "@/lib/domains/upstream-failure";
import { domainsBySoonestExpiry, toPakExpiry } from "@/lib/expirations/load";
import {
  DUE_SOON_DAYS,
  summariseExpirations,
  toExpirationRows,
  type ExpirationSummary,
} from "@/lib/expirations/model";
import { getPriceList } from "@/lib/pricing/settings";
import { summarisePaks, type PakSummary } from "./summary";

/** The home dashboard's pak figures: plain data, or a sign that eNom could not be read. */
export type DashboardPaks =
  | {
      ok: true;
      paks: PakSummary;
      expirations: ExpirationSummary;
      /** When eNom was read (ISO instant). */
      fetchedAt: string;
      stale: boolean;
    }
  /** The account's paks could not be read: what to tell the reseller. */
  | { ok: false; failure: UpstreamFailureText };

/**
 * From the shared account copy the domains and expirations pages read too, so the dashboard
 * costs no account-wide eNom call of its own while the copy is fresh; renewals priced at the cost
 * list. The pak details are read only for the domains with a pak due within 30 days or expired
 * (what the renewals figure and the balance warning need; at most `detailsWaitMs` waited for);
 * the other domains' mailbox figures are those already known.
 */
export async function loadDashboardPaks(
  user: SessionUser,
  today = new Date(),
  options: { detailsWaitMs?: number } = {},
): Promise<DashboardPaks> {
  try {
    const [account, prices] = await Promise.all([getAccountPaks(user), getPriceList()]);
    const todayIso = today.toISOString().slice(0, 10);
    const reader = pakDetailsReader();
    const due = account.paks.filter((pak) => daysUntil(pak.expires.iso, today) <= DUE_SOON_DAYS);
    const read = await reader.read(domainsBySoonestExpiry(due), { waitMs: options.detailsWaitMs });
    const details = new Map([...reader.peek(account.paks.map((pak) => pak.domainName)), ...read]);
    const rows = toExpirationRows(
      account.paks.map((pak) => toPakExpiry(pak, details.get(pak.domainName.toLowerCase()))),
      { todayIso, prices: prices.cost, owners: new Map() },
    );
    return {
      ok: true,
      paks: summarisePaks(account.paks, details, today),
      expirations: summariseExpirations(rows, todayIso),
      fetchedAt: account.fetchedAt,
      stale: account.stale,
    };
  } catch (error) {
    const failure = describeUpstreamFailure(error, "the paks");
    if (!failure) throw error;
    return { ok: false, failure };
  }
}
