import { EMAIL_ADDRESS_PATTERN, MAX_SIZE } from "../../validation/enom-rules";
import { EnomError, enomErrors } from "../errors";
import { value } from "../wire/reply";
import { findMailbox } from "../world";
import type { EnomCommand } from "./context";
import { optionalParam } from "./inputs";
import { requireDomain } from "./rules";

/**
 * GetCatchAll / SetCatchAll: where mail to unknown addresses of a domain goes — one of its
 * mailboxes (by user name), an outside address, or nowhere (empty: it bounces).
 */
export const getCatchAll: EnomCommand = {
  name: "GETCATCHALL",
  run(context) {
    const domain = requireDomain(context);
    return { changed: false, fields: [value("CatchAll", domain.catchAll), value("Success", true)] };
  },
};

export const setCatchAll: EnomCommand = {
  name: "SETCATCHALL",
  run(context) {
    const domain = requireDomain(context);
    if (domain.paks.length === 0) throw new EnomError(enomErrors.noPaks);
    const wanted = optionalParam(context.params, "CatchAll", MAX_SIZE.forwardTo);
    if (wanted === undefined) throw new EnomError(enomErrors.missing("CatchAll"));
    let catchAll = "";
    if (wanted.includes("@")) {
      if (!EMAIL_ADDRESS_PATTERN.test(wanted)) throw new EnomError(enomErrors.catchAllTarget);
      catchAll = wanted;
    } else if (wanted !== "") {
      const mailbox = findMailbox(domain, wanted);
      if (!mailbox) throw new EnomError(enomErrors.catchAllTarget);
      catchAll = mailbox.userName;
    }
    const changed = domain.catchAll !== catchAll;
    if (changed) {
      domain.catchAll = catchAll;
      context.world.touch(domain);
    }
    return { changed, fields: [value("CatchAll", catchAll), value("Success", true)] };
  },
};
