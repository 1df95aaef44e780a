import { MAX_SIZE } from "../../validation/enom-rules";
import { EnomError, enomErrors } from "../errors";
import { value } from "../wire/reply";
import { domainNameOf, findMailbox, type Domain, type Mailbox } from "../world";
import type { CommandContext, EnomCommand } from "./context";
import { optionalParam, requiredParam } from "./inputs";
import { requireDomain } from "./rules";
import { forwardingProblem } from "./setup-pop3-user";

/** GetPOPForwarding / SetPOPForwarding: one mailbox's forwarding address (empty: none). */
function requireMailbox(context: CommandContext): { domain: Domain; mailbox: Mailbox } {
  const domain = requireDomain(context);
  const userName = requiredParam(context.params, "UserName", MAX_SIZE.userName);
  const mailbox = findMailbox(domain, userName);
  if (!mailbox) throw new EnomError(enomErrors.userNotFound(userName));
  return { domain, mailbox };
}

export const getPopForwarding: EnomCommand = {
  name: "GETPOPFORWARDING",
  run(context) {
    const { mailbox } = requireMailbox(context);
    return {
      changed: false,
      fields: [
        value("UserName", mailbox.userName),
        value("ForwardTo", mailbox.forwardTo),
        value("Success", true),
      ],
    };
  },
};

export const setPopForwarding: EnomCommand = {
  name: "SETPOPFORWARDING",
  run(context) {
    const { domain, mailbox } = requireMailbox(context);
    const forwardTo = optionalParam(context.params, "ForwardTo", MAX_SIZE.forwardTo);
    if (forwardTo === undefined) throw new EnomError(enomErrors.missing("ForwardTo"));
    const problem = forwardingProblem(forwardTo, `${mailbox.userName}@${domainNameOf(domain)}`, "ForwardTo");
    if (problem) throw new EnomError(problem);
    const changed = mailbox.forwardTo !== forwardTo;
    if (changed) {
      mailbox.forwardTo = forwardTo;
      context.world.touch(domain);
    }
    return {
      changed,
      fields: [value("UserName", mailbox.userName), value("ForwardTo", forwardTo), value("Success", true)],
    };
  },
};
