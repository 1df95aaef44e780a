import "server-only";
import { z } from "zod";
import { CAPACITIES_GB, QUOTA_MB_BY_CAPACITY, type CapacityGb } from "@/lib/validation/enom-rules";
import {
  count,
  date,
  flag,
  id,
  nestedList,
  optionalCount,
  optionalDate,
  optionalFlag,
  optionalId,
  optionalInt,
  optionalMoney,
  optionalText,
  text,
} from "../parse/fields";
import {
  allPaksDeletionSchema,
  domainEmailSchema,
  domainOnlyInputSchema,
  noInputSchema,
  pakDeletionSchema,
  pakInputSchema,
  pakRenewalSchema,
  pakRenewSettingSchema,
  pakSchema,
  renewPopBundleInputSchema,
  setPakRenewInputSchema,
} from "../schemas";
import type { ReplyRecord } from "../parse/reply";
import * as row from "../parse/rows";
import type { PopExpiration, PopExpirations } from "../types";
import { defineCommand, domainParams, flagParam } from "./command";

/** GetPOP3's `Quota` (MB) back to the capacity eNom sold (GB); null for any other quota. */
export function capacityFromQuota(quotaMb: number | null): CapacityGb | null {
  return CAPACITIES_GB.find((gb) => QUOTA_MB_BY_CAPACITY[gb] === quotaMb) ?? null;
}

const pakWire = z
  .object({
    bundleid: id, // `BundleId` in GetPOP3, `BundleID` elsewhere: lower-cased alike
    qtypurchased: count,
    qtyavailable: count,
    expdate: date, // `<ExpDate><![CDATA[ 11/25/2015 ]]></ExpDate>`
    autorenew: flag(false),
    quota: optionalCount,
    prodtype: optionalInt,
    version: optionalText,
  })
  .transform((pak) => ({
    bundleId: pak.bundleid,
    qtyPurchased: pak.qtypurchased,
    qtyAvailable: pak.qtyavailable,
    expires: pak.expdate,
    autoRenew: pak.autorenew,
    quotaMb: pak.quota,
    capacityGb: capacityFromQuota(pak.quota),
    prodType: pak.prodtype,
    version: pak.version,
  }))
  .pipe(pakSchema);

const emailWire = z.object({
  username: text,
  displayname: optionalText,
  bundleid: optionalId,
  // The documents call the admin flag `admin` in one sentence and `isadmin` in the next.
  isadmin: optionalFlag,
  admin: optionalFlag,
  forwardto: optionalText,
});

/** GetPOP3: a domain's paks and mailboxes. A domain without email is an empty answer, not an error. */
export const getPop3 = defineCommand({
  command: "GetPOP3",
  kind: "read",
  input: domainOnlyInputSchema,
  params: ({ domain }) => domainParams(domain),
  read: (reply, envelope, { domain }) => {
    const wire = z
      .object({ emails: nestedList("email", emailWire), paks: nestedList("pak", pakWire) })
      .parse(reply);
    return domainEmailSchema.parse({
      domain,
      mailboxes: wire.emails.map((email) => ({
        userName: email.username,
        address: `${email.username}@${domain.sld}.${domain.tld}`,
        displayName: email.displayname,
        bundleId: email.bundleid,
        isAdmin: email.isadmin ?? email.admin ?? false,
        forwardTo: email.forwardto,
      })),
      paks: wire.paks,
      trackingKey: envelope.trackingKey,
    });
  },
});

/** SetPakRenew: turn a pak's auto-renew on or off. */
export const setPakRenew = defineCommand({
  command: "SetPakRenew",
  kind: "write",
  input: setPakRenewInputSchema,
  params: ({ domain, bundleId, autoRenew }) => ({
    ...domainParams(domain),
    BundleID: String(bundleId),
    AutoPakRenew: flagParam(autoRenew),
  }),
  read: (reply, envelope, input) => {
    const wire = z.object({ pakupdated: optionalId, autopakrenew: optionalFlag }).parse(reply);
    // ErrCount 0 means eNom did it; a missing echo is not a reason to call the write failed.
    return pakRenewSettingSchema.parse({
      bundleId: wire.pakupdated ?? input.bundleId,
      autoRenew: wire.autopakrenew ?? input.autoRenew,
      trackingKey: envelope.trackingKey,
    });
  },
});

/** DeletePOPPak: delete one pak, and the mailboxes in it. */
export const deletePopPak = defineCommand({
  command: "DeletePOPPak",
  kind: "write",
  input: pakInputSchema,
  params: ({ domain, bundleId }) => ({ ...domainParams(domain), BundleID: String(bundleId) }),
  read: (reply, envelope, input) => {
    const wire = z.object({ pakdeleted: optionalId, accountsdeleted: optionalCount }).parse(reply);
    return pakDeletionSchema.parse({
      bundleId: wire.pakdeleted ?? input.bundleId,
      accountsDeleted: wire.accountsdeleted,
      trackingKey: envelope.trackingKey,
    });
  },
});

/** DeleteAllPOPPaks: delete every pak of a domain, and all its mailboxes. */
export const deleteAllPopPaks = defineCommand({
  command: "DeleteAllPOPPaks",
  kind: "write",
  input: domainOnlyInputSchema,
  params: ({ domain }) => domainParams(domain),
  read: (reply, envelope) => {
    const wire = z.object({ paksdeleted: optionalCount, accountsdeleted: optionalCount }).parse(reply);
    return allPaksDeletionSchema.parse({
      paksDeleted: wire.paksdeleted,
      accountsDeleted: wire.accountsdeleted,
      trackingKey: envelope.trackingKey,
    });
  },
});

/**
 * RenewPOPBundle: renew a pak now, paid from the account balance. `UseCreditCard=no` always:
 * Mailpak never handles card data, and eNom debits the balance when it is `no` (seeds/004).
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
  read: (reply, envelope) => {
    const wire = z
      .object({ orderid: id, bundleid: optionalId, expdate: optionalDate, orderamount: optionalMoney })
      .parse(reply);
    return pakRenewalSchema.parse({
      orderId: wire.orderid,
      bundleId: wire.bundleid,
      expires: wire.expdate,
      orderAmount: wire.orderamount,
      trackingKey: envelope.trackingKey,
    });
  },
});

/** One `<Pak>` of GetPOPExpirations, read without zod: a large account lists 10,000 of them. */
function expirationRow(pak: ReplyRecord): PopExpiration {
  const quotaMb = row.optionalCount(pak, "quota");
  return {
    domainName: row.text(pak, "domainname").toLowerCase(),
    bundleId: row.id(pak, "bundleid"),
    expires: row.date(pak, "expdate"),
    autoRenew: row.flag(pak, "autorenew", false),
    qtyPurchased: row.optionalCount(pak, "qtypurchased"),
    qtyAvailable: row.optionalCount(pak, "qtyavailable"),
    quotaMb,
    capacityGb: capacityFromQuota(quotaMb),
    prodType: row.optionalInt(pak, "prodtype"),
    billingPeriod: row.optionalBillingPeriod(pak, "billingperiod"),
  };
}

/** GetPOPExpirations: every pak of the account, with its domain and expiry, in one call. */
export const getPopExpirations = defineCommand({
  command: "GetPOPExpirations",
  kind: "read",
  input: noInputSchema,
  params: () => ({}),
  read: (reply, envelope) => {
    const result: PopExpirations = {
      paks: row.nestedRecords(reply, "popexpirations", "pak").map(expirationRow),
      trackingKey: envelope.trackingKey,
    };
    return result;
  },
});
