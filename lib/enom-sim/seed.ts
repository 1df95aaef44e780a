import {
  CAPACITIES_GB,
  PROD_TYPE_CLASSIC_POP,
  PROD_TYPE_MAILBOX,
  type BillingPeriod,
} from "../validation/enom-rules";
import { addDays, daysBetween, type IsoDate } from "./dates";
import { seededPassword } from "./mailbox-facts";
import { between, mixSeed, mulberry32, pick, type Random } from "./prng";
import { DOCS_HOSTS, mailDnsCaseOf, seededHosts } from "./seed-hosts";
import {
  NAME_FIRST_WORDS,
  NAME_SECOND_WORDS,
  NAME_TLDS,
  OUTSIDE_MAIL_DOMAINS,
  PERSON_FIRST_NAMES,
  PERSON_LAST_NAMES,
  ROLE_MAILBOXES,
} from "./seed-names";
import {
  World,
  type Account,
  type Domain,
  type DomainStatus,
  type Forward,
  type Mailbox,
  type Pak,
  type SeedFacts,
} from "./world";

/**
 * The seeded world: the documents' account and domains, ready for their example queries, plus a
 * reseller's worth of generated domains covering every case a panel must show. Deterministic:
 * domain i depends only on i and the anchor day, so 10,000 domains build in tens of
 * milliseconds and a saved state only needs to carry what changed since.
 */

/** Bumped whenever the generator changes, so an old state file is not replayed on a new seed. */
export const SEED_GENERATOR = 3;
export const DEFAULT_DOMAIN_COUNT = 40;
export const MAX_DOMAIN_COUNT = 100_000;

export const RESELLER = { uid: "resellid", pw: "resellpw" } as const;
/**
 * An API token for the reseller account, usable as `pw` instead of the password (api-tokens.md).
 * eNom does not document a token's length or alphabet; one public token has 40 characters.
 */
export const RESELLER_API_TOKEN = "5E1F0C3A9B7D42E8A6C1F0B9D3E7A2C4B8F6D1E9";
export const RETAIL = { uid: "retailid", pw: "retailpw" } as const;
export const RESELLER_BALANCE_CENTS = 500_000;
export const RETAIL_BALANCE_CENTS = 10_000;

/** seeds/002's quick start buys BundleID 1004279 with orderid 161786106: the next ids handed out. */
export const FIRST_NEW_BUNDLE_ID = 1_004_279;
export const FIRST_NEW_ORDER_ID = 161_786_106;

/** seeds/001's pak; seeds/004's POPConfig link names DomainNameID 152533676 for resellerdocs.com. */
export const DOCS_DOMAIN = "resellerdocs.com";
export const DOCS_BUNDLE_ID = 5134;
/** The pak the RenewPOPBundle and SetPakRenew pages' examples renew (`pakid=5105`, `bundleid=5105`). */
export const DOCS_RENEW_BUNDLE_ID = 5105;
/** The empty pak the DeletePOPPak page's example deletes (`BundleID=5733`). */
export const DOCS_EMPTY_BUNDLE_ID = 5733;
export const DOCS_DOMAIN_NAME_ID = 152_533_676;
export const QUICK_START_DOMAIN = "enom-email-example-123.com";

/** Generated paks take ids below the documents' next id, so new ids stay increasing and unique. */
const GENERATED_BUNDLE_BASE = 600_000;
const GENERATED_DOMAIN_NAME_ID_BASE = 152_600_000;
/** Host ids of generated records: 50 per domain (SetHosts' most) above eNom's sample ids. */
const GENERATED_HOST_ID_BASE = 30_000_000;
const WORLD_SEED = 20141125;

export function seedWorld(facts: SeedFacts): World {
  if (!Number.isInteger(facts.domainCount) || facts.domainCount < 0 || facts.domainCount > MAX_DOMAIN_COUNT)
    throw new Error(`domainCount must be a whole number from 0 to ${MAX_DOMAIN_COUNT}`);
  const accounts: Account[] = [
    {
      uid: RESELLER.uid,
      pw: RESELLER.pw,
      apiTokens: [RESELLER_API_TOKEN],
      kind: "reseller",
      balanceCents: RESELLER_BALANCE_CENTS,
    },
    { uid: RETAIL.uid, pw: RETAIL.pw, apiTokens: [], kind: "retail", balanceCents: RETAIL_BALANCE_CENTS },
  ];
  const domains = [...documentDomains(facts.anchor), ...retailDomains(facts.anchor)];
  for (let index = 0; index < facts.domainCount; index++) domains.push(generatedDomain(index, facts.anchor));
  return new World(facts, accounts, domains, {
    nextBundleId: FIRST_NEW_BUNDLE_ID,
    nextOrderId: FIRST_NEW_ORDER_ID,
  });
}

