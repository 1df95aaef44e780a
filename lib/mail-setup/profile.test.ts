import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { securityOfPort, type MailServers } from "./model";
import { appleMailProfile, escapeXml, plistDocument, profileFileName, stableProfileUuid } from "./profile";

const servers: MailServers = {
  imap: { host: "imap.mail.example", port: 993, security: securityOfPort(993) },
  pop: null,
  smtp: { host: "smtp.mail.example", port: 465, security: securityOfPort(465) },
};

/** The profile's property list as key → value pairs, read back with a real XML parser. */
function readPlist(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parsed = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: false,
  }).parse(xml) as unknown[];
  type Node = Record<string, unknown>;
  const childrenOf = (node: unknown, tag: string): Node[] => {
    const list = (node as Node)[tag];
    return Array.isArray(list) ? (list as Node[]) : [];
  };
  const elements = (node: unknown, tag: string) =>
    childrenOf(node, tag).filter((child) => !("#text" in child));
  const text = (nodes: Node[]) => nodes.map((node) => String(node["#text"] ?? "")).join("");
  const valueOf = (node: Node): unknown => {
    const [tag] = Object.keys(node);
    if (tag === "string") return text(childrenOf(node, "string"));
    if (tag === "integer") return Number(text(childrenOf(node, "integer")));
    if (tag === "true") return true;
    if (tag === "false") return false;
    if (tag === "array") return elements(node, "array").map(valueOf);
    if (tag === "dict") {
      const entries = elements(node, "dict");
      const result: Record<string, unknown> = {};
      for (let index = 0; index < entries.length; index += 2) {
        const key = entries[index];
        const value = entries[index + 1];
        if (!key || !value) throw new Error("a key without a value");
        result[text(childrenOf(key, "key"))] = valueOf(value);
      }
      return result;
    }
    throw new Error(`unexpected <${tag}>`);
  };
  const plist = (parsed as Node[]).find((node) => "plist" in node);
  const root = plist ? elements(plist, "plist")[0] : undefined;
  if (!root) throw new Error("no plist");
  return valueOf(root) as Record<string, unknown> & { PayloadContent: Record<string, unknown>[] };
}

describe("the Apple mail profile", () => {
  it("sets up IMAP in and SMTP out over TLS for the address, with the address as user name and no password", () => {
    const xml = appleMailProfile({
      address: "Info@Example.com",
      displayName: "Front desk",
      servers,
      organization: "Acme Mail",
    });
    expect(xml).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<!DOCTYPE plist PUBLIC "-\/\/Apple\/\/DTD PLIST 1\.0\/\/EN"/,
    );
    const profile = readPlist(xml);
    expect(profile).toMatchObject({
      PayloadType: "Configuration",
      PayloadVersion: 1,
      PayloadOrganization: "Acme Mail",
      PayloadRemovalDisallowed: false,
    });
    expect(profile.PayloadContent).toHaveLength(1);
    expect(profile.PayloadContent[0]).toMatchObject({
      PayloadType: "com.apple.mail.managed",
      PayloadVersion: 1,
      EmailAccountType: "EmailTypeIMAP",
      EmailAddress: "info@example.com",
      EmailAccountName: "Front desk",
      IncomingMailServerHostName: "imap.mail.example",
      IncomingMailServerPortNumber: 993,
      IncomingMailServerUseSSL: true,
      IncomingMailServerUsername: "info@example.com",
      IncomingMailServerAuthentication: "EmailAuthPassword",
      OutgoingMailServerHostName: "smtp.mail.example",
      OutgoingMailServerPortNumber: 465,
      OutgoingMailServerUseSSL: true,
      OutgoingMailServerUsername: "info@example.com",
      OutgoingMailServerAuthentication: "EmailAuthPassword",
      OutgoingPasswordSameAsIncomingPassword: true,
    });
    // The device asks for the password while installing; the profile never carries one.
    expect(xml).not.toMatch(/Password<\/key>\s*<string>/);
    expect(profile.PayloadContent[0]).not.toHaveProperty("IncomingPassword");
    expect(profile.PayloadContent[0]).not.toHaveProperty("OutgoingPassword");
    expect(xml).not.toMatch(/enom/i);
  });

  it("gives the same mailbox the same UUIDs and identifiers every time, and another mailbox others", () => {
    const make = (address: string) => readPlist(appleMailProfile({ address, servers, organization: "Acme" }));
    const first = make("info@example.com");
    const again = make("INFO@example.com");
    const other = make("sales@example.com");
    expect(again.PayloadUUID).toBe(first.PayloadUUID);
    expect(again.PayloadContent[0]?.PayloadUUID).toBe(first.PayloadContent[0]?.PayloadUUID);
    expect(again.PayloadIdentifier).toBe(first.PayloadIdentifier);
    expect(other.PayloadUUID).not.toBe(first.PayloadUUID);
    expect(other.PayloadIdentifier).not.toBe(first.PayloadIdentifier);
    expect(first.PayloadContent[0]?.PayloadUUID).not.toBe(first.PayloadUUID);
    for (const uuid of [first.PayloadUUID, first.PayloadContent[0]?.PayloadUUID])
      expect(uuid).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-8[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    expect(String(first.PayloadIdentifier)).toMatch(/^com\.example\.email\./);
    expect(stableProfileUuid("a@b.example", "mail")).toBe(stableProfileUuid("A@B.example", "mail"));
  });

  it("leaves out the account name when there is none", () => {
    const profile = readPlist(
      appleMailProfile({ address: "a@b.example", displayName: "  ", servers, organization: "Acme" }),
    );
    expect(profile.PayloadContent[0]).not.toHaveProperty("EmailAccountName");
  });

  it("escapes every text it writes, and drops what XML cannot carry", () => {
    const hostile = `Acme <b>&amp;</b> "Mail" 'Co'\u0000\u0007\uFFFF\uD800`;
    const xml = appleMailProfile({
      address: "x@b.example",
      displayName: `</string><key>Injected</key><string>`,
      servers,
      organization: hostile,
    });
    const profile = readPlist(xml);
    expect(profile.PayloadOrganization).toBe(`Acme <b>&amp;</b> "Mail" 'Co'`);
    expect(profile.PayloadContent[0]?.EmailAccountName).toBe("</string><key>Injected</key><string>");
    expect(profile.PayloadContent[0]).not.toHaveProperty("Injected");
    expect(escapeXml(`<&>"'`)).toBe("&lt;&amp;&gt;&quot;&apos;");
    expect(escapeXml("a\u0001b\tc\nd")).toBe("ab\tc\nd");
    expect(escapeXml("😀")).toBe("😀");
  });

  it("writes whole numbers only", () => {
    expect(() => plistDocument({ n: 1.5 })).toThrow(/whole numbers/);
  });

  it("names the download after the address", () => {
    expect(profileFileName("Info@Example.com")).toBe("info@example.com.mobileconfig");
    expect(profileFileName('a"b/c@d.example')).toBe("a_b_c@d.example.mobileconfig");
  });
});
