import "server-only";
import { z } from "zod";
import { nestedList, optionalCount, optionalText, text } from "../parse/fields";
import type { Envelope } from "../parse/envelope";
import type { ReplyRecord } from "../parse/reply";
import {
  deletePop3UsersInputSchema,
  mailboxBatchSchema,
  modifyPop3UsersInputSchema,
  setUpPop3UsersInputSchema,
} from "../schemas";
import type { MailboxBatch } from "../types";
import { defineCommand, domainParams, flagParam, indexedParams } from "./command";

/**
 * The per-user part of a batch reply: `AccountsCreated`/`Modified`/`Deleted`, `AccountsFailed`,
 * and (docs/enom.md) `<FailedAccounts><Account><UserName/><Reason/></Account></FailedAccounts>`.
 */
const batchWire = z.object({
  accountscreated: optionalCount,
  accountsmodified: optionalCount,
  accountsdeleted: optionalCount,
  accountsfailed: optionalCount,
  failedaccounts: nestedList("account", z.object({ username: text, reason: optionalText })),
});

/**
 * Splits the requested names into succeeded / failed / unknown. Names eNom lists as failed are
 * failed; the rest succeeded only if eNom's counts agree with its list. When they disagree
 * (a count says more failed than the list names, or fewer were done than remain), the rest are
 * `unknown` rather than guessed: a caller must not tell a user a mailbox exists when it may not.
 */
export function readBatch(
  reply: ReplyRecord,
  envelope: Envelope,
  requested: readonly string[],
  doneField: "accountscreated" | "accountsmodified" | "accountsdeleted",
): MailboxBatch {
  const wire = batchWire.parse(reply);
  const byName = new Map(requested.map((name) => [name.toLowerCase(), name]));
  const failed = wire.failedaccounts.map((account) => ({
    userName: byName.get(account.username.toLowerCase()) ?? account.username,
    reason: account.reason ?? "eNom gave no reason",
  }));
  const failedNames = new Set(failed.map((f) => f.userName.toLowerCase()));
  const rest = requested.filter((name) => !failedNames.has(name.toLowerCase()));
  const done = wire[doneField];
  const listComplete = wire.accountsfailed === null || wire.accountsfailed <= failed.length;
  const countsAgree = listComplete && (done === null || done === rest.length);
  return mailboxBatchSchema.parse({
    succeeded: countsAgree ? rest : [],
    failed,
    unknown: countsAgree ? [] : rest,
    trackingKey: envelope.trackingKey,
  });
}

/** SetUpPOP3User: create mailboxes in a pak (indexed UserNameX, PasswordX, IsAdminX, DisplayNameX, ForwardToX). */
export const setUpPop3Users = defineCommand({
  command: "SetUpPOP3User",
  kind: "write",
  input: setUpPop3UsersInputSchema,
  params: ({ domain, bundleId, users }) => ({
    ...domainParams(domain),
    BundleID: String(bundleId),
    ...indexedParams(users, {
      UserName: (u) => u.userName,
      Password: (u) => u.password,
      IsAdmin: (u) => flagParam(u.isAdmin),
      DisplayName: (u) => u.displayName,
      ForwardTo: (u) => u.forwardTo,
    }),
  }),
  read: (reply, envelope, { users }) =>
    readBatch(
      reply,
      envelope,
      users.map((u) => u.userName),
      "accountscreated",
    ),
});

/** ModifyPOP3: new passwords and/or admin flags; `EmailCount` says how many users follow. */
export const modifyPop3Users = defineCommand({
  command: "ModifyPOP3",
  kind: "write",
  input: modifyPop3UsersInputSchema,
  params: ({ domain, bundleId, users }) => ({
    ...domainParams(domain),
    BundleID: String(bundleId),
    EmailCount: String(users.length),
    ...indexedParams(users, {
      UserName: (u) => u.userName,
      Password: (u) => u.password,
      IsAdmin: (u) => (u.isAdmin === undefined ? undefined : flagParam(u.isAdmin)),
    }),
  }),
  read: (reply, envelope, { users }) =>
    readBatch(
      reply,
      envelope,
      users.map((u) => u.userName),
      "accountsmodified",
    ),
});

/** DeletePOP3: delete mailboxes. Irreversible: mail, calendar and contacts go with them. */
export const deletePop3Users = defineCommand({
  command: "DeletePOP3",
  kind: "write",
  input: deletePop3UsersInputSchema,
  params: ({ domain, userNames }) => ({
    ...domainParams(domain),
    ...indexedParams(userNames, { UserName: (name) => name }),
  }),
  read: (reply, envelope, { userNames }) => readBatch(reply, envelope, userNames, "accountsdeleted"),
});
