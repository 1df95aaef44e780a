import "server-only";
import type { Envelope } from "../parse/envelope";
import { container, expectListed, indexed, listCount, repeated, unrecognised } from "../parse/lists";
import type { ReplyRecord, ReplyValue } from "../parse/reply";
import * as row from "../parse/rows";
import {
  domainOnlyInputSchema,
  EMAIL_SERVICES,
  hostRecordsSchema,
  hostRecordsWriteSchema,
  mailServiceSchema,
  nameServersSchema,
  setHostsInputSchema,
} from "../schemas";
import type { HostRecord, HostRecords, MailService, NameServers } from "../types";
import { defineCommand, domainParams, indexedParams } from "./command";

/**
 * A domain's DNS at eNom: its host records (GetHosts, SetHosts), its email service (GetMailHosts)
 * and its name servers (GetDNS). docs/enom.md, "Host records, name servers and the email
 * service", cites each page.
 */

/** The record's fields: XML `name, type, address, mxpref, hostid`; Text `HostName1, RecordType1, Address1, MXPref1, hostid1`. */
const TEXT_HOST_FIELDS = ["hostname", "recordtype", "address", "mxpref", "hostid"];

function hostRow(entry: ReplyRecord): HostRecord {
  const pick = (xml: string, text: string) => (Object.hasOwn(entry, xml) ? xml : text);
  return {
    name: row.text(entry, pick("name", "hostname")),
    type: row.text(entry, pick("type", "recordtype")).toUpperCase(),
    address: row.text(entry, "address"),
    mxPref: row.optionalInt(entry, "mxpref"),
    hostId: row.optionalId(entry, "hostid"),
  };
}

/**
 * GetHosts (gethosts.md): repeated `<host>` directly under `<interface-response>` and
 * `DomainServices`; the Text sample numbers the fields and adds `HostCount`. The XML sample has no
 * count, so an XML reply must show at least one of `<host>`, `HostCount` or `DomainServices`
 * before its list is believed: a reply with none of them is a shape Mailpak does not know, never
 * "no records" (SetHosts would then erase every record the domain has).
 */
export function readGetHosts(reply: ReplyRecord, envelope: Envelope): HostRecords {
  let entries: ReplyRecord[];
  if (envelope.format === "xml") {
    if (Object.hasOwn(reply, "hosts"))
      unrecognised("a <hosts> container, which GetHosts' page does not show");
    const known = ["host", "hostcount", "domainservices"].some((name) => Object.hasOwn(reply, name));
    if (!known) unrecognised("no <host>, HostCount or DomainServices");
    entries = repeated(reply.host, "host");
    if (Object.hasOwn(reply, "hostcount"))
      expectListed(entries.length, listCount(reply, "HostCount", "host record"), "host records (HostCount)");
  } else {
    entries = indexed(reply, TEXT_HOST_FIELDS);
    expectListed(entries.length, listCount(reply, "HostCount", "host record"), "host records (HostCount)");
  }
  return hostRecordsSchema.parse({ records: entries.map(hostRow), trackingKey: envelope.trackingKey });
}

/** GetHosts: every host record of a domain, MX included; the domain must use eNom's name servers. */
export const getHosts = defineCommand({
  command: "GetHosts",
  kind: "read",
  input: domainOnlyInputSchema,
  params: ({ domain }) => domainParams(domain),
  read: readGetHosts,
  documented: ["host"],
});

/**
 * SetHosts (set-hosts.md): **replaces every host record** of the domain with the ones sent,
 * `HostNameX`, `RecordTypeX`, `AddressX` and, for MX records, `MXPrefX`, X from 1 to at most 50.
 * Give it the whole list (read with GetHosts, change, write back) and read the result back with
 * GetHosts. eNom answers `DomainRRP` and the envelope.
 */
export const setHosts = defineCommand({
  command: "SetHosts",
  kind: "write",
  input: setHostsInputSchema,
  params: ({ domain, records }) => ({
    ...domainParams(domain),
    ...indexedParams(records, {
      HostName: (record) => record.name,
      RecordType: (record) => record.type,
      Address: (record) => record.address,
      // "Optional; use with record type MX; default is 10".
      MXPref: (record) =>
        record.type === "MX" && record.mxPref !== undefined ? String(record.mxPref) : undefined,
    }),
  }),
  read: (_reply, envelope) => hostRecordsWriteSchema.parse({ trackingKey: envelope.trackingKey }),
  documented: ["DomainRRP"],
});

