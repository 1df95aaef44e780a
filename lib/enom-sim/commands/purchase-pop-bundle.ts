import { PURCHASE_QUANTITY_MAX } from "../../validation/enom-rules";
import { enomDate } from "../dates";
import { mailboxTermCents, orderAmount } from "../prices";
import { value } from "../wire/reply";
import type { EnomCommand } from "./context";
import { endUserIpParam, wholeNumberParam } from "./inputs";
import { charge, newPak } from "./orders";
import { requireDomain, requireEmailAvailable, requireFunds, requireReseller } from "./rules";

/**
 * PurchasePOPBundle: eNom's older real-time purchase of 10-mailbox paks, reseller accounts only.
 * Quantity paks (at most 10 characters; the simulator caps it at 999 like the quick start) are
 * bought as one pak of 10 × Quantity 1 GB mailboxes for a year.
 */
export const purchasePopBundle: EnomCommand = {
  name: "PURCHASEPOPBUNDLE",
  run(context) {
    requireReseller(context.account);
    const domain = requireDomain(context);
    requireEmailAvailable(domain);
    const paks = wholeNumberParam(context.params, "Quantity", {
      min: 1,
      max: PURCHASE_QUANTITY_MAX,
      maxSize: 10,
      fallback: 1,
    });
    endUserIpParam(context.params, false);
    const cents = mailboxTermCents(1, "year", paks * 10, 1);
    requireFunds(context.account, cents);
    const pak = newPak(context.world, context.today, {
      product: "classic",
      mailboxes: paks * 10,
      capacityGb: 1,
      unit: "year",
      terms: 1,
    });
    domain.paks.push(pak);
    charge(context.account, cents);
    context.world.touch(domain);
    return {
      changed: true,
      fields: [
        value("OrderID", context.world.nextOrderId()),
        value("BundleID", pak.bundleId),
        value("BundleCount", 1),
        value("OrderAmount", orderAmount(cents)),
        value("ExpDate", enomDate(pak.expDate)),
      ],
    };
  },
};
