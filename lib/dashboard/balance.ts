import "server-only";
import { cache } from "react";
import { isUpstreamFailure } from "@/lib/domains/read-errors";
import { getEnomClient } from "@/lib/enom";

/** The eNom account balance as pages show it: plain data, or why it could not be read. */
export type AccountBalance =
  | {
      ok: true;
      balanceCents: number;
      /** What eNom says can be spent now (the balance less holds); null when eNom does not say. */
      availableCents: number | null;
    }
  | { ok: false };

/**
 * Read once per request however many parts of a page show it (the balance card and the renewals
 * warning each wait for it in their own Suspense boundary). Staff pages only: the balance is the
 * reseller's, never a customer's to see.
 */
export const readAccountBalance = cache(async (): Promise<AccountBalance> => {
  try {
    const { balance, availableBalance } = await getEnomClient().getBalance();
    return { ok: true, balanceCents: balance.cents, availableCents: availableBalance?.cents ?? null };
  } catch (error) {
    if (!isUpstreamFailure(error)) throw error;
    return { ok: false };
  }
});

/** What can pay for renewals: the available balance when eNom gives it, else the balance. */
export function spendableCents(balance: AccountBalance): number | null {
  return balance.ok ? (balance.availableCents ?? balance.balanceCents) : null;
}
