import "server-only";
import type { Envelope } from "../parse/envelope";
import { expectListed, indexed, listCount, repeated, unrecognised } from "../parse/lists";
import type { ReplyRecord } from "../parse/reply";
import * as row from "../parse/rows";
import {
  domainForwardingSchema,
  domainForwardingWriteSchema,
  domainOnlyInputSchema,
  setDomainForwardingInputSchema,
} from "../schemas";
import type { Alias, DomainForwarding } from "../types";
import { defineCommand, domainParams, indexedParams } from "./command";

/**
 * The domain's email forwarding, eNom's forward-only addresses (Mailpak's "aliases"): GetForwarding
 * reads the list, Forwarding replaces it. docs/enom.md, "GetForwarding and Forwarding", cites both.
 */

/** XML `<eforward>{alias, forward-to, status, rejectreason, mailid}`; Text `Username1, ForwardTo1, Status1, RejectReason1, MailID1`. */
const TEXT_ALIAS_FIELDS = ["username", "alias", "forwardto", "status", "rejectreason", "mailid"];

function aliasName(entry: ReplyRecord): string | null {
  return row.optionalText(entry, "alias") ?? row.optionalText(entry, "username");
}

function aliasRow(entry: ReplyRecord, alias: string): Alias {
  const status = row.optionalText(entry, "status");
  // "0 Email forwarding enabled, 1 Email forwarding disabled": the reverse of eNom's usual flags.
  if (status !== "0" && status !== "1")
    unrecognised(`alias ${alias} has status ${status ?? "(none)"}, not 0 or 1`);
  return {
    alias,
    forwardTo: row.text(entry, Object.hasOwn(entry, "forward-to") ? "forward-to" : "forwardto"),
    enabled: status === "0",
    mailId: row.optionalId(entry, "mailid"),
    rejectReason: row.optionalText(entry, "rejectreason"),
  };
}

/**
 * GetForwarding (get-forwarding.md): repeated `<eforward>` directly under `<interface-response>`,
 * `EmailCount` ("Number of email forwarding records currently configured") and `MaxEmail` (the
 * domain's limit). Records without an alias are the blank form rows `GetDefaultOnly=1` adds
 * (never sent by Mailpak) and are dropped; the rest must number `EmailCount`.
 */
export function readGetForwarding(reply: ReplyRecord, envelope: Envelope): DomainForwarding {
  const entries =
    envelope.format === "xml" ? repeated(reply.eforward, "eforward") : indexed(reply, TEXT_ALIAS_FIELDS);
  const expected = listCount(reply, "EmailCount", "alias");
  const aliases = entries.flatMap((entry) => {
    const alias = aliasName(entry);
    return alias === null ? [] : [aliasRow(entry, alias)];
  });
  expectListed(aliases.length, expected, "aliases (EmailCount)");
  return domainForwardingSchema.parse({
    aliases,
    maxAliases: row.optionalCount(reply, "maxemail"),
    trackingKey: envelope.trackingKey,
  });
}

/** GetForwarding: the domain's aliases and how many it may have; the domain must use eNom's name servers. */
export const getDomainForwarding = defineCommand({
  command: "GetForwarding",
  kind: "read",
  input: domainOnlyInputSchema,
  params: ({ domain }) => domainParams(domain),
  read: readGetForwarding,
  documented: ["EmailCount", "MaxEmail"],
});

/**
 * Forwarding (forwarding.md): `AddressX` (the alias) and `ForwardToX`, from 1. "The query must
 * include all addresses that you want to keep. Forwarding addresses not included in the query are
 * deleted": give it the whole list and read it back with GetForwarding. eNom answers
 * `EmailForwardingEnabled` True and `MailCount` (0 in the XML sample, 1 in the Text one, for the
 * same query: not used). `EmailForwardingEnabled` False with ErrCount 0 is refused as a shape
 * Mailpak does not know (eNom may have acted).
 */
export const setDomainForwarding = defineCommand({
  command: "Forwarding",
  kind: "write",
  input: setDomainForwardingInputSchema,
  params: ({ domain, aliases }) => ({
    ...domainParams(domain),
    ...indexedParams(aliases, { Address: (item) => item.alias, ForwardTo: (item) => item.forwardTo }),
  }),
  read: (reply, envelope) => {
    if (row.optionalFlag(reply, "emailforwardingenabled") === false)
      unrecognised("EmailForwardingEnabled is False while ErrCount is 0");
    return domainForwardingWriteSchema.parse({ trackingKey: envelope.trackingKey });
  },
  documented: ["EmailForwardingEnabled"],
});
