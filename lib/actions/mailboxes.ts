"use server";

import { recordAudit } from "@/lib/audit";
import { NotFoundError } from "@/lib/auth/errors";
import { requireDomainAccess, requirePermission } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/session";
import type { AuditOutcome } from "@/lib/db/schema";
import { invalidateAccountOverview } from "@/lib/domains/account-overview";
import { getEnomClient, isEnomUnavailable, type DomainEmail, type MailboxBatch } from "@/lib/enom";
import {
  countOutcomes,
  createMailboxesSchema,
  deleteMailboxesSchema,
  MAILBOX_BATCH_MAX,
  resetMailboxPasswordsSchema,
  setMailboxAdminSchema,
  setMailboxForwardingSchema,
  type MailboxBatchResult,
  type MailboxResult,
} from "@/lib/validation/mailboxes";
import { inServiceWords } from "@/lib/white-label";
import { describeEnomFailure } from "./enom-outcome";
import type { ActionResult, FieldErrors } from "./result";
import { runAction } from "./safe-action";

/**
 * Server actions of the mailbox grid. Each is a public endpoint: it checks the caller's right to
 * that very domain (someone else's is "not found" and eNom is not asked) and the permission
 * `mailboxes.manage`, reads the domain from eNom once to check the pak and the mailboxes, then
 * sends ONE batch command for the whole list (99 mailboxes per call, eNom's cap), and records one
 * audit entry with the outcome per mailbox. Passwords go to eNom and nowhere else: never into the
 * audit log, a log line, or what is returned.
 *
 * What comes back: `ok: false` means nothing changed (the input, the caller's rights or eNom
 * refused it as a whole, or eNom could not be reached); `ok: true` means the change was sent, and
 * `data.results` says per mailbox whether it was done, refused, or unknown (the answer was lost).
 */

type Result = ActionResult<MailboxBatchResult>;
type Mailbox = DomainEmail["mailboxes"][number];

interface WriteContext {
  user: SessionUser;
  action: string;
  domain: string;
  pakId: string | null;
}

function actorOf(user: SessionUser) {
  return { id: user.id, email: user.email, role: user.role };
}

/** The checks every mailbox action makes before anything else: the domain, then the permission. */
async function authorize(user: SessionUser, domain: string): Promise<string> {
  const name = await requireDomainAccess(user, domain);
  requirePermission(user, "mailboxes.manage");
  return name;
}

// ── Reading the domain before a change ────────────────────────────────────────────────────

/** The domain as eNom has it now; a failure is audited and nothing is sent. */
async function readDomain(
  context: WriteContext,
): Promise<{ ok: true; email: DomainEmail } | { ok: false; result: Result }> {
  try {
    return { ok: true, email: await getEnomClient().getPop3({ domain: context.domain }) };
  } catch (error) {
    const failure = describeEnomFailure(error);
    if (!failure) throw error;
    await recordAudit({
      actor: actorOf(context.user),
      action: context.action,
      outcome: "failed",
      summary: `Could not read ${context.domain} before the change; nothing was sent`,
      domain: context.domain,
      pakId: context.pakId,
      enom: { trackingKey: failure.trackingKey, error: failure.enomError },
    });
    return { ok: false, result: { ok: false, message: failure.message } };
  }
}

/** A change refused by Mailpak's own checks before eNom was asked: audited, nothing sent. */
async function refuse(context: WriteContext, message: string, fieldErrors?: FieldErrors): Promise<Result> {
  await recordAudit({
    actor: actorOf(context.user),
    action: context.action,
    outcome: "failed",
    summary: `Refused before sending: ${message}`,
    domain: context.domain,
    pakId: context.pakId,
  });
  return { ok: false, message, fieldErrors };
}

function isExpired(expiresIso: string, now = new Date()): boolean {
  return expiresIso < now.toISOString().slice(0, 10);
}

/** Looks mailboxes up by name as eNom does: case-insensitively. */
function mailboxIndex(email: DomainEmail): Map<string, Mailbox> {
  return new Map(email.mailboxes.map((mailbox) => [mailbox.userName.toLowerCase(), mailbox]));
}

// ── Sending a batch, 99 mailboxes per call ───────────────────────────────────────────────

/** eNom's per-mailbox reasons in the user's words; the audit keeps eNom's own text. */
function reasonForUser(reason: string, action: string): string {
  if (/^Invalid Item specified/i.test(reason) && action === "mailbox.create")
    return "A mailbox with this name already exists on this domain.";
  if (/^Email account .* not found/i.test(reason)) return "This mailbox no longer exists.";
  if (/^eNom gave no reason$/i.test(reason)) return "The email service gave no reason.";
  return inServiceWords(reason);
}

