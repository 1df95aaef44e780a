import { EMAIL_ADDRESS_PATTERN, MAX_SIZE } from "../../validation/enom-rules";
import { EnomError, enomErrors } from "../errors";
import { node, value, type ReplyField } from "../wire/reply";
import { domainNameOf, findForward, findMailbox, type Domain, type Forward } from "../world";
import type { EnomCommand } from "./context";
import { optionalParam, permittedParam, requiredParam } from "./inputs";
import { requireDomain } from "./rules";

/**
 * GetPOPForwarding (its page; ../shared/enom-samples/getpopforwarding-online.xml): each record as
 * a `<popforwarding>{domainname, domainnameid, username, forwardto, active}` directly under
 * `<interface-response>`, then `Count`. With `UserName` (≤50), that user's record only; the page's
 * example asks for a user without forwarding and gets one record with empty `forwardto` and
 * `active` and `Count` 0, which the simulator copies. The page marks UserName required, the
 * digest optional: without it the simulator lists every record of the domain.
 * Text: the page's sample (one user) writes the leaves unnumbered and `Success` instead of
 * `Count`; for a whole domain (no sample) the simulator numbers them (`username1`).
 *
 * SetPOPForwarding (its page): `UserName` (≤30), `EMail` (the domain as SLD.TLD, ≤78), `ForwardTo`
 * (≤130), `Enable` (1 add or change, 0 delete), `StatusFlags` (none, 0 or 1). All but StatusFlags
 * are required, ForwardTo even to delete. Reply `DomainRRP` and `success` 1 (XML), `success` 1 (Text).
 */
function recordFields(domain: Domain, userName: string, forward: Forward | undefined): ReplyField[] {
  return [
    value("domainname", domainNameOf(domain)),
    value("domainnameid", domain.domainNameId),
    value("username", userName),
    value("forwardto", forward?.forwardTo ?? ""),
    value("active", forward ? "1" : ""),
  ];
}

export const getPopForwarding: EnomCommand = {
  name: "GETPOPFORWARDING",
  run(context) {
    const domain = requireDomain(context);
    const wanted = optionalParam(context.params, "UserName", 50);
    if (wanted !== undefined && wanted !== "") {
      const forward = findForward(domain, wanted);
      // "The user name must be an existing email address for this domain name."
      if (!forward && !findMailbox(domain, wanted)) throw new EnomError(enomErrors.userNotFound(wanted));
      return {
        changed: false,
        fields: [
          node("popforwarding", recordFields(domain, forward?.userName ?? wanted, forward)),
          value("Count", forward ? 1 : 0, { only: "xml" }),
          value("Success", true, { only: "text" }),
        ],
      };
    }
    return {
      changed: false,
      fields: [
        ...domain.forwards.map((forward, index) =>
          node("popforwarding", recordFields(domain, forward.userName, forward), { textIndex: index + 1 }),
        ),
        value("Count", domain.forwards.length, { only: "xml" }),
        value("Success", true, { only: "text" }),
      ],
    };
  },
};

export const setPopForwarding: EnomCommand = {
  name: "SETPOPFORWARDING",
  run(context) {
    const { params } = context;
    const domain = requireDomain(context);
    const userName = requiredParam(params, "UserName", MAX_SIZE.userName);
    const eMail = requiredParam(params, "EMail", MAX_SIZE.forwardingDomain);
    if (eMail.toLowerCase() !== domainNameOf(domain))
      throw new EnomError(enomErrors.forwardingDomainMismatch);
    const forwardTo = requiredParam(params, "ForwardTo", MAX_SIZE.forwardTo);
    if (!EMAIL_ADDRESS_PATTERN.test(forwardTo)) throw new EnomError(enomErrors.notAnAddress("ForwardTo"));
    const enable = permittedParam(params, "Enable", ["1", "0"] as const, { maxSize: 1 });
    const statusFlags: Forward["statusFlags"] =
      (params.get("StatusFlags") ?? "") === ""
        ? ""
        : permittedParam(params, "StatusFlags", ["0", "1"] as const, { maxSize: 1 });
    const existing = findForward(domain, userName);
    if (enable === "0") {
      if (!existing) throw new EnomError(enomErrors.noForwarding(userName));
      domain.forwards = domain.forwards.filter((forward) => forward !== existing);
    } else if (existing) {
      existing.forwardTo = forwardTo;
      existing.statusFlags = statusFlags;
    } else {
      domain.forwards.push({ userName, forwardTo, statusFlags });
    }
    context.world.touch(domain);
    return {
      changed: true,
      fields: [value("DomainRRP", "E", { only: "xml" }), value("success", "1")],
    };
  },
};
