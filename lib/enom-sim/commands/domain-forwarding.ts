import { EMAIL_ADDRESS_PATTERN, MAX_SIZE, userNameProblem } from "../../validation/enom-rules";
import { EnomError, enomErrors } from "../errors";
import { mixSeed } from "../prng";
import { node, value } from "../wire/reply";
import { findForward, type Domain, type Forward } from "../world";
import type { EnomCommand } from "./context";
import { optionalParam, requiredParam } from "./inputs";
import { requireEnomDns } from "./hosts";
import { requireDomain } from "./rules";

/**
 * The domain's email forwarding (docs/get-forwarding.md, docs/forwarding.md). Both require the
 * domain to use eNom's name servers.
 *
 * - GetForwarding: XML repeated `<eforward>{alias, forward-to, status, rejectreason, mailid}`
 *   directly under `<interface-response>`, `EmailCount`, `MaxEmail` (100, the sample's),
 *   `DomainServices{EmailForwarding, HostRecords}`; Text `Username1, ForwardTo1, Status1,
 *   RejectReason1, MailID1`, `EmailCount`, `MaxEmail`, `EmailForwarding=`, `HostRecords=`.
 *   `status` 0 is "enabled" (no command documents disabling one). `GetDefaultOnly=1` (blank form
 *   rows) is not simulated.
 * - Forwarding: `AddressX` (≤ 30, the mailbox user name) and `ForwardToX` (≤ 130, a full
 *   address), from 1 in sequence; "Forwarding addresses not included in the query are deleted".
 *   Reply `EmailForwardingEnabled` True and `MailCount` (the simulator's: how many it now has).
 *
 * The records are the domain's one forwarding list, the one GetPOPForwarding and SetPOPForwarding
 * read and change (SetPOPForwarding's page: "email forwarding addresses for both our POP mail and
 * our email forwarding services"): a Forwarding write replaces mailboxes' forwards too, and a
 * record kept by name keeps its StatusFlags. Whether eNom keeps the two apart is an unknown.
 */
export const MAX_EMAIL_FORWARDS = 100;

/** A stable id per record, as eNom's `mailid`: the same alias of the same domain has the same one. */
function mailIdOf(domain: Domain, alias: string): number {
  return (
    3_000_000 +
    (mixSeed(domain.domainNameId, ...[...alias.toLowerCase()].map((c) => c.charCodeAt(0))) % 6_000_000)
  );
}

export const getForwarding: EnomCommand = {
  name: "GETFORWARDING",
  run(context) {
    const domain = requireDomain(context);
    requireEnomDns(domain);
    if ((optionalParam(context.params, "GetDefaultOnly", 1) ?? "") === "1")
      throw new EnomError(enomErrors.notSimulated("GetDefaultOnly=1 (blank form rows)"));
    return {
      changed: false,
      fields: [
        ...domain.forwards.map((forward, index) =>
          node(
            "eforward",
            [
              value("alias", forward.userName, { textName: "Username" }),
              value("forward-to", forward.forwardTo, { textName: "ForwardTo" }),
              value("status", 0, { textName: "Status" }),
              value("rejectreason", "", { textName: "RejectReason" }),
              value("mailid", mailIdOf(domain, forward.userName), { textName: "MailID" }),
            ],
            { textIndex: index + 1 },
          ),
        ),
        value("EmailCount", domain.forwards.length),
        value("MaxEmail", MAX_EMAIL_FORWARDS),
        node("DomainServices", [value("EmailForwarding", true), value("HostRecords", true)], { only: "xml" }),
        value("EmailForwarding", "", { only: "text" }),
        value("HostRecords", "", { only: "text" }),
      ],
    };
  },
};

export const forwarding: EnomCommand = {
  name: "FORWARDING",
  run(context) {
    const { params } = context;
    const domain = requireDomain(context);
    requireEnomDns(domain);
    const indices = params.indicesOf("Address");
    if (indices.length === 0) throw new EnomError(enomErrors.missing("Address1"));
    indices.forEach((index, position) => {
      if (index !== position + 1) throw new EnomError(enomErrors.indexGap("Address", position + 1));
    });
    if (indices.length > MAX_EMAIL_FORWARDS)
      throw new EnomError(enomErrors.tooManyForwards(MAX_EMAIL_FORWARDS));
    const seen = new Set<string>();
    const forwards: Forward[] = indices.map((index) => {
      const alias = requiredParam(params, `Address${index}`, MAX_SIZE.userName);
      const problem = userNameProblem(alias);
      if (problem) throw new EnomError(enomErrors.badUserName(alias, problem));
      if (seen.has(alias.toLowerCase())) throw new EnomError(enomErrors.aliasListedTwice(alias));
      seen.add(alias.toLowerCase());
      const forwardTo = requiredParam(params, `ForwardTo${index}`, MAX_SIZE.forwardTo);
      if (!EMAIL_ADDRESS_PATTERN.test(forwardTo))
        throw new EnomError(enomErrors.notAnAddress(`ForwardTo${index}`));
      return { userName: alias, forwardTo, statusFlags: findForward(domain, alias)?.statusFlags ?? "" };
    });
    domain.forwards = forwards;
    context.world.touch(domain);
    return {
      changed: true,
      fields: [value("EmailForwardingEnabled", true), value("MailCount", forwards.length)],
    };
  },
};
