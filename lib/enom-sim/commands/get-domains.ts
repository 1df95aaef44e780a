import { EnomError, enomErrors } from "../errors";
import { enomDate } from "../dates";
import { timeOfDay } from "../mailbox-facts";
import { node, repeated, value } from "../wire/reply";
import { domainNameOf, type Domain } from "../world";
import type { EnomCommand } from "./context";
import { optionalParam, permittedParam, wholeNumberParam } from "./inputs";

/**
 * GetDomains (its page; ../shared/enom-samples/getdomains-online.xml): one page of the account's
 * domains. `Tab` IOwn (default: names registered here) or IHost (DNS hosting here); `Display`
 * 0-100 per page, default 25; `Start` from 1, **at most 4 characters** as the page's table says,
 * so GetDomains cannot page past name 9,999 — eNom points large accounts to AdvancedDomainSearch;
 * `OrderBy` SLD, TLD, DNS or ExpirationDate; `StartLetter`; `Domain` (SLD.TLD).
 *
 * Reply: `GetDomains{tab, multirrp, domain-list type="Registered"{domain{DomainNameID, sld, tld,
 * ns-status, expiration-date, auto-renew Yes|No, wppsstatus, wppsexpdate, RRProcessor}},
 * EndPosition, PreviousRecords, NextRecords, OrderBy, Result, StartPosition, DomainCount,
 * TotalDomainCount, StartLetter}`. Text (the page's sample): `DomainNameID1`, `sld1`…, `count`
 * (the page's, Text only) and no `Result`. Unknowns, the simulator's choices: the list's `type` for
 * IHost is "Hosted" (AdvancedDomainSearch's word for DNS hosting); on the last page NextRecords is
 * 0; other tabs are not simulated.
 */
const TABS = [
  "IOwn",
  "Sub_IOwn",
  "WatchList",
  "IHost",
  "ExpiringNames",
  "ExpiredDomains",
  "RGP",
  "Promotion",
] as const;
const ORDER_BY = ["SLD", "TLD", "DNS", "ExpirationDate"] as const;
export const GET_DOMAINS_DISPLAY_MAX = 100;
export const GET_DOMAINS_DISPLAY_DEFAULT = 25;

export const getDomains: EnomCommand = {
  name: "GETDOMAINS",
  apiType: "API",
  run({ world, account, params }) {
    const tabSent = params.get("Tab") ?? "";
    const tab = permittedParam(params, "Tab", TABS, { fallback: "IOwn", maxSize: 10 });
    if (tab !== "IOwn" && tab !== "IHost")
      throw new EnomError(enomErrors.notSimulated(`GetDomains Tab=${tab}`));
    if ((params.get("ExtFormat") ?? "") === "1")
      throw new EnomError(enomErrors.notSimulated("GetDomains ExtFormat=1 (tag names without hyphens)"));
    const display = wholeNumberParam(params, "Display", {
      min: 0,
      max: GET_DOMAINS_DISPLAY_MAX,
      maxSize: 4,
      fallback: GET_DOMAINS_DISPLAY_DEFAULT,
    });
    const start = wholeNumberParam(params, "Start", { min: 1, max: 9999, maxSize: 4, fallback: 1 });
    const orderBySent = params.get("OrderBy") ?? "";
    const orderBy = permittedParam(params, "OrderBy", ORDER_BY, { fallback: "SLD", maxSize: 15 });
    const startLetter = optionalParam(params, "StartLetter", 1) ?? "";
    const only = optionalParam(params, "Domain", 60)?.toLowerCase() ?? "";

    const wanted = tab === "IOwn" ? "Registered" : "DNSHosted";
    const all = world
      .domainsOf(account)
      .filter(
        (domain) =>
          domain.status === wanted &&
          (startLetter === "" || domain.sld.toLowerCase().startsWith(startLetter.toLowerCase())) &&
          (only === "" || domainNameOf(domain) === only),
      );
    const sorted = orderBy === "SLD" ? all : [...all].sort(ORDERS[orderBy]);
    const page = sorted.slice(start - 1, start - 1 + display);
    const end = start - 1 + page.length;
    const domains = page.map((domain) => [
      value("DomainNameID", domain.domainNameId),
      value("sld", domain.sld),
      value("tld", domain.tld),
      value("ns-status", domain.nsStatus),
      value("expiration-date", enomDate(domain.expDate)),
      value("auto-renew", domain.autoRenew ? "Yes" : "No"),
      value("wppsstatus", "disabled"),
      // The sample's privacy protection is "disabled" with a date and time; the simulator's too.
      value("wppsexpdate", `${enomDate(domain.expDate)} ${timeOfDay(domain.domainNameId)}`),
      value("RRProcessor", "E"),
    ]);
    return {
      changed: false,
      fields: [
        node("GetDomains", [
          value("tab", tabSent),
          value("multirrp", false),
          node("domain-list", repeated("domain", domains), {
            attributes: [["type", tab === "IOwn" ? "Registered" : "Hosted"]],
          }),
          value("count", page.length, { only: "text" }),
          value("EndPosition", end),
          value("PreviousRecords", start > 1 ? Math.max(1, start - display) : 0),
          value("NextRecords", end < sorted.length ? end + 1 : 0),
          value("OrderBy", orderBySent),
          value("Result", true, { only: "xml" }),
          value("StartPosition", start),
          value("DomainCount", sorted.length),
          value("TotalDomainCount", sorted.length),
          value("StartLetter", startLetter),
        ]),
      ],
    };
  },
};

const ORDERS: Record<Exclude<(typeof ORDER_BY)[number], "SLD">, (a: Domain, b: Domain) => number> = {
  TLD: (a, b) => compare(a.tld, b.tld) || compare(a.sld, b.sld),
  DNS: (a, b) => compare(a.nsStatus, b.nsStatus) || compare(domainNameOf(a), domainNameOf(b)),
  ExpirationDate: (a, b) => compare(a.expDate, b.expDate) || compare(domainNameOf(a), domainNameOf(b)),
};

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