/**
 * The documents' domains, ready for every example query of eNom's pages and the seeds:
 * resellerdocs.com holds pak 5134 with free mailboxes and no `james` (seeds/001 creates him; the
 * DeletePOP3 page deletes him), pak 5105 with `john`, `jane` (the ModifyPOP3 page changes their
 * passwords) and `Jane.Doe`, forwarded to jane@example.net (the GetPOPForwarding sample), and the
 * empty pak 5733 (the DeletePOPPak page deletes it); its catch-all is the GetCatchAll sample's.
 */
function documentDomains(anchor: IsoDate): Domain[] {
  const docs = "resellerdocs.com";
  return [
    {
      domainNameId: DOCS_DOMAIN_NAME_ID,
      sld: "resellerdocs",
      tld: "com",
      account: RESELLER.uid,
      status: "Registered",
      expDate: addDays(anchor, 400),
      autoRenew: true,
      nsStatus: "YES",
      catchAll: "info@resellerdocs.com",
      paks: [
        classicPak(DOCS_RENEW_BUNDLE_ID, anchor, addDays(anchor, 200)),
        classicPak(DOCS_BUNDLE_ID, anchor, addDays(anchor, 300)),
        classicPak(DOCS_EMPTY_BUNDLE_ID, anchor, addDays(anchor, 250)),
      ],
      mailboxes: [
        mailbox(docs, "john", "John Doe", DOCS_RENEW_BUNDLE_ID, true, addDays(anchor, -60)),
        mailbox(docs, "jane", "Jane Roe", DOCS_RENEW_BUNDLE_ID, false, addDays(anchor, -45)),
        mailbox(docs, "Jane.Doe", "Jane Doe", DOCS_RENEW_BUNDLE_ID, false, addDays(anchor, -30)),
      ],
      forwards: [{ userName: "Jane.Doe", forwardTo: "jane@example.net", statusFlags: "" }],
      hosts: DOCS_HOSTS.map((record) => ({ ...record })),
    },
    {
      domainNameId: DOCS_DOMAIN_NAME_ID + 1,
      sld: "enom-email-example-123",
      tld: "com",
      account: RESELLER.uid,
      status: "Registered",
      expDate: addDays(anchor, 365),
      autoRenew: true,
      nsStatus: "YES",
      catchAll: "",
      // No pak: seeds/002's quick start buys one.
      paks: [],
      mailboxes: [],
      forwards: [],
      hosts: [],
    },
  ];
}

function retailDomains(anchor: IsoDate): Domain[] {
  return [
    {
      domainNameId: DOCS_DOMAIN_NAME_ID + 10,
      sld: "hilltop-pottery",
      tld: "com",
      account: RETAIL.uid,
      status: "Registered",
      expDate: addDays(anchor, 200),
      autoRenew: true,
      nsStatus: "YES",
      catchAll: "",
      paks: [
        {
          ...classicPak(5200, anchor, addDays(anchor, 45)),
          prodType: PROD_TYPE_MAILBOX,
          version: 3,
          qtyPurchased: 5,
        },
      ],
      mailboxes: [
        mailbox("hilltop-pottery.com", "hello", "Hilltop Pottery", 5200, true, addDays(anchor, -20)),
      ],
      forwards: [],
      hosts: seededHosts("hilltop-pottery.com", "green", 1, 19_000_000),
    },
    {
      domainNameId: DOCS_DOMAIN_NAME_ID + 11,
      sld: "quiet-cove-books",
      tld: "org",
      account: RETAIL.uid,
      status: "Registered",
      expDate: addDays(anchor, 90),
      autoRenew: false,
      nsStatus: "YES",
      catchAll: "",
      paks: [],
      mailboxes: [],
      forwards: [],
      hosts: seededHosts("quiet-cove-books.org", "no-email", 2, 19_000_100),
    },
  ];
}

/** A classic 10-pak: ProdType 38 and Version 2, as GetPOP3's Text sample shows a classic pak. */
function classicPak(bundleId: number, anchor: IsoDate, expDate: IsoDate): Pak {
  return {
    bundleId,
    prodType: PROD_TYPE_CLASSIC_POP,
    version: 2,
    qtyPurchased: 10,
    capacityGb: 1,
    storageUnits: 0,
    expDate,
    autoRenew: true,
    billingPeriod: "year",
    createdOn: addDays(anchor, -65),
  };
}

function mailbox(
  domainName: string,
  userName: string,
  displayName: string,
  bundleId: number,
  isAdmin: boolean,
  createdOn: IsoDate,
): Mailbox {
  return {
    userName,
    displayName,
    bundleId,
    isAdmin,
    password: seededPassword(domainName, userName),
    passwordSetAt: `${createdOn}T00:00:00.000Z`,
    createdOn,
  };
}

