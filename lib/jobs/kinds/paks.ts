import "server-only";
import { describeEnomFailure } from "@/lib/actions/enom-outcome";
import { and, eq, lt, ne } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { jobItems, type JobItemRow, type JobRunRow } from "@/lib/db/schema";
import { getEnomClient, type DomainEmail } from "@/lib/enom";
import { MAILBOX_BATCH_MAX } from "@/lib/validation/mailbox-rules";
import type { ItemOutcome, JobHandler } from "../handler";
import { retryRead } from "../retry";
import { deleteMailboxesJob } from "./mailboxes";

/**
 * Deleting a pak with its mailboxes, as a job (`paks.delete`). eNom refuses DeletePOPPak while
 * the pak has mailboxes ("Use the DeletePOP3 command to delete any email user accounts before
 * running DeletePOPPak", delete-pop-pak.md), so the items are the pak's mailboxes (DeletePOP3, 99
 * names a call, as the mailbox delete job sends them), then the pak itself, alone, last. As in
 * lib/purchases/pak-deletion.ts, a batch that did not fully succeed stops everything after it:
 * later mailboxes and the pak are skipped, never sent. The checks before (names DeletePOP3
 * cannot take, an expired pak) are made when the job is started.
 */

export const PAK_DELETE_KIND = "paks.delete";

/** The input key that marks the pak's own item (the last). */
export const PAK_ITEM_KEY = "pak";

function isPakItem(item: JobItemRow): boolean {
  return item.input[PAK_ITEM_KEY] === true;
}

function bundleIdOf(item: JobItemRow): number {
  return Number(item.input.bundleId);
}

function domainOf(run: JobRunRow): string {
  if (!run.domain) throw new Error(`Job ${run.id} names no domain.`);
  return run.domain;
}

function readDomain(domain: string): Promise<DomainEmail> {
  return retryRead(() => getEnomClient().getPop3({ domain }));
}

/** Items before `seq` of the run that did not end "ok": their step did not fully succeed. */
async function earlierNotDone(runId: string, seq: number): Promise<JobItemRow[]> {
  const db = await getDb();
  return db
    .select()
    .from(jobItems)
    .where(and(eq(jobItems.jobId, runId), lt(jobItems.seq, seq), ne(jobItems.status, "ok")));
}

const AFTER_RESTART = " (checked with the email service after the panel restarted)";

/** DeletePOPPak once; a lost answer is settled by reading the domain (the pak listed or not). */
async function deletePak(run: JobRunRow, item: JobItemRow): Promise<ItemOutcome> {
  const domain = domainOf(run);
  const bundleId = bundleIdOf(item);
  try {
    const result = await getEnomClient().deletePopPak({ domain, bundleId });
    return { status: "ok", message: `Pak ${bundleId} is deleted.`, trackingKey: result.trackingKey };
  } catch (error) {
    const failure = describeEnomFailure(error);
    if (!failure) throw error;
    if (failure.outcome === "failed")
      return {
        status: "failed",
        message: `Pak ${bundleId} was not deleted. ${failure.message}`,
        enomError: failure.enomError,
        trackingKey: failure.trackingKey,
      };
    try {
      const listed = (await readDomain(domain)).paks.some((pak) => pak.bundleId === bundleId);
      return listed
        ? {
            status: "failed",
            message: `Pak ${bundleId} was not deleted: the email service still lists it.`,
            enomError: failure.enomError,
            readBack: true,
          }
        : {
            status: "ok",
            message: `Pak ${bundleId} is deleted.`,
            enomError: failure.enomError,
            readBack: true,
          };
    } catch {
      return {
        status: "unknown",
        message: `The deletion of pak ${bundleId} was not confirmed; it may or may not be deleted.`,
        enomError: failure.enomError,
        trackingKey: failure.trackingKey,
      };
    }
  }
}

export const deletePakJob: JobHandler = {
  batchSize: MAILBOX_BATCH_MAX,
  batchKey: (item) => (isPakItem(item) ? "pak" : "mailboxes"),
  async holdBack(run, items) {
    const first = items[0];
    if (!first) return null;
    const notDone = await earlierNotDone(run.id, first.seq);
    if (notDone.length === 0) return null;
    const names = notDone.map((item) => item.label);
    return isPakItem(first)
      ? `Not sent: the pak still has ${notDone.length === 1 ? "a mailbox" : "mailboxes"} that could not be deleted (${names.slice(0, 5).join(", ")}${names.length > 5 ? ", …" : ""}); eNom deletes only an empty pak.`
      : "Not sent: an earlier batch of mailboxes did not fully succeed, so no more mailboxes of this pak were deleted.";
  },
  async send(run, items, secrets) {
    const [first] = items;
    if (first && isPakItem(first)) return [await deletePak(run, first)];
    return deleteMailboxesJob.send(run, items, secrets);
  },
  async readBack(run, items) {
    const [first] = items;
    if (first && isPakItem(first)) {
      const bundleId = bundleIdOf(first);
      const listed = (await readDomain(domainOf(run))).paks.some((pak) => pak.bundleId === bundleId);
      return [
        listed
          ? {
              status: "failed",
              message: `Pak ${bundleId} was not deleted${AFTER_RESTART}: it is still listed.`,
              readBack: true,
            }
          : { status: "ok", message: `Pak ${bundleId} is deleted${AFTER_RESTART}.`, readBack: true },
      ];
    }
    return deleteMailboxesJob.readBack(run, items);
  },
  audit: {
    action: (item) => (isPakItem(item) ? "pak.delete" : "mailbox.delete"),
    summary(run, item, outcome) {
      if (!isPakItem(item)) return deleteMailboxesJob.audit.summary(run, item, outcome);
      const pak = `pak ${bundleIdOf(item)} of ${run.domain ?? "?"}`;
      if (outcome.status === "ok") return `Deleted ${pak} after its mailboxes (job)`;
      if (outcome.status === "skipped") return `Did not delete ${pak}: mailboxes remain in it (job)`;
      if (outcome.status === "failed") return `Could not delete ${pak} (job)`;
      return `Could not delete ${pak} (job; not confirmed; it may have been deleted)`;
    },
  },
  async afterRun(run, items) {
    await deleteMailboxesJob.afterRun?.(
      run,
      items.filter((item) => !isPakItem(item)),
    );
  },
};
