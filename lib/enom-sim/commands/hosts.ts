import { isIP } from "node:net";
import { EnomError, enomErrors } from "../errors";
import { node, value, type ReplyField } from "../wire/reply";
import { HOST_RECORD_TYPES, nameServersOf, type Domain, type HostRecord } from "../world";
import type { CommandContext, EnomCommand } from "./context";
import { permittedParam, requiredParam, wholeNumberParam } from "./inputs";
import { requireDomain, requireReseller } from "./rules";

/**
 * Host records and DNS (docs/domains/domain-management/host-records/, docs/GetMailHosts.md,
 * docs/GetDNS.md):
 *
 * - GetHosts: "The domain must use eNom's domain name servers." XML: repeated
 *   `<host>{name, type, [mxpref], address, hostid}` directly under `<interface-response>`, then
 *   `DomainServices{EmailForwarding, HostRecords}` (True, True). Text: `HostName1, RecordType1,
 *   MXPref1 (every record), Address1, hostid1`, `HostCount`, `EmailForwarding=`, `HostRecords=`
 *   (empty, as its Text sample). The XML sample prints `mxpref` for its MXE record only: the
 *   simulator prints it for MX and MXE.
 * - SetHosts: `HostNameX`, `RecordTypeX` (A, AAAA, CNAME, URL, FRAME, MX, MXE, TXT), `AddressX`,
 *   `MXPrefX` (default 10), X from 1 "to maximum 50", in sequence; "deletes all existing host
 *   records and replaces them". No name-server constraint on its page. Reply `DomainRRP` (XML).
 * - GetMailHosts: eNom's name servers required. `ServiceSelect` 1114 ("enable POP Mail") while the
 *   domain has a pak, else 1048 ("no email"); XML `mailhosts{EmailForwarding, host…,
 *   LastNumberFromRegHostCounter, MailHostCount}` with the MX records, `ParkingEnabled`.
 * - GetDNS: reseller accounts only. XML repeated `<dns>`, `UseDNS`, `HostsNumLimit`,
 *   `DNSRegistrySynced`, `RRPCodeGDNS`, `RRPText`; Text `DNS1…`, `NSCount`, and
 *   `NameserverRegistrySynced` for DNSRegistrySynced.
 */
export const SET_HOSTS_MAX = 50;

export function requireEnomDns(domain: Domain): void {
  if (domain.nsStatus !== "YES") throw new EnomError(enomErrors.notOnEnomDns);
}

