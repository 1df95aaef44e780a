import { MAX_SIZE, PURCHASE_QUANTITY_MAX } from "../../validation/enom-rules";
import { mailboxTermCents } from "../prices";
import { node, value } from "../wire/reply";
import type { EnomCommand } from "./context";
import { endUserIpParam, wholeNumberParam } from "./inputs";
import { charge, newPak } from "./orders";
import { requireDomain, requireEmailAvailable, requireFunds, requireReseller } from "./rules";

/**
 * PurchasePOPBundle (its page; ../shared/enom-samples/purchasepopbundle-online.xml): Quantity
 * (required, "Number of 10-address paks") classic paks of 10 mailboxes of 1 GB for a year,
 * reseller accounts only. Reply: `orderid`, `Bundles` with one `BundleID` per 10-pak
 * ("Identification number of each POP3 10-pak"), `BundleCount`; Text `BundleID1`, `BundleID2`….
 * The simulator caps Quantity at 999 like the quick start; the page gives only its size (10).
 */
export const purchasePopBundle: EnomCommand = {
  name: "PURCHASEPOPBUNDLE",
  // The page's Text sample shows `APIType: API`.
  apiType: "API",
  run(context) {
    requireReseller(context.account);
    const domain = requireDomain(context);
    requireEmailAvailable(domain);
    const paks = wholeNumberParam(context.params, "Quantity", {
      min: 1,
      max: PURCHASE_QUANTITY_MAX,
      maxSize: MAX_SIZE.pakId,
    });
    endUserIpParam(context.params, false);
    const cents = mailboxTermCents(1, "year", paks * 10, 1);
    requireFunds(context.account, cents);
    const bought = Array.from({ length: paks }, () =>
      newPak(context.world, context.today, {
        product: "classic",
        mailboxes: 10,
        capacityGb: 1,
        unit: "year",
        terms: 1,
      }),
    );
    domain.paks.push(...bought);
    charge(context.account, cents);
    context.world.touch(domain);
    return {
      changed: true,
      fields: [
        value("orderid", context.world.nextOrderId()),
        node(
          "Bundles",
          bought.map((pak, index) => value("BundleID", pak.bundleId, { textName: `BundleID${index + 1}` })),
        ),
        value("BundleCount", bought.length),
      ],
    };
  },
};
