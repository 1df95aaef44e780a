import "server-only";
import { z } from "zod";
import {
  flag,
  id,
  money,
  nestedList,
  optionalCount,
  optionalDate,
  optionalMoney,
  optionalText,
  text,
} from "../parse/fields";
import { accountDomainSchema, balanceSchema, DOMAIN_STATUSES, noInputSchema } from "../schemas";
import { defineCommand } from "./command";

type DomainStatus = (typeof DOMAIN_STATUSES)[number];

function domainStatus(text: string | null): DomainStatus {
  const known = DOMAIN_STATUSES.find((status) => status.toLowerCase() === text?.toLowerCase());
  return known ?? "Other";
}

const domainWire = z
  .object({
    domainnameid: id,
    sld: text,
    tld: text,
    expdate: optionalDate,
    autorenew: flag(false),
    status: optionalText,
  })
  .transform((d) => {
    const sld = d.sld.toLowerCase();
    const tld = d.tld.toLowerCase();
    const status = domainStatus(d.status);
    return {
      domainNameId: d.domainnameid,
      sld,
      tld,
      name: `${sld}.${tld}`,
      expires: d.expdate,
      autoRenew: d.autorenew,
      status,
      emailAvailable: status === "Registered" || status === "DNSHosted",
    };
  })
  .pipe(accountDomainSchema);

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
    const wire = z
      .object({
        domains: nestedList("domain", domainWire),
        totaldomaincount: optionalCount,
        nextstart: optionalCount,
      })
      .parse(reply);
    return {
      domains: wire.domains,
      totalDomainCount: wire.totaldomaincount,
      nextStart: wire.nextstart ?? 0,
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