const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F]/;
const HOST_NAME =
  /^(?:@|\*|(?:\*\.)?[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*)$/;

function hostFields(record: HostRecord): ReplyField[] {
  const withPref = record.type === "MX" || record.type === "MXE";
  return [
    value("name", record.name, { textName: "HostName" }),
    value("type", record.type, { textName: "RecordType" }),
    ...(withPref ? [value("mxpref", record.mxPref, { only: "xml" })] : []),
    value("MXPref", record.mxPref, { only: "text" }),
    value("address", record.address, { textName: "Address" }),
    value("hostid", record.hostId),
  ];
}

export const getHosts: EnomCommand = {
  name: "GETHOSTS",
  apiType: "API", // GetHosts' Text and HTML samples
  run(context) {
    const domain = requireDomain(context);
    requireEnomDns(domain);
    return {
      changed: false,
      fields: [
        ...domain.hosts.map((record, index) => node("host", hostFields(record), { textIndex: index + 1 })),
        value("HostCount", domain.hosts.length, { only: "text" }),
        node("DomainServices", [value("EmailForwarding", true), value("HostRecords", true)], { only: "xml" }),
        value("EmailForwarding", "", { only: "text" }),
        value("HostRecords", "", { only: "text" }),
      ],
    };
  },
};

function hostParam(context: CommandContext, index: number, previous: readonly HostRecord[]): HostRecord {
  const { params } = context;
  const name = requiredParam(params, `HostName${index}`, 255);
  if (!HOST_NAME.test(name)) throw new EnomError(enomErrors.badHostName(name));
  const type = permittedParam(params, `RecordType${index}`, HOST_RECORD_TYPES);
  const address = requiredParam(params, `Address${index}`, 4000);
  const fits =
    type === "A" || type === "MXE"
      ? isIP(address) === 4
      : type === "AAAA"
        ? isIP(address) === 6
        : type === "TXT"
          ? !CONTROL_CHARACTERS.test(address)
          : !/\s/.test(address);
  if (!fits) throw new EnomError(enomErrors.badHostAddress(address, type));
  const mxPref = wholeNumberParam(params, `MXPref${index}`, { min: 0, max: 65_535, fallback: 10 });
  // A record sent again unchanged keeps its id; eNom's ids for new records are its own.
  const same = previous.find((old) => old.name === name && old.type === type && old.address === address);
  return { name, type, address, mxPref, hostId: same?.hostId ?? 0 };
}

export const setHosts: EnomCommand = {
  name: "SETHOSTS",
  run(context) {
    const domain = requireDomain(context);
    const indices = context.params.indicesOf("HostName");
    if (indices.length === 0) throw new EnomError(enomErrors.missing("HostName1"));
    indices.forEach((index, position) => {
      if (index !== position + 1) throw new EnomError(enomErrors.indexGap("HostName", position + 1));
    });
    if (indices.length > SET_HOSTS_MAX) throw new EnomError(enomErrors.tooManyHosts(SET_HOSTS_MAX));
    const records = indices.map((index) => hostParam(context, index, domain.hosts));
    let nextId = Math.max(0, ...domain.hosts.map((record) => record.hostId)) + 1;
    const used = new Set<number>();
    domain.hosts = records.map((record) => {
      const hostId = record.hostId === 0 || used.has(record.hostId) ? nextId++ : record.hostId;
      used.add(hostId);
      return { ...record, hostId };
    });
    context.world.touch(domain);
    return { changed: true, fields: [value("DomainRRP", "E", { only: "xml" })] };
  },
};

/** GetMailHosts' ServiceSelect values (its page): 1048 no email, 1114 enable POP Mail. */
const NO_EMAIL = 1048;
const POP_MAIL = 1114;

export const getMailHosts: EnomCommand = {
  name: "GETMAILHOSTS",
  run(context) {
    const domain = requireDomain(context);
    requireEnomDns(domain);
    const mx = domain.hosts.filter((record) => record.type === "MX" || record.type === "MXE");
    return {
      changed: false,
      fields: [
        node(
          "mailhosts",
          [
            value("EmailForwarding", domain.forwards.length > 0),
            ...mx.map((record) =>
              node("host", [
                value("hostID", record.hostId),
                value("HostName", record.name),
                value("RecordType", record.type),
                value("Address", record.address),
                value("MXPref", record.mxPref),
              ]),
            ),
            value("LastNumberFromRegHostCounter", mx.length),
            value("MailHostCount", mx.length),
          ],
          { only: "xml" },
        ),
        value("LastNumberFromRegHostCounter", mx.length, { only: "text" }),
        value("MailHostCount", mx.length, { only: "text" }),
        value("ParkingEnabled", false),
        value("ServiceSelect", domain.paks.length > 0 ? POP_MAIL : NO_EMAIL),
      ],
    };
  },
};

export const getDns: EnomCommand = {
  name: "GETDNS",
  apiType: "API",
  run(context) {
    requireReseller(context.account);
    const domain = requireDomain(context);
    const servers = nameServersOf(domain);
    return {
      changed: false,
      fields: [
        ...servers.map((server) => value("dns", server, { only: "xml" })),
        ...servers.map((server, index) => value(`DNS${index + 1}`, server, { only: "text" })),
        value("NSCount", servers.length, { only: "text" }),
        // "default" is the sample's word for eNom's own name servers; no page names another value.
        value("UseDNS", domain.nsStatus === "YES" ? "default" : ""),
        value("HostsNumLimit", SET_HOSTS_MAX),
        value("DNSRegistrySynced", true, { textName: "NameserverRegistrySynced" }),
        value("RRPCodeGDNS", 200),
        value("RRPText", "Command completed successfully"),
      ],
    };
  },
};
