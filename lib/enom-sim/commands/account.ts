import { enomDate } from "../dates";
import { balanceAmount } from "../prices";
import { flag, list, value } from "../wire/reply";
import type { EnomCommand } from "./context";
import { wholeNumberParam } from "./inputs";

/** GetDomains: the account's domains by name, 10,000 a page at most; follow NextStart while > 0. */
export const GET_DOMAINS_PAGE_MAX = 25_000;

export const getDomains: EnomCommand = {
  name: "GETDOMAINS",
  run({ world, account, params }) {
    const all = world.domainsOf(account);
    const start = wholeNumberParam(params, "Start", { min: 1, max: 9_999_999, maxSize: 7, fallback: 1 });
    const display = wholeNumberParam(params, "Display", {
      min: 1,
      max: GET_DOMAINS_PAGE_MAX,
      maxSize: 5,
      fallback: GET_DOMAINS_PAGE_MAX,
    });
    const page = all.slice(start - 1, start - 1 + display);
    const nextStart = start - 1 + display < all.length ? start + display : 0;
    const items = page.map((domain) => [
      value("DomainNameID", domain.domainNameId),
      value("SLD", domain.sld),
      value("TLD", domain.tld),
      value("ExpDate", enomDate(domain.expDate)),
      value("AutoRenew", flag(domain.autoRenew)),
      value("Status", domain.status),
    ]);
    return {
      changed: false,
      fields: [
        list("Domains", "Domain", items),
        value("DomainCount", items.length),
        value("TotalDomainCount", all.length),
        value("Start", start),
        value("NextStart", nextStart),
      ],
    };
  },
};

/** GetBalance: the balance POP email is paid from. */
export const getBalance: EnomCommand = {
  name: "GETBALANCE",
  run({ account }) {
    const balance = balanceAmount(account.balanceCents);
    return { changed: false, fields: [value("Balance", balance), value("AvailableBalance", balance)] };
  },
};