// ---- generated domains -------------------------------------------------------------------

const NAME_COMBINATIONS = NAME_FIRST_WORDS.length * NAME_SECOND_WORDS.length * NAME_TLDS.length;
/**
 * A step coprime with the number of combinations walks all of them once; near the golden ratio of
 * it, neighbouring domains get unrelated words.
 */
const NAME_STEP = coprimeStep(Math.round(NAME_COMBINATIONS * 0.618034), NAME_COMBINATIONS);

function coprimeStep(start: number, modulus: number): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  let step = start;
  while (gcd(step, modulus) !== 1) step++;
  return step;
}

export function generatedDomainName(index: number): { sld: string; tld: string } {
  const round = Math.floor(index / NAME_COMBINATIONS);
  const combination = ((index % NAME_COMBINATIONS) * NAME_STEP + 13) % NAME_COMBINATIONS;
  const tld = NAME_TLDS[combination % NAME_TLDS.length] ?? "com";
  const rest = Math.floor(combination / NAME_TLDS.length);
  const second = NAME_SECOND_WORDS[rest % NAME_SECOND_WORDS.length] ?? "studio";
  const first = NAME_FIRST_WORDS[Math.floor(rest / NAME_SECOND_WORDS.length)] ?? "harbor";
  return { sld: round === 0 ? `${first}-${second}` : `${first}-${second}-${round + 1}`, tld };
}

/**
 * Expiry spreads, in days from the anchor: expired, within 7, 30 and 90 days, and far. Cycled by
 * index rather than drawn, so even a 10-domain world shows every one.
 */
const EXPIRY_SPREADS: ReadonlyArray<readonly [number, number]> = [
  [-60, -1],
  [0, 7],
  [8, 30],
  [31, 90],
  [91, 400],
  [150, 730],
  [365, 1000],
];

const MAILBOX_PRODUCT_SIZES = [1, 2, 3, 5, 5, 10, 10, 10, 15, 20, 25, 50] as const;

function statusOf(index: number): DomainStatus {
  if (index % 25 === 7) return "DNSHosted";
  if (index % 25 === 19) return "TransferPending";
  return "Registered";
}

function hasEmail(index: number, status: DomainStatus): boolean {
  return status !== "TransferPending" && index % 10 !== 3;
}

export function generatedDomain(index: number, anchor: IsoDate): Domain {
  const random = mulberry32(mixSeed(WORLD_SEED, index));
  const { sld, tld } = generatedDomainName(index);
  const domainName = `${sld}.${tld}`;
  const status = statusOf(index);
  const paks: Pak[] = [];
  const drafts: MailboxDraft[] = [];
  if (hasEmail(index, status)) {
    const pakCount = index % 6 === 5 ? 2 : 1;
    for (let slot = 0; slot < pakCount; slot++) {
      const pak = generatedPak(random, index, slot, anchor);
      paks.push(pak);
      addGeneratedMailboxes(random, index, pak, drafts);
    }
  }
  const catchAllRoll = random();
  const firstMailbox = drafts[0];
  const catchAll =
    firstMailbox && catchAllRoll < 0.25
      ? `${firstMailbox.userName}@${domainName}`
      : firstMailbox && catchAllRoll < 0.3
        ? "postmaster@example.org"
        : "";
  const mailboxes = drafts.map((draft) => finishedMailbox(domainName, draft, paks, anchor));
  const forwards: Forward[] = drafts
    .filter((draft) => draft.forwardTo !== "")
    .map((draft, position) => ({
      userName: draft.userName,
      forwardTo: draft.forwardTo,
      statusFlags: (["", "0", "1"] as const)[(index + position) % 3] ?? "",
    }));
  const dnsCase = mailDnsCaseOf(index, paks.length > 0);
  const nsStatus = nsStatusOf(status, paks.length > 0, index, dnsCase === "dns-elsewhere");
  return {
    domainNameId: GENERATED_DOMAIN_NAME_ID_BASE + index,
    sld,
    tld,
    account: RESELLER.uid,
    status,
    expDate: addDays(anchor, between(random, 20, 900)),
    autoRenew: random() < 0.7,
    nsStatus,
    catchAll,
    paks,
    mailboxes,
    forwards,
    hosts:
      nsStatus === "YES" ? seededHosts(domainName, dnsCase, index, GENERATED_HOST_ID_BASE + index * 50) : [],
  };
}

/**
 * Domains with email mostly use eNom's name servers; one in ten has its DNS elsewhere (the records
 * copied by hand, the case the panel shows "records to copy" for). Some without email do not.
 */
