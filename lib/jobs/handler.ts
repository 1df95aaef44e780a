import "server-only";
import type { JobItemRow, JobRunRow } from "@/lib/db/schema";

/** One item's true outcome, for the item row, the run's counts and the audit log. */
export interface ItemOutcome {
  status: "ok" | "failed" | "unknown" | "skipped";
  /** For the user. */
  message: string;
  /** eNom's own words, for the audit log only. */
  enomError?: string | null;
  trackingKey?: string | null;
  /** Settled by reading eNom back rather than by eNom's answer to the write. */
  readBack?: boolean;
}

/**
 * A job kind: how a batch of its items is sent to eNom and, after a crash, read back. The runner
 * (runner.ts) owns the order, the claims, `sent_at`, the counts, the audit and the secrets.
 */
export interface JobHandler {
  /** Items sent together in one eNom call (99 mailboxes; 1 for a call per item). */
  batchSize: number;
  /**
   * The write, called exactly once per batch and only after every item in it has `sent_at`. eNom's
   * failures are outcomes, not exceptions: an answer that was lost is "unknown" unless the handler
   * settles it by reading back. `secrets` holds each item's opened secret (a new password) by seq.
   */
  send(
    run: JobRunRow,
    items: readonly JobItemRow[],
    secrets: ReadonlyMap<number, string>,
  ): Promise<ItemOutcome[]>;
  /**
   * Items that were sent by a worker that died before recording the outcome: read eNom (never
   * write) and say what is true now; "unknown" when eNom's state cannot tell.
   */
  readBack(run: JobRunRow, items: readonly JobItemRow[]): Promise<ItemOutcome[]>;
  /**
   * Items of one batch share this key: a batch ends where the key changes (a pak's deletion sends
   * its mailboxes in batches of 99, then the pak alone).
   */
  batchKey?(item: JobItemRow): string;
  /**
   * Asked before a batch is sent: a reason not to send it at all (an earlier step did not
   * succeed). Its items are then finished "skipped" with that reason, never sent.
   */
  holdBack?(run: JobRunRow, items: readonly JobItemRow[]): Promise<string | null>;
  /** The audit verb (`mailbox.create`, or per item) and the line a person reads for one item. */
  audit: {
    action: string | ((item: JobItemRow) => string);
    summary(run: JobRunRow, item: JobItemRow, outcome: ItemOutcome): string;
  };
  /** After the run's last item, e.g. the display names of new mailboxes; then the mirror is refreshed. */
  afterRun?(run: JobRunRow, items: readonly JobItemRow[]): Promise<void>;
}

/** The item input key that holds a sealed secret; cleared when the item finishes. */
export const SEALED_SECRET_KEY = "sealedSecret";
/** The item input key of a refusal decided before the run (a taken name): finished without sending. */
export const REFUSED_KEY = "refused";
