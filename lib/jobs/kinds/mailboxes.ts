import "server-only";
import { forgetDisplayNames, recordCreatedMailboxes } from "@/lib/mailboxes/display-names";
import type { JobItemRow, JobRunRow } from "@/lib/db/schema";
import { getEnomClient, type DomainEmail, type MailboxBatch } from "@/lib/enom";
import {
  GONE,
  mailboxIndex,
  PASSWORD_UNKNOWN,
  sendInBatches,
  settleByReadBack,
  unnamedFailure,
  type Judge,
  type SentBatch,
} from "@/lib/mailboxes/batch";
import { MAILBOX_BATCH_MAX } from "@/lib/validation/mailbox-rules";
import { announceMailboxes } from "@/lib/webhooks/sources";
import type { ItemOutcome, JobHandler } from "../handler";
import { retryRead } from "../retry";

/**
 * The mailbox grid's lists longer than one eNom call, as jobs: create (SetUpPOP3User), new
 * passwords (ModifyPOP3 PasswordX) and delete (DeletePOP3), 99 mailboxes per call as the actions
 * send them (lib/mailboxes/batch.ts). The checks before sending (taken names, the pak's free
 * mailboxes, names eNom cannot delete) are made when the job is started (lib/mailboxes/jobs.ts);
 * the items they refuse arrive here already refused.
 */

export const MAILBOX_JOB_KINDS = {
  create: "mailboxes.create",
  resetPasswords: "mailboxes.reset-passwords",
  delete: "mailboxes.delete",
} as const;

function userNameOf(item: JobItemRow): string {
  const value = item.input.userName;
  return typeof value === "string" ? value : (item.label.split("@")[0] ?? item.label);
}

function bundleIdOf(item: JobItemRow): number | null {
  const value = Number(item.input.bundleId);
  return item.input.bundleId === null || !Number.isFinite(value) ? null : value;
}

function domainOf(run: JobRunRow): string {
  if (!run.domain) throw new Error(`Job ${run.id} names no domain.`);
  return run.domain;
}

/** GetPOP3, tried again while eNom does not answer. */
function readDomain(domain: string): Promise<DomainEmail> {
  return retryRead(() => getEnomClient().getPop3({ domain }));
}

const NO_SECRET = "The new password was not kept by the panel, so nothing was sent for this mailbox.";

/**
 * Sends one batch and settles what eNom left open by reading the domain back; turns the results
 * into item outcomes. Items without their password are refused without being sent.
 */
async function sendBatch(
  run: JobRunRow,
  items: readonly JobItemRow[],
  options: {
    action: string;
    doneMessage: string;
    needsSecret?: ReadonlyMap<number, string>;
    send: (domain: string, items: readonly JobItemRow[]) => Promise<MailboxBatch>;
    judge?: Judge;
    openMessage?: string;
  },
): Promise<ItemOutcome[]> {
  const domain = domainOf(run);
  const secrets = options.needsSecret;
  const sendable = secrets ? items.filter((item) => secrets.has(item.seq)) : [...items];
  const sent: SentBatch = await sendInBatches(sendable, userNameOf, options.action, (chunk) =>
    options.send(domain, chunk),
  );
  if (options.judge) await settleByReadBack(domain, sent, options.judge, readDomain);
  const byName = new Map(sent.results.map((result) => [result.userName.toLowerCase(), result]));
  const settled = new Set(sent.settled.map((name) => name.toLowerCase()));
  return items.map((item): ItemOutcome => {
    const key = userNameOf(item).toLowerCase();
    const result = byName.get(key);
    if (!result) return { status: "failed", message: NO_SECRET };
    const message =
      result.outcome === "ok"
        ? options.doneMessage
        : result.outcome === "unknown" && options.openMessage
          ? options.openMessage
          : (result.message ?? "The email service gave no reason.");
    return {
      status: result.outcome,
      message,
      enomError: sent.enomReasons.get(key) ?? null,
      trackingKey: sent.trackingKeys[0] ?? null,
      readBack: settled.has(key),
    };
  });
}

function summaryOf(verb: string, done: string) {
  return (run: JobRunRow, item: JobItemRow, outcome: ItemOutcome) =>
    outcome.status === "ok"
      ? `${done} ${item.label} (job)`
      : outcome.status === "failed"
        ? `Could not ${verb} ${item.label} (job)`
        : `Could not confirm: ${verb} ${item.label} (job; may have been done)`;
}

const AFTER_RESTART = " (checked with the email service after the panel restarted)";

