"use server";

import { NotFoundError } from "@/lib/auth/errors";
import { setMailboxDisplayNameSchema } from "@/lib/mailboxes/display-name-model";
import { forgetDisplayNames, recordCreatedMailboxes, setDisplayName } from "@/lib/mailboxes/display-names";
import type { AuditOutcome } from "@/lib/db/schema";
import { getEnomClient, type DomainEmail, type PopForwarding } from "@/lib/enom";
import {
  GONE,
  inExpiredPak,
  isExpired,
  mailboxIndex,
  PASSWORD_UNKNOWN,
  sendInBatches,
  settleByReadBack,
  UNCONFIRMED,
  unnamedFailure,
  type Judge,
  type Mailbox,
  type SentBatch,
} from "@/lib/mailboxes/batch";
import {
  startCreateMailboxesJob,
  startDeleteMailboxesJob,
  startResetPasswordsJob,
  type JobStart,
} from "@/lib/mailboxes/jobs";
import { logger } from "@/lib/logger";
import { announceMailboxes } from "@/lib/webhooks/sources";
import { readDomainForView } from "@/lib/mirror/read";
import { refreshDomainsInMirror } from "@/lib/mirror/refresh";
import {
  countOutcomes,
  createMailboxesSchema,
  deleteBlocker,
  deleteMailboxesSchema,
  EXPIRED_ADMIN_CHANGE,
  removeMailboxForwardingSchema,
  resetMailboxPasswordsSchema,
  setMailboxAdminSchema,
  setMailboxForwardingSchema,
  type MailboxBatchResult,
  type MailboxResult,
} from "@/lib/validation/mailboxes";
import { domainAction, type BoundAudit } from "./builder";
import { describeEnomFailure } from "./enom-outcome";
import type { ActionResult, FieldErrors } from "./result";

/**
 * Server actions of the mailbox grid. Each is a public endpoint, built with `domainAction`: the
 * caller's right to that very domain (someone else's is "not found" and eNom is not asked) and the
 * permission `mailboxes.create` or `mailboxes.manage` come first. Then it reads the domain from
 * eNom once to check the paks and the mailboxes, sends ONE batch command for the whole list (99
 * mailboxes per call, eNom's cap), and records one audit entry with the true outcome per mailbox. Passwords go to eNom and nowhere else: never
 * into the audit log, a log line, or what is returned.
 *
 * When eNom's answer leaves some mailboxes open (it says part of the batch failed without naming
 * which, or the answer was lost), the domain is read again once (GetPOP3) and each mailbox is
 * settled by what eNom now shows. A password change cannot be read back and stays unknown.
 *
 * What comes back: `ok: false` means nothing changed (the input, the caller's rights or eNom
 * refused it as a whole, or eNom could not be reached); `ok: true` means the change was sent, and
 * `data.results` says per mailbox whether it was done, refused, or unknown.
 */

type Result = ActionResult<MailboxBatchResult>;

interface WriteContext {
  /** The action's audit (its name, the caller as actor). */
  audit: BoundAudit;
  /** The action's name, for the logs of its eNom calls. */
  action: string;
  domain: string;
  pakId: string | null;
}

// ── Reading the domain before a change ────────────────────────────────────────────────────

/** The domain as eNom has it now; a failure is audited and nothing is sent. */
async function readDomain(
  context: WriteContext,
): Promise<{ ok: true; email: DomainEmail } | { ok: false; result: Result }> {
  try {
    return { ok: true, email: await getEnomClient().getPop3({ domain: context.domain }) };
  } catch (error) {
    return { ok: false, result: await readFailed(context, error) };
  }
}

async function readFailed(context: WriteContext, error: unknown, what = "the domain"): Promise<Result> {
  const failure = describeEnomFailure(error);
  if (!failure) throw error;
  await context.audit({
    outcome: "failed",
    summary: `Could not read ${what} of ${context.domain} before the change; nothing was sent`,
    domain: context.domain,
    pakId: context.pakId,
    enom: { trackingKey: failure.trackingKey, error: failure.enomError },
  });
  return { ok: false, message: failure.message };
}

