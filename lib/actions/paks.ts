"use server";

import { recordAudit } from "@/lib/audit";
import { NotFoundError } from "@/lib/auth/errors";
import { requireDomainAccess, requirePermission } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/session";
import { invalidateAccountOverview } from "@/lib/domains/account-overview";
import { getEnomClient, type DomainEmail } from "@/lib/enom";
import { deletePakSchema, setCatchAllSchema, setPakAutoRenewSchema } from "@/lib/validation/paks";
import { describeEnomFailure } from "./enom-outcome";
import { actorOf, type ActionFailure } from "./logins";
import type { ActionResult } from "./result";
import { runAction } from "./safe-action";

/**
 * Server actions of a domain's page: a pak's auto-renew, deleting a pak, the domain's catch-all.
 * Each is a public endpoint: it checks the caller's right to that very domain (someone else's is
 * "not found", and eNom is not asked), that the pak belongs to the domain, and the permission;
 * then it asks eNom once and records the true outcome in the audit log, with eNom's TrackingKey.
 */

interface WriteContext {
  user: SessionUser;
  action: string;
  domain: string;
  pakId?: string;
}

type Pak = DomainEmail["paks"][number];

/**
 * The pak as eNom has it now, read before any change: a BundleID from the browser is only trusted
 * once eNom lists it under this domain, so no one can touch a pak of another domain.
 */
async function loadPakOfDomain(
  context: WriteContext,
  bundleId: number,
): Promise<{ ok: true; pak: Pak; email: DomainEmail } | ActionFailure> {
  let email: DomainEmail;
  try {
    email = await getEnomClient().getPop3({ domain: context.domain });
  } catch (error) {
    return enomFailure(
      context,
      error,
      `Could not read pak ${bundleId} of ${context.domain}; nothing was changed`,
    );
  }
  const pak = email.paks.find((candidate) => candidate.bundleId === bundleId);
  if (!pak) throw new NotFoundError("That pak");
  return { ok: true, pak, email };
}

/** Audits a failed eNom call with its true outcome and turns it into a message for the user. */
async function enomFailure(context: WriteContext, error: unknown, summary: string): Promise<ActionFailure> {
  const failure = describeEnomFailure(error);
  // Not an eNom failure: the action envelope reports it as our own fault.
  if (!failure) throw error;
  await recordAudit({
    actor: actorOf(context.user),
    action: context.action,
    outcome: failure.outcome,
    summary: failure.outcome === "unknown" ? `${summary} (not confirmed; it may have been made)` : summary,
    domain: context.domain,
    pakId: context.pakId ?? null,
    enom: { trackingKey: failure.trackingKey, error: failure.enomError },
  });
  // eNom may have acted: the domains list must read the truth again.
  if (failure.outcome === "unknown") invalidateAccountOverview();
  return { ok: false, message: failure.message };
}

export async function setPakAutoRenewAction(
  input: unknown,
): Promise<ActionResult<{ bundleId: number; autoRenew: boolean }>> {
  return runAction(
    { name: "pak.autoRenew", schema: setPakAutoRenewSchema },
    input,
    async ({ domain, bundleId, autoRenew }, user) => {
      const name = await requireDomainAccess(user, domain);
      requirePermission(user, "paks.autoRenew");
      const context = { user, action: "pak.autoRenew", domain: name, pakId: String(bundleId) };
      const state = autoRenew ? "on" : "off";
      const found = await loadPakOfDomain(context, bundleId);
      if (!found.ok) return found;
      try {
        const result = await getEnomClient().setPakRenew({ domain: name, bundleId, autoRenew });
        await recordAudit({
          actor: actorOf(user),
          action: context.action,
          outcome: "ok",
          summary: `Turned auto-renew ${state} for pak ${bundleId} of ${name}`,
          domain: name,
          pakId: context.pakId,
          details: { from: found.pak.autoRenew, to: autoRenew, expires: found.pak.expires.iso },
          enom: { trackingKey: result.trackingKey },
        });
        invalidateAccountOverview();
        return {
          ok: true,
          data: { bundleId, autoRenew },
          message: `Auto-renew is ${state} for pak ${bundleId}.`,
        };
      } catch (error) {
        return enomFailure(
          context,
          error,
          `Could not turn auto-renew ${state} for pak ${bundleId} of ${name}`,
        );
      }
    },
  );
}

export async function deletePakAction(
  input: unknown,
): Promise<ActionResult<{ bundleId: number; mailboxesDeleted: number }>> {
  return runAction(
    { name: "pak.delete", schema: deletePakSchema },
    input,
    async ({ domain, bundleId }, user) => {
      const name = await requireDomainAccess(user, domain);
      requirePermission(user, "paks.delete");
      const context = { user, action: "pak.delete", domain: name, pakId: String(bundleId) };
      const found = await loadPakOfDomain(context, bundleId);
      if (!found.ok) return found;
      const mailboxes = found.email.mailboxes
        .filter((mailbox) => mailbox.bundleId === bundleId)
        .map((mailbox) => mailbox.userName);
      try {
        const result = await getEnomClient().deletePopPak({ domain: name, bundleId });
        const deleted = result.accountsDeleted ?? mailboxes.length;
        await recordAudit({
          actor: actorOf(user),
          action: context.action,
          outcome: "ok",
          summary: `Deleted pak ${bundleId} of ${name} with ${plural(deleted, "mailbox", "mailboxes")}`,
          domain: name,
          pakId: context.pakId,
          details: {
            mailboxes: mailboxes.slice(0, 200),
            purchased: found.pak.qtyPurchased,
            capacityGb: found.pak.capacityGb,
            expires: found.pak.expires.iso,
          },
          enom: { trackingKey: result.trackingKey },
        });
        invalidateAccountOverview();
        return {
          ok: true,
          data: { bundleId, mailboxesDeleted: deleted },
          message: `Pak ${bundleId} is deleted, with ${plural(deleted, "mailbox", "mailboxes")}.`,
        };
      } catch (error) {
        return enomFailure(context, error, `Could not delete pak ${bundleId} of ${name}`);
      }
    },
  );
}

export async function setCatchAllAction(input: unknown): Promise<ActionResult<{ catchAll: string | null }>> {
  return runAction(
    { name: "domain.catchAll", schema: setCatchAllSchema },
    input,
    async ({ domain, catchAll }, user) => {
      const name = await requireDomainAccess(user, domain);
      requirePermission(user, "mailboxes.manage");
      const context = { user, action: "domain.catchAll", domain: name };
      const wanted = catchAll === "" ? null : catchAll;
      try {
        const result = await getEnomClient().setCatchAll({ domain: name, catchAll: wanted });
        const now = result.catchAll;
        await recordAudit({
          actor: actorOf(user),
          action: context.action,
          outcome: "ok",
          summary: now ? `Set the catch-all of ${name} to ${now}` : `Turned off the catch-all of ${name}`,
          domain: name,
          details: { catchAll: now },
          enom: { trackingKey: result.trackingKey },
        });
        // The domains list shows no catch-all, so its copy stays valid.
        return {
          ok: true,
          data: { catchAll: now },
          message: now
            ? `Mail to unknown addresses now goes to ${now}.`
            : "Catch-all is off: mail to unknown addresses is returned to the sender.",
        };
      } catch (error) {
        return enomFailure(
          context,
          error,
          wanted
            ? `Could not set the catch-all of ${name} to ${wanted}`
            : `Could not turn off the catch-all of ${name}`,
        );
      }
    },
  );
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
