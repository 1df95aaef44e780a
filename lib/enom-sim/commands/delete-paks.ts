import { EnomError, enomErrors } from "../errors";
import { value } from "../wire/reply";
import type { EnomCommand } from "./context";
import { removeMailboxes } from "./delete-pop3";
import { requireDomain, requirePakParam } from "./rules";

/**
 * DeletePOPPak and DeleteAllPOPPaks: a pak goes with its mailboxes (and their mail). Nothing is
 * refunded: eNom's documents promise no refund and the simulator does not invent one.
 */
export const deletePopPak: EnomCommand = {
  name: "DELETEPOPPAK",
  run(context) {
    const domain = requireDomain(context);
    const pak = requirePakParam(context, domain, "BundleID");
    const mailboxesDeleted = removeMailboxes(domain, (mailbox) => mailbox.bundleId === pak.bundleId);
    domain.paks = domain.paks.filter((candidate) => candidate !== pak);
    context.world.touch(domain);
    return {
      changed: true,
      fields: [
        value("PakDeleted", pak.bundleId),
        value("AccountsDeleted", mailboxesDeleted),
        value("Success", true),
      ],
    };
  },
};

export const deleteAllPopPaks: EnomCommand = {
  name: "DELETEALLPOPPAKS",
  run(context) {
    const domain = requireDomain(context);
    if (domain.paks.length === 0) throw new EnomError(enomErrors.noPaks);
    const paksDeleted = domain.paks.length;
    const mailboxesDeleted = removeMailboxes(domain, () => true);
    domain.paks = [];
    context.world.touch(domain);
    return {
      changed: true,
      fields: [
        value("PaksDeleted", paksDeleted),
        value("AccountsDeleted", mailboxesDeleted),
        value("Success", true),
      ],
    };
  },
};