/** A change refused by Mailpak's own checks before eNom was asked: audited, nothing sent. */
async function refuse(context: WriteContext, message: string, fieldErrors?: FieldErrors): Promise<Result> {
  await context.audit({
    outcome: "failed",
    summary: `Refused before sending: ${message}`,
    domain: context.domain,
    pakId: context.pakId,
  });
  return { ok: false, message, fieldErrors };
}

interface Wording {
  /** "Created", "Deleted", "Made administrator:", … */
  done: string;
  /** "create", "delete", … */
  verb: string;
}

function plural(count: number, word = "mailbox"): string {
  return `${count} ${word}${count === 1 ? "" : word.endsWith("x") ? "es" : "s"}`;
}

function overallOutcome(results: readonly MailboxResult[]): AuditOutcome {
  const counts = countOutcomes(results);
  if (counts.unknown > 0) return "unknown";
  return counts.failed > 0 ? "failed" : "ok";
}

function summaryOf(results: readonly MailboxResult[], wording: Wording, where: string): string {
  const counts = countOutcomes(results);
  const total = results.length;
  const only = total === 1 ? results[0]?.userName : null;
  const what = only ?? plural(total);
  if (counts.ok === total) return `${wording.done} ${what} ${where}`;
  if (only)
    return `Could not ${wording.verb} ${only} ${where}${counts.unknown ? " (not confirmed; may have been done)" : ""}`;
  const parts = [`${wording.done} ${counts.ok} of ${plural(total)} ${where}`];
  if (counts.failed) parts.push(`${counts.failed} failed`);
  if (counts.unknown) parts.push(`${counts.unknown} not confirmed (may have been done)`);
  return parts.join("; ");
}

/** What the user reads after the change was sent. */
function messageOf(results: readonly MailboxResult[], wording: Wording, oneDone: string): string {
  const counts = countOutcomes(results);
  const total = results.length;
  if (counts.ok === total) return total === 1 ? oneDone : `${wording.done} ${plural(total)}.`;
  if (counts.unknown === total) return results[0]?.message ?? UNCONFIRMED;
  const parts = [`${wording.done} ${counts.ok} of ${plural(total)}.`];
  if (counts.failed) parts.push(`${plural(counts.failed)} failed.`);
  if (counts.unknown) parts.push(`${counts.unknown} not confirmed: check the list before trying again.`);
  return `${parts.join(" ")} See the result for each mailbox.`;
}

/**
 * Audits the change once, with every mailbox's settled outcome in the details, and turns it into
 * the action's result. Nothing changed for certain (every mailbox refused) is `ok: false`, with
 * the reason per mailbox in `fieldErrors` under `listKey.index`.
 */
async function finish(
  context: WriteContext,
  sent: SentBatch,
  options: {
    wording: Wording;
    where: string;
    oneDone: string;
    listKey: string;
    extra?: Record<string, unknown>;
    /** The mailboxes refused before sending (unknown names, taken names, eNom's limits), in the results too. */
    refusedEarly?: MailboxResult[];
    order: string[];
    /** Said after the outcome, when something beside eNom's change went wrong. */
    note?: string;
  },
): Promise<Result> {
  const byName = new Map(
    [...(options.refusedEarly ?? []), ...sent.results].map((result) => [
      result.userName.toLowerCase(),
      result,
    ]),
  );
  const results = options.order.map(
    (name) =>
      byName.get(name.toLowerCase()) ?? { userName: name, outcome: "unknown" as const, message: UNCONFIRMED },
  );
  const outcome = overallOutcome(results);
  const enomErrors = [...new Set(sent.enomReasons.values())];
  await context.audit({
    outcome,
    summary: summaryOf(results, options.wording, options.where),
    domain: context.domain,
    pakId: context.pakId,
    mailbox: results.length === 1 ? (results[0]?.userName ?? null) : null,
    details: {
      ...options.extra,
      requests: sent.requests,
      counts: countOutcomes(results),
      ...(sent.settled.length ? { settledByReadBack: sent.settled } : {}),
      results: results.map((result) => ({
        userName: result.userName,
        outcome: result.outcome,
        ...(result.outcome === "ok"
          ? {}
          : { reason: sent.enomReasons.get(result.userName.toLowerCase()) ?? result.message }),
      })),
    },
    enom: {
      trackingKey: sent.trackingKeys[0] ?? null,
      error: enomErrors.length ? enomErrors.join(" | ") : null,
    },
  });
  // The write is visible in the account mirror at once (errors are recorded there, never thrown).
  if (sent.requests > 0) await refreshDomainsInMirror(context.domain);
  const counts = countOutcomes(results);
  if (counts.ok === 0 && counts.unknown === 0) {
    const messages = [...new Set(results.map((result) => result.message ?? ""))];
    const fieldErrors: FieldErrors = {};
    results.forEach((result, index) => {
      if (result.message) fieldErrors[`${options.listKey}.${index}`] = [result.message];
    });
    const single = messages.length === 1 && messages[0] ? messages[0] : null;
    return {
      ok: false,
      message: single ?? "Nothing was changed. See the reason for each mailbox.",
      fieldErrors,
    };
  }
  const message = messageOf(results, options.wording, options.oneDone);
  return {
    ok: true,
    data: { results, requests: sent.requests },
    message: options.note ? `${message} ${options.note}` : message,
  };
}

