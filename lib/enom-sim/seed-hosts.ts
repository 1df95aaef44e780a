import type { HostRecord } from "./world";

/**
 * The seeded domains' host records, so the demo shows every state of a domain's mail DNS. eNom's
 * published records for its email (../shared/enom-api.md, "DNS for email"): MX
 * `mx.<domain>.cust.a.hostedemail.com`, SPF `include:_spf.emfwd.name-services.com`, DKIM CNAMEs
 * `k1._domainkey` / `k2._domainkey` → `k1|k2.<domain>.dkim.hostedemail.link`, a DMARC TXT at
 * `_dmarc`. Addresses are written as SetHosts takes them: a fully qualified name ends in "."
 * (set-hosts.md, Notes). Each domain also has a website (A, `www` CNAME) and an unrelated TXT, the
 * records a one-click fix must keep.
 */
export const MAIL_DNS_CASES = [
  "green",
  "dns-elsewhere",
  "no-dkim",
  "no-email",
  "green",
  "mx-elsewhere",
  "no-dkim-no-dmarc",
  "no-dkim",
  "no-dmarc",
  "green",
] as const;
export type MailDnsCase = (typeof MAIL_DNS_CASES)[number];

/**
 * Generated domain i's case, by i alone (cycled so 10 domains show them all). With the default 40
 * domains the demo customer's four (the first by name with paks: bluebird-plumbing.net,
 * birch-brewing.biz, brightwater-tutoring.co, bramble-builders.org) are green, missing DKIM, no
 * DMARC and MX elsewhere; wildflower-cafe.com's DNS is elsewhere.
 */
export function mailDnsCaseOf(index: number, hasEmail: boolean): MailDnsCase {
  return hasEmail ? (MAIL_DNS_CASES[index % MAIL_DNS_CASES.length] ?? "green") : "no-email";
}

type Draft = Omit<HostRecord, "hostId" | "mxPref"> & { mxPref?: number };

function website(domainName: string, serial: number): Draft[] {
  return [
    { name: "@", type: "A", address: `203.0.113.${10 + (serial % 240)}` },
    { name: "www", type: "CNAME", address: `${domainName}.` },
    { name: "@", type: "TXT", address: `site-verification=mailpak-demo-${(serial * 7919) % 100_000}` },
  ];
}

/** eNom's MX for its hosted email. */
export const enomMx = (domainName: string) => `mx.${domainName}.cust.a.hostedemail.com.`;
export const ENOM_SPF = "v=spf1 include:_spf.emfwd.name-services.com ~all";
export const enomDkim = (domainName: string, key: "k1" | "k2") =>
  `${key}.${domainName}.dkim.hostedemail.link.`;

function mail(domainName: string, dnsCase: MailDnsCase): Draft[] {
  if (dnsCase === "no-email" || dnsCase === "dns-elsewhere") return [];
  const dmarc: Draft = {
    name: "_dmarc",
    type: "TXT",
    address: `v=DMARC1; p=quarantine; rua=mailto:postmaster@${domainName}`,
  };
  if (dnsCase === "mx-elsewhere")
    return [
      { name: "@", type: "MX", address: "mx1.example.net.", mxPref: 10 },
      { name: "@", type: "MX", address: "mx2.example.net.", mxPref: 20 },
      { name: "@", type: "TXT", address: "v=spf1 include:_spf.example.net ~all" },
      dmarc,
    ];
  const dkim: Draft[] = [
    { name: "k1._domainkey", type: "CNAME", address: enomDkim(domainName, "k1") },
    { name: "k2._domainkey", type: "CNAME", address: enomDkim(domainName, "k2") },
  ];
  const withDkim = dnsCase === "green" || dnsCase === "no-dmarc";
  const withDmarc = dnsCase === "green" || dnsCase === "no-dkim";
  return [
    { name: "@", type: "MX", address: enomMx(domainName), mxPref: 10 },
    { name: "@", type: "TXT", address: ENOM_SPF },
    ...(withDkim ? dkim : []),
    ...(withDmarc ? [dmarc] : []),
  ];
}

/**
 * A domain's seeded records: none when its DNS is elsewhere (eNom's copy would not be served), a
 * website alone without email, the website and the case's mail records otherwise. Host ids count
 * up from `firstHostId`.
 */
export function seededHosts(
  domainName: string,
  dnsCase: MailDnsCase,
  serial: number,
  firstHostId: number,
): HostRecord[] {
  if (dnsCase === "dns-elsewhere") return [];
  return [...website(domainName, serial), ...mail(domainName, dnsCase)].map((draft, position) => ({
    ...draft,
    mxPref: draft.mxPref ?? 10,
    hostId: firstHostId + position,
  }));
}

/** resellerdocs.com's records are GetHosts' sample (gethosts.md), ids included. */
export const DOCS_HOSTS: HostRecord[] = [
  { name: "@", type: "A", address: "66.150.5.189", mxPref: 10, hostId: 18149735 },
  { name: "photos", type: "CNAME", address: "photos.msn.com.", mxPref: 10, hostId: 18487894 },
  { name: "yahoo", type: "URL", address: "204.71.200.72", mxPref: 10, hostId: 18487895 },
  { name: "msn", type: "FRAME", address: "http://www.msn.com", mxPref: 10, hostId: 18487896 },
  { name: "mail", type: "MXE", address: "209.19.56.20", mxPref: 10, hostId: 18492166 },
];
