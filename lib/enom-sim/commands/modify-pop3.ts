import { MAX_SIZE, PROD_TYPE_MAILBOX } from "../../validation/enom-rules";
import { EnomError, enomErrors, type Failure } from "../errors";
import { value } from "../wire/reply";
import { findMailbox, isExpired, pakOf, type Domain, type Pak } from "../world";
import { BatchOutcome, indexedUserNames, MAX_USERS_PER_QUERY } from "./batch";
import type { CommandContext, EnomCommand } from "./context";
import { optionalParam, permittedParam, wholeNumberParam } from "./inputs";
import { passwordFailure, requireDomain } from "./rules";

/**
 * ModifyPOP3 (its page; seeds/002 Step 4): `EmailCount` (≤2 characters, must match the users
 * sent), `UserNameX` (≤30), `IsAdminX` and/or `PasswordX` (≤50). There is no BundleID in the
 * page's table or its example: a mailbox is found by its name (seeds/002 sends one anyway; it is
 * accepted and not read). "The POP3 service need not be active for the password change to be
 * successful": a password changes even in an expired pak; an admin change there fails that user
 * (the simulator's reading: the page allows only the password).
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
    const { params, world } = context;
    const domain = requireDomain(context);
    const emailCount = wholeNumberParam(params, "EmailCount", {
      min: 1,
      max: MAX_USERS_PER_QUERY,
      maxSize: MAX_SIZE.emailCount,
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
      const password = optionalParam(params, `Password${index}`, MAX_SIZE.modifyPassword) || undefined;
      if (isAdmin === undefined && password === undefined)
        throw new EnomError(enomErrors.nothingToModify(index));
      return { userName, isAdmin, password };
    });

    const outcome = new BatchOutcome();
    const touched: Pak[] = [];
    for (const [position, change] of changes.entries()) {
      const problem =
        position > 0 && context.failAfterFirst !== undefined
          ? { message: context.failAfterFirst }
          : applyChange(context, domain, change, touched);
      if (problem) outcome.fail(problem);
      else outcome.succeeded++;
    }
    if (outcome.succeeded > 0) world.touch(domain);
    // seeds/002 shows `Version` 3 for a Mailbox pak; the page's sample (classic paks) has none.
    const version = touched.find((pak) => pak.prodType === PROD_TYPE_MAILBOX)?.version;
    return {
      changed: outcome.succeeded > 0,
      fields: [
        value("Success", true),
        value("AccountsModified", outcome.succeeded),
        value("AccountsFailed", outcome.failures.length),
        ...(version !== undefined ? [value("Version", version)] : []),
      ],
      ...outcome.report(),
    };
  },
};

/** Checks one user's change and applies it when it is allowed; returns why not otherwise. */
function applyChange(
  context: CommandContext,
  domain: Domain,
  change: Change,
  touched: Pak[],
): Failure | null {
  const mailbox = findMailbox(domain, change.userName);
  if (!mailbox) return { message: enomErrors.userNotFound(change.userName) };
  const pak = pakOf(domain, mailbox);
  if (change.isAdmin !== undefined && pak && isExpired(pak, context.today))
    return { message: enomErrors.adminChangeOnExpiredPak(pak.bundleId) };
  if (change.password !== undefined) {
    const failure = passwordFailure(change.password, mailbox.userName, domain, context.legacyPasswords);
    if (failure) return failure;
    mailbox.password = change.password;
    mailbox.passwordSetAt = context.now.toISOString();
  }
  if (change.isAdmin !== undefined) mailbox.isAdmin = change.isAdmin;
  if (pak) touched.push(pak);
  return null;
}
