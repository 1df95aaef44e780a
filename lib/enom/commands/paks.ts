import "server-only";
import { CAPACITIES_GB, QUOTA_MB_BY_CAPACITY, type CapacityGb } from "@/lib/validation/enom-rules";
import type { Envelope } from "../parse/envelope";
import { container, expectListed, indexed, listCount, repeated, unrecognised } from "../parse/lists";
import type { ReplyRecord } from "../parse/reply";
import * as row from "../parse/rows";
import {
  allPaksDeletionSchema,
  domainEmailSchema,
  domainOnlyInputSchema,
  noInputSchema,
  pakDeletionSchema,
  pakInputSchema,
  pakRenewalSchema,
  pakRenewSettingSchema,
  renewPopBundleInputSchema,
  setPakRenewInputSchema,
} from "../schemas";
import type { DomainEmail, Mailbox, Pak, PopExpiration, PopExpirations } from "../types";
import { defineCommand, domainParams, flagParam } from "./command";

/** GetPOP3's `Quota` (MB) back to the capacity eNom sold (GB); null for any other quota. */
export function capacityFromQuota(quotaMb: number | null): CapacityGb | null {
  return CAPACITIES_GB.find((gb) => QUOTA_MB_BY_CAPACITY[gb] === quotaMb) ?? null;
}

/** GetPOP3's mailbox fields, Text/HTML spelling lower-cased (`Username1`, `quotaused1`; get-pop-3.md). */
const MAILBOX_FIELDS = [
  "username",
  "quota",
  "expdate",
  "bundleid",
  "autorenew",
  "admin",
  "isadmin",
  "quotaused",
];
/** GetPOP3's pak fields: `Paks/Pak/…` in XML, `PakBundleId1`, `PakQtyPurchased1`, … in Text/HTML. */
const PAK_FIELDS = [
  "bundleid",
  "qtypurchased",
  "qtyavailable",
  "expdate",
  "autorenew",
  "quota",
  "prodtype",
  "version",
];

/** One `<pop>`. Its `password` never got this far: the parser drops it (parse/reply.ts). */
function mailboxRow(pop: ReplyRecord, domain: { sld: string; tld: string }): Mailbox {
  const userName = row.text(pop, "username");
  // `admin` in both of eNom's samples; seeds/002 Step 4 calls the same flag `isadmin`.
  const isAdmin = row.optionalFlag(pop, "admin") ?? row.optionalFlag(pop, "isadmin");
  if (isAdmin === null) unrecognised(`mailbox ${userName} has no admin flag`);
  return {
    userName,
    address: `${userName}@${domain.sld}.${domain.tld}`,
    bundleId: row.optionalId(pop, "bundleid"),
    isAdmin,
    quotaMb: row.optionalCount(pop, "quota"),
    quotaUsedMb: row.optionalDecimal(pop, "quotaused"),
    expires: row.optionalDate(pop, "expdate"),
    autoRenew: row.optionalFlag(pop, "autorenew"),
  };
}

function pakRow(pak: ReplyRecord): Pak {
  const quotaMb = row.optionalCount(pak, "quota");
  return {
    bundleId: row.id(pak, "bundleid"), // `BundleId` in GetPOP3, `BundleID` elsewhere: lower-cased alike
    qtyPurchased: row.count(pak, "qtypurchased"),
    qtyAvailable: row.count(pak, "qtyavailable"),
    expires: row.date(pak, "expdate"), // `<ExpDate><![CDATA[ 11/25/2015 ]]></ExpDate>` or with a time
    autoRenew: row.flag(pak, "autorenew", false),
    quotaMb,
    capacityGb: capacityFromQuota(quotaMb),
    prodType: row.optionalInt(pak, "prodtype"),
    version: row.optionalText(pak, "version"),
  };
}

/**
 * GetPOP3's lists in either format, each checked against its count: the mailboxes (`<pop>`,
 * `EmailCount`) and the paks (`Paks/Pak`, `Count`). The first edition's invented `<Emails>` list
 * is refused by name, so a simulator or proxy still speaking it fails loudly.
 */
export function readGetPop3(
  reply: ReplyRecord,
  envelope: Envelope,
  domain: { sld: string; tld: string },
): DomainEmail {
  if (Object.hasOwn(reply, "emails") || Object.hasOwn(reply, "email"))
    unrecognised("an <Emails> list, which eNom does not send for GetPOP3 (it sends repeated <pop>)");
  const emailCount = listCount(reply, "EmailCount", "mailbox");
  const pakCount = listCount(reply, "Count", "pak");
  let pops: ReplyRecord[];
  let paks: ReplyRecord[];
  if (envelope.format === "xml") {
    pops = repeated(reply.pop, "pop");
    const paksElement = container(reply, "paks");
    if (paksElement === undefined && pakCount > 0)
      unrecognised(`Count says ${pakCount} paks but there is no <Paks>`);
    paks = repeated(paksElement?.pak, "Pak");
  } else {
    pops = indexed(reply, MAILBOX_FIELDS);
    paks = indexed(reply, PAK_FIELDS, "pak");
  }
  expectListed(pops.length, emailCount, "mailboxes (EmailCount)");
  expectListed(paks.length, pakCount, "paks (Count)");
  return domainEmailSchema.parse({
    domain,
    mailboxes: pops.map((pop) => mailboxRow(pop, domain)),
    paks: paks.map(pakRow),
    trackingKey: envelope.trackingKey,
  });
}

