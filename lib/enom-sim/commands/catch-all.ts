import { EMAIL_ADDRESS_PATTERN, MAX_SIZE } from "../../validation/enom-rules";
import { EnomError, enomErrors } from "../errors";
import { value, type ReplyField } from "../wire/reply";
import type { EnomCommand } from "./context";
import { requiredParam } from "./inputs";
import { requireDomain } from "./rules";

/**
 * GetCatchAll / SetCatchAll (their pages; ../shared/enom-samples/getcatchall-online.xml): where
 * mail to nonexistent mailboxes of a domain goes. SetCatchAll takes `ForwardTo`, required, at most
 * 130 characters, a full address ("Use format [email protected]"; "does not need to be in our
 * system"). No page shows how to turn a catch-all off, so the simulator offers no way to.
 * XML answers `CatchAll`; the pages' Text samples answer `success`, `ForwardTo` and `Version`
 * instead, which the simulator copies per format.
 */
function catchAllFields(catchAll: string): ReplyField[] {
  return [
    value("CatchAll", catchAll, { only: "xml" }),
    value("success", true, { only: "text" }),
    value("ForwardTo", catchAll, { only: "text" }),
    value("Version", 2, { only: "text" }),
  ];
}

export const getCatchAll: EnomCommand = {
  name: "GETCATCHALL",
  run(context) {
    const domain = requireDomain(context);
    return { changed: false, fields: catchAllFields(domain.catchAll) };
  },
};

export const setCatchAll: EnomCommand = {
  name: "SETCATCHALL",
  run(context) {
    const domain = requireDomain(context);
    const forwardTo = requiredParam(context.params, "ForwardTo", MAX_SIZE.forwardTo);
    if (!EMAIL_ADDRESS_PATTERN.test(forwardTo)) throw new EnomError(enomErrors.notAnAddress("ForwardTo"));
    const changed = domain.catchAll !== forwardTo;
    if (changed) {
      domain.catchAll = forwardTo;
      context.world.touch(domain);
    }
    return { changed, fields: catchAllFields(forwardTo) };
  },
};