// ── The actions ───────────────────────────────────────────────────────────────────────────

/**
 * New mailboxes in one pak: SetUpPOP3User once for up to 99 (eNom takes 5 to 8.5 seconds for
 * it), with each display name (DisplayNameX), which Mailpak also keeps: eNom never returns it.
 * Never more than the pak has free, checked against eNom's own count before sending.
 */
export const createMailboxesAction = domainAction(
  { name: "mailbox.create", schema: createMailboxesSchema, permission: "mailboxes.create" },
  async (data, { user, audit, domain }): Promise<Result> => {
    const context: WriteContext = {
      audit,
      action: "mailbox.create",
      domain,
      pakId: String(data.bundleId),
    };
    const read = await readDomain(context);
    if (!read.ok) return read.result;
    const pak = read.email.paks.find((candidate) => candidate.bundleId === data.bundleId);
    if (!pak) throw new NotFoundError("That pak");
    if (isExpired(pak.expires.iso))
      return refuse(context, `Pak ${pak.bundleId} has expired; renew it before adding mailboxes.`);

    const existing = mailboxIndex(read.email);
    const taken: MailboxResult[] = [];
    const fieldErrors: FieldErrors = {};
    data.mailboxes.forEach((mailbox, index) => {
      if (!existing.has(mailbox.userName.toLowerCase())) return;
      const message = "A mailbox with this name already exists on this domain.";
      taken.push({ userName: mailbox.userName, outcome: "failed", message });
      fieldErrors[`mailboxes.${index}.userName`] = [message];
    });
    if (taken.length === data.mailboxes.length)
      return refuse(context, "Every name is already taken on this domain.", fieldErrors);
    const toCreate = data.mailboxes.filter((mailbox) => !existing.has(mailbox.userName.toLowerCase()));
    if (toCreate.length > pak.qtyAvailable) {
      const free =
        pak.qtyAvailable === 0
          ? `Pak ${pak.bundleId} has no free mailbox`
          : `Pak ${pak.bundleId} has ${plural(pak.qtyAvailable, "free mailbox")}`;
      return refuse(
        context,
        `${free}, and ${toCreate.length} were asked for. Remove some, or add mailboxes to the pak first.`,
      );
    }

    const sent = await sendInBatches(
      toCreate,
      (mailbox) => mailbox.userName,
      context.action,
      (chunk) =>
        getEnomClient().setUpPop3Users({
          domain,
          bundleId: pak.bundleId,
          users: chunk.map((mailbox) => ({
            userName: mailbox.userName,
            password: mailbox.password,
            isAdmin: mailbox.isAdmin,
            displayName: mailbox.displayName || undefined,
          })),
        }),
    );
    // The names were free before sending: present now means created.
    await settleByReadBack(context.domain, sent, (after, cause, said) =>
      after
        ? { outcome: "ok", message: null }
        : cause === "unnamed"
          ? {
              outcome: "failed",
              message: `Not created. ${unnamedFailure(said)}, and this one is not on the domain.`,
            }
          : null,
    );

    const created = new Set(
      sent.results.filter((entry) => entry.outcome === "ok").map((entry) => entry.userName.toLowerCase()),
    );
    let note: string | undefined;
    try {
      await recordCreatedMailboxes(
        domain,
        toCreate.filter((mailbox) => created.has(mailbox.userName.toLowerCase())),
        user.id,
      );
    } catch (error) {
      // The mailboxes exist on eNom either way; only the panel's copy of their names is missing.
      logger.error({ err: error, domain }, "saving the display names of new mailboxes failed");
      note = "Their display names could not be saved in the panel, so the list shows them as not known.";
    }
    const result = await finish(context, sent, {
      wording: { done: "Created", verb: "create" },
      where: `in pak ${pak.bundleId} of ${domain}`,
      oneDone: `${toCreate[0]?.userName}@${domain} is created.`,
      listKey: "mailboxes",
      refusedEarly: taken,
      order: data.mailboxes.map((mailbox) => mailbox.userName),
      extra: { admins: toCreate.filter((mailbox) => mailbox.isAdmin).map((mailbox) => mailbox.userName) },
      note,
    });
    await announceMailboxes(
      "mailbox.created",
      domain,
      toCreate
        .filter((mailbox) => created.has(mailbox.userName.toLowerCase()))
        .map((mailbox) => ({ userName: mailbox.userName, bundleId: pak.bundleId })),
    );
    return result;
  },
);

