import { enomDate } from "../dates";
import { flag, list, value } from "../wire/reply";
import { domainNameOf, freeMailboxes, quotaMb, type Domain, type Pak } from "../world";
import type { EnomCommand } from "./context";

/** GetPOPExpirations: every pak of the account in one call, soonest expiry first, then by domain. */
export const getPopExpirations: EnomCommand = {
  name: "GETPOPEXPIRATIONS",
  run({ world, account }) {
    const rows: Array<{ domain: Domain; name: string; pak: Pak }> = [];
    for (const domain of world.domainsOf(account))
      for (const pak of domain.paks) rows.push({ domain, name: domainNameOf(domain), pak });
    rows.sort(
      (a, b) =>
        compare(a.pak.expDate, b.pak.expDate) || compare(a.name, b.name) || a.pak.bundleId - b.pak.bundleId,
    );
    const items = rows.map(({ domain, name, pak }) => [
      value("DomainName", name),
      value("BundleId", pak.bundleId),
      value("ExpDate", enomDate(pak.expDate)),
      value("AutoRenew", flag(pak.autoRenew)),
      value("QtyPurchased", pak.qtyPurchased),
      value("QtyAvailable", freeMailboxes(domain, pak)),
      value("Quota", quotaMb(pak)),
      value("ProdType", pak.prodType),
      value("BillingPeriod", pak.billingPeriod),
    ]);
    return {
      changed: false,
      fields: [list("PopExpirations", "Pak", items), value("PakCount", items.length)],
    };
  },
};

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