const UNCONFIRMED =
  "The email service did not confirm this, so it may or may not have been done. The list now shows the current state; check it before trying again.";
const NOT_SENT = "Not sent: the email service stopped answering before this part of the list.";

interface SentBatch {
  results: MailboxResult[];
  requests: number;
  /** eNom's own words per mailbox and per call, for the audit log only. */
  enomReasons: Map<string, string>;
  trackingKeys: string[];
}

/**
 * Sends the list in calls of at most 99 (one call for up to 99 mailboxes). When eNom stops
 * answering, the rest is not sent: a lost answer has to be looked at before anything more goes.
 */
async function sendInBatches<T>(
  items: readonly T[],
  nameOf: (item: T) => string,
  action: string,
  send: (chunk: T[]) => Promise<MailboxBatch>,
): Promise<SentBatch> {
  const outcome = new Map<string, MailboxResult>();
  const sent: SentBatch = {
    results: [],
    requests: 0,
    enomReasons: new Map(),
    trackingKeys: [],
  };
  const set = (name: string, result: Omit<MailboxResult, "userName">) =>
    outcome.set(name.toLowerCase(), { userName: name, ...result });
  let stopped = false;
  for (let start = 0; start < items.length; start += MAILBOX_BATCH_MAX) {
    const chunk = items.slice(start, start + MAILBOX_BATCH_MAX);
    const names = chunk.map(nameOf);
    if (stopped) {
      for (const name of names) set(name, { outcome: "failed", message: NOT_SENT });
      continue;
    }
    sent.requests += 1;
    try {
      const batch = await send(chunk);
      if (batch.trackingKey) sent.trackingKeys.push(batch.trackingKey);
      for (const name of batch.succeeded) set(name, { outcome: "ok", message: null });
      for (const failure of batch.failed) {
        set(failure.userName, { outcome: "failed", message: reasonForUser(failure.reason, action) });
        sent.enomReasons.set(failure.userName.toLowerCase(), failure.reason);
      }
      for (const name of batch.unknown) set(name, { outcome: "unknown", message: UNCONFIRMED });
    } catch (error) {
      const failure = describeEnomFailure(error);
      if (!failure) throw error;
      if (failure.trackingKey) sent.trackingKeys.push(failure.trackingKey);
      // A whole refusal by eNom names one reason (the first user's) for everyone in the call.
      const message = failure.outcome === "unknown" ? UNCONFIRMED : failure.message;
      for (const name of names) {
        set(name, { outcome: failure.outcome === "unknown" ? "unknown" : "failed", message });
        sent.enomReasons.set(name.toLowerCase(), failure.enomError);
      }
      if (isEnomUnavailable(error)) stopped = true;
    }
  }
  sent.results = items.map(
    (item) =>
      outcome.get(nameOf(item).toLowerCase()) ?? {
        userName: nameOf(item),
        outcome: "unknown",
        message: UNCONFIRMED,
      },
  );
  return sent;
}

interface Wording {
  /** "Created", "Deleted", "Made administrator", … */
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
  const parts = [`${wording.done} ${counts.ok} of ${plural(total)} ${where}`];
  if (counts.failed) parts.push(`${counts.failed} failed`);
  if (counts.unknown) parts.push(`${counts.unknown} not confirmed (may have been done)`);
  return only
    ? `Could not ${wording.verb} ${only} ${where}${counts.unknown ? " (not confirmed; may have been done)" : ""}`
    : parts.join("; ");
}

/** What the user reads after the change was sent. */
function messageOf(results: readonly MailboxResult[], wording: Wording, oneDone: string): string {
  const counts = countOutcomes(results);
  const total = results.length;
  if (counts.ok === total) return total === 1 ? oneDone : `${wording.done} ${plural(total)}.`;
  if (counts.unknown === total) return UNCONFIRMED;
  const parts = [`${wording.done} ${counts.ok} of ${plural(total)}.`];
  if (counts.failed) parts.push(`${plural(counts.failed)} failed.`);
  if (counts.unknown) parts.push(`${counts.unknown} not confirmed: check the list before trying again.`);
  return `${parts.join(" ")} See the result for each mailbox.`;
}