/**
 * Changes that ModifyPOP3 makes: admin flags or passwords. No pak is named (modify-pop-3.md has
 * no BundleID). Names eNom does not list for the domain, and any `refuse` turns away, are
 * reported without being sent; the rest go in one call per 99.
 */
async function modifyMailboxes<T extends { userName: string }>(
  context: WriteContext,
  items: readonly T[],
  toChange: (item: T) => { userName: string; isAdmin?: boolean; password?: string },
  options: {
    wording: Wording;
    oneDone: (name: string) => string;
    listKey: string;
    extra?: Record<string, unknown>;
    /** Why this mailbox cannot take the change, or null. */
    refuse?: (email: DomainEmail, mailbox: Mailbox) => string | null;
    /** Settles an open outcome from the mailbox as eNom shows it afterwards; none: it stays unknown. */
    judge?: Judge;
    /** The message of outcomes that stay open. */
    openMessage?: string;
  },
): Promise<Result> {
  const read = await readDomain(context);
  if (!read.ok) return read.result;
  const existing = mailboxIndex(read.email);
  const refusedEarly: MailboxResult[] = [];
  const present: T[] = [];
  for (const item of items) {
    const mailbox = existing.get(item.userName.toLowerCase());
    const reason = mailbox ? (options.refuse?.(read.email, mailbox) ?? null) : GONE;
    if (reason) refusedEarly.push({ userName: item.userName, outcome: "failed", message: reason });
    else present.push(item);
  }
  const sent = await sendInBatches(
    present,
    (item) => item.userName,
    context.action,
    (chunk) => getEnomClient().modifyPop3Users({ domain: context.domain, users: chunk.map(toChange) }),
  );
  if (options.judge) await settleByReadBack(context.domain, sent, options.judge);
  if (options.openMessage)
    for (const result of sent.results) if (result.outcome === "unknown") result.message = options.openMessage;
  return finish(context, sent, {
    wording: options.wording,
    where: `on ${context.domain}`,
    oneDone: options.oneDone(`${present[0]?.userName}@${context.domain}`),
    listKey: options.listKey,
    refusedEarly,
    order: items.map((item) => item.userName),
    extra: options.extra,
  });
}