/**
 * GetMailHosts (GetMailHosts.md): `ServiceSelect`, "the identification number of the email
 * service for this domain" (1048 no email, 1051 email forwarding, 1054 user configured, 1105 user
 * simplified, 1114 enable POP Mail). Its XML sample sends it empty, its HTML sample 1048: empty is
 * "eNom did not say" (null), absent is a shape Mailpak does not know, and a number the page does
 * not list is refused. The `mailhosts` list is not read: the sample's `MailHostCount` (15) does not
 * count its five placeholder `<host>` rows; GetHosts gives the MX records.
 */
export function readGetMailHosts(reply: ReplyRecord, envelope: Envelope): MailService {
  if (!Object.hasOwn(reply, "serviceselect")) unrecognised("no ServiceSelect");
  const serviceSelect = row.optionalInt(reply, "serviceselect");
  const emailService = serviceSelect === null ? null : EMAIL_SERVICES[serviceSelect];
  if (serviceSelect !== null && emailService === undefined)
    unrecognised(`ServiceSelect ${serviceSelect} is none of the values GetMailHosts' page lists`);
  const mailHosts = container(reply, "mailhosts");
  return mailServiceSchema.parse({
    serviceSelect,
    emailService: emailService ?? null,
    emailForwarding: mailHosts ? row.optionalFlag(mailHosts, "emailforwarding") : null,
    trackingKey: envelope.trackingKey,
  });
}

/** GetMailHosts: which email service eNom runs for the domain (POP mail is 1114). */
export const getMailHosts = defineCommand({
  command: "GetMailHosts",
  kind: "read",
  input: domainOnlyInputSchema,
  params: ({ domain }) => domainParams(domain),
  read: readGetMailHosts,
  documented: ["ServiceSelect"],
});

/** eNom's own name servers, as GetDNS' sample lists them (dns1…dns5.name-services.com). */
const ENOM_NAME_SERVER = /\.name-services\.com$/;

function textsOf(value: ReplyValue | undefined, name: string): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((item) =>
    typeof item === "string" ? item : unrecognised(`<${name}> is not a name`),
  );
}

/**
 * GetDNS (GetDNS.md): repeated `<dns>` and `UseDNS`, `HostsNumLimit` (XML); `DNS1…`, `NSCount`
 * (Text). The page's table of outputs is copied from another command ("First Name", "Job Title"),
 * so only the samples say what comes back. An XML reply with neither `<dns>` nor `UseDNS` is
 * refused; a count, where sent, must match.
 */
export function readGetDns(reply: ReplyRecord, envelope: Envelope): NameServers {
  let names: string[];
  if (envelope.format === "xml") {
    if (!Object.hasOwn(reply, "dns") && !Object.hasOwn(reply, "usedns"))
      unrecognised("neither <dns> nor UseDNS");
    names = textsOf(reply.dns, "dns");
    if (Object.hasOwn(reply, "nscount"))
      expectListed(names.length, listCount(reply, "NSCount", "name server"), "name servers (NSCount)");
  } else {
    names = indexed(reply, ["dns"]).map((item) => row.text(item, "dns"));
    expectListed(names.length, listCount(reply, "NSCount", "name server"), "name servers (NSCount)");
  }
  const nameServers = names.map((name) => name.trim().toLowerCase().replace(/\.$/, "")).filter(Boolean);
  const atEnom = nameServers.filter((name) => ENOM_NAME_SERVER.test(name)).length;
  return nameServersSchema.parse({
    nameServers,
    usesEnomNameServers:
      nameServers.length === 0 ? null : atEnom === nameServers.length ? true : atEnom === 0 ? false : null,
    useDns: row.optionalText(reply, "usedns"),
    hostsNumLimit: row.optionalCount(reply, "hostsnumlimit"),
    trackingKey: envelope.trackingKey,
  });
}

/** GetDNS: the domain's name servers, to tell whether its DNS is at eNom. */
export const getDns = defineCommand({
  command: "GetDNS",
  kind: "read",
  input: domainOnlyInputSchema,
  params: ({ domain }) => domainParams(domain),
  read: readGetDns,
  documented: ["dns", "UseDNS"],
});