/**
 * Audits the sent batch once, with every mailbox's outcome in the details, and turns it into the
 * action's result. Nothing changed for certain (every mailbox refused) is `ok: false`, with the
 * reason per mailbox in `fieldErrors` under `listKey.index`.
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
    /** The mailboxes refused before sending (unknown names, taken names), in the results too. */
    refusedEarly?: MailboxResult[];
    order: string[];
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
  await recordAudit({
    actor: actorOf(context.user),
    action: context.action,
    outcome,
    summary: summaryOf(results, options.wording, options.where),
    domain: context.domain,
    pakId: context.pakId,
    mailbox: results.length === 1 ? (results[0]?.userName ?? null) : null,
    details: {
      ...options.extra,
      requests: sent.requests,
      counts: countOutcomes(results),
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
  return {
    ok: true,
    data: { results, requests: sent.requests },
    message: messageOf(results, options.wording, options.oneDone),
  };
}

// ── The actions ───────────────────────────────────────────────────────────────────────────

/**
 * New mailboxes in one pak: SetUpPOP3User once for up to 99 (eNom takes 5 to 8.5 seconds for
 * it). Never more than the pak has free, checked against eNom's own count before sending.
 */
export async function createMailboxesAction(input: unknown): Promise<Result> {
  return runAction({ name: "mailbox.create", schema: createMailboxesSchema }, input, async (data, user) => {
    const domain = await authorize(user, data.domain);
    const context: WriteContext = { user, action: "mailbox.create", domain, pakId: String(data.bundleId) };
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
            forwardTo: mailbox.forwardTo || undefined,
          })),
        }),
    );
    const result = await finish(context, sent, {
      wording: { done: "Created", verb: "create" },
      where: `in pak ${pak.bundleId} of ${domain}`,
      oneDone: `${toCreate[0]?.userName}@${domain} is created.`,
      listKey: "mailboxes",
      refusedEarly: taken,
      order: data.mailboxes.map((mailbox) => mailbox.userName),
      extra: { admins: toCreate.filter((mailbox) => mailbox.isAdmin).map((mailbox) => mailbox.userName) },
    });
    // Mailbox counts on the domains list change (or may have).
    if (sent.results.some((entry) => entry.outcome !== "failed")) invalidateAccountOverview();
    return result;
  });
}

/**
 * Changes that ModifyPOP3 makes: admin flags or passwords. Names eNom does not list for the
 * domain are reported as gone without being sent; the rest go in one call per 99.
 */
async function modifyMailboxes<T extends { userName: string }>(
  context: WriteContext,
  bundleId: number,
  items: readonly T[],
  toChange: (item: T) => { userName: string; isAdmin?: boolean; password?: string },
  options: {
    wording: Wording;
    oneDone: (name: string) => string;
    listKey: string;
    extra?: Record<string, unknown>;
  },
): Promise<Result> {
  const read = await readDomain(context);
  if (!read.ok) return read.result;
  // ModifyPOP3 needs a pak of the domain; eNom finds each mailbox in any of the domain's paks.
  if (!read.email.paks.some((pak) => pak.bundleId === bundleId)) throw new NotFoundError("That pak");
  const existing = mailboxIndex(read.email);
  const gone: MailboxResult[] = items
    .filter((item) => !existing.has(item.userName.toLowerCase()))
    .map((item) => ({
      userName: item.userName,
      outcome: "failed",
      message: "This mailbox no longer exists.",
    }));
  const present = items.filter((item) => existing.has(item.userName.toLowerCase()));
  const order = items.map((item) => item.userName);
  if (present.length === 0) {
    const fieldErrors: FieldErrors = {};
    order.forEach(
      (_, index) => (fieldErrors[`${options.listKey}.${index}`] = ["This mailbox no longer exists."]),
    );
    return refuse(
      context,
      items.length === 1 ? "This mailbox no longer exists." : "None of these mailboxes exists any more.",
      fieldErrors,
    );
  }
  const sent = await sendInBatches(
    present,
    (item) => item.userName,
    context.action,
    (chunk) =>
      getEnomClient().modifyPop3Users({ domain: context.domain, bundleId, users: chunk.map(toChange) }),
  );
  return finish(context, sent, {
    wording: options.wording,
    where: `on ${context.domain}`,
    oneDone: options.oneDone(`${present[0]?.userName}@${context.domain}`),
    listKey: options.listKey,
    refusedEarly: gone,
    order,
    extra: options.extra,
  });
}

/** Administrator or regular user, for one mailbox or a selection: one ModifyPOP3 (IsAdminX). */
export async function setMailboxAdminAction(input: unknown): Promise<Result> {
  return runAction({ name: "mailbox.admin", schema: setMailboxAdminSchema }, input, async (data, user) => {
    const domain = await authorize(user, data.domain);
    const context: WriteContext = { user, action: "mailbox.admin", domain, pakId: String(data.bundleId) };
    const role = data.isAdmin ? "an administrator" : "a regular user";
    return modifyMailboxes(
      context,
      data.bundleId,
      data.userNames.map((userName) => ({ userName })),
      ({ userName }) => ({ userName, isAdmin: data.isAdmin }),
      {
        wording: data.isAdmin
          ? { done: "Made administrator:", verb: "make administrator" }
          : { done: "Made regular user:", verb: "make regular user" },
        oneDone: (address) => `${address} is now ${role}.`,
        listKey: "userNames",
        extra: { isAdmin: data.isAdmin },
      },
    );
  });
}