/** Administrator or regular user, for one mailbox or a selection: one ModifyPOP3 (IsAdminX). */
export const setMailboxAdminAction = domainAction(
  { name: "mailbox.admin", schema: setMailboxAdminSchema, permission: "mailboxes.manage" },
  async (data, { audit, domain }): Promise<Result> => {
    const context: WriteContext = { audit, action: "mailbox.admin", domain, pakId: null };
    const role = data.isAdmin ? "an administrator" : "a regular user";
    const before = data.isAdmin ? "a regular user" : "an administrator";
    return modifyMailboxes(
      context,
      data.userNames.map((userName) => ({ userName })),
      ({ userName }) => ({ userName, isAdmin: data.isAdmin }),
      {
        wording: data.isAdmin
          ? { done: "Made administrator:", verb: "make administrator" }
          : { done: "Made regular user:", verb: "make regular user" },
        oneDone: (address) => `${address} is now ${role}.`,
        listKey: "userNames",
        extra: { isAdmin: data.isAdmin },
        refuse: (email, mailbox) => (inExpiredPak(email, mailbox) ? EXPIRED_ADMIN_CHANGE : null),
        // GetPOP3's `admin` shows the flag: as asked means done.
        judge: (after, cause, said) => {
          if (after && after.isAdmin === data.isAdmin) return { outcome: "ok", message: null };
          if (cause === "lost") return null;
          return after
            ? {
                outcome: "failed",
                message: `Not changed. ${unnamedFailure(said)}, and this one is still ${before}.`,
              }
            : { outcome: "failed", message: GONE };
        },
      },
    );
  },
);

/**
 * New passwords, typed or generated in the browser (and shown there once): one ModifyPOP3
 * (PasswordX) for the list, on an expired pak too ("The POP3 service need not be active for the
 * password change", modify-pop-3.md). The passwords are not returned, logged or audited, and
 * cannot be read back: an unconfirmed change stays unknown.
 */
export const resetMailboxPasswordsAction = domainAction(
  { name: "mailbox.password-reset", schema: resetMailboxPasswordsSchema, permission: "mailboxes.manage" },
  async (data, { audit, domain }): Promise<Result> => {
    const context: WriteContext = { audit, action: "mailbox.password-reset", domain, pakId: null };
    return modifyMailboxes(
      context,
      data.items,
      (item) => ({ userName: item.userName, password: item.password }),
      {
        wording: { done: "Set a new password for", verb: "set the password of" },
        oneDone: (address) => `${address} has its new password.`,
        listKey: "items",
        openMessage: PASSWORD_UNKNOWN,
      },
    );
  },
);

/**
 * Deletes mailboxes with their mail, calendar and contacts, for good: one DeletePOP3. eNom's API
 * deletes only names of at most 16 characters in a current pak (delete-pop-3.md): others are
 * refused here, with the reason, and the rest of the list goes ahead.
 */
export const deleteMailboxesAction = domainAction(
  { name: "mailbox.delete", schema: deleteMailboxesSchema, permission: "mailboxes.manage" },
  async (data, { audit, domain }): Promise<Result> => {
    const context: WriteContext = { audit, action: "mailbox.delete", domain, pakId: null };
    const read = await readDomain(context);
    if (!read.ok) return read.result;
    const existing = mailboxIndex(read.email);
    const refusedEarly: MailboxResult[] = [];
    const present: string[] = [];
    for (const name of data.userNames) {
      const mailbox = existing.get(name.toLowerCase());
      const reason = mailbox ? deleteBlocker(mailbox.userName, inExpiredPak(read.email, mailbox)) : GONE;
      if (reason) refusedEarly.push({ userName: name, outcome: "failed", message: reason });
      else present.push(name);
    }
    const sent = await sendInBatches(
      present,
      (name) => name,
      context.action,
      (chunk) => getEnomClient().deletePop3Users({ domain, userNames: chunk }),
    );
    await settleByReadBack(context.domain, sent, (after, cause, said) =>
      !after
        ? { outcome: "ok", message: null }
        : cause === "unnamed"
          ? {
              outcome: "failed",
              message: `Not deleted. ${unnamedFailure(said)}, and this one is still there.`,
            }
          : null,
    );
    const deleted = sent.results.filter((entry) => entry.outcome === "ok").map((entry) => entry.userName);
    try {
      await forgetDisplayNames(domain, deleted);
    } catch (error) {
      // Harmless until a mailbox of the same name is created again, which replaces the row.
      logger.error({ err: error, domain }, "forgetting the display names of deleted mailboxes failed");
    }
    const result = await finish(context, sent, {
      wording: { done: "Deleted", verb: "delete" },
      where: `from ${domain}`,
      oneDone: `${present[0]}@${domain} is deleted.`,
      listKey: "userNames",
      refusedEarly,
      order: data.userNames,
      extra: {
        paks: [...new Set(present.map((name) => existing.get(name.toLowerCase())?.bundleId ?? null))],
      },
    });
    await announceMailboxes(
      "mailbox.deleted",
      domain,
      deleted.map((userName) => ({
        userName,
        bundleId: existing.get(userName.toLowerCase())?.bundleId ?? null,
      })),
    );
    return result;
  },
);

