import { EnomError, enomErrors } from "../errors";
import { addDays, enomDate } from "../dates";
import { node, repeated, value, type ReplyField } from "../wire/reply";
import type { Domain } from "../world";
import type { EnomCommand } from "./context";
import { compare } from "./get-domains";
import { optionalParam, permittedParam, wholeNumberParam } from "./inputs";

/**
 * AdvancedDomainSearch (docs/domains/domain-management/general/advanced-domain-search.md), "the
 * most up-to-date command for accounts of all sizes" (GetDomains' page): a page of at most 100
 * (`RecordsToReturn`, default 100) from `StartPosition` (≤8 characters), filtered by TLDList,
 * SearchCriteria + SLD (Start, End, In, Exact), ExcludeNumbers / ExcludeDashes (1 excludes, as the
 * example's reply shows), RegistrationStatus (Registered — the default the example echoes —,
 * Hosted, Expired), AutoRenew, DaysTillExpires, DaysExpired, NSStatus and HasPOPMail; ordered by
 * SLD, TLD, NSStatus, ExpDate or Renew.
 *
 * The simulated account has no parked, locked, ID-protected or web-hosted domain, no folders and
 * no subaccounts: ParkingStatus, Locked, HasIDProtect and HasWebHosting 1 match nothing and 0
 * everything; filters by creation date, name server, ID Protect expiry, folder or subaccount are
 * refused as not simulated. Reply as the page's sample: `DomainSearch{SearchParams{SP-…},
 * TotalResults, StartPosition, NextPosition, MultiRRP, TLDOverride, Domains{Domain{…}}}`; Text adds
 * `IsProvisioned1` and `count`. NextPosition on the last page is 1, as the XML sample shows (33
 * results, NextPosition 1).
 */
const FLAG = ["0", "1"] as const;
const CRITERIA = ["Start", "End", "In", "Exact"] as const;
const STATUSES = ["Registered", "Hosted", "Expired"] as const;
const ORDER_BY = ["SLD", "TLD", "NSStatus", "ExpDate", "Renew"] as const;
const NOT_SIMULATED = [
  "CreationDate",
  "NameServer",
  "DaysUntilExpires",
  "FolderOption",
  "FolderName",
  "FolderSyncStatus",
  "SubaccountLogin",
] as const;
export const RECORDS_TO_RETURN_MAX = 100;
const NAME_SERVERS =
  "dns1.name-services.com,dns2.name-services.com,dns3.name-services.com,dns4.name-services.com,dns5.name-services.com";

