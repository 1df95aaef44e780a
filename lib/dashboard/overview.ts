import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { getAccountPaks } from "@/lib/domains/account-overview";
import { describeUpstreamFailure, type UpstreamFailureText } from "@/lib/domains/upstream-failure";
import { toPakExpiry } from "@/lib/expirations/load";
import { summariseExpirations, toExpirationRows, type ExpirationSummary } from "@/lib/expirations/model";
import type { MirrorStatus } from "@/lib/mirror/status";
import { getPriceList } from "@/lib/pricing/settings";
import { summarisePaks, type PakSummary } from "./summary";

/** The home dashboard's pak figures: plain data, or a sign that they could not be read. */
export type DashboardPaks =
  | {
      ok: true;
      paks: PakSummary;
      expirations: ExpirationSummary;
      /** When eNom was read (ISO instant): the oldest read of the account mirror. */
      fetchedAt: string;
      stale: boolean;
      mirror: MirrorStatus;
    }
  /** The account's paks could not be read: what to tell the reseller. */
  | { ok: false; failure: UpstreamFailureText };

/**
 * From the account mirror the domains and expirations pages read too: no eNom call; renewals
 * priced at the cost list.
 */
export async function loadDashboardPaks(user: SessionUser, today = new Date()): Promise<DashboardPaks> {
  try {
    const [account, prices] = await Promise.all([getAccountPaks(user), getPriceList()]);
    const todayIso = today.toISOString().slice(0, 10);
    const rows = toExpirationRows(account.paks.map(toPakExpiry), {
      todayIso,
      prices: prices.cost,
      owners: new Map(),
    });
    return {
      ok: true,
      paks: summarisePaks(account.paks, today),
      expirations: summariseExpirations(rows, todayIso),
      fetchedAt: account.fetchedAt,
      stale: account.stale,
      mirror: account.mirror,
    };
  } catch (error) {
    const failure = describeUpstreamFailure(error, "the paks");
    if (!failure) throw error;
    return { ok: false, failure };
  }
}
