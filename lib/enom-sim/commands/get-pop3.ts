import { enomDate } from "../dates";
import { flag, list, value } from "../wire/reply";
import { freeMailboxes, quotaMb } from "../world";
import type { EnomCommand } from "./context";
import { requireDomain } from "./rules";

/**
 * GetPOP3: a domain's paks (seeds/002 Step 1 shows the shape) and its mailboxes (docs/enom.md's
 * `Emails` choice). A domain without email is not an error: both lists are empty.
 */
export const getPop3: EnomCommand = {
  name: "GETPOP3",
  run(context) {
    const domain = requireDomain(context);
    const emails = domain.mailboxes.map((mailbox) => [
      value("UserName", mailbox.userName),
      value("DisplayName", mailbox.displayName),
      value("BundleId", mailbox.bundleId),
      value("IsAdmin", flag(mailbox.isAdmin)),
      value("ForwardTo", mailbox.forwardTo),
    ]);
    const paks = domain.paks.map((pak) => [
      value("BundleId", pak.bundleId),
      value("QtyPurchased", pak.qtyPurchased),
      value("QtyAvailable", freeMailboxes(domain, pak)),
      value("ExpDate", enomDate(pak.expDate), { cdata: true }),
      value("AutoRenew", flag(pak.autoRenew)),
      value("Quota", quotaMb(pak)),
      value("ProdType", pak.prodType),
      value("Version", pak.version),
    ]);
    return {
      changed: false,
      fields: [
        value("EmailCount", emails.length),
        list("Emails", "Email", emails),
        list("Paks", "Pak", paks, "Pak"),
        value("Count", paks.length),
        value("AdditionalHostAcctLogin", ""),
        value("Successful", true),
        value("Success", true),
      ],
    };
  },
};