export const advancedDomainSearch: EnomCommand = {
  name: "ADVANCEDDOMAINSEARCH",
  run({ world, account, params, today }) {
    for (const name of NOT_SIMULATED)
      if ((params.get(name) ?? "") !== "")
        throw new EnomError(enomErrors.notSimulated(`AdvancedDomainSearch ${name}`));
    if (params.get("IncludeSubaccounts") === "1")
      throw new EnomError(enomErrors.notSimulated("AdvancedDomainSearch IncludeSubaccounts=1"));
    const tldList = optionalParam(params, "TLDList", 120) || "*";
    const sld = optionalParam(params, "SLD", 8000) ?? "";
    if (sld !== "" && !/^[A-Za-z0-9-]+$/.test(sld))
      throw new EnomError(enomErrors.notPermitted("SLD", ["letters", "numbers", "hyphens"]));
    const criteria = permittedParam(params, "SearchCriteria", CRITERIA, { fallback: "In", maxSize: 5 });
    const flag = (name: string) =>
      (params.get(name) ?? "") === "" ? undefined : permittedParam(params, name, FLAG, { maxSize: 1 });
    const excludeNumbers = flag("ExcludeNumbers");
    const excludeDashes = flag("ExcludeDashes");
    const status = permittedParam(params, "RegistrationStatus", STATUSES, {
      fallback: "Registered",
      maxSize: 10,
    });
    const autoRenew = flag("AutoRenew");
    const days = (name: string) =>
      (params.get(name) ?? "") === ""
        ? undefined
        : wholeNumberParam(params, name, { min: 0, max: 65_535, maxSize: 7 });
    const daysTillExpires = days("DaysTillExpires");
    const daysExpired = days("DaysExpired");
    const nsStatus =
      (params.get("NSStatus") ?? "") === ""
        ? undefined
        : permittedParam(params, "NSStatus", ["Yes", "No"] as const, { maxSize: 5 });
    const hasPopMail = flag("HasPOPMail");
    const noneHave = ["ParkingStatus", "Locked", "HasIDProtect", "HasWebHosting"].map(flag);
    const orderBySent = params.get("OrderBy") ?? "";
    const orderBy = permittedParam(params, "OrderBy", ORDER_BY, { fallback: "SLD", maxSize: 8 });
    const startPosition = wholeNumberParam(params, "StartPosition", {
      min: 1,
      max: 99_999_999,
      maxSize: 8,
      fallback: 1,
    });
    const recordsToReturn = wholeNumberParam(params, "RecordsToReturn", {
      min: 1,
      max: RECORDS_TO_RETURN_MAX,
      maxSize: 3,
      fallback: RECORDS_TO_RETURN_MAX,
    });

    const tlds = tldList === "*" ? null : new Set(tldList.split(",").map((tld) => tld.trim().toLowerCase()));
    const needle = sld.toLowerCase();
    const matches = world.domainsOf(account).filter((domain) => {
      const expired = domain.expDate < today;
      const statusOf =
        domain.status === "DNSHosted"
          ? "Hosted"
          : domain.status === "Registered"
            ? expired
              ? "Expired"
              : "Registered"
            : null;
      if (statusOf !== status) return false;
      if (tlds && !tlds.has(domain.tld)) return false;
      if (needle !== "" && !matchesSld(domain.sld, needle, criteria)) return false;
      if (excludeNumbers === "1" && /\d/.test(domain.sld)) return false;
      if (excludeDashes === "1" && domain.sld.includes("-")) return false;
      if (autoRenew !== undefined && domain.autoRenew !== (autoRenew === "1")) return false;
      if (daysTillExpires !== undefined && (expired || domain.expDate > addDays(today, daysTillExpires)))
        return false;
      if (daysExpired !== undefined && (!expired || domain.expDate < addDays(today, -daysExpired)))
        return false;
      if (nsStatus !== undefined && (domain.nsStatus === "YES") !== (nsStatus === "Yes")) return false;
      if (hasPopMail !== undefined && domain.paks.length > 0 !== (hasPopMail === "1")) return false;
      return !noneHave.includes("1");
    });
    const sorted = orderBy === "SLD" ? matches : [...matches].sort(ORDERS[orderBy]);
    const page = sorted.slice(startPosition - 1, startPosition - 1 + recordsToReturn);
    const next = startPosition - 1 + page.length < sorted.length ? startPosition + page.length : 1;
    const echo = (name: string) => params.get(name) ?? "";
    const yesIfOne = (setting: string | undefined) => (setting === undefined ? "" : setting === "1");
    const searchParams: ReplyField[] = [
      value("SP-TLDList", tldList),
      value("SP-SLD", sld),
      value("SP-SearchCriteria", echo("SearchCriteria")),
      value("SP-ParkingStatus", echo("ParkingStatus")),
      node(
        "SP-XML",
        sld === ""
          ? []
          : [
              node("DomainNames", [
                node("DomainName", [], {
                  attributes: [
                    ["sld", sld],
                    ["location", criteria],
                  ],
                }),
              ]),
            ],
        { only: "xml" },
      ),
      value("DomainName", "", { only: "text" }),
      value("SP-RegistrationStatus", status),
      value("SP-AutoRenew", echo("AutoRenew")),
      value("SP-Locked", echo("Locked")),
      value("SP-DaysTillExpires", echo("DaysTillExpires")),
      value("SP-DaysExpired", echo("DaysExpired")),
      value("SP-NsStatus", echo("NSStatus")),
      value("SP-HostRecordType", ""),
      value("SP-HostName", ""),
      value("SP-HostAddress", ""),
      value("SP-NameServer", ""),
      value("SP-HasIDProtect", echo("HasIDProtect")),
      value("SP-HasPOPMail", echo("HasPOPMail")),
      value("SP-EmailForwarding", ""),
      value("SP-HasWebHosting", echo("HasWebHosting")),
      value("SP-ExcludeNumbers", yesIfOne(excludeNumbers)),
      value("SP-ExcludeDashes", yesIfOne(excludeDashes)),
      value("SP-IncludeSubAccounts", echo("IncludeSubaccounts")),
      value("SP-SubAccountLogin", ""),
      value("SP-XMLResponse", 1),
      value("SP-RecordsToReturn", recordsToReturn),
      value("SP-StartPosition", startPosition),
      value("SP-OrderBy", orderBySent),
      value("SP-CustomerGroupName", ""),
      value("SP-FolderOption", ""),
      value("SP-FolderSyncStatus", ""),
      value("SP-FolderName", ""),
      value("SP-EmailResultsOnly", ""),
      value("SP-CreationDate", ""),
      value("SP-DaysUntilIDProtectExpires", ""),
      value("SP-ContactXML", ""),
      value("SP-WBLStatusID", ""),
      value("SP-WBLEnabled", ""),
      value("SP-WBLAutoRenew", ""),
    ];
    const domains = page.map((domain) => domainFields(domain, account.uid, today));
    return {
      changed: false,
      fields: [
        node("DomainSearch", [
          node("SearchParams", searchParams),
          value("TotalResults", sorted.length),
          value("StartPosition", startPosition),
          value("NextPosition", next),
          value("MultiRRP", false),
          value("TLDOverride", 0),
          node("Domains", repeated("Domain", domains)),
          value("count", page.length, { only: "text" }),
        ]),
      ],
    };
  },
};

