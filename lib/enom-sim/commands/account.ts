import { balanceWithCommas } from "../prices";
import { value } from "../wire/reply";
import type { EnomCommand } from "./context";

/**
 * GetBalance (its page; ../shared/enom-samples/getbalance-online.xml): `Reseller` (1 or 0),
 * `Balance` and `AvailableBalance` with thousands commas (`-1,832.23`), `Price` (the default
 * price for domain names: the sample's, since the simulator sells none), `DomainCount`.
 */
export const getBalance: EnomCommand = {
  name: "GETBALANCE",
  apiType: "API",
  run({ account, world }) {
    const balance = balanceWithCommas(account.balanceCents);
    return {
      changed: false,
      fields: [
        value("Reseller", account.kind === "reseller" ? 1 : 0),
        value("Balance", balance),
        value("AvailableBalance", balance),
        value("Price", "8.95"),
        value("DomainCount", world.domainsOf(account).length),
      ],
    };
  },
};
