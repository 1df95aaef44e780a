import { MAX_SIZE } from "../../validation/enom-rules";
import { enomErrors } from "../errors";
import { value } from "../wire/reply";
import { findMailbox, isExpired, pakOf } from "../world";
import { BatchOutcome, indexedUserNames } from "./batch";
import type { EnomCommand } from "./context";
import { requireDomain } from "./rules";

/**
 * DeletePOP3 (its page; seeds/002 Step 5): delete mailboxes by name, `UserNameX` at most 16
 * characters; "the user name must be in a POP pak for which the subscription is current".
 * Irreversible ("all email objects associated with that user object … will be permanently
 * deleted"). Reply `AccountsDeleted` and `success` (XML, seeds/002); the page's Text sample shows
 * `success` alone. Forwarding records and the catch-all are not touched: eNom's forwarding exists
 * without a mailbox, and its catch-all "does not need to be in our system".
 */
export const deletePop3: EnomCommand = {
  name: "DELETEPOP3",
  batch: true,
  run(context) {
    const domain = requireDomain(context);
    const users = indexedUserNames(context.params, MAX_SIZE.deleteUserName);
    const outcome = new BatchOutcome();
    const doomed = new Set<string>();
    for (const [position, { userName }] of users.entries()) {
      const mailbox = findMailbox(domain, userName);
      const pak = mailbox ? pakOf(domain, mailbox) : undefined;
      if (position > 0 && context.failAfterFirst !== undefined) outcome.fail(context.failAfterFirst);
      else if (!mailbox || doomed.has(mailbox.userName)) outcome.fail(enomErrors.userNotFound(userName));
      else if (!pak || isExpired(pak, context.today))
        outcome.fail(enomErrors.deleteOnExpiredPak(mailbox.bundleId));
      else {
        doomed.add(mailbox.userName);
        outcome.succeeded++;
      }
    }
    if (doomed.size > 0) {
      domain.mailboxes = domain.mailboxes.filter((mailbox) => !doomed.has(mailbox.userName));
      context.world.touch(domain);
    }
    return {
      changed: doomed.size > 0,
      fields: [value("AccountsDeleted", outcome.succeeded, { only: "xml" }), value("success", true)],
      ...outcome.report(),
    };
  },
};
