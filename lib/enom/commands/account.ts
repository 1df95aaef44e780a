import "server-only";
import { z } from "zod";
import { money, optionalMoney } from "../parse/fields";
import type { ReplyRecord } from "../parse/reply";
import * as row from "../parse/rows";
import { balanceSchema, DOMAIN_STATUSES, noInputSchema } from "../schemas";
import type { AccountDomain } from "../types";
import { defineCommand } from "./command";

type DomainStatus = (typeof DOMAIN_STATUSES)[number];

function domainStatus(text: string | null): DomainStatus {
  const known = DOMAIN_STATUSES.find((status) => status.toLowerCase() === text?.toLowerCase());
  return known ?? "Other";
}

/** One `<Domain>` of GetDomains, read without zod: a large account lists 10,000 of them. */
function domainRow(d: ReplyRecord): AccountDomain {
  const sld = row.text(d, "sld").toLowerCase();
  const tld = row.text(d, "tld").toLowerCase();
  const status = domainStatus(row.optionalText(d, "status"));
  return {
    domainNameId: row.id(d, "domainnameid"),
    sld,
    tld,
    name: `${sld}.${tld}`,
    expires: row.optionalDate(d, "expdate"),
    autoRenew: row.flag(d, "autorenew", false),
    status,
    emailAvailable: status === "Registered" || status === "DNSHosted",
  };
}

/**
 * GetDomains, one page (`Start`, `Display`). The client follows `NextStart` across pages; this
 * spec is internal to that loop, which is why its input is already eNom's paging numbers.
 */
export const getDomainsPage = defineCommand({
  command: "GetDomains",
  kind: "read",
  input: z.object({ start: z.number().int().min(1), display: z.number().int().min(1).max(25_000) }),
  params: ({ start, display }) => ({ Start: String(start), Display: String(display) }),
  read: (reply, envelope) => {
    return {
      domains: row.nestedRecords(reply, "domains", "domain").map(domainRow),
      totalDomainCount: row.optionalCount(reply, "totaldomaincount"),
      nextStart: row.optionalCount(reply, "nextstart") ?? 0,
      trackingKey: envelope.trackingKey,
    };
  },
});

/** GetBalance: the account balance (USD, in cents). eNom's cheapest call, used for health checks. */
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
});
