import "server-only";
import { z } from "zod";
import { money, optionalMoney } from "../parse/fields";
import type { Envelope } from "../parse/envelope";
import { container, expectListed, indexed, listCount, repeated, unrecognised } from "../parse/lists";
import type { ReplyRecord } from "../parse/reply";
import * as row from "../parse/rows";
import { balanceSchema, DOMAIN_TABS, GET_DOMAINS_PAGE_MAX, noInputSchema } from "../schemas";
import type { AccountDomain } from "../types";
import { defineCommand } from "./command";

type DomainTab = (typeof DOMAIN_TABS)[number];

/** GetDomains' `Start` has at most 4 characters (its page): the last page that can be asked for starts at 9999. */
export const GET_DOMAINS_START_MAX = 9_999;

/** IOwn lists names registered in the account, IHost its DNS-hosted names (GetDomains' `Tab`). */
const STATUS_BY_TAB = { IOwn: "Registered", IHost: "DNSHosted" } as const;

/** One `GetDomains/domain-list/domain` (XML) or `DomainNameIDN, sldN, tldN, …` (Text), read without zod. */
function domainRow(d: ReplyRecord, tab: DomainTab): AccountDomain {
  const sld = row.text(d, "sld").toLowerCase();
  const tld = row.text(d, "tld").toLowerCase();
  return {
    domainNameId: row.id(d, "domainnameid"),
    sld,
    tld,
    name: `${sld}.${tld}`,
    expires: row.optionalDate(d, "expiration-date"),
    autoRenew: row.flag(d, "auto-renew", false), // `Yes` / `No`
    nsStatus: row.optionalText(d, "ns-status"),
    status: STATUS_BY_TAB[tab],
    // seeds/000: email is sold for names registered in the account or on its DNS hosting.
    emailAvailable: true,
  };
}

export type DomainsPage = {
  domains: AccountDomain[];
  /** `TotalDomainCount`: the names on this tab, all pages together. */
  totalDomainCount: number;
  /** `NextRecords`, or null when eNom sent none (or 0). */
  nextRecords: number | null;
  trackingKey: string | null;
};

const DOMAIN_FIELDS = ["domainnameid", "sld", "tld", "ns-status", "expiration-date", "auto-renew"];

/**
 * One page of GetDomains (its page, sample getdomains-online.xml): the list, checked against the
 * page's own bounds (`StartPosition`…`EndPosition`; Text also `count`), and `TotalDomainCount`,
 * which the client checks once every page is read.
 */
export function readDomainsPage(reply: ReplyRecord, envelope: Envelope, tab: DomainTab): DomainsPage {
  let numbers: ReplyRecord;
  let items: ReplyRecord[];
  if (envelope.format === "xml") {
    const getDomains = container(reply, "getdomains");
    if (getDomains === undefined) unrecognised("no <GetDomains>");
    numbers = getDomains;
    const list = container(getDomains, "domain-list");
    items = repeated(list?.domain, "domain");
    if (list === undefined && (row.optionalCount(getDomains, "totaldomaincount") ?? 0) > 0)
      unrecognised("TotalDomainCount is above 0 but there is no <domain-list>");
  } else {
    numbers = reply;
    items = indexed(reply, DOMAIN_FIELDS);
    const count = row.optionalCount(reply, "count");
    if (count !== null) expectListed(items.length, count, "domains on the page (count)");
  }
  const totalDomainCount = listCount(numbers, "TotalDomainCount", "domain");
  const start = row.optionalCount(numbers, "startposition");
  const end = row.optionalCount(numbers, "endposition");
  if (start !== null && end !== null)
    expectListed(
      items.length,
      end >= start ? end - start + 1 : 0,
      `domains on the page (StartPosition ${start} to EndPosition ${end})`,
    );
  const next = row.optionalCount(numbers, "nextrecords");
  return {
    domains: items.map((item) => domainRow(item, tab)),
    totalDomainCount,
    nextRecords: next === 0 ? null : next,
    trackingKey: envelope.trackingKey,
  };
}

/**
 * GetDomains, one page of one tab (`Tab`, `Start`, `Display` ≤ 100). The client pages through
 * every tab; this spec is internal to that loop, which is why its input is eNom's paging numbers.
 */
export const getDomainsPage = defineCommand({
  command: "GetDomains",
  kind: "read",
  input: z.object({
    tab: z.enum(DOMAIN_TABS).default("IOwn"),
    start: z.number().int().min(1).max(GET_DOMAINS_START_MAX).default(1),
    display: z.number().int().min(1).max(GET_DOMAINS_PAGE_MAX).default(GET_DOMAINS_PAGE_MAX),
  }),
  params: ({ tab, start, display }) => ({ Tab: tab, Display: String(display), Start: String(start) }),
  read: (reply, envelope, { tab }) => readDomainsPage(reply, envelope, tab),
  documented: ["GetDomains"],
});

/** GetBalance: the account balance (USD, in cents; may be negative). eNom's cheapest call, used for health checks. */
export const getBalance = defineCommand({
  command: "GetBalance",
  kind: "read",
  input: noInputSchema,
  params: () => ({}),
  read: (reply, envelope) => {
    const wire = z.object({ balance: money, availablebalance: optionalMoney }).parse(reply);
    return balanceSchema.parse({
      balance: wire.balance,
      availableBalance: wire.availablebalance,
      trackingKey: envelope.trackingKey,
    });
  },
  documented: ["Balance", "AvailableBalance"],
});
