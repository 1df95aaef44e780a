import "server-only";
import { describeEnomFailure, type EnomFailure } from "@/lib/actions/enom-outcome";
import { recordAudit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session";
import { refreshDomainsInMirror } from "@/lib/mirror/refresh";
import { getEnomClient, type Pak } from "@/lib/enom";
import { BATCH_MAX } from "@/lib/enom/schemas";
import { logger } from "@/lib/logger";
import { PAK_DELETE_KIND, PAK_ITEM_KEY } from "@/lib/jobs/kinds/paks";
import { JOB_THRESHOLD } from "@/lib/jobs/model";
import { createRun } from "@/lib/jobs/runs";
import { inServiceWords } from "@/lib/white-label";
import { readBackDomain } from "./enom-reads";
import type { PakDeletionView } from "./types";

/**
 * Deleting a pak with its mailboxes. eNom refuses DeletePOPPak while the pak has mailboxes ("Use
 * the DeletePOP3 command to delete any email user accounts before running DeletePOPPak",
 * delete-pop-pak.md), so: step 1, DeletePOP3 of its mailboxes, at most 99 names a call; step 2,
 * DeletePOPPak, only once every mailbox is confirmed deleted. A batch that does not fully succeed
 * stops everything after it (no more mailboxes are lost for a pak that will not be deleted), and
 * the domain is read back to say which mailboxes are left. Each step is audited with eNom's
 * TrackingKey. The caller has checked access, permission, and `pakDeletionProblem`.
 */

const UNCONFIRMED = "The email service did not confirm this; it may or may not have been deleted.";

function actorOf(user: SessionUser) {
  return { id: user.id, email: user.email, role: user.role };
}

/** Anything else thrown after a call went out may hide a deletion: treated as unconfirmed. */
function failureOf(error: unknown): EnomFailure {
  const failure = describeEnomFailure(error);
  if (failure) return failure;
  const reference = crypto.randomUUID().slice(0, 8);
  logger.error({ err: error, action: "pak.delete", reference }, "pak deletion failed mid-way");
  return {
    outcome: "unknown",
    message: UNCONFIRMED,
    enomError: `${String(error)} (reference ${reference})`,
    trackingKey: null,
  };
}

interface MailboxStep {
  view: PakDeletionView["mailboxes"];
  /** Lower-cased names whose answer was lost: eNom may still be deleting them. */
  lost: Set<string>;
  trackingKeys: string[];
  enomErrors: string[];
  requests: number;
}

async function deleteMailboxes(domain: string, userNames: readonly string[]): Promise<MailboxStep> {
  const step: MailboxStep = {
    view: { deleted: [], failed: [], unknown: [], notSent: [] },
    lost: new Set(),
    trackingKeys: [],
    enomErrors: [],
    requests: 0,
  };
  for (let start = 0; start < userNames.length; start += BATCH_MAX) {
    const chunk = userNames.slice(start, start + BATCH_MAX);
    const stopped =
      step.view.failed.length > 0 || step.view.unknown.length > 0 || step.view.notSent.length > 0;
    if (stopped) {
      step.view.notSent.push(...chunk);
      continue;
    }
    step.requests += 1;
    try {
      const batch = await getEnomClient().deletePop3Users({ domain, userNames: chunk });
      if (batch.trackingKey) step.trackingKeys.push(batch.trackingKey);
      // eNom's words that came with its counts (seeds/001), for the audit.
      step.enomErrors.push(...batch.enomErrors.map((text) => text.trim()).filter(Boolean));
      step.view.deleted.push(...batch.succeeded);
      for (const failure of batch.failed) {
        step.view.failed.push({
          userName: failure.userName,
          reason: `The email service refused this: ${inServiceWords(failure.reason)}`,
        });
        step.enomErrors.push(failure.reason);
      }
      step.view.unknown.push(...batch.unknown);
      // A name eNom neither confirmed nor refused is not deleted as far as anyone knows.
      const answered = new Set(
        [...batch.succeeded, ...batch.failed.map((failure) => failure.userName), ...batch.unknown].map(
          (name) => name.toLowerCase(),
        ),
      );
      step.view.unknown.push(...chunk.filter((name) => !answered.has(name.toLowerCase())));
    } catch (error) {
      const failure = failureOf(error);
      if (failure.trackingKey) step.trackingKeys.push(failure.trackingKey);
      step.enomErrors.push(failure.enomError);
      if (failure.outcome === "unknown") {
        step.view.unknown.push(...chunk);
        for (const name of chunk) step.lost.add(name.toLowerCase());
      } else step.view.failed.push(...chunk.map((userName) => ({ userName, reason: failure.message })));
    }
  }
  return step;
}

/**
 * After step 1 did not confirm every mailbox: which of the pak's mailboxes eNom still lists. A
 * name refused or unconfirmed that is gone counts as deleted (a batch can succeed in part while
 * eNom reports an error for it). One still listed is not deleted when eNom answered (its counts
 * left it open), but stays unknown when the answer was lost: eNom may still be deleting it. Null
 * when the domain cannot be read: the outcomes stay as eNom answered.
 */
async function leftAfter(domain: string, bundleId: number, step: MailboxStep): Promise<string[] | null> {
  const email = await readBackDomain(domain);
  if (!email) return null;
  const left = email.mailboxes
    .filter((mailbox) => mailbox.bundleId === bundleId)
    .map((mailbox) => mailbox.userName);
  const still = new Set(left.map((name) => name.toLowerCase()));
  const gone = (name: string) => !still.has(name.toLowerCase());
  step.view.deleted.push(...step.view.failed.map((entry) => entry.userName).filter(gone));
  step.view.failed = step.view.failed.filter((entry) => !gone(entry.userName));
  const open: string[] = [];
  for (const name of step.view.unknown) {
    if (gone(name)) step.view.deleted.push(name);
    else if (step.lost.has(name.toLowerCase())) open.push(name);
    else
      step.view.failed.push({
        userName: name,
        reason: "Not deleted: the email service still lists this mailbox.",
      });
  }
  step.view.unknown = open;
  return left;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export async function deletePakWithMailboxes(
  user: SessionUser,
  domain: string,
  pak: Pak,
  userNames: readonly string[],
): Promise<{ view: PakDeletionView; message: string }> {
  const where = { domain, pakId: String(pak.bundleId) };
  const view: PakDeletionView = {
    bundleId: pak.bundleId,
    mailboxes: { deleted: [], failed: [], unknown: [], notSent: [] },
    pak: "not-sent",
    pakReason: null,
    left: null,
  };

  if (userNames.length > 0) {
    const step = await deleteMailboxes(domain, userNames);
    if (step.view.deleted.length < userNames.length) view.left = await leftAfter(domain, pak.bundleId, step);
    // Every mailbox confirmed deleted, by eNom's answer or by the read-back: the pak may go.
    const complete = step.view.deleted.length === userNames.length && (view.left ?? []).length === 0;
    view.mailboxes = step.view;
    const { deleted, failed, unknown, notSent } = step.view;
    await recordAudit({
      actor: actorOf(user),
      action: "mailbox.delete",
      outcome: unknown.length > 0 ? "unknown" : failed.length > 0 || notSent.length > 0 ? "failed" : "ok",
      summary: `Deleted ${deleted.length} of ${plural(userNames.length, "mailbox", "mailboxes")} of pak ${pak.bundleId} of ${domain} before deleting the pak${unknown.length ? ` (${unknown.length} not confirmed)` : ""}`,
      ...where,
      details: {
        pakDeletion: true,
        requests: step.requests,
        deleted,
        failed: failed.map((entry) => entry.userName),
        unknown,
        notSent,
        left: view.left,
      },
      enom: {
        trackingKey: step.trackingKeys[0] ?? null,
        error: step.enomErrors.length ? [...new Set(step.enomErrors)].join(" | ").slice(0, 1000) : null,
      },
    });
    await refreshDomainsInMirror(domain);
    if (!complete) {
      const remaining = view.left ?? [...failed.map((entry) => entry.userName), ...unknown, ...notSent];
      view.pakReason = `${plural(remaining.length, "mailbox is", "mailboxes are")} still in the pak${view.left === null ? " as far as is known (the domain could not be read back)" : ""}: ${remaining.join(", ")}.`;
      await recordAudit({
        actor: actorOf(user),
        action: "pak.delete",
        outcome: "failed",
        summary: `Did not delete pak ${pak.bundleId} of ${domain}: ${plural(remaining.length, "mailbox remains", "mailboxes remain")} in it`,
        ...where,
        details: { notSent: true, left: remaining, expires: pak.expires.iso, purchased: pak.qtyPurchased },
      });
      return { view, message: messageOf(view, userNames.length) };
    }
  }

  try {
    const result = await getEnomClient().deletePopPak({ domain, bundleId: pak.bundleId });
    view.pak = "deleted";
    await recordAudit({
      actor: actorOf(user),
      action: "pak.delete",
      outcome: "ok",
      summary: `Deleted pak ${pak.bundleId} of ${domain}${userNames.length ? ` after its ${plural(userNames.length, "mailbox", "mailboxes")}` : ""}`,
      ...where,
      details: {
        mailboxes: userNames.slice(0, 200),
        purchased: pak.qtyPurchased,
        capacityGb: pak.capacityGb,
        prodType: pak.prodType,
        expires: pak.expires.iso,
      },
      enom: { trackingKey: result.trackingKey },
    });
  } catch (error) {
    const failure = failureOf(error);
    view.pak = failure.outcome === "unknown" ? "unknown" : "failed";
    view.pakReason = failure.message;
    const summary = `Could not delete pak ${pak.bundleId} of ${domain}`;
    await recordAudit({
      actor: actorOf(user),
      action: "pak.delete",
      outcome: failure.outcome,
      summary: failure.outcome === "unknown" ? `${summary} (not confirmed; it may have been made)` : summary,
      ...where,
      details: { mailboxesDeleted: userNames.length, expires: pak.expires.iso },
      enom: { trackingKey: failure.trackingKey, error: failure.enomError },
    });
  }
  await refreshDomainsInMirror(domain);
  return { view, message: messageOf(view, userNames.length) };
}

/** One paragraph for the person who clicked: each step's outcome. */
function messageOf(view: PakDeletionView, mailboxCount: number): string {
  const { deleted, failed, unknown, notSent } = view.mailboxes;
  if (view.pak === "deleted")
    return mailboxCount === 0
      ? `Pak ${view.bundleId} is deleted.`
      : `Pak ${view.bundleId} is deleted, with ${plural(mailboxCount, "mailbox", "mailboxes")}.`;
  const parts: string[] = [];
  if (mailboxCount > 0) {
    if (deleted.length === mailboxCount)
      parts.push(`Its ${plural(mailboxCount, "mailbox was", "mailboxes were")} deleted.`);
    else {
      const bits = [`${deleted.length} of ${plural(mailboxCount, "mailbox", "mailboxes")} deleted`];
      if (failed.length) bits.push(`${failed.length} refused`);
      if (unknown.length) bits.push(`${unknown.length} not confirmed`);
      if (notSent.length) bits.push(`${notSent.length} not sent`);
      parts.push(`${bits.join(", ")}.`);
    }
  }
  switch (view.pak) {
    case "not-sent":
      parts.push(`Pak ${view.bundleId} was not deleted: ${view.pakReason ?? "it still has mailboxes."}`);
      break;
    case "failed":
      parts.push(`Pak ${view.bundleId} was not deleted. ${view.pakReason ?? ""}`.trim());
      break;
    case "unknown":
      parts.push(
        `The deletion of pak ${view.bundleId} was not confirmed; it may or may not be deleted. The page now shows the current state.`,
      );
      break;
  }
  return parts.join(" ");
}

// ── A pak with more mailboxes than one DeletePOP3 call: as a job ─────────────────────────────

/** A pak with more mailboxes than this is deleted by a job (lib/jobs/kinds/paks.ts); fewer, at once. */
export const PAK_DELETION_JOB_THRESHOLD = JOB_THRESHOLD;

export interface PakDeletionStarted {
  view: PakDeletionView & { runId: string };
  message: string;
}

/**
 * Starts the deletion of a pak with many mailboxes as a durable job: one item per mailbox, then
 * the pak, in that order (the job goes on if the browser leaves, survives a restart, never sends
 * an item twice, and audits each item). The caller has checked access, permission and
 * `pakDeletionProblem`, as for `deletePakWithMailboxes`.
 */
export async function startPakDeletionJob(
  user: SessionUser,
  domain: string,
  pak: Pak,
  userNames: readonly string[],
): Promise<PakDeletionStarted> {
  const run = await createRun({
    kind: PAK_DELETE_KIND,
    title: `Delete pak ${pak.bundleId} of ${domain} with its ${plural(userNames.length, "mailbox", "mailboxes")}`,
    actor: actorOf(user),
    customerId: user.role === "customer" ? user.customerId : null,
    domain,
    items: [
      ...userNames.map((userName) => ({
        label: `${userName}@${domain}`,
        input: { userName, bundleId: pak.bundleId },
      })),
      {
        label: `Pak ${pak.bundleId}`,
        input: { [PAK_ITEM_KEY]: true, bundleId: pak.bundleId, expires: pak.expires.iso },
      },
    ],
  });
  return {
    view: {
      bundleId: pak.bundleId,
      mailboxes: { deleted: [], failed: [], unknown: [], notSent: [] },
      pak: "not-sent",
      pakReason: "The deletion runs as a job: its mailboxes first, then the pak.",
      left: null,
      runId: run.id,
    },
    message: `Deleting pak ${pak.bundleId}: its ${plural(userNames.length, "mailbox", "mailboxes")} first, then the pak. It goes on if you close this; follow it in Activity.`,
  };
}
