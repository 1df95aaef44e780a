import {
  EMAIL_ADDRESS_PATTERN,
  MAX_SIZE,
  passwordProblem,
  userNameProblem,
} from "../../validation/enom-rules";
import { EnomError, enomErrors } from "../errors";
import { value } from "../wire/reply";
import { domainNameOf, findMailbox, freeMailboxes, type Domain, type Mailbox } from "../world";
import { BatchOutcome, indexedUserNames } from "./batch";
import type { CommandContext, EnomCommand } from "./context";
import { freeTextParam, optionalParam, permittedParam } from "./inputs";
import { requireActivePak, requireDomain, requirePakParam } from "./rules";

/**
 * SetUpPOP3User: create mailboxes in a pak. The batch is checked whole first (parameters, a free
 * mailbox for every user); then each user is created or fails alone (name taken, name or password
 * refused). A taken name fails with "Invalid Item specified": that is the error seeds/001's HTML
 * and Text samples show for the query that had just created `james` in its XML form.
 */
interface NewUser {
  index: number;
  userName: string;
  password: string;
  isAdmin: boolean;
  displayName: string;
  forwardTo: string;
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
      return {
        index,
        userName,
        password,
        isAdmin:
          permittedParam(params, `IsAdmin${index}`, ["0", "1"] as const, { fallback: "0", maxSize: 1 }) ===
          "1",
        displayName: freeTextParam(params, `DisplayName${index}`, MAX_SIZE.displayName) ?? "",
        forwardTo: optionalParam(params, `ForwardTo${index}`, MAX_SIZE.forwardTo) ?? "",
      };
    });
    const free = freeMailboxes(domain, pak);
    if (users.length > free) throw new EnomError(enomErrors.pakTooSmall(free, users.length));

    const outcome = new BatchOutcome();
    const created: Mailbox[] = [];
    for (const [position, user] of users.entries()) {
      const problem =
        position > 0 && context.failAfterFirst !== undefined
          ? context.failAfterFirst
          : newUserProblem(domain, user, created);
      if (problem) {
        outcome.fail(user.userName, problem);
        continue;
      }
      created.push({
        userName: user.userName,
        displayName: user.displayName,
        bundleId: pak.bundleId,
        isAdmin: user.isAdmin,
        forwardTo: user.forwardTo,
        passwordSetAt: context.now.toISOString(),
      });
      outcome.succeeded++;
    }
    outcome.requireOneSuccess();
    domain.mailboxes.push(...created);
    world.touch(domain);
    return {
      changed: true,
      fields: [
        value("Success", true),
        value("AccountsCreated", outcome.succeeded),
        value("AccountsFailed", outcome.failures.length),
        ...outcome.failedAccountsFields(),
      ],
    };
  },
};

function newUserProblem(domain: Domain, user: NewUser, earlier: readonly Mailbox[]): string | null {
  const nameProblem = userNameProblem(user.userName);
  if (nameProblem) return enomErrors.badUserName(user.userName, nameProblem);
  const wanted = user.userName.toLowerCase();
  if (
    findMailbox(domain, user.userName) ||
    earlier.some((mailbox) => mailbox.userName.toLowerCase() === wanted)
  )
    return enomErrors.nameTaken;
  const passwordIssue = passwordProblem(user.password, { userName: user.userName, strict: false });
  if (passwordIssue) return enomErrors.badPassword(user.userName, passwordIssue);
  return forwardingProblem(
    user.forwardTo,
    `${user.userName}@${domainNameOf(domain)}`,
    `ForwardTo${user.index}`,
  );
}

/** Forwarding: empty (none) or an address, never the mailbox's own. */
export function forwardingProblem(
  forwardTo: string,
  ownAddress: string,
  parameterName: string,
): string | null {
  if (forwardTo === "") return null;
  if (!EMAIL_ADDRESS_PATTERN.test(forwardTo)) return enomErrors.notAnAddress(parameterName);
  if (forwardTo.toLowerCase() === ownAddress.toLowerCase()) return enomErrors.forwardToSelf;
  return null;
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
