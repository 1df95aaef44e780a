import { EnomError, enomErrors } from "../errors";
import { value } from "../wire/reply";
import { mailboxesIn } from "../world";
import type { EnomCommand } from "./context";
import { requireDomain, requirePakParam } from "./rules";

/**
 * DeletePOPPak and DeleteAllPOPPaks (their pages): "The pak must have no user email accounts
 * currently configured" — "Use the DeletePOP3 command to delete any email user accounts before
 * running DeletePOPPak"; DeleteAllPOPPaks needs every pak of the domain empty. A pak with
 * mailboxes is refused and nothing is deleted. Nothing is refunded: no document promises a refund.
 * DeletePOPPak answers no fields of its own (its sample); DeleteAllPOPPaks answers `PaksRemoved`.
 */
export const deletePopPak: EnomCommand = {
  name: "DELETEPOPPAK",
  run(context) {
    const domain = requireDomain(context);
    const pak = requirePakParam(context, domain, "BundleID");
    const inUse = mailboxesIn(domain, pak.bundleId);
    if (inUse > 0) throw new EnomError(enomErrors.pakNotEmpty(pak.bundleId, inUse));
    domain.paks = domain.paks.filter((candidate) => candidate !== pak);
    context.world.touch(domain);
    return { changed: true, fields: [] };
  },
};

export const deleteAllPopPaks: EnomCommand = {
  name: "DELETEALLPOPPAKS",
  run(context) {
    const domain = requireDomain(context);
    if (domain.mailboxes.length > 0) throw new EnomError(enomErrors.paksNotEmpty(domain.mailboxes.length));
    const removed = domain.paks.length;
    if (removed > 0) {
      domain.paks = [];
      context.world.touch(domain);
    }
    return { changed: removed > 0, fields: [value("PaksRemoved", removed)] };
  },
};