// ── Forwarding ────────────────────────────────────────────────────────────────────────────

type Forward = PopForwarding["forwards"][number];

/** The mailbox's forward as GetPOPForwarding lists it (by its documented UserName), or null. */
async function readForward(domain: string, userName: string): Promise<Forward | null> {
  const { forwards } = await getEnomClient().getPopForwarding({ domain, userName });
  return (
    forwards.find(
      (forward) => forward.userName.toLowerCase() === userName.toLowerCase() && forward.forwardTo !== "",
    ) ?? null
  );
}

function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * One SetPOPForwarding, then the forward read back (GetPOPForwarding): eNom answers only
 * `success`, and a lost answer is settled by what eNom lists now. `matches` says whether the
 * forward read back is the one asked for.
 */
async function writeForward(
  context: WriteContext,
  userName: string,
  write: () => Promise<unknown>,
  matches: (forward: Forward | null) => boolean,
): Promise<{ sent: SentBatch; readBack: Forward | null | "unread" }> {
  let written = false;
  const sent = await sendInBatches(
    [userName],
    (name) => name,
    context.action,
    async () => {
      const result = (await write()) as { trackingKey?: string | null } | undefined;
      written = true;
      return {
        succeeded: [userName],
        failed: [],
        unknown: [],
        enomErrors: [],
        trackingKey: result?.trackingKey ?? null,
      };
    },
  );
  const [entry] = sent.results;
  if (!entry || entry.outcome === "failed") return { sent, readBack: "unread" };
  let readBack: Forward | null | "unread" = "unread";
  try {
    readBack = await readForward(context.domain, userName);
  } catch (error) {
    if (!describeEnomFailure(error)) throw error;
  }
  if (readBack === "unread") return { sent, readBack };
  if (matches(readBack)) {
    entry.outcome = "ok";
    entry.message = null;
    if (!written) sent.settled.push(userName);
  } else {
    entry.outcome = "unknown";
    entry.message = written
      ? `The email service accepted the change, but reading it back shows ${
          readBack
            ? `forwarding to ${readBack.forwardTo}${readBack.active ? "" : " (not active)"}`
            : "no forwarding"
        }. Check the forwarding before changing it again.`
      : UNCONFIRMED;
    sent.enomReasons.set(userName.toLowerCase(), "the forward read back differs from the one asked for");
  }
  return { sent, readBack };
}

function forwardSummary(forward: Forward | null | "unread"): string | null {
  if (forward === "unread") return "not read";
  return forward ? `${forward.forwardTo}${forward.active ? "" : " (not active)"}` : null;
}

/**
 * A forwarding address without a mailbox: SetPOPForwarding serves "both our POP mail and our email
 * forwarding services" (eNom's SetPOPForwarding page), so GetPOPForwarding can list a user name
 * GetPOP3 does not have (the pages' samples: Jane.Doe forwards, GetPOP3 lists dell and hp). The
 * domain's whole list is read (no UserName): GetPOPForwarding with a UserName wants "an existing
 * email address for this domain name".
 */
async function readForwardOnly(domain: string, userName: string): Promise<Forward | null> {
  const { forwards } = await getEnomClient().getPopForwarding({ domain });
  return (
    forwards.find(
      (forward) => forward.userName.toLowerCase() === userName.toLowerCase() && forward.forwardTo !== "",
    ) ?? null
  );
}

/**
 * Where a mailbox's mail goes: SetPOPForwarding with EMail (the domain), ForwardTo, Enable=1 and
 * StatusFlags from "keep a copy" (0: to both, 1: only to the address, per eNom's page; what eNom
 * really does with it is not confirmed and GetPOPForwarding does not report it back).
 *
 * A name without a mailbox may only be changed when GetPOPForwarding already lists it as a
 * forwarding address (creating new ones is not offered): with no mailbox to keep a copy in, it is
 * sent with StatusFlags 1, "deliver only to the forwarding address".
 */
