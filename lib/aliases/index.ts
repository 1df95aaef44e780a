import "server-only";
import type { BoundAudit } from "@/lib/actions/builder";
import { describeEnomFailure } from "@/lib/actions/enom-outcome";
import type { ActionResult } from "@/lib/actions/result";
import { requireDomainAccess, requirePermission } from "@/lib/auth/guards";
import type { Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import type { AuditOutcome } from "@/lib/db/schema";
import { getEnomClient, type DomainForwarding, type MailService } from "@/lib/enom";
import { logger } from "@/lib/logger";
import { readDomainForView } from "@/lib/mirror/read";
import { refreshDomainsInMirror } from "@/lib/mirror/refresh";
import {
  planAliasChange,
  sameList,
  type AliasChange,
  type AliasRecord,
  type AliasWriteResult,
  type DomainAliasesView,
} from "./model";

/**
 * Aliases: the domain's forward-only addresses (eNom's domain email forwarding, GetForwarding and
 * Forwarding; docs/enom.md, "GetForwarding and Forwarding"). This module is the only place that
 * decides who may read or change them, with the guards of lib/auth:
 *
 * - reading: the caller's access to that very domain (someone else's is "not found") and
 *   `domains.view`;
 * - changing: the same, and `mailboxes.manage`, the permission of forwarding and catch-all (a
 *   customer's "manage mailboxes" allowance; staff and admin have it, support changes nothing).
 *
 * The list is read live from eNom on every request (GetForwarding is not in the client's read cache
 * and not in the account mirror): what the page shows is at most as old as its `fetchedAt`.
 *
 * Forwarding replaces the whole list ("Forwarding addresses not included in the query are
 * deleted"), so a change re-reads the list immediately before writing, applies the one change,
 * writes the whole list back and reads it back to compare. The last record is never written away
 * with an empty Forwarding (its Address1 is required): it is deleted with SetPOPForwarding
 * Enable=0, the documented way to delete one forwarding address (docs/enom.md, unknowns).
 */

export const ALIAS_READ_PERMISSION: Permission = "domains.view";
export const ALIAS_WRITE_PERMISSION: Permission = "mailboxes.manage";

/** The caller may see this domain's aliases; returns the domain's normalised name. */
export async function requireAliasReader(user: SessionUser, domain: string): Promise<string> {
  const name = await requireDomainAccess(user, domain);
  requirePermission(user, ALIAS_READ_PERMISSION);
  return name;
}

/** The caller may change this domain's aliases; returns the domain's normalised name. */
export async function requireAliasWriter(user: SessionUser, domain: string): Promise<string> {
  const name = await requireDomainAccess(user, domain);
  requirePermission(user, ALIAS_WRITE_PERMISSION);
  return name;
}

function recordsOf(forwarding: DomainForwarding): AliasRecord[] {
  return forwarding.aliases.map((alias) => ({ alias: alias.alias, forwardTo: alias.forwardTo }));
}

function viewOf(
  domain: string,
  forwarding: DomainForwarding,
  mailboxNames: ReadonlySet<string>,
  readAt: Date,
): DomainAliasesView {
  const aliases = forwarding.aliases
    .filter((alias) => !mailboxNames.has(alias.alias.toLowerCase()))
    .map((alias) => ({
      alias: alias.alias,
      address: `${alias.alias}@${domain}`,
      forwardTo: alias.forwardTo,
      enabled: alias.enabled,
      rejectReason: alias.rejectReason,
    }))
    .sort((a, b) => a.alias.localeCompare(b.alias, "en", { sensitivity: "base" }));
  return {
    domain,
    aliases,
    mailboxForwards: forwarding.aliases.length - aliases.length,
    used: forwarding.aliases.length,
    maxAliases: forwarding.maxAliases,
    fetchedAt: readAt.toISOString(),
  };
}

/** The domain's mailboxes, lower-cased, as the account mirror last read them (GetPOP3). */
async function mirroredMailboxNames(domain: string): Promise<Set<string>> {
  const mirrored = await readDomainForView(domain);
  return new Set(mirrored.mailboxes.map((mailbox) => mailbox.userName.toLowerCase()));
}

/** The domain's mailboxes as eNom has them now (GetPOP3, through the client's short read cache). */
async function currentMailboxNames(domain: string): Promise<Set<string>> {
  const email = await getEnomClient().getPop3({ domain });
  return new Set(email.mailboxes.map((mailbox) => mailbox.userName.toLowerCase()));
}

/** The domain's aliases for the page and the GET route; eNom read now. */
export async function getDomainAliases(user: SessionUser, domain: string): Promise<DomainAliasesView> {
  const name = await requireAliasReader(user, domain);
  const [forwarding, mailboxNames] = await Promise.all([
    getEnomClient().getDomainForwarding({ domain: name }),
    mirroredMailboxNames(name),
  ]);
  return viewOf(name, forwarding, mailboxNames, new Date());
}

/** The verb each change is audited under. */
export const ALIAS_AUDIT_ACTIONS = {
  create: "alias.create",
  edit: "alias.edit",
  delete: "alias.delete",
  import: "alias.import",
} as const satisfies Record<AliasChange["kind"], string>;

/** eNom's email service before and after a write; null when it could not be read. */
async function emailService(domain: string): Promise<MailService["emailService"] | "unread"> {
  try {
    return (await getEnomClient().getMailHosts({ domain })).emailService;
  } catch (error) {
    logger.warn({ err: error, domain }, "reading the domain's email service (GetMailHosts) failed");
    return "unread";
  }
}

export const SERVICE_SWITCHED_WARNING =
  "Warning: after this change the domain's email service no longer shows as mailbox (POP) email. Mail to its mailboxes may not be delivered. Check the domain's mail now, and contact support if mailboxes stop receiving mail.";

/**
 * One change to a domain's aliases, for a server action: the caller's rights first, then read →
 * change → write → read back, audited once with the list before and after.
 */
export async function changeDomainAliases(
  user: SessionUser,
  domain: string,
  change: AliasChange,
  audit: BoundAudit,
): Promise<ActionResult<AliasWriteResult>> {
  const name = await requireAliasWriter(user, domain);
  const action = ALIAS_AUDIT_ACTIONS[change.kind];
  const mailbox = change.kind === "import" ? null : change.alias;
  const client = getEnomClient();

  // 1. Read the whole list and the mailboxes now, immediately before writing.
  let before: DomainForwarding;
  let mailboxNames: Set<string>;
  try {
    [before, mailboxNames] = await Promise.all([
      client.getDomainForwarding({ domain: name }),
      currentMailboxNames(name),
    ]);
  } catch (error) {
    const failure = describeEnomFailure(error);
    if (!failure) throw error;
    await audit({
      action,
      outcome: "failed",
      summary: `Could not read the aliases of ${name} before the change; nothing was sent`,
      domain: name,
      mailbox,
      enom: { trackingKey: failure.trackingKey, error: failure.enomError },
    });
    return { ok: false, message: failure.message };
  }
  const beforeList = recordsOf(before);

  // 2. Apply the one change to that list (Mailpak's own checks: mailbox names, the limit).
  const plan = planAliasChange(name, beforeList, mailboxNames, before.maxAliases, change);
  if (!plan.ok) {
    await audit({
      action,
      outcome: "failed",
      summary: `Refused before sending: ${plan.message}`,
      domain: name,
      mailbox,
      details: { before: beforeList, maxAliases: before.maxAliases },
    });
    return { ok: false, message: plan.message, fieldErrors: plan.fieldErrors };
  }

  // 3. Write. An empty list is never sent: the last record goes with SetPOPForwarding Enable=0.
  const lastRecord = plan.next.length === 0 && change.kind === "delete";
  const serviceBefore = lastRecord ? null : await emailService(name);
  let trackingKey: string | null = null;
  let writeError: ReturnType<typeof describeEnomFailure> = null;
  try {
    if (lastRecord) {
      const removed = beforeList[0];
      if (!removed) throw new Error("the last alias vanished from its own list");
      ({ trackingKey } = await client.setPopForwarding({
        enable: false,
        domain: name,
        userName: removed.alias,
        forwardTo: removed.forwardTo,
      }));
    } else {
      ({ trackingKey } = await client.setDomainForwarding({ domain: name, aliases: plan.next }));
    }
  } catch (error) {
    writeError = describeEnomFailure(error);
    if (!writeError) throw error;
    trackingKey = writeError.trackingKey;
  }

  // 4. Read back, whatever the answer was (a lost answer may still have been acted on).
  let after: DomainForwarding | null = null;
  try {
    after = await client.getDomainForwarding({ domain: name });
  } catch (error) {
    logger.warn({ err: error, domain: name }, "reading the aliases back failed");
  }
  const afterList = after ? recordsOf(after) : null;
  const matches = afterList !== null && sameList(afterList, plan.next);
  const unchanged = afterList !== null && sameList(afterList, beforeList);

  // 5. Did the write switch the domain's email service away from mailboxes (docs/enom.md, unknowns)?
  const serviceAfter = lastRecord ? null : await emailService(name);
  const switched =
    !lastRecord &&
    serviceAfter !== "unread" &&
    serviceAfter !== null &&
    serviceAfter !== "pop-mail" &&
    serviceBefore !== serviceAfter &&
    (serviceBefore === "pop-mail" || serviceBefore === "unread");
  const warning = switched ? SERVICE_SWITCHED_WARNING : null;

  let outcome: AuditOutcome;
  let message: string;
  if (matches) {
    outcome = "ok";
    message = `${plan.summary}.`;
  } else if (writeError && (writeError.outcome === "failed" || unchanged)) {
    outcome = "failed";
    message = writeError.message;
  } else {
    outcome = "unknown";
    message =
      afterList === null
        ? "The change was sent but the aliases could not be read back, so it is not confirmed. Check the list before trying again."
        : "The aliases read back after the change are not the ones asked for. The list now shows what the email service has; check it before trying again.";
  }

  await audit({
    action,
    outcome,
    summary:
      outcome === "ok"
        ? plan.summary
        : `${plan.summary} — ${outcome === "failed" ? "failed" : "not confirmed"}`,
    domain: name,
    mailbox,
    details: {
      before: beforeList,
      sent: lastRecord ? { deleteLast: beforeList[0] ?? null } : plan.next,
      after: afterList,
      maxAliases: before.maxAliases,
      command: lastRecord ? "SetPOPForwarding Enable=0 (the last record)" : "Forwarding",
      ...(lastRecord ? {} : { emailService: { before: serviceBefore, after: serviceAfter, switched } }),
      disabledWrittenBack: before.aliases.filter((alias) => !alias.enabled).map((alias) => alias.alias),
    },
    enom: { trackingKey, error: writeError?.enomError ?? null },
  });

  // The mailbox grid's forward-only rows and forwards come from the mirror (GetPOPForwarding).
  await refreshDomainsInMirror(name);

  if (outcome === "failed") return { ok: false, message };
  // Not read back: the list before, marked unconfirmed; the panel reads it again at once.
  const view = viewOf(name, after ?? before, mailboxNames, new Date());
  return {
    ok: true,
    data: { aliases: view, confirmed: outcome === "ok", warning },
    message: warning ? `${message} ${warning}` : message,
  };
}
