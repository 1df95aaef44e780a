import { PROD_TYPE_MAILBOX } from "../../validation/enom-rules";
import { pakExpiryText, quotaUsedMb } from "../mailbox-facts";
import { flag, node, repeated, value } from "../wire/reply";
import { domainNameOf, freeMailboxes, pakOf, quotaMb } from "../world";
import type { EnomCommand } from "./context";
import { permittedParam } from "./inputs";
import { requireDomain } from "./rules";

/**
 * GetPOP3 (its page; ../shared/enom-samples/getpop3-online.xml; seeds/002 Step 1): every mailbox
 * as a `<pop>` directly under `<interface-response>` — username, password **in clear**, quota,
 * expdate, BundleId, AutoRenew, admin, quotaused — then EmailCount, the paks
 * (`Paks/Pak{BundleId, QtyPurchased, QtyAvailable, ExpDate, AutoRenew, Quota, ProdType, Version}`)
 * and their Count. Text names are the page's Text sample's: `Username1`, `Password1`, `Quota1`,
 * `ExpDate1`, `BundleId1`, `AutoRenew1`, `admin1`, `quotaused1`, `vasitemid1`, `version1`, then
 * `PakBundleId1`…; `vasitemid` and `version` appear in the Text sample only and
 * `AdditionalHostPop` in the XML one only. Expiry dates carry a time in the XML sample
 * (`5/3/2010 2:14:59 AM`, classic paks) and none in the Text one (`11/6/2015`, also a classic pak),
 * so the simulator writes each format as its sample does. A domain without email answers empty
 * lists, not an error.
 */
export const getPop3: EnomCommand = {
  name: "GETPOP3",
  run(context) {
    const domain = requireDomain(context);
    // "If this is set to 1, extra blank input records are returned for user input on the email
    // forwarding form": what those records hold is not shown anywhere, so only 0 is simulated.
    permittedParam(context.params, "GetDefaultOnly", ["0"] as const, { fallback: "0", maxSize: 1 });
    const name = domainNameOf(domain);
    const pops = domain.mailboxes.map((mailbox) => {
      const pak = pakOf(domain, mailbox);
      const quota = pak ? quotaMb(pak) : 0;
      return [
        value("username", mailbox.userName, { textName: "Username" }),
        value("password", mailbox.password, { textName: "Password" }),
        value("quota", quota, { textName: "Quota" }),
        value("expdate", pak ? pakExpiryText(pak) : "", {
          textName: "ExpDate",
          textValue: pak ? pakExpiryText(pak, { withTime: false }) : "",
        }),
        value("BundleId", mailbox.bundleId),
        value("AutoRenew", flag(pak?.autoRenew ?? false)),
        value("admin", flag(mailbox.isAdmin)),
        value("quotaused", quotaUsedMb(name, mailbox, quota, context.today)),
        value("vasitemid", mailbox.bundleId, { only: "text" }),
        value("version", pak?.version ?? "", { only: "text" }),
      ];
    });
    const paks = domain.paks.map((pak) => {
      const mailboxProduct = pak.prodType === PROD_TYPE_MAILBOX;
      return [
        value("BundleId", pak.bundleId),
        value("QtyPurchased", pak.qtyPurchased),
        value("QtyAvailable", freeMailboxes(domain, pak)),
        value("ExpDate", pakExpiryText(pak), {
          cdata: mailboxProduct,
          textValue: pakExpiryText(pak, { withTime: false }),
        }),
        value("AutoRenew", flag(pak.autoRenew)),
        value("Quota", quotaMb(pak)),
        value("ProdType", pak.prodType),
        value("Version", pak.version),
      ];
    });
    return {
      changed: false,
      fields: [
        ...repeated("pop", pops),
        value("EmailCount", pops.length),
        node("Paks", repeated("Pak", paks, "Pak")),
        value("Count", paks.length),
        value("AdditionalHostPop", "", { only: "xml" }),
        value("AdditionalHostAcctLogin", ""),
        value("Successful", true),
        value("Success", true),
      ],
    };
  },
};