export const setMailboxForwardingAction = domainAction(
  { name: "mailbox.forwarding", schema: setMailboxForwardingSchema, permission: "mailboxes.manage" },
  async (data, { audit, domain }): Promise<Result> => {
    const context: WriteContext = { audit, action: "mailbox.forwarding", domain, pakId: null };
    const read = await readDomain(context);
    if (!read.ok) return read.result;
    const mailbox = mailboxIndex(read.email).get(data.userName.toLowerCase());
    // What it forwarded to before: for the audit, and for a name without a mailbox the proof
    // that it is a forwarding address at all.
    let before: Forward | null | "unread" = "unread";
    let userName: string;
    if (mailbox) {
      userName = mailbox.userName;
      try {
        before = await readForward(domain, userName);
      } catch (error) {
        if (!describeEnomFailure(error)) throw error;
      }
    } else {
      let listed: Forward | null;
      try {
        listed = await readForwardOnly(domain, data.userName);
      } catch (error) {
        return readFailed(context, error, "the forwarding");
      }
      if (!listed) return refuse(context, GONE);
      before = listed;
      userName = listed.userName;
    }
    const keepCopy = mailbox ? data.keepCopy : false;
    const address = `${userName}@${domain}`;
    const { sent, readBack } = await writeForward(
      context,
      userName,
      () =>
        getEnomClient().setPopForwarding({
          enable: true,
          domain,
          userName,
          forwardTo: data.forwardTo,
          keepCopy,
        }),
      (forward) => forward !== null && forward.active && sameAddress(forward.forwardTo, data.forwardTo),
    );
    const copy = !mailbox
      ? "the address has no mailbox to keep a copy in"
      : keepCopy
        ? "with a copy kept in the mailbox as asked"
        : "without a copy in the mailbox as asked";
    return finish(context, sent, {
      wording: { done: `Set forwarding to ${data.forwardTo} for`, verb: "set forwarding for" },
      where: `on ${domain}`,
      oneDone: `Mail to ${address} is now forwarded to ${data.forwardTo}, ${copy}.`,
      listKey: "userName",
      order: [userName],
      extra: {
        from: forwardSummary(before),
        to: data.forwardTo,
        mailbox: Boolean(mailbox),
        keepCopy,
        statusFlags: keepCopy ? 0 : 1,
        readBack: forwardSummary(readBack),
      },
    });
  },
);

/** Stops a mailbox's forwarding: SetPOPForwarding Enable=0 with the ForwardTo being removed (required). */
export const removeMailboxForwardingAction = domainAction(
  { name: "mailbox.forwarding", schema: removeMailboxForwardingSchema, permission: "mailboxes.manage" },
  async (data, { audit, domain }): Promise<Result> => {
    const context: WriteContext = { audit, action: "mailbox.forwarding", domain, pakId: null };
    let current: Forward | null;
    try {
      current = await readForward(domain, data.userName);
    } catch (error) {
      return readFailed(context, error, "the forwarding");
    }
    if (!current) return refuse(context, "This mailbox does not forward; there is nothing to stop.");
    const forwardTo = current.forwardTo;
    const address = `${current.userName}@${domain}`;
    const { sent, readBack } = await writeForward(
      context,
      current.userName,
      () => getEnomClient().setPopForwarding({ enable: false, domain, userName: data.userName, forwardTo }),
      (forward) => forward === null || !forward.active,
    );
    return finish(context, sent, {
      wording: { done: "Stopped forwarding for", verb: "stop forwarding for" },
      where: `on ${domain}`,
      oneDone: `Mail to ${address} is no longer forwarded to ${forwardTo}.`,
      listKey: "userName",
      order: [current.userName],
      extra: { from: forwardTo, to: null, readBack: forwardSummary(readBack) },
    });
  },
);

// ── Lists longer than one eNom call, as jobs ─────────────────────────────────────────────────

/**
 * The same changes for lists longer than one eNom call (lib/jobs/model.ts JOB_THRESHOLD): checked
 * as above against the domain read now, then run as a durable job (lib/jobs) that goes on if the
 * browser leaves and survives a restart. What comes back is the job's id, which the grid and the
 * activity view follow; each mailbox's outcome is audited as the job settles it. The passwords
 * are sealed in the job's items until sent, and never come back from the server.
 */
