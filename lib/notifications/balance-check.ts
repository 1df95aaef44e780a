import "server-only";
import { readAccountBalance, spendableCents } from "@/lib/dashboard/balance";
import { toPakExpiry } from "@/lib/expirations/load";
import { summariseExpirations, toExpirationRows } from "@/lib/expirations/model";
import { logger } from "@/lib/logger";
import { listMirrorPaks } from "@/lib/mirror/read";
import { getPriceList } from "@/lib/pricing/settings";
import { notifyIfBalanceShort } from "./checks";

/**
 * The low-balance check without a page: reads the balance from eNom (one GetBalance) and prices
 * the paks due within 30 days from the mirror. For the nightly sync job, after the sync. Never
 * throws; true when the balance is short (staff were told, once a day).
 */
export async function checkLowBalance(now: Date = new Date()): Promise<boolean> {
  try {
    const [balance, paks, prices] = await Promise.all([
      readAccountBalance(),
      listMirrorPaks(null),
      getPriceList(),
    ]);
    const todayIso = now.toISOString().slice(0, 10);
    const rows = toExpirationRows(paks.map(toPakExpiry), {
      todayIso,
      prices: prices.cost,
      owners: new Map(),
    });
    return await notifyIfBalanceShort(
      spendableCents(balance),
      summariseExpirations(rows, todayIso).dueSoon,
      now,
    );
  } catch (error) {
    logger.warn({ err: error }, "the balance could not be checked against the renewals due");
    return false;
  }
}