/**
 * New passwords, typed or generated in the browser (and shown there once): one ModifyPOP3
 * (PasswordX) for the list. The passwords are not returned, logged or audited.
 */
export async function resetMailboxPasswordsAction(input: unknown): Promise<Result> {
  return runAction(
    { name: "mailbox.password-reset", schema: resetMailboxPasswordsSchema },
    input,
    async (data, user) => {
      const domain = await authorize(user, data.domain);
      const context: WriteContext = {
        user,
        action: "mailbox.password-reset",
        domain,
        pakId: String(data.bundleId),
      };
      return modifyMailboxes(
        context,
        data.bundleId,
        data.items,
        (item) => ({ userName: item.userName, password: item.password }),
        {
          wording: { done: "Set a new password for", verb: "set the password of" },
          oneDone: (address) => `${address} has its new password.`,
          listKey: "items",
        },
      );
    },
  );
}

/** Deletes mailboxes with their mail, calendar and contacts, for good: one DeletePOP3. */
export async function deleteMailboxesAction(input: unknown): Promise<Result> {
  return runAction({ name: "mailbox.delete", schema: deleteMailboxesSchema }, input, async (data, user) => {
    const domain = await authorize(user, data.domain);
    const context: WriteContext = { user, action: "mailbox.delete", domain, pakId: null };
    const read = await readDomain(context);
    if (!read.ok) return read.result;
    const existing = mailboxIndex(read.email);
    const gone: MailboxResult[] = data.userNames
      .filter((name) => !existing.has(name.toLowerCase()))
      .map((userName) => ({ userName, outcome: "failed", message: "This mailbox no longer exists." }));
    const present = data.userNames.filter((name) => existing.has(name.toLowerCase()));
    if (present.length === 0)
      return refuse(
        context,
        data.userNames.length === 1
          ? "This mailbox no longer exists."
          : "None of these mailboxes exists any more.",
      );
    const sent = await sendInBatches(
      present,
      (name) => name,
      context.action,
      (chunk) => getEnomClient().deletePop3Users({ domain, userNames: chunk }),
    );
    const result = await finish(context, sent, {
      wording: { done: "Deleted", verb: "delete" },
      where: `from ${domain}`,
      oneDone: `${present[0]}@${domain} is deleted.`,
      listKey: "userNames",
      refusedEarly: gone,
      order: data.userNames,
      extra: {
        paks: [...new Set(present.map((name) => existing.get(name.toLowerCase())?.bundleId ?? null))],
      },
    });
    if (sent.results.some((entry) => entry.outcome !== "failed")) invalidateAccountOverview();
    return result;
  });
}

/** Where a mailbox's mail is also sent, or no forwarding (empty): SetPOPForwarding. */
export async function setMailboxForwardingAction(input: unknown): Promise<Result> {
  return runAction(
    { name: "mailbox.forwarding", schema: setMailboxForwardingSchema },
    input,
    async (data, user) => {
      const domain = await authorize(user, data.domain);
      const context: WriteContext = { user, action: "mailbox.forwarding", domain, pakId: null };
      const read = await readDomain(context);
      if (!read.ok) return read.result;
      const mailbox = mailboxIndex(read.email).get(data.userName.toLowerCase());
      if (!mailbox) return refuse(context, "This mailbox no longer exists.");
      const forwardTo = data.forwardTo === "" ? null : data.forwardTo;
      const address = `${mailbox.userName}@${domain}`;
      const sent = await sendInBatches(
        [mailbox.userName],
        (name) => name,
        context.action,
        async (names) => {
          const result = await getEnomClient().setPopForwarding({
            domain,
            userName: names[0] ?? mailbox.userName,
            forwardTo,
          });
          return { succeeded: [mailbox.userName], failed: [], unknown: [], trackingKey: result.trackingKey };
        },
      );
      return finish(context, sent, {
        wording: forwardTo
          ? { done: `Set forwarding to ${forwardTo} for`, verb: "set forwarding for" }
          : { done: "Turned off forwarding for", verb: "turn off forwarding for" },
        where: `on ${domain}`,
        oneDone: forwardTo
          ? `Mail to ${address} is now also sent to ${forwardTo}.`
          : `Mail to ${address} is no longer forwarded.`,
        listKey: "userName",
        order: [mailbox.userName],
        extra: { from: mailbox.forwardTo, to: forwardTo },
      });
    },
  );
}