type JobResult = ActionResult<{ runId: string }>;

async function startJob(
  context: WriteContext,
  start: (email: DomainEmail) => Promise<JobStart>,
): Promise<JobResult> {
  const read = await readDomain(context);
  if (!read.ok) return read.result.ok ? { ok: false, message: UNCONFIRMED } : read.result;
  const started = await start(read.email);
  if ("refused" in started) {
    const refused = await refuse(context, started.refused);
    return refused.ok ? { ok: false, message: started.refused } : refused;
  }
  return { ok: true, data: { runId: started.runId }, message: "Started: follow it here or in Activity." };
}

export const startCreateMailboxesJobAction = domainAction(
  { name: "mailbox.create", schema: createMailboxesSchema, permission: "mailboxes.create" },
  async (data, { user, audit, domain }): Promise<JobResult> => {
    const context: WriteContext = {
      audit,
      action: "mailbox.create",
      domain,
      pakId: String(data.bundleId),
    };
    return startJob(context, (email) => {
      // Another domain's pak named with this one: "not found", audited as a refused attempt.
      if (!email.paks.some((pak) => pak.bundleId === data.bundleId)) throw new NotFoundError("That pak");
      return startCreateMailboxesJob(user, domain, email, data.bundleId, data.mailboxes);
    });
  },
);

export const startResetPasswordsJobAction = domainAction(
  { name: "mailbox.password-reset", schema: resetMailboxPasswordsSchema, permission: "mailboxes.manage" },
  async (data, { user, audit, domain }): Promise<JobResult> => {
    const context: WriteContext = { audit, action: "mailbox.password-reset", domain, pakId: null };
    return startJob(context, (email) => startResetPasswordsJob(user, domain, email, data.items));
  },
);

export const startDeleteMailboxesJobAction = domainAction(
  { name: "mailbox.delete", schema: deleteMailboxesSchema, permission: "mailboxes.manage" },
  async (data, { user, audit, domain }): Promise<JobResult> => {
    const context: WriteContext = { audit, action: "mailbox.delete", domain, pakId: null };
    return startJob(context, (email) => startDeleteMailboxesJob(user, domain, email, data.userNames));
  },
);

// ── Display names ─────────────────────────────────────────────────────────────────────────

/**
 * The name the panel shows for a mailbox. eNom takes a display name only at creation
 * (SetUpPOP3User `DisplayNameX`; GetPOP3 returns none, ModifyPOP3 has none: ../shared/enom-api.md),
 * so this writes the panel's record alone and sends nothing to eNom. The mailbox must be on the
 * domain as the mirror last read it (the grid's own read), so no name is kept for a stranger.
 */
export const setMailboxDisplayNameAction = domainAction(
  { name: "mailbox.display-name", schema: setMailboxDisplayNameSchema, permission: "mailboxes.manage" },
  async (data, { user, audit, domain }): Promise<ActionResult<{ userName: string; displayName: string }>> => {
    const mirrored = await readDomainForView(domain);
    const mailbox = mirrored.mailboxes.find(
      (candidate) => candidate.userName.toLowerCase() === data.userName.toLowerCase(),
    );
    if (!mailbox) {
      await audit({
        outcome: "failed",
        summary: `Refused before saving: ${data.userName}@${domain} is not on the domain`,
        domain,
        mailbox: data.userName,
      });
      return { ok: false, message: GONE };
    }
    const { before } = await setDisplayName(domain, mailbox.userName, data.displayName, user.id);
    const address = `${mailbox.userName}@${domain}`;
    const shown = (name: string | null) => (name === null ? "not known" : name === "" ? "none" : `"${name}"`);
    await audit({
      outcome: "ok",
      summary: `Display name of ${address} in the panel: ${shown(before)} → ${shown(data.displayName)} (not sent to eNom, which keeps the name given at creation)`,
      domain,
      mailbox: mailbox.userName,
      details: { from: before, to: data.displayName, sentToEnom: false },
    });
    return {
      ok: true,
      data: { userName: mailbox.userName, displayName: data.displayName },
      message: data.displayName
        ? `${address} is shown as "${data.displayName}" in this panel.`
        : `${address} is shown without a display name in this panel.`,
    };
  },
);
