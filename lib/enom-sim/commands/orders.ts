import {
  PROD_TYPE_CLASSIC_POP,
  PROD_TYPE_MAILBOX,
  type BillingPeriod,
  type CapacityGb,
} from "../../validation/enom-rules";
import { addTerm, enomDate, type IsoDate } from "../dates";
import { mailboxTermCents, orderAmount, storageCents } from "../prices";
import { node, value, type ReplyField } from "../wire/reply";
import { domainNameOf, type Account, type Domain, type Pak, type World } from "../world";
import { requireFunds } from "./rules";

/**
 * Buying and renewing, shared by PurchaseServices, PurchasePOPBundle and RenewPOPBundle. Every
 * order is real: eNom offers no idempotency key, so the same purchase sent twice buys twice
 * (Mailpak has to guard against that itself, and the simulator must not hide it).
 */

/** A renewal counts from the current expiry while it is still ahead, from today once it has passed. */
export function renewedExpiry(pak: Pak, today: IsoDate, unit: BillingPeriod, terms: number): IsoDate {
  return addTerm(pak.expDate >= today ? pak.expDate : today, unit, terms);
}

/** What renewing a pak costs: every mailbox it holds, plus its extra storage, for each term. */
export function renewalCents(pak: Pak, unit: BillingPeriod, terms: number): number {
  return (
    mailboxTermCents(pak.capacityGb, unit, pak.qtyPurchased, terms) +
    storageCents(pak.storageUnits, pak.qtyPurchased, unit, terms)
  );
}

/** Whole terms from today to a pak's expiry (at least one): what an addition to a running pak pays for. */
export function termsLeft(pak: Pak, today: IsoDate): number {
  let terms = 1;
  while (addTerm(today, pak.billingPeriod, terms) < pak.expDate) terms++;
  return terms;
}

export function newPak(
  world: World,
  today: IsoDate,
  spec: {
    product: "mailbox" | "classic";
    mailboxes: number;
    capacityGb: CapacityGb;
    unit: BillingPeriod;
    terms: number;
  },
): Pak {
  return {
    bundleId: world.nextBundleId(),
    prodType: spec.product === "mailbox" ? PROD_TYPE_MAILBOX : PROD_TYPE_CLASSIC_POP,
    // seeds/002: a Mailbox pak shows Version 3; GetPOP3's Text sample shows a classic pak with 2.
    version: spec.product === "mailbox" ? 3 : 2,
    qtyPurchased: spec.mailboxes,
    capacityGb: spec.capacityGb,
    storageUnits: 0,
    expDate: addTerm(today, spec.unit, spec.terms),
    // seeds/002: a pak just bought shows AutoRenew 1.
    autoRenew: true,
    billingPeriod: spec.unit,
    createdOn: today,
  };
}

/** Debits the account; `requireFunds` has been checked before anything changed. */
export function charge(account: Account, cents: number): void {
  requireFunds(account, cents);
  account.balanceCents -= cents;
}

/** PurchaseServices' reply: `Bundles` as in seeds/002 Step 1. */
export interface BundleLine {
  actionType: "Create" | "Renew" | "Storage";
  pak: Pak;
  domain: Domain;
  period: number;
  billingPeriod: BillingPeriod;
  quantity: number;
  totalQuantity: number;
}

/**
 * seeds/002 shows one pak: `Version`, `orderid`, `OrderAmount`, `Success`, one `Bundles` element
 * and `BundleCount` 1. Several paks (ProductType=POP with Quantity > 1) repeat `Bundles`, numbered
 * in Text like PurchasePOPBundle's `BundleID1` — how eNom writes several is not documented.
 */
export function purchaseReply(orderId: number, cents: number, lines: readonly BundleLine[]): ReplyField[] {
  return [
    value("Version", 3),
    value("orderid", orderId),
    value("OrderAmount", orderAmount(cents)),
    value("Success", true),
    ...lines.map((line, index) =>
      node(
        "Bundles",
        [
          value("ActionType", line.actionType),
          value("BundleID", line.pak.bundleId),
          value("VasItemID", line.pak.bundleId),
          value("DomainName", domainNameOf(line.domain)),
          value("Capacity", line.pak.capacityGb),
          value("Period", line.period),
          value("BillingPeriod", line.billingPeriod),
          value("ExpDate", enomDate(line.pak.expDate)),
          value("Quantity", line.quantity),
          value("TotalQuantity", line.totalQuantity),
        ],
        { textIndex: index + 1 },
      ),
    ),
    value("BundleCount", lines.length),
  ];
}
