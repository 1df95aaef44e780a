import "server-only";
import { getBranding } from "@/lib/branding/settings";
import { findCustomer } from "@/lib/customers/queries";
import type { PurchaseAttemptRow } from "@/lib/db/schema";
import { logger } from "@/lib/logger";
import { absoluteUrl } from "@/lib/mail/links";
import { purchaseReceiptEmail } from "@/lib/mail/templates/purchase-receipt";
import { sendMail } from "@/lib/mail/transport";
import { notifyStaff } from "@/lib/notifications/notify";
import { storedRequestOf, summaryOf } from "./request";
import { usd } from "./spending-model";
import type { AttemptResult } from "./view";

/**
 * After a customer's own purchase, growth or renewal went through (outcome.ts, or settle.ts when
 * an unconfirmed one turned out made): a receipt to the login that placed it, and a notice to
 * staff. Each attempt goes through here once (its move to `ok` happens once). Neither may undo
 * or hold up the order: a failure is logged and the order stands.
 */
export async function afterCustomerOrder(row: PurchaseAttemptRow): Promise<void> {
  if (row.status !== "ok" || row.actorRole !== "customer" || !row.customerId) return;
  const summary = summaryOf(storedRequestOf(row.request));
  // The customer's receipt never names eNom's BundleID; staff's notice does.
  await sendReceipt(row, summaryOf(storedRequestOf(row.request), "customer")).catch((error: unknown) =>
    logger.warn({ err: error, key: row.key }, "a purchase receipt could not be sent"),
  );
  await noticeToStaff(row, summary).catch((error: unknown) =>
    logger.warn({ err: error, key: row.key }, "staff could not be told of a customer's purchase"),
  );
}

/** The order's page: a renewal's batch (several paks), else the attempt itself. */
const orderPath = (row: PurchaseAttemptRow, prefix: string) =>
  `${prefix}/purchases/${encodeURIComponent(row.batchKey ?? row.key)}`;

async function sendReceipt(row: PurchaseAttemptRow, summary: string): Promise<void> {
  const branding = await getBranding();
  const result = row.result as AttemptResult;
  const content = purchaseReceiptEmail(branding, {
    summary,
    retailCents: row.retailCents,
    orderId: row.enomOrderId,
    placedAt: row.createdAt,
    paidUntil: typeof result.expires === "string" ? result.expires : null,
    orderUrl: await absoluteUrl(orderPath(row, "/portal")),
  });
  await sendMail({
    ...content,
    to: [row.actorEmail],
    template: "purchase-receipt",
    fromName: branding.productName,
  });
}

async function noticeToStaff(row: PurchaseAttemptRow, summary: string): Promise<void> {
  const customer = await findCustomer(row.customerId ?? "");
  const who = customer?.name ?? "A customer";
  const price = row.retailCents === null ? "" : ` for ${usd(row.retailCents)}`;
  await notifyStaff({
    kind: "customer-purchase",
    title: `${who} ${row.kind === "renew" ? "renewed" : "bought"}: ${summary}`,
    body: `${row.actorEmail} placed this order${price}${row.enomOrderId ? ` (order ${row.enomOrderId})` : ""}.`,
    href: orderPath(row, ""),
    dedupeKey: `customer-purchase:${row.key}`,
  });
}