/** GetPOP3: a domain's paks and mailboxes (get-pop-3.md). */
export const getPop3 = defineCommand({
  command: "GetPOP3",
  kind: "read",
  input: domainOnlyInputSchema,
  params: ({ domain }) => domainParams(domain),
  read: (reply, envelope, { domain }) => readGetPop3(reply, envelope, domain),
  documented: ["EmailCount", "Count"],
});

/** SetPakRenew: turn a pak's auto-renew on or off (seeds/003; reply seeds/002 Step 2). */
export const setPakRenew = defineCommand({
  command: "SetPakRenew",
  kind: "write",
  input: setPakRenewInputSchema,
  params: ({ domain, bundleId, autoRenew }) => ({
    ...domainParams(domain),
    BundleID: String(bundleId),
    AutoPakRenew: flagParam(autoRenew),
  }),
  read: (reply, envelope, input) =>
    // ErrCount 0 means eNom did it; a missing echo is not a reason to call the write failed.
    pakRenewSettingSchema.parse({
      bundleId: row.optionalId(reply, "pakupdated") ?? input.bundleId,
      autoRenew: row.optionalFlag(reply, "autopakrenew") ?? input.autoRenew,
      trackingKey: envelope.trackingKey,
    }),
  documented: ["PakUpdated", "AutoPakRenew"],
});

/**
 * DeletePOPPak: delete one pak. eNom refuses while the pak has mailboxes ("The pak must have no
 * user email accounts currently configured", delete-pop-pak.md): delete them first with DeletePOP3.
 * The reply is the envelope alone.
 */
export const deletePopPak = defineCommand({
  command: "DeletePOPPak",
  kind: "write",
  input: pakInputSchema,
  params: ({ domain, bundleId }) => ({ ...domainParams(domain), BundleID: String(bundleId) }),
  read: (_reply, envelope, input) =>
    pakDeletionSchema.parse({ bundleId: input.bundleId, trackingKey: envelope.trackingKey }),
  documented: [],
});

/** DeleteAllPOPPaks: delete every (empty) pak of a domain; `PaksRemoved` (delete-all-pop-paks.md). */
export const deleteAllPopPaks = defineCommand({
  command: "DeleteAllPOPPaks",
  kind: "write",
  input: domainOnlyInputSchema,
  params: ({ domain }) => domainParams(domain),
  read: (reply, envelope) =>
    allPaksDeletionSchema.parse({
      paksRemoved: listCount(reply, "PaksRemoved", "removed pak"),
      trackingKey: envelope.trackingKey,
    }),
  documented: ["PaksRemoved"],
});

/**
 * RenewPOPBundle: renew a 10-pak now, paid from the account balance. `UseCreditCard=no` always:
 * Mailpak never handles card data, and eNom debits the balance when it is `no` (seeds/004). The
 * reply is `orderid` (renewpopbundle-online.xml).
 */
export const renewPopBundle = defineCommand({
  command: "RenewPOPBundle",
  kind: "write",
  input: renewPopBundleInputSchema,
  params: ({ domain, pakId, years }) => ({
    ...domainParams(domain),
    PakID: String(pakId),
    Quantity: String(years),
    UseCreditCard: "no",
  }),
  read: (reply, envelope) =>
    pakRenewalSchema.parse({ orderId: row.id(reply, "orderid"), trackingKey: envelope.trackingKey }),
  documented: ["orderid"],
});

/** One `popexpirations/pop` (XML) or `domainN, bundleidN, expdateN, renewN, versionN` (Text), without zod: 10,000 rows. */
function expirationRow(pak: ReplyRecord): PopExpiration {
  return {
    domainName: row.text(pak, "domain").toLowerCase(),
    bundleId: row.id(pak, "bundleid"),
    expires: row.date(pak, "expdate"),
    autoRenew: row.optionalFlag(pak, "renew"),
    version: row.optionalText(pak, "version"),
  };
}

/** GetPOPExpirations' list in either format, checked against its `count` (get-pop-expirations.md). */
export function readPopExpirations(reply: ReplyRecord, envelope: Envelope): PopExpirations {
  let items: ReplyRecord[];
  let listed: number;
  if (envelope.format === "xml") {
    const list = container(reply, "popexpirations");
    if (list === undefined) unrecognised("no <popexpirations>");
    listed = listCount(list, "count", "pak");
    items = repeated(list.pop, "pop");
  } else {
    listed = listCount(reply, "count", "pak");
    items = indexed(reply, ["domain", "bundleid", "expdate", "renew", "version"]);
  }
  expectListed(items.length, listed, "paks (count)");
  return { paks: items.map(expirationRow), trackingKey: envelope.trackingKey };
}

/** GetPOPExpirations: every pak of the account with its domain and expiry, in one call. */
export const getPopExpirations = defineCommand({
  command: "GetPOPExpirations",
  kind: "read",
  input: noInputSchema,
  params: () => ({}),
  read: (reply, envelope) => readPopExpirations(reply, envelope),
  documented: ["popexpirations"],
});
