import { pakExpiryText } from "../mailbox-facts";
import { node, repeated, value } from "../wire/reply";
import { domainNameOf, type Pak } from "../world";
import type { EnomCommand } from "./context";

/**
 * GetPOPExpirations (its page; ../shared/enom-samples/getpopexpirations-online.xml): every pak of
 * the account, expired ones too ("POP paks that are about to expire or have recently expired"),
 * as `popexpirations/pop{domain, bundleid, expdate}` with `count` inside `popexpirations`; dates
 * with a time, as both samples write them. The page's Text sample adds `renew1` (True/False) and
 * `version1` per pak and `success` after `count`, which the XML sample does not have. No
 * quantity, quota or billing period: those come from GetPOP3 per domain. The order of the
 * samples is not explained; the simulator lists soonest expiry first, then by domain.
 */
export const getPopExpirations: EnomCommand = {
  name: "GETPOPEXPIRATIONS",
  run({ world, account }) {
    const rows: Array<{ name: string; pak: Pak }> = [];
    for (const domain of world.domainsOf(account))
      for (const pak of domain.paks) rows.push({ name: domainNameOf(domain), pak });
    rows.sort(
      (a, b) =>
        compare(a.pak.expDate, b.pak.expDate) || compare(a.name, b.name) || a.pak.bundleId - b.pak.bundleId,
    );
    const pops = rows.map(({ name, pak }) => [
      value("domain", name),
      value("bundleid", pak.bundleId),
      value("expdate", pakExpiryText(pak, { withTime: true })),
      value("renew", pak.autoRenew, { only: "text" }),
      value("version", pak.version, { only: "text" }),
    ]);
    return {
      changed: false,
      fields: [
        node("popexpirations", [...repeated("pop", pops), value("count", pops.length)]),
        value("success", true, { only: "text" }),
      ],
    };
  },
};

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
