import "server-only";
import { z } from "zod";
import {
  id,
  optionalBillingPeriod,
  optionalDate,
  optionalId,
  optionalInt,
  optionalMoney,
  optionalText,
} from "../parse/fields";
import { expectListed, indexed, listCount, repeated, unrecognised } from "../parse/lists";
import * as row from "../parse/rows";
import {
  popBundlePurchaseSchema,
  purchasedBundleSchema,
  purchasePopBundleInputSchema,
  purchaseSchema,
  purchaseServicesInputSchema,
} from "../schemas";
import type { Envelope } from "../parse/envelope";
import type { ReplyRecord } from "../parse/reply";
import type { EnomParams } from "../types";
import { defineCommand, domainParams } from "./command";

type PurchaseServicesInput = z.output<typeof purchaseServicesInputSchema>;

/** eNom's enumerations are case-insensitive; these are the spellings its documents use. */
const TIME_UNIT = { year: "Year", month: "Month" } as const;

function purchaseParams(input: PurchaseServicesInput): EnomParams {
  const common = {
    ...domainParams(input.domain),
    ...(input.endUserIp ? { EndUserIP: input.endUserIp } : {}),
  };
  switch (input.kind) {
    // QuantityUnit is always sent where Quantity counts mailboxes: eNom's default is `packs` of 10
    // (addtocart.md, POP Email), while seeds/000 reads Mailbox's Quantity as mailboxes.
    case "service": // the quick-start form, seeds/002 Step 1
      return {
        service: "pop3",
        ...common,
        Quantity: String(input.quantity),
        QuantityUnit: input.quantityUnit,
        Capacity: String(input.capacity),
        BillingPeriod: input.billingPeriod,
      };
    case "pop":
      // POP's Quantity is "the number of 10-mailbox paks" (seeds/000): packs, said explicitly.
      return { ProductType: "POP", ...common, Quantity: String(input.quantity), QuantityUnit: "packs" };
    // Renew-POP's Quantity is years and EmailStorage's is 512 MB units (seeds/000): not mailboxes,
    // so no QuantityUnit.
    case "renew-pop":
      return {
        ProductType: "Renew-POP",
        ...common,
        ProductID: String(input.productId),
        Quantity: String(input.years),
      };
    case "email-storage":
      return {
        ProductType: "EmailStorage",
        ...common,
        ProductID: String(input.productId),
        Quantity: String(input.units),
      };
    case "mailbox":
      return {
        ProductType: "Mailbox",
        ...common,
        ActionType: input.action === "renew" ? "Renew" : "Create",
        ...(input.productId !== undefined ? { ProductID: String(input.productId) } : {}),
        Quantity: String(input.quantity),
        QuantityUnit: "boxes",
        TimeUnit: TIME_UNIT[input.timeUnit],
        TimeQuantity: String(input.timeQuantity),
        ...(input.capacity !== undefined ? { Capacity: String(input.capacity) } : {}),
      };
  }
}

const bundleWire = z
  .object({
    actiontype: optionalText,
    bundleid: id,
    vasitemid: optionalId,
    domainname: optionalText,
    capacity: optionalInt,
    period: optionalInt,
    billingperiod: optionalBillingPeriod,
    expdate: optionalDate,
    quantity: optionalInt,
    totalquantity: optionalInt,
  })
  .transform((b) => ({
    actionType: b.actiontype,
    bundleId: b.bundleid,
    vasItemId: b.vasitemid,
    domainName: b.domainname?.toLowerCase() ?? null,
    capacityGb: b.capacity,
    period: b.period,
    billingPeriod: b.billingperiod,
    expires: b.expdate,
    quantity: b.quantity,
    totalQuantity: b.totalquantity,
  }))
  .pipe(purchasedBundleSchema);

/**
 * seeds/002 prints one `<Bundles>` holding the bundle's fields directly; a purchase of several
 * might repeat `<Bundles>` or nest `<Bundle>` items. All three read as a list.
 */
const bundles = z.preprocess((value) => {
  const containers = value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value];
  return containers.flatMap((container: unknown) => {
    if (container === null || typeof container !== "object" || !("bundle" in container)) return [container];
    const inner = (container as { bundle: unknown }).bundle;
    return Array.isArray(inner) ? inner : [inner];
  });
}, z.array(bundleWire));

/** PurchaseServices: buy or grow email (debits the account balance; eNom's card processing is not used for email). */
export const purchaseServices = defineCommand({
  command: "PurchaseServices",
  kind: "write",
  input: purchaseServicesInputSchema,
  params: purchaseParams,
  documented: ["orderid", "Bundles", "BundleCount"],
  read: (reply, envelope) => {
    // `orderid` in seeds/002, `OrderID` elsewhere: lower-cased alike. `OrderAmount` is `15` or `15.00`.
    const wire = z.object({ orderid: id, orderamount: optionalMoney, bundles }).parse(reply);
    const bundleCount = row.optionalCount(reply, "bundlecount");
    if (bundleCount !== null) expectListed(wire.bundles.length, bundleCount, "bundles (BundleCount)");
    return purchaseSchema.parse({
      orderId: wire.orderid,
      orderAmount: wire.orderamount,
      bundles: wire.bundles,
      trackingKey: envelope.trackingKey,
    });
  },
});

/**
 * PurchasePOPBundle's bundle ids, one per 10-pak (purchase-pop-bundle.md): XML
 * `<Bundles><BundleID/>…</Bundles>`, Text `BundleID1…`; as many as `BundleCount`.
 */
function popBundleIds(reply: ReplyRecord, envelope: Envelope): number[] {
  const expected = listCount(reply, "BundleCount", "bundle");
  let ids: ReplyRecord[];
  if (envelope.format === "xml") {
    const containers = repeated(
      typeof reply.bundles === "string" && reply.bundles.trim() === "" ? undefined : reply.bundles,
      "Bundles",
    );
    ids = containers.flatMap((container) => {
      const value = container.bundleid;
      const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
      return list.map((bundleid) => ({ bundleid }));
    });
    if (expected > 0 && containers.length === 0)
      unrecognised(`BundleCount says ${expected} but there is no <Bundles>`);
  } else ids = indexed(reply, ["bundleid"]);
  expectListed(ids.length, expected, "bundles (BundleCount)");
  return ids.map((item) => row.id(item, "bundleid"));
}

/** PurchasePOPBundle: buy 10-mailbox paks in real time (reseller accounts only): SLD, TLD, Quantity. */
export const purchasePopBundle = defineCommand({
  command: "PurchasePOPBundle",
  kind: "write",
  input: purchasePopBundleInputSchema,
  // The page's table has SLD, TLD and Quantity only: no EndUserIP (purchase-pop-bundle.md).
  params: ({ domain, quantity }) => ({ ...domainParams(domain), Quantity: String(quantity) }),
  read: (reply, envelope) =>
    popBundlePurchaseSchema.parse({
      orderId: row.id(reply, "orderid"),
      bundleIds: popBundleIds(reply, envelope),
      trackingKey: envelope.trackingKey,
    }),
  documented: ["orderid", "Bundles", "BundleCount"],
});
