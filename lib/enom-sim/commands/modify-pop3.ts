import { passwordProblem } from "../../validation/enom-rules";
import { EnomError, enomErrors } from "../errors";
import { value } from "../wire/reply";
import { findMailbox, isExpired, type Domain } from "../world";
import { BatchOutcome, indexedUserNames, MAX_USERS_PER_QUERY } from "./batch";
import type { EnomCommand } from "./context";
import { permittedParam, wholeNumberParam } from "./inputs";
import { requireDomain, requirePakParam } from "./rules";

/**
 * ModifyPOP3: promote or demote (IsAdminX) and/or set a new password (PasswordX) for existing
 * mailboxes. EmailCount must equal the users sent. A password change works even on an expired pak
 * (eNom's page for the command); an admin change there fails that user.
 */
interface Change {
  userName: string;
  isAdmin: boolean | undefined;
  password: string | undefined;
}

export const modifyPop3: EnomCommand = {
  name: "MODIFYPOP3",
  batch: true,
  run(context) {
    const { params, world, today } = context;
    const domain = requireDomain(context);
    const pak = requirePakParam(context, domain, "BundleID");
    const emailCount = wholeNumberParam(params, "EmailCount", {
      min: 1,
      max: MAX_USERS_PER_QUERY,
      maxSize: 2,
    });
    const users = indexedUserNames(params);
    if (emailCount !== users.length)
      throw new EnomError(enomErrors.emailCountMismatch(emailCount, users.length));
    const changes = users.map(({ index, userName }): Change => {
      const adminSetting = params.get(`IsAdmin${index}`);
      const isAdmin =
        adminSetting === undefined || adminSetting === ""
          ? undefined
          : permittedParam(params, `IsAdmin${index}`, ["0", "1"] as const, { maxSize: 1 }) === "1";
      const password = params.get(`Password${index}`) || undefined;
      if (isAdmin === undefined && password === undefined)
        throw new EnomError(enomErrors.nothingToModify(index));
      return { userName, isAdmin, password };
    });

    const outcome = new BatchOutcome();
    for (const [position, change] of changes.entries()) {
      const problem =
        position > 0 && context.failAfterFirst !== undefined
          ? context.failAfterFirst
          : applyChange(domain, change, today, context.now);
      if (problem) outcome.fail(change.userName, problem);
      else outcome.succeeded++;
    }
    outcome.requireOneSuccess();
    world.touch(domain);
    return {
      changed: true,
      fields: [
        value("Success", true),
        value("AccountsModified", outcome.succeeded),
        value("AccountsFailed", outcome.failures.length),
        value("Version", pak.version),
        ...outcome.failedAccountsFields(),
      ],
    };
  },
};

/** Checks one user's change and applies it when it is allowed; returns why not otherwise. */
function applyChange(domain: Domain, change: Change, today: string, now: Date): string | null {
  const mailbox = findMailbox(domain, change.userName);
  if (!mailbox) return enomErrors.userNotFound(change.userName);
  const pak = domain.paks.find((candidate) => candidate.bundleId === mailbox.bundleId);
  if (change.isAdmin !== undefined && pak && isExpired(pak, today))
    return enomErrors.adminChangeOnExpiredPak(pak.bundleId);
  if (change.password !== undefined) {
    const problem = passwordProblem(change.password, { userName: mailbox.userName, strict: false });
    if (problem) return enomErrors.badPassword(mailbox.userName, problem);
    mailbox.passwordSetAt = now.toISOString();
  }
  if (change.isAdmin !== undefined) mailbox.isAdmin = change.isAdmin;
  return null;
}
