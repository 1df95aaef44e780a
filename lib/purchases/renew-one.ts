import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import type { PurchaseAttemptRow } from "@/lib/db/schema";
import { getEnomClient } from "@/lib/enom";
import { renewedExpiry } from "./dates";
import { readBackDomain } from "./enom-reads";
import { recordOrderDone, recordOrderFailure } from "./outcome";
import { termLabel, type PakFacts } from "./quote";
import { readBackRenewal, type OrderAnswer } from "./read-back";
import { renewalOrderFor } from "./renewal-command";
import { summaryOf } from "./request";
import { snapshotOf } from "./settle";

/**
 * One pak's renewal, for its attempt: the order for its product (renewal-command.ts), sent once,
 * its outcome recorded on the attempt and in the audit log (outcome.ts), and its new expiry read
 * back from GetPOP3 (RenewPOPBundle answers only an order id). Used by a renewal answered at
 * once and by each item of a renewal job (renewal-job.ts), so both record the same outcome.
 */

/** What a renewal needs to know of the pak, as read from eNom before the attempt was made. */
export type RenewalPak = Pick<
  PakFacts,
  "domain" | "bundleId" | "qtyPurchased" | "expires" | "billingPeriod" | "prodType"
>;

export async function renewOne(
  row: PurchaseAttemptRow,
  user: SessionUser,
  pak: RenewalPak,
  years: number,
  today: string,
  endUserIp: string,
): Promise<PurchaseAttemptRow> {
  const summary = summaryOf({ kind: "renew", domain: pak.domain, bundleId: pak.bundleId, years });
  const order = renewalOrderFor(pak, years);
  let answer: OrderAnswer;
  let trackingKey: string | null;
  let orderAmountCents: number | null = null;
  try {
    if (order.command === "RenewPOPBundle") {
      const renewal = await getEnomClient().renewPopBundle({
        domain: pak.domain,
        pakId: pak.bundleId,
        years: order.terms,
      });
      answer = { orderId: renewal.orderId, bundleId: null, expires: null };
      trackingKey = renewal.trackingKey;
    } else {
      const purchase = await getEnomClient().purchaseServices({
        kind: "mailbox",
        domain: pak.domain,
        endUserIp,
        action: "renew",
        productId: pak.bundleId,
        // The mailboxes the pak holds; no Capacity, so the pak keeps its own.
        quantity: Math.max(1, pak.qtyPurchased),
        timeUnit: order.unit,
        timeQuantity: order.terms,
      });
      const bundle =
        purchase.bundles.find((candidate) => candidate.bundleId === pak.bundleId) ?? purchase.bundles[0];
      answer = {
        orderId: purchase.orderId,
        bundleId: bundle?.bundleId ?? null,
        expires: bundle?.expires?.iso ?? null,
      };
      trackingKey = purchase.trackingKey;
      orderAmountCents = purchase.orderAmount?.cents ?? null;
    }
  } catch (error) {
    return recordOrderFailure(row, user, error, `${summary}: not renewed`);
  }
  const after = await readBackDomain(pak.domain);
  const found = readBackRenewal({
    domain: pak.domain,
    bundleId: pak.bundleId,
    before: pak.expires,
    expected: renewedExpiry(pak.expires, today, order.terms, order.unit),
    now: after ? snapshotOf(after.paks) : null,
    answer,
  });
  const until = found.expires ? ` until ${found.expires}` : "";
  return recordOrderDone(row, user, {
    orderId: answer.orderId,
    trackingKey,
    bundleId: pak.bundleId,
    expires: found.expires,
    orderAmountCents,
    message: found.message,
    summary: `Renewed pak ${pak.bundleId} of ${pak.domain} for ${termLabel(order.unit, order.terms)}${until} (${order.command}): order ${answer.orderId}${found.finding === "as-asked" ? "" : ` (read back: ${found.finding})`}`,
    readBack: { finding: found.finding, pak: found.pak, command: order.command },
  });
}
