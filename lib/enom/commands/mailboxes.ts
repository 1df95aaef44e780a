import "server-only";
import type { Envelope } from "../parse/envelope";
import type { ReplyRecord } from "../parse/reply";
import * as row from "../parse/rows";
import {
  deletePop3UsersInputSchema,
  mailboxBatchSchema,
  modifyPop3UsersInputSchema,
  setUpPop3UsersInputSchema,
} from "../schemas";
import type { MailboxBatch } from "../types";
import { defineCommand, domainParams, flagParam, indexedParams } from "./command";

type DoneField = "accountscreated" | "accountsmodified" | "accountsdeleted";

/** The batch counts eNom documents: `AccountsCreated`/`Modified`/`Deleted` and `AccountsFailed`. */
const hasBatchCounts = (field: DoneField) => (reply: ReplyRecord) =>
  Object.hasOwn(reply, field) || Object.hasOwn(reply, "accountsfailed");

/**
 * A batch error that still carries counts (seeds/001: `ErrCount=1` beside `AccountsCreated=1`) is
 * read as a batch. (The transport still throws an EnomError for a bad login, a refused IP or an
 * unknown domain: then nothing in the batch can have happened.)
 */
const readsBatchDespiteErrors = hasBatchCounts;

/**
 * Splits the requested names by what eNom's counts say. eNom documents only counts, never which
 * names failed, so no name is ever listed as `failed` here:
 * - every name `succeeded` when nothing says otherwise: ErrCount 0, and the done-count (when sent)
 *   equals the names sent and AccountsFailed (when sent) is 0 (eNom's rule: ErrCount 0 = done;
 *   DeletePOP3's 2015 sample sends no count at all);
 * - otherwise (some failed, the counts disagree, or ErrCount > 0 arrives with counts) every name
 *   is `unknown`, with eNom's Err texts in `enomErrors` for the audit: the panel reads back with
 *   GetPOP3 to learn which were done.
 */
export function readBatch(
  reply: ReplyRecord,
  envelope: Envelope,
  requested: readonly string[],
  doneField: DoneField,
): MailboxBatch {
  const done = row.optionalCount(reply, doneField);
  const failed = row.optionalCount(reply, "accountsfailed");
  const allDone =
    envelope.errCount === 0 &&
    (done === null || done === requested.length) &&
    (failed === null || failed === 0);
  return mailboxBatchSchema.parse({
    succeeded: allDone ? [...requested] : [],
    failed: [],
    unknown: allDone ? [] : [...requested],
    enomErrors: envelope.errors,
    trackingKey: envelope.trackingKey,
  });
}

/** SetUpPOP3User: create mailboxes in a pak (seeds/001: UserNameX, PasswordX, IsAdminX, DisplayNameX). */
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
    }),
  }),
  read: (reply, envelope, { users }) =>
    readBatch(
      reply,
      envelope,
      users.map((u) => u.userName),
      "accountscreated",
    ),
  readsDespiteErrors: readsBatchDespiteErrors("accountscreated"),
  documented: ["AccountsCreated", "AccountsFailed"],
});

/**
 * ModifyPOP3: new passwords and/or admin flags (modify-pop-3.md): SLD, TLD, `EmailCount` (how many
 * users follow), UserNameX, PasswordX, IsAdminX. No BundleID: the page has none.
 */
export const modifyPop3Users = defineCommand({
  command: "ModifyPOP3",
  kind: "write",
  input: modifyPop3UsersInputSchema,
  params: ({ domain, users }) => ({
    ...domainParams(domain),
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
  readsDespiteErrors: readsBatchDespiteErrors("accountsmodified"),
  documented: ["AccountsModified", "AccountsFailed"],
});

/**
 * DeletePOP3: delete mailboxes (delete-pop-3.md). Irreversible: mail, calendar and contacts go
 * with them. User names over 16 characters are refused before sending (the page's max size).
 */
export const deletePop3Users = defineCommand({
  command: "DeletePOP3",
  kind: "write",
  input: deletePop3UsersInputSchema,
  params: ({ domain, userNames }) => ({
    ...domainParams(domain),
    ...indexedParams(userNames, { UserName: (name) => name }),
  }),
  read: (reply, envelope, { userNames }) => readBatch(reply, envelope, userNames, "accountsdeleted"),
  readsDespiteErrors: readsBatchDespiteErrors("accountsdeleted"),
  documented: ["AccountsDeleted"],
});
