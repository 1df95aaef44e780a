import type { Answer, Question } from "dns-packet";
import { ENOM_NAME_SERVERS, type Domain, type HostRecord, type World } from "../world";

/**
 * What the simulator's DNS server answers: the host records of the domains whose DNS is at eNom
 * (`ns-status` YES), as eNom's name servers would serve them. A, AAAA, CNAME, MX and TXT records
 * are served as set with SetHosts; NS and SOA at the domain's apex. URL, FRAME and MXE are eNom's
 * redirect and mail-forwarding services, whose DNS answers no page documents: not served. A name
 * under a domain the simulator does not serve, or does not hold, is NXDOMAIN.
 */
export const TTL_SECONDS = 300;

export type ZoneAnswer = { rcode: "NOERROR" | "NXDOMAIN"; answers: Answer[]; authoritative: boolean };

const NOT_FOUND: ZoneAnswer = { rcode: "NXDOMAIN", answers: [], authoritative: false };

/** The served domain a name falls under, and the name relative to it (`@` for the apex). */
function servedDomainOf(world: World, name: string): { domain: Domain; host: string } | null {
  const labels = name.split(".");
  for (let start = 0; start < labels.length - 1; start++) {
    const candidate = labels.slice(start).join(".");
    const domain = world.domains.get(candidate);
    if (domain) {
      if (domain.nsStatus !== "YES") return null;
      return { domain, host: start === 0 ? "@" : labels.slice(0, start).join(".") };
    }
  }
  return null;
}

/** SetHosts' Notes: a name ending in "." is fully qualified; any other is a host of this domain. */
export function absoluteName(address: string, domainName: string): string {
  if (address.endsWith(".")) return address.slice(0, -1).toLowerCase();
  return address === "@" ? domainName : `${address}.${domainName}`.toLowerCase();
}

/** TXT strings hold at most 255 bytes each (RFC 1035): longer text is split, as DNS hosts do. */
function txtStrings(text: string): Buffer[] {
  const bytes = Buffer.from(text, "utf8");
  const parts: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += 255) parts.push(bytes.subarray(at, at + 255));
  return parts.length ? parts : [Buffer.alloc(0)];
}

function recordAnswer(name: string, record: HostRecord, domainName: string): Answer | null {
  const base = { name, ttl: TTL_SECONDS, class: "IN" as const };
  switch (record.type) {
    case "A":
      return { ...base, type: "A", data: record.address };
    case "AAAA":
      return { ...base, type: "AAAA", data: record.address };
    case "CNAME":
      return { ...base, type: "CNAME", data: absoluteName(record.address, domainName) };
    case "MX":
      return {
        ...base,
        type: "MX",
        data: { preference: record.mxPref, exchange: absoluteName(record.address, domainName) },
      };
    case "TXT":
      return { ...base, type: "TXT", data: txtStrings(record.address) };
    default:
      return null;
  }
}

function apexAnswers(name: string, type: string): Answer[] {
  const base = { name, ttl: TTL_SECONDS, class: "IN" as const };
  if (type === "NS" || type === "ANY")
    return ENOM_NAME_SERVERS.map((server) => ({ ...base, type: "NS" as const, data: server }));
  if (type === "SOA")
    return [
      {
        ...base,
        type: "SOA",
        data: {
          mname: ENOM_NAME_SERVERS[0] ?? "dns1.name-services.com",
          rname: `hostmaster.${name}`,
          serial: 1,
          refresh: 3600,
          retry: 600,
          expire: 604_800,
          minimum: TTL_SECONDS,
        },
      },
    ];
  return [];
}

export function answerQuestion(world: World, question: Question): ZoneAnswer {
  const name = question.name.toLowerCase().replace(/\.$/, "");
  const served = servedDomainOf(world, name);
  if (!served) return NOT_FOUND;
  const { domain, host } = served;
  const domainName = `${domain.sld}.${domain.tld}`;
  const type: string = question.type; // "ANY" (255) arrives too, though the types omit it
  const own = domain.hosts.filter((record) => record.name.toLowerCase() === host.toLowerCase());
  // A wildcard (`*`) stands in for a name that has no records of its own and none below it.
  const below = domain.hosts.some((record) => record.name.toLowerCase().endsWith(`.${host.toLowerCase()}`));
  const atName =
    own.length > 0 || host === "@" || below ? own : domain.hosts.filter((record) => record.name === "*");
  const answers: Answer[] = host === "@" ? apexAnswers(name, type) : [];
  // A CNAME answers every type asked of its name (RFC 1034 3.6.2).
  const cname = atName.find((record) => record.type === "CNAME");
  const wanted =
    cname && type !== "CNAME" ? [cname] : atName.filter((r) => type === "ANY" || r.type === type);
  for (const record of wanted) {
    const answer = recordAnswer(name, record, domainName);
    if (answer) answers.push(answer);
  }
  const exists = host === "@" || atName.length > 0 || below;
  return { rcode: exists ? "NOERROR" : "NXDOMAIN", answers, authoritative: true };
}