function nsStatusOf(
  status: DomainStatus,
  hasPaks: boolean,
  index: number,
  dnsElsewhere: boolean,
): Domain["nsStatus"] {
  if (status === "TransferPending") return "NA";
  if (status === "DNSHosted") return "YES";
  if (hasPaks) return dnsElsewhere ? "NO" : "YES";
  return Math.floor(index / 10) % 2 === 0 ? "NO" : "YES";
}

function generatedPak(random: Random, index: number, slot: number, anchor: IsoDate): Pak {
  const [from, to] = EXPIRY_SPREADS[(index * 3 + slot) % EXPIRY_SPREADS.length] ?? [91, 400];
  const days = between(random, from, to);
  const classic = random() < 0.15;
  const billingPeriod: BillingPeriod = !classic && days <= 90 && random() < 0.3 ? "month" : "year";
  return {
    bundleId: GENERATED_BUNDLE_BASE + index * 2 + slot,
    prodType: classic ? PROD_TYPE_CLASSIC_POP : PROD_TYPE_MAILBOX,
    version: classic ? 2 : 3,
    qtyPurchased: classic ? 10 : pick(random, MAILBOX_PRODUCT_SIZES),
    capacityGb: classic ? 1 : (CAPACITIES_GB[(index + slot) % CAPACITIES_GB.length] ?? 1),
    storageUnits: random() < 0.08 ? between(random, 1, 4) : 0,
    expDate: addDays(anchor, days),
    autoRenew: (index + slot) % 3 !== 0,
    billingPeriod,
    createdOn: addDays(anchor, Math.min(days, 0) - between(random, 30, 700)),
  };
}

/** A generated mailbox before its password and creation day are drawn (from their own streams). */
interface MailboxDraft {
  userName: string;
  displayName: string;
  bundleId: number;
  isAdmin: boolean;
  forwardTo: string;
}

function addGeneratedMailboxes(random: Random, index: number, pak: Pak, drafts: MailboxDraft[]): void {
  const full = index % 9 === 4;
  const count = full ? pak.qtyPurchased : between(random, 0, Math.min(pak.qtyPurchased, 8));
  const taken = new Set(drafts.map((existing) => existing.userName));
  for (let made = 0, attempts = 0; made < count; attempts++) {
    const candidate = generatedMailbox(random, pak.bundleId, drafts.length === 0, taken.size);
    // Redraw a name already used; after many tries fall back to a numbered one (never loops forever).
    if (taken.has(candidate.userName) && attempts < 100) continue;
    if (taken.has(candidate.userName)) candidate.userName = `user${taken.size + 1}`;
    taken.add(candidate.userName);
    drafts.push(candidate);
    made++;
    attempts = 0;
  }
}

function generatedMailbox(random: Random, bundleId: number, first: boolean, serial: number): MailboxDraft {
  const firstName = pick(random, PERSON_FIRST_NAMES);
  const lastName = pick(random, PERSON_LAST_NAMES);
  const roll = random();
  const role = pick(random, ROLE_MAILBOXES);
  // Past a few dozen mailboxes the word lists repeat; a serial keeps big paks' names unique.
  const suffix = serial >= 40 ? String(serial) : "";
  const [userName, displayName] =
    roll < 0.3
      ? [`${role[0]}${suffix}`, role[1]]
      : roll < 0.75
        ? [`${firstName}.${lastName}${suffix}`, `${capitalized(firstName)} ${capitalized(lastName)}`]
        : [`${firstName}${suffix}`, `${capitalized(firstName)} ${capitalized(lastName)}`];
  const isAdmin = first ? random() < 0.85 : random() < 0.1;
  const forwardTo = random() < 0.15 ? `${firstName}.${lastName}@${pick(random, OUTSIDE_MAIL_DOMAINS)}` : "";
  return { userName, displayName, bundleId, isAdmin, forwardTo };
}

/** Created some day between its pak's purchase and the anchor; its password meets today's rule. */
function finishedMailbox(
  domainName: string,
  draft: MailboxDraft,
  paks: readonly Pak[],
  anchor: IsoDate,
): Mailbox {
  const pak = paks.find((candidate) => candidate.bundleId === draft.bundleId);
  const from = pak && pak.createdOn < anchor ? pak.createdOn : addDays(anchor, -30);
  const span = Math.max(0, daysBetween(from, anchor));
  const offset = mixSeed(draft.bundleId, draft.userName.length, draft.userName.charCodeAt(0)) % (span + 1);
  return {
    ...mailbox(
      domainName,
      draft.userName,
      draft.displayName,
      draft.bundleId,
      draft.isAdmin,
      addDays(from, offset),
    ),
  };
}

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
