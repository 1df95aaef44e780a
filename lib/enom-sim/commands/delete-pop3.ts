import { enomErrors } from "../errors";
import { value } from "../wire/reply";
import { findMailbox, type Domain } from "../world";
import { BatchOutcome, indexedUserNames } from "./batch";
import type { EnomCommand } from "./context";
import { requireDomain } from "./rules";

/**
 * DeletePOP3: delete mailboxes by name. Irreversible ("all email objects associated with that
 * user object … will be permanently deleted", seeds/002 Step 5). A catch-all that pointed at a
 * deleted mailbox is turned off rather than left pointing nowhere.
 */
export const deletePop3: EnomCommand = {
  name: "DELETEPOP3",
  batch: true,
  run(context) {
    const domain = requireDomain(context);
    const users = indexedUserNames(context.params);
    const outcome = new BatchOutcome();
    const doomed = new Set<string>();
    for (const [position, { userName }] of users.entries()) {
      const mailbox = findMailbox(domain, userName);
      if (position > 0 && context.failAfterFirst !== undefined)
        outcome.fail(userName, context.failAfterFirst);
      else if (!mailbox || doomed.has(mailbox.userName))
        outcome.fail(userName, enomErrors.userNotFound(userName));
      else {
        doomed.add(mailbox.userName);
        outcome.succeeded++;
      }
    }
    outcome.requireOneSuccess();
    removeMailboxes(domain, (mailbox) => doomed.has(mailbox.userName));
    context.world.touch(domain);
    return {
      changed: true,
      fields: [
        value("AccountsDeleted", outcome.succeeded),
        value("success", true),
        ...outcome.failedAccountsFields(),
      ],
    };
  },
};

/** Removes mailboxes and turns off a catch-all that named one of them; returns how many went. */
export function removeMailboxes(
  domain: Domain,
  doomed: (mailbox: Domain["mailboxes"][number]) => boolean,
): number {
  const before = domain.mailboxes.length;
  const catchAll = domain.catchAll.toLowerCase();
  let catchAllGone = false;
  domain.mailboxes = domain.mailboxes.filter((mailbox) => {
    if (!doomed(mailbox)) return true;
    if (mailbox.userName.toLowerCase() === catchAll) catchAllGone = true;
    return false;
  });
  if (catchAllGone) domain.catchAll = "";
  return before - domain.mailboxes.length;
}