function matchesSld(sld: string, needle: string, criteria: (typeof CRITERIA)[number]): boolean {
  const name = sld.toLowerCase();
  if (criteria === "Start") return name.startsWith(needle);
  if (criteria === "End") return name.endsWith(needle);
  if (criteria === "Exact") return name === needle;
  return name.includes(needle);
}

function domainFields(domain: Domain, loginId: string, today: string): ReplyField[] {
  const nsStatus = domain.nsStatus === "YES" ? "Yes" : domain.nsStatus === "NO" ? "No" : "NA";
  const expired = domain.expDate < today;
  return [
    value("DomainNameID", domain.domainNameId),
    value("SLD", domain.sld),
    value("TLD", domain.tld),
    value("AutoRenew", domain.autoRenew ? "1" : "0"),
    value("ExpDate", enomDate(domain.expDate)),
    value(
      "DomainRegistrationStatus",
      domain.status === "DNSHosted" ? "Hosted" : expired ? "Expired" : "Registered",
    ),
    value("DeleteType", ""),
    value("LoginID", loginId),
    value("AccountID", "217-no-0647"),
    value("IsProvisioned", "false", { only: "text" }),
    value("NSStatus", nsStatus),
    value("FolderStatus", 0),
    value("RRProcessor", "E"),
    value("RRCompanyName", "eNom, Inc."),
    value("HasIDProtect", "disabled"),
    value("IDProtectExpires", ""),
    value("DomainFolderStatus", 0),
    value("WBLStatusID", 0),
    value("WBLStatus", "Available"),
    value("WBLExpDate", ""),
    value("WBLAutoRenew", ""),
    value("NameServers", domain.nsStatus === "YES" ? NAME_SERVERS : ""),
    value("Vas", ""),
  ];
}

const ORDERS: Record<Exclude<(typeof ORDER_BY)[number], "SLD">, (a: Domain, b: Domain) => number> = {
  TLD: (a, b) => compare(a.tld, b.tld) || compare(a.sld, b.sld),
  NSStatus: (a, b) => compare(a.nsStatus, b.nsStatus) || compare(a.sld, b.sld),
  ExpDate: (a, b) => compare(a.expDate, b.expDate) || compare(a.sld, b.sld),
  Renew: (a, b) => Number(a.autoRenew) - Number(b.autoRenew) || compare(a.sld, b.sld),
};
