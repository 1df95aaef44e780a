import { z } from "zod";
import {
  BILLING_PERIODS,
  CAPACITIES_GB,
  PROD_TYPE_CLASSIC_POP,
  PROD_TYPE_MAILBOX,
  QUOTA_MB_BY_CAPACITY,
  STORAGE_UNIT_MB,
} from "../validation/enom-rules";
import { isIsoDate, type IsoDate } from "./dates";

/**
 * The simulator's truth: accounts, their domains, each domain's POP paks and mailboxes. The
 * schemas double as the state file's format, so what is saved is checked the same way on load.
 */
const isoDate = z.string().refine(isIsoDate, "must be a YYYY-MM-DD date");

export const mailboxSchema = z.object({
  userName: z.string(),
  /** Sent as DisplayNameX; eNom never returns it (GetPOP3 has no such field), only the truth shows it. */
  displayName: z.string(),
  bundleId: z.number().int(),
  isAdmin: z.boolean(),
  /**
   * Kept in clear because eNom keeps it and returns it: GetPOP3's `<password>` (its page and
   * ../shared/enom-samples/getpop3-online.xml). The control API never shows it.
   */
  password: z.string(),
  /** When one was last set (ISO timestamp). */
  passwordSetAt: z.string(),
  /** The day the mailbox was created: its storage in use grows from then (`quotaused`). */
  createdOn: isoDate,
});
export type Mailbox = z.infer<typeof mailboxSchema>;

/**
 * One email forwarding record (GetPOPForwarding / SetPOPForwarding). Kept apart from mailboxes:
 * eNom's forwarding is "either POP or our email forwarding" (GetPOPForwarding's page), so a record
 * may name a user that has no mailbox.
 */
export const STATUS_FLAGS = ["", "0", "1"] as const;
export const forwardSchema = z.object({
  userName: z.string(),
  forwardTo: z.string(),
  /** As sent: "" original mailbox only, "0" both, "1" forwarding address only (the page's words; an unknown). */
  statusFlags: z.enum(STATUS_FLAGS),
});
export type Forward = z.infer<typeof forwardSchema>;

/**
 * One host record (GetHosts / SetHosts, docs/domains/domain-management/host-records/): `name` (`@`
 * for the domain itself), `type` as SetHosts' RecordTypeX, `address` as sent (a name ending in "."
 * is fully qualified, one without is a host of this domain), `mxPref` (default 10), `hostId`.
 */
export const HOST_RECORD_TYPES = ["A", "AAAA", "CNAME", "URL", "FRAME", "MX", "MXE", "TXT"] as const;
export const hostRecordSchema = z.object({
  name: z.string(),
  type: z.enum(HOST_RECORD_TYPES),
  address: z.string(),
  mxPref: z.number().int(),
  hostId: z.number().int().positive(),
});
export type HostRecord = z.infer<typeof hostRecordSchema>;

export const pakSchema = z.object({
  bundleId: z.number().int().positive(),
  /** 2011: the Mailbox product (seeds/002); 38: a classic 10-mailbox POP pak (GetPOP3's sample). */
  prodType: z.literal([PROD_TYPE_MAILBOX, PROD_TYPE_CLASSIC_POP]),
  version: z.number().int(),
  qtyPurchased: z.number().int().positive(),
  capacityGb: z.literal([...CAPACITIES_GB]),
  /** Extra storage bought with EmailStorage, in 512 MB units per mailbox. */
  storageUnits: z.number().int().min(0),
  expDate: isoDate,
  autoRenew: z.boolean(),
  billingPeriod: z.enum(BILLING_PERIODS),
  createdOn: isoDate,
});
export type Pak = z.infer<typeof pakSchema>;

export const DOMAIN_STATUSES = ["Registered", "DNSHosted", "TransferPending"] as const;
export type DomainStatus = (typeof DOMAIN_STATUSES)[number];
/** GetDomains' `ns-status`: YES when the domain uses eNom's name servers (its page); the sample also shows NA. */
export const NS_STATUSES = ["YES", "NO", "NA"] as const;

export const domainSchema = z.object({
  domainNameId: z.number().int().positive(),
  sld: z.string(),
  tld: z.string(),
  account: z.string(),
  status: z.enum(DOMAIN_STATUSES),
  expDate: isoDate,
  autoRenew: z.boolean(),
  nsStatus: z.enum(NS_STATUSES),
  /** SetCatchAll's `ForwardTo`: a full address, or empty when none was ever set. */
  catchAll: z.string(),
  paks: z.array(pakSchema),
  mailboxes: z.array(mailboxSchema),
  forwards: z.array(forwardSchema),
  /** Host records, served over DNS (dns/) while `nsStatus` is YES. */
  hosts: z.array(hostRecordSchema),
});
export type Domain = z.infer<typeof domainSchema>;

export type AccountKind = "reseller" | "retail";
export interface Account {
  uid: string;
  pw: string;
  /** eNom's API tokens replace the password ("Simply replace the password with the API token", api-tokens.md). */
  apiTokens: readonly string[];
  kind: AccountKind;
  balanceCents: number;
}

export interface Counters {
  nextBundleId: number;
  nextOrderId: number;
}