/** The outcome of a sent item whose worker died, from the mailbox as eNom lists it now. */
async function readBackEach(
  run: JobRunRow,
  items: readonly JobItemRow[],
  verdict: (present: boolean) => ItemOutcome,
): Promise<ItemOutcome[]> {
  const index = mailboxIndex(await readDomain(domainOf(run)));
  return items.map((item) => ({ ...verdict(index.has(userNameOf(item).toLowerCase())), readBack: true }));
}

export const createMailboxesJob: JobHandler = {
  batchSize: MAILBOX_BATCH_MAX,
  send: (run, items, secrets) =>
    sendBatch(run, items, {
      action: "mailbox.create",
      doneMessage: "Created.",
      needsSecret: secrets,
      send: (domain, chunk) =>
        getEnomClient().setUpPop3Users({
          domain,
          bundleId: Number(chunk[0]?.input.bundleId),
          users: chunk.map((item) => ({
            userName: userNameOf(item),
            password: secrets.get(item.seq) ?? "",
            isAdmin: item.input.isAdmin === true,
            displayName:
              typeof item.input.displayName === "string" && item.input.displayName
                ? item.input.displayName
                : undefined,
          })),
        }),
      // The names were free when the job started: present now means created.
      judge: (after, cause, said) =>
        after
          ? { outcome: "ok", message: null }
          : cause === "unnamed"
            ? {
                outcome: "failed",
                message: `Not created. ${unnamedFailure(said)}, and this one is not on the domain.`,
              }
            : null,
    }),
  readBack: (run, items) =>
    readBackEach(run, items, (present) =>
      present
        ? { status: "ok", message: `Created${AFTER_RESTART}.` }
        : { status: "failed", message: `Not created${AFTER_RESTART}: it is not on the domain.` },
    ),
  audit: { action: "mailbox.create", summary: summaryOf("create", "Created") },
  async afterRun(run, items) {
    const created = items
      .filter((item) => item.status === "ok")
      .map((item) => ({
        userName: userNameOf(item),
        displayName: typeof item.input.displayName === "string" ? item.input.displayName : "",
      }));
    await recordCreatedMailboxes(domainOf(run), created, run.actorId);
    await announceMailboxes(
      "mailbox.created",
      domainOf(run),
      items
        .filter((item) => item.status === "ok")
        .map((item) => ({ userName: userNameOf(item), bundleId: bundleIdOf(item) })),
    );
  },
};

export const resetPasswordsJob: JobHandler = {
  batchSize: MAILBOX_BATCH_MAX,
  send: (run, items, secrets) =>
    sendBatch(run, items, {
      action: "mailbox.password-reset",
      doneMessage: "New password set.",
      needsSecret: secrets,
      send: (domain, chunk) =>
        getEnomClient().modifyPop3Users({
          domain,
          users: chunk.map((item) => ({ userName: userNameOf(item), password: secrets.get(item.seq) ?? "" })),
        }),
      // A password cannot be read back: an open outcome stays unknown.
      openMessage: PASSWORD_UNKNOWN,
    }),
  readBack: (run, items) =>
    readBackEach(run, items, (present) =>
      present ? { status: "unknown", message: PASSWORD_UNKNOWN } : { status: "failed", message: GONE },
    ),
  audit: {
    action: "mailbox.password-reset",
    summary: summaryOf("set the password of", "Set a new password for"),
  },
};

export const deleteMailboxesJob: JobHandler = {
  batchSize: MAILBOX_BATCH_MAX,
  send: (run, items) =>
    sendBatch(run, items, {
      action: "mailbox.delete",
      doneMessage: "Deleted.",
      send: (domain, chunk) => getEnomClient().deletePop3Users({ domain, userNames: chunk.map(userNameOf) }),
      judge: (after, cause, said) =>
        !after
          ? { outcome: "ok", message: null }
          : cause === "unnamed"
            ? {
                outcome: "failed",
                message: `Not deleted. ${unnamedFailure(said)}, and this one is still there.`,
              }
            : null,
    }),
  readBack: (run, items) =>
    readBackEach(run, items, (present) =>
      present
        ? { status: "failed", message: `Not deleted${AFTER_RESTART}: it is still there.` }
        : { status: "ok", message: `Deleted${AFTER_RESTART}.` },
    ),
  audit: { action: "mailbox.delete", summary: summaryOf("delete", "Deleted") },
  async afterRun(run, items) {
    const deleted = items.filter((item) => item.status === "ok");
    await forgetDisplayNames(domainOf(run), deleted.map(userNameOf));
    await announceMailboxes(
      "mailbox.deleted",
      domainOf(run),
      deleted.map((item) => ({ userName: userNameOf(item), bundleId: bundleIdOf(item) })),
    );
  },
};
