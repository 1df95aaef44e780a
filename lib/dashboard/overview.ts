import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { getAccountPaks } from "@/lib/domains/account-overview";
import { isUpstreamFailure } from "@/lib/domains/read-errors";
import { toPakExpiry } from "@/lib/expirations/load";
import { summariseExpirations, toExpirationRows, type ExpirationSummary } from "@/lib/expirations/model";
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
  | { ok: false };

/**
 * From the shared account copy the domains and expirations pages read too, so the dashboard
 * costs no eNom call of its own while the copy is fresh; renewals priced at the cost list.
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
    };
  } catch (error) {
    if (!isUpstreamFailure(error)) throw error;
    return { ok: false };
  }
}
