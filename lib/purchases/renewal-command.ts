import { RuleError } from "@/lib/auth/errors";
import { PROD_TYPE_MAILBOX, TERM_MAX, type BillingPeriod } from "@/lib/validation/enom-rules";
import type { PakFacts } from "./quote";

/**
 * Which eNom command renews a pak, chosen from GetPOP3's `ProdType` (pure):
 * - the Mailbox product (ProdType 2011, seeds/002) renews through `PurchaseServices
 *   ProductType=Mailbox ActionType=Renew ProductID=<bundle>` with `TimeUnit`/`TimeQuantity`
 *   (seeds/000: 1-12 months or years), in the pak's own billing period when Mailpak knows it
 *   (it bought the pak) and by the year, eNom's default, otherwise;
 * - a classic POP 10-pak (38, or any other value) through `RenewPOPBundle` (PakID, Quantity in
 *   years, renew-pop-bundle.md: "renew the annual subscription on a POP mail 10-pak");
 * - no ProdType at all is not a shape eNom documents: refused, nothing is sent.
 * Whether RenewPOPBundle would also renew a Mailbox pak is an unknown (docs/enom.md), so it is
 * never used for one.
 */
export type RenewalOrder =
  | { command: "RenewPOPBundle"; unit: "year"; terms: number }
  | { command: "PurchaseServices"; unit: BillingPeriod; terms: number };

export function renewalOrderFor(
  pak: Pick<PakFacts, "bundleId" | "prodType" | "billingPeriod">,
  years: number,
): RenewalOrder {
  if (pak.prodType === null)
    throw new RuleError(
      `The email service did not say which product pak ${pak.bundleId} is, so the panel cannot tell how to renew it. Nothing was renewed; please try again later or contact support.`,
    );
  if (pak.prodType !== PROD_TYPE_MAILBOX) return { command: "RenewPOPBundle", unit: "year", terms: years };
  if (pak.billingPeriod !== "month") return { command: "PurchaseServices", unit: "year", terms: years };
  const months = years * 12;
  if (months > TERM_MAX)
    throw new RuleError(
      `Pak ${pak.bundleId} is billed monthly, and one renewal covers at most ${TERM_MAX} months. Renew it for 1 year at a time.`,
    );
  return { command: "PurchaseServices", unit: "month", terms: months };
}