export interface SeedFacts {
  /** How many generated domains the reseller account has. */
  domainCount: number;
  /** The day the world was seeded; generated expiries are relative to it. */
  anchor: IsoDate;
}

/** eNom's name servers, as GetDNS' sample lists them (docs/GetDNS.md). */
export const ENOM_NAME_SERVERS = [1, 2, 3, 4, 5].map((n) => `dns${n}.name-services.com`);
/** Where a domain whose DNS is not at eNom points (reserved example names). */
export const OUTSIDE_NAME_SERVERS = ["ns1.example-dns.net", "ns2.example-dns.net"];

/** The domain's name servers: eNom's while `ns-status` is YES, none for a pending transfer, elsewhere otherwise. */
export function nameServersOf(domain: Pick<Domain, "nsStatus">): string[] {
  if (domain.nsStatus === "YES") return ENOM_NAME_SERVERS;
  return domain.nsStatus === "NO" ? OUTSIDE_NAME_SERVERS : [];
}

export function domainNameOf(domain: Pick<Domain, "sld" | "tld">): string {
  return `${domain.sld}.${domain.tld}`;
}

export function quotaMb(pak: Pak): number {
  return QUOTA_MB_BY_CAPACITY[pak.capacityGb] + pak.storageUnits * STORAGE_UNIT_MB;
}

export function mailboxesIn(domain: Domain, bundleId: number): number {
  let count = 0;
  for (const mailbox of domain.mailboxes) if (mailbox.bundleId === bundleId) count++;
  return count;
}

export function freeMailboxes(domain: Domain, pak: Pak): number {
  return pak.qtyPurchased - mailboxesIn(domain, pak.bundleId);
}

/** A pak is expired from the day after its expiry date. */
export function isExpired(pak: Pak, today: IsoDate): boolean {
  return pak.expDate < today;
}

export function findMailbox(domain: Domain, userName: string): Mailbox | undefined {
  const wanted = userName.toLowerCase();
  return domain.mailboxes.find((mailbox) => mailbox.userName.toLowerCase() === wanted);
}

export function findForward(domain: Domain, userName: string): Forward | undefined {
  const wanted = userName.toLowerCase();
  return domain.forwards.find((forward) => forward.userName.toLowerCase() === wanted);
}

export function pakOf(domain: Domain, mailbox: Mailbox): Pak | undefined {
  return domain.paks.find((pak) => pak.bundleId === mailbox.bundleId);
}

/**
 * The whole world with the indexes the commands need. Domains are never added or removed after
 * seeding (the simulator sells email, not domains), which keeps the indexes simple; what changes
 * is tracked so the state file only carries what differs from the seed.
 */
export class World {
  readonly seed: SeedFacts;
  readonly accounts: Map<string, Account>;
  readonly domains: Map<string, Domain>;
  counters: Counters;
  /** Domains that differ from the seed (saved in the state file). */
  readonly changedDomains = new Set<string>();
  /** Domains changed since the last save. */
  readonly unsavedDomains = new Set<string>();
  private domainsByAccount: Map<string, Domain[]> | null = null;

  constructor(seed: SeedFacts, accounts: Account[], domains: Domain[], counters: Counters) {
    this.seed = seed;
    this.accounts = new Map(accounts.map((account) => [account.uid.toLowerCase(), account]));
    this.domains = new Map(domains.map((domain) => [domainNameOf(domain), domain]));
    this.counters = counters;
  }

  /** eNom's login IDs are case-insensitive; passwords and API tokens are not. */
  login(uid: string, pw: string): Account | undefined {
    const account = this.accounts.get(uid.toLowerCase());
    if (!account || pw === "") return undefined;
    return account.pw === pw || account.apiTokens.includes(pw) ? account : undefined;
  }

  domainById(account: Account, domainNameId: number): Domain | undefined {
    return this.domainsOf(account).find((domain) => domain.domainNameId === domainNameId);
  }

  domainOf(account: Account, sld: string, tld: string): Domain | undefined {
    const domain = this.domains.get(`${sld}.${tld}`.toLowerCase());
    return domain && domain.account === account.uid ? domain : undefined;
  }

  /** The account's domains, by name. */
  domainsOf(account: Account): readonly Domain[] {
    if (!this.domainsByAccount) {
      const byAccount = new Map<string, Domain[]>();
      for (const [, domain] of [...this.domains].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const owned = byAccount.get(domain.account) ?? [];
        owned.push(domain);
        byAccount.set(domain.account, owned);
      }
      this.domainsByAccount = byAccount;
    }
    return this.domainsByAccount.get(account.uid) ?? [];
  }

  /** Replaces a domain wholesale (loading saved state). */
  restoreDomain(domain: Domain): void {
    const name = domainNameOf(domain);
    if (!this.domains.has(name)) throw new Error(`the saved domain ${name} is not in the seeded world`);
    this.domains.set(name, domain);
    this.domainsByAccount = null;
    this.changedDomains.add(name);
  }

  touch(domain: Domain): void {
    const name = domainNameOf(domain);
    this.changedDomains.add(name);
    this.unsavedDomains.add(name);
  }

  nextBundleId(): number {
    return this.counters.nextBundleId++;
  }

  nextOrderId(): number {
    return this.counters.nextOrderId++;
  }
}
