import { MAX_SIZE, RENEW_YEARS_MAX } from "../../validation/enom-rules";
import { enomDate } from "../dates";
import { EnomError, enomErrors } from "../errors";
import { orderAmount } from "../prices";
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
 * RenewPOPBundle (seeds/004): Quantity more years on pak PakID, now, from the account balance.
 * Reseller accounts only. "POP Email does not support our credit card processing" (seeds/000), so
 * UseCreditCard=yes is refused and card fields, if sent, are never read.
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
    return {
      changed: true,
      fields: [
        value("OrderID", context.world.nextOrderId()),
        value("BundleID", pak.bundleId),
        value("ExpDate", enomDate(pak.expDate)),
        value("OrderAmount", orderAmount(cents)),
      ],
    };
  },
};
