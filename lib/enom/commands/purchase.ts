import "server-only";
import { z } from "zod";
import {
  id,
  optionalBillingPeriod,
  optionalCount,
  optionalDate,
  optionalId,
  optionalInt,
  optionalMoney,
  optionalText,
} from "../parse/fields";
import {
  popBundlePurchaseSchema,
  purchasedBundleSchema,
  purchasePopBundleInputSchema,
  purchaseSchema,
  purchaseServicesInputSchema,
} from "../schemas";
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
      return { ProductType: "POP", ...common, Quantity: String(input.quantity) };
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
        TimeUnit: TIME_UNIT[input.timeUnit],
        TimeQuantity: String(input.timeQuantity),
        Capacity: String(input.capacity),
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
  read: (reply, envelope) => {
    // `orderid` in seeds/002, `OrderID` elsewhere: lower-cased alike. `OrderAmount` is `15` or `15.00`.
    const wire = z.object({ orderid: id, orderamount: optionalMoney, bundles }).parse(reply);
    return purchaseSchema.parse({
      orderId: wire.orderid,
      orderAmount: wire.orderamount,
      bundles: wire.bundles,
      trackingKey: envelope.trackingKey,
    });
  },
});

/** PurchasePOPBundle: the older real-time purchase of 10-mailbox paks (reseller accounts only). */
export const purchasePopBundle = defineCommand({
  command: "PurchasePOPBundle",
  kind: "write",
  input: purchasePopBundleInputSchema,
  params: ({ domain, endUserIp, quantity }) => ({
    ...domainParams(domain),
    ...(endUserIp ? { EndUserIP: endUserIp } : {}),
    Quantity: String(quantity),
  }),
  read: (reply, envelope) => {
    const wire = z.object({ orderid: id, bundleid: optionalId, bundlecount: optionalCount }).parse(reply);
    return popBundlePurchaseSchema.parse({
      orderId: wire.orderid,
      bundleId: wire.bundleid,
      bundleCount: wire.bundlecount,
      trackingKey: envelope.trackingKey,
    });
  },
});
