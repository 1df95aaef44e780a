import { MAX_SIZE, userNameProblem } from "../../validation/enom-rules";
import { EnomError, enomErrors, type Failure } from "../errors";
import { value } from "../wire/reply";
import { findMailbox, freeMailboxes, type Domain, type Mailbox } from "../world";
import { BatchOutcome, indexedUserNames } from "./batch";
import type { CommandContext, EnomCommand } from "./context";
import { freeTextParam, permittedParam } from "./inputs";
import { passwordFailure, requireActivePak, requireDomain, requirePakParam } from "./rules";

/**
 * SetUpPOP3User (seeds/001, SetUpPOP3User.md): create mailboxes in a pak — `BundleID`,
 * `UserNameX` (≤30), `PasswordX`, `IsAdminX`, `DisplayNameX`. The batch is checked whole first
 * (parameters, a free mailbox for every user); then each user is created or fails alone: a taken
 * name fails with "Invalid Item specified", the error seeds/001's HTML and Text samples show for
 * the query that had just created `james`; a password fails today's rule, or error 48 when it
 * contains the user name or the domain. The reply counts both (`AccountsCreated`,
 * `AccountsFailed`) beside the errors, as seeds/001 shows; it never says which names failed.
 */
interface NewUser {
  index: number;
  userName: string;
  password: string;
  isAdmin: boolean;
  displayName: string;
}

export const setUpPop3User: EnomCommand = {
  name: "SETUPPOP3USER",
  batch: true,
  run(context) {
    const { params, world, today } = context;
    const domain = requireDomain(context, "1");
    requireSameDomainForAll(context, domain);
    const pak = requirePakParam(context, domain, "BundleID");
    requireActivePak(pak, today);
    const users = indexedUserNames(params).map(({ index, userName }): NewUser => {
      const password = params.get(`Password${index}`);
      if (password === undefined || password === "")
        throw new EnomError(enomErrors.missing(`Password${index}`));
      // seeds/002 Step 3 sends `ForwardTo1=` (empty); no document says what a value would do.
      if ((params.get(`ForwardTo${index}`) ?? "") !== "")
        throw new EnomError(enomErrors.notSimulated(`ForwardTo${index} with a value (use SetPOPForwarding)`));
      return {
        index,
        userName,
        password,
        isAdmin:
          permittedParam(params, `IsAdmin${index}`, ["0", "1"] as const, { fallback: "0", maxSize: 1 }) ===
          "1",
        displayName: freeTextParam(params, `DisplayName${index}`, MAX_SIZE.displayName) ?? "",
      };
    });
    const free = freeMailboxes(domain, pak);
    if (users.length > free) throw new EnomError(enomErrors.pakTooSmall(free, users.length));

    const outcome = new BatchOutcome();
    const created: Mailbox[] = [];
    for (const [position, user] of users.entries()) {
      const problem =
        position > 0 && context.failAfterFirst !== undefined
          ? { message: context.failAfterFirst }
          : newUserProblem(context, domain, user, created);
      if (problem) {
        outcome.fail(problem);
        continue;
      }
      created.push({
        userName: user.userName,
        displayName: user.displayName,
        bundleId: pak.bundleId,
        isAdmin: user.isAdmin,
        password: user.password,
        passwordSetAt: context.now.toISOString(),
        createdOn: today,
      });
      outcome.succeeded++;
    }
    if (created.length > 0) {
      domain.mailboxes.push(...created);
      world.touch(domain);
    }
    return {
      changed: created.length > 0,
      fields: [
        value("Success", true),
        value("AccountsCreated", outcome.succeeded),
        value("AccountsFailed", outcome.failures.length),
      ],
      ...outcome.report(),
    };
  },
};

function newUserProblem(
  context: CommandContext,
  domain: Domain,
  user: NewUser,
  earlier: readonly Mailbox[],
): Failure | null {
  const nameProblem = userNameProblem(user.userName);
  if (nameProblem) return { message: enomErrors.badUserName(user.userName, nameProblem) };
  const wanted = user.userName.toLowerCase();
  if (
    findMailbox(domain, user.userName) ||
    earlier.some((mailbox) => mailbox.userName.toLowerCase() === wanted)
  )
    return { message: enomErrors.nameTaken };
  return passwordFailure(user.password, user.userName, domain, context.legacyPasswords);
}

/** SLD2, TLD2… would name other domains; one query works on one domain only. */
function requireSameDomainForAll(context: CommandContext, domain: Domain): void {
  for (const base of ["SLD", "TLD"] as const) {
    const own = base === "SLD" ? domain.sld : domain.tld;
    for (const index of context.params.indicesOf(base)) {
      const other = context.params.get(`${base}${index}`);
      if (other !== undefined && other.toLowerCase() !== own)
        throw new EnomError(enomErrors.oneDomainPerQuery);
    }
  }
}
