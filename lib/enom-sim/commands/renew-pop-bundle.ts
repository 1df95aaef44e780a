import { MAX_SIZE, PROD_TYPE_MAILBOX, RENEW_YEARS_MAX } from "../../validation/enom-rules";
import { EnomError, enomErrors } from "../errors";
import { value } from "../wire/reply";
import type { EnomCommand } from "./context";
import { endUserIpParam, permittedParam, wholeNumberParam } from "./inputs";
import { charge, renewalCents, renewedExpiry } from "./orders";
import {
  requireDomain,
  requireEmailAvailable,
  requireFunds,
  requirePakParam,
  requireReseller,
} from "./rules";

/**
 * RenewPOPBundle (seeds/004, its page): "renew the annual subscription on a POP mail 10-pak",
 * Quantity (years) more on pak PakID, now, from the account balance; reseller accounts only.
 * "POP Email does not support our credit card processing" (seeds/000), so UseCreditCard=yes is
 * refused and card fields, if sent, are never read. Reply: `orderid`, lower case as the sample
 * writes it.
 *
 * A Mailbox pak (ProdType 2011) is refused: whether RenewPOPBundle renews one is an unknown
 * (../shared/enom-api.md), and seeds/000 renews that product with PurchaseServices
 * ProductType=Mailbox ActionType=Renew — the simulator says so rather than guess.
 */
export const renewPopBundle: EnomCommand = {
  name: "RENEWPOPBUNDLE",
  run(context) {
    requireReseller(context.account);
    const useCard = permittedParam(context.params, "UseCreditCard", ["yes", "no"] as const, {
      fallback: "no",
      maxSize: 3,
    });
    if (useCard === "yes") throw new EnomError(enomErrors.noCardProcessing);
    const domain = requireDomain(context);
    requireEmailAvailable(domain);
    const pak = requirePakParam(context, domain, "PakID");
    if (pak.prodType === PROD_TYPE_MAILBOX) throw new EnomError(enomErrors.notPopPak(pak.bundleId));
    const years = wholeNumberParam(context.params, "Quantity", {
      min: 1,
      max: RENEW_YEARS_MAX,
      maxSize: MAX_SIZE.renewQuantity,
    });
    endUserIpParam(context.params, false);
    const cents = renewalCents(pak, "year", years);
    requireFunds(context.account, cents);
    pak.expDate = renewedExpiry(pak, context.today, "year", years);
    pak.billingPeriod = "year";
    charge(context.account, cents);
    context.world.touch(domain);
    return { changed: true, fields: [value("orderid", context.world.nextOrderId())] };
  },
};
