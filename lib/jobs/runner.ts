import "server-only";
import { and, asc, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import { Client } from "pg";
import { recordAudit, type AuditActor } from "@/lib/audit";
import { openSecret } from "@/lib/auth/secret-box";
import { getDatabaseHandle, getDb } from "@/lib/db";
import { jobItems, jobRuns, type JobItemRow, type JobRunRow } from "@/lib/db/schema";
import { logger } from "@/lib/logger";
import { refreshDomainsInMirror } from "@/lib/mirror/refresh";
import { REFUSED_KEY, SEALED_SECRET_KEY, type ItemOutcome, type JobHandler } from "./handler";
import { jobHandlers } from "./kinds";

/**
 * Runs one job run to its end, item by item in `seq` order, so that no item is ever done twice:
 *
 * - One runner per run across every panel instance: a PostgreSQL advisory lock held on its own
 *   connection for the whole run (it goes with the connection when a worker dies, even by kill -9),
 *   and the run's row claimed with `status in ('queued','running')`.
 * - Each item is claimed (`running`) before work; a write item gets `sent_at` in the database
 *   BEFORE eNom is called. An item found `running` with `sent_at` set was sent by a worker that
 *   died: it is never sent again, only read back (the handler's `readBack`). One found `running`
 *   without `sent_at` was never sent and goes back to `pending`.
 * - Each item's true outcome is written to its row, the run's counts and the audit log, with the
 *   job's actor; a sealed secret in its input is cleared then.
 */

const LOCK_CLASS = 727_002;

/** A run a worker may (still) take: a cancelled one until its sent items are settled. */
const UNFINISHED: ("queued" | "running" | "cancelled")[] = ["queued", "running", "cancelled"];

export type RunResult = "done" | "busy" | "not-runnable";

const SCHEDULE_ACTOR: AuditActor = { id: null, email: "system (scheduled job)", role: "system" };

/** Holds the run's advisory lock on a connection of its own while `work` runs; "busy" if another has it. */
async function withRunLock<T>(runId: string, work: () => Promise<T>): Promise<T | "busy"> {
  const { url } = await getDatabaseHandle();
  const client = new Client({ connectionString: url });
  client.on("error", (error) => logger.warn({ err: error, runId }, "a job's lock connection closed"));
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>(
      "select pg_try_advisory_lock($1, hashtext($2)) as locked",
      [LOCK_CLASS, runId],
    );
    if (!rows[0]?.locked) return "busy";
    return await work();
  } finally {
    // Ending the session releases the lock.
    await client.end().catch(() => undefined);
  }
}

/** Whether some worker (in any instance) is running this run right now. */
export async function isRunLocked(runId: string): Promise<boolean> {
  const result = await withRunLock(runId, async () => false);
  return result === "busy";
}

function actorOf(run: JobRunRow): AuditActor {
  return run.actorEmail
    ? { id: run.actorId, email: run.actorEmail, role: run.actorRole ?? "staff" }
    : SCHEDULE_ACTOR;
}

function stringInput(item: JobItemRow, key: string): string | null {
  const value = item.input[key];
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : null;
}

/** Recomputes the run's counts from its items. */
export async function recountRun(runId: string): Promise<void> {
  const db = await getDb();
  const count = (statuses: string[]) =>
    sql<number>`(select count(*)::int from ${jobItems} where ${jobItems.jobId} = ${runId} and ${jobItems.status} in (${sql.join(
      statuses.map((status) => sql`${status}`),
      sql`, `,
    )}))`;
  await db
    .update(jobRuns)
    .set({ succeeded: count(["ok"]), failed: count(["failed", "skipped"]), unknown: count(["unknown"]) })
    .where(eq(jobRuns.id, runId));
}

/** Records each item's outcome: its row (secret cleared), then the audit log, then the run's counts. */
async function finishItems(
  run: JobRunRow,
  handler: JobHandler,
  items: readonly JobItemRow[],
  outcomes: readonly ItemOutcome[],
): Promise<void> {
  const db = await getDb();
  for (const [index, item] of items.entries()) {
    const outcome: ItemOutcome = outcomes[index] ?? {
      status: "unknown",
      message: "The job did not record what became of this item.",
    };
    await db
      .update(jobItems)
      .set({
        status: outcome.status,
        message: outcome.message.slice(0, 1000),
        finishedAt: new Date(),
        input: sql`${jobItems.input} - ${SEALED_SECRET_KEY}`,
      })
      .where(and(eq(jobItems.jobId, run.id), eq(jobItems.seq, item.seq)));
    await recordAudit({
      actor: actorOf(run),
      action: typeof handler.audit.action === "string" ? handler.audit.action : handler.audit.action(item),
      // A skipped item was never sent: for the audit log, it failed to happen.
      outcome: outcome.status === "skipped" ? "failed" : outcome.status,
      summary: handler.audit.summary(run, item, outcome),
      domain: run.domain,
      pakId: stringInput(item, "bundleId"),
      mailbox: stringInput(item, "userName"),
      details: {
        job: run.id,
        item: item.seq,
        ...(outcome.status === "ok" ? {} : { reason: outcome.message }),
        ...(outcome.readBack ? { settledByReadBack: true } : {}),
      },
      enom: { trackingKey: outcome.trackingKey ?? null, error: outcome.enomError ?? null },
    });
  }
  await recountRun(run.id);
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < list.length; start += Math.max(1, size))
    result.push(list.slice(start, start + size));
  return result;
}

const READ_BACK_FAILED =
  "The panel stopped while this was being sent, and the email service could not be read to check it: it may or may not have been done. Check before trying again.";

/** Items a dead worker sent: read back, never sent again. */
async function settleOrphans(run: JobRunRow, handler: JobHandler): Promise<void> {
  const db = await getDb();
  const orphans = await db
    .select()
    .from(jobItems)
    .where(and(eq(jobItems.jobId, run.id), eq(jobItems.status, "running"), isNotNull(jobItems.sentAt)))
    .orderBy(asc(jobItems.seq));
  for (const chunk of chunks(orphans, handler.batchSize)) {
    let outcomes: ItemOutcome[];
    try {
      outcomes = await handler.readBack(run, chunk);
    } catch (error) {
      logger.warn({ err: error, runId: run.id }, "reading back a job's sent items failed");
      outcomes = chunk.map(() => ({ status: "unknown", message: READ_BACK_FAILED, readBack: true }));
    }
    await finishItems(run, handler, chunk, outcomes);
  }
}

async function nextBatch(runId: string, handler: JobHandler): Promise<JobItemRow[]> {
  const db = await getDb();
  const pending = await db
    .select()
    .from(jobItems)
    .where(and(eq(jobItems.jobId, runId), eq(jobItems.status, "pending")))
    .orderBy(asc(jobItems.seq))
    .limit(handler.batchSize);
  const first = pending[0];
  if (!first) return [];
  const key = handler.batchKey?.(first);
  const end = pending.findIndex((item) => handler.batchKey?.(item) !== key);
  const batch = end === -1 ? pending : pending.slice(0, end);
  // Claimed only while still pending: a cancel (runs.ts cancelRun) may have skipped some.
  const claimed = await db
    .update(jobItems)
    .set({ status: "running", attempts: sql`${jobItems.attempts} + 1` })
    .where(
      and(
        eq(jobItems.jobId, runId),
        eq(jobItems.status, "pending"),
        inArray(
          jobItems.seq,
          batch.map((row) => row.seq),
        ),
      ),
    )
    .returning();
  return claimed.sort((a, b) => a.seq - b.seq);
}

function openSecrets(items: readonly JobItemRow[]): Map<number, string> {
  const secrets = new Map<number, string>();
  for (const item of items) {
    const sealed = item.input[SEALED_SECRET_KEY];
    if (typeof sealed === "string") secrets.set(item.seq, openSecret(sealed));
  }
  return secrets;
}

/**
 * Runs (or resumes) the run. "busy": another worker has it; "not-runnable": it is finished or
 * cancelled. An unexpected error is thrown (pg-boss retries the job, and the retry resumes here).
 */
export async function runJob(
  runId: string,
  handlers: Readonly<Record<string, JobHandler>> = jobHandlers,
): Promise<RunResult> {
  return withRunLock(runId, async (): Promise<RunResult> => {
    const db = await getDb();
    // A cancelled run not yet finished still has sent items to settle: it is run (to its end) too.
    const [run] = await db
      .update(jobRuns)
      .set({
        status: sql`case when ${jobRuns.status} = 'cancelled' then 'cancelled' else 'running' end`,
        startedAt: sql`coalesce(${jobRuns.startedAt}, now())`,
      })
      .where(and(eq(jobRuns.id, runId), isNull(jobRuns.finishedAt), inArray(jobRuns.status, UNFINISHED)))
      .returning();
    if (!run) return "not-runnable";
    const handler = handlers[run.kind];
    if (!handler) {
      await db
        .update(jobRuns)
        .set({ status: "failed", error: `No handler for jobs of kind ${run.kind}.`, finishedAt: new Date() })
        .where(eq(jobRuns.id, runId));
      return "done";
    }

    // Claimed but never sent: nothing went to eNom, so it may go now.
    await db
      .update(jobItems)
      .set({ status: "pending" })
      .where(and(eq(jobItems.jobId, runId), eq(jobItems.status, "running"), isNull(jobItems.sentAt)));
    await settleOrphans(run, handler);

    for (;;) {
      const batch = await nextBatch(runId, handler);
      if (batch.length === 0) break;
      const refused = batch.filter((item) => typeof item.input[REFUSED_KEY] === "string");
      if (refused.length)
        await finishItems(
          run,
          handler,
          refused,
          refused.map((item) => ({ status: "failed", message: String(item.input[REFUSED_KEY]) })),
        );
      const toSend = batch.filter((item) => typeof item.input[REFUSED_KEY] !== "string");
      if (toSend.length === 0) continue;
      const held = await handler.holdBack?.(run, toSend);
      if (held) {
        await finishItems(
          run,
          handler,
          toSend,
          toSend.map(() => ({ status: "skipped", message: held })),
        );
        continue;
      }
      // From here on these items are never sent again, whatever happens to this worker. Only
      // items still claimed are marked: a cancel may have skipped the others a moment ago.
      const marked = await db
        .update(jobItems)
        .set({ sentAt: new Date() })
        .where(
          and(
            eq(jobItems.jobId, runId),
            eq(jobItems.status, "running"),
            inArray(
              jobItems.seq,
              toSend.map((item) => item.seq),
            ),
          ),
        )
        .returning({ seq: jobItems.seq });
      const markedSeqs = new Set(marked.map((row) => row.seq));
      const sending = toSend.filter((item) => markedSeqs.has(item.seq));
      if (sending.length === 0) continue;
      const secrets = openSecrets(sending);
      const outcomes = await handler.send(run, sending, secrets);
      await finishItems(run, handler, sending, outcomes);
    }

    const items = await db
      .select()
      .from(jobItems)
      .where(eq(jobItems.jobId, runId))
      .orderBy(asc(jobItems.seq));
    try {
      await handler.afterRun?.(run, items);
    } catch (error) {
      logger.error({ err: error, runId }, "a job's follow-up after its writes failed");
    }
    if (run.domain) {
      try {
        await refreshDomainsInMirror(run.domain);
      } catch (error) {
        logger.warn({ err: error, runId, domain: run.domain }, "refreshing the mirror after a job failed");
      }
    }
    await recountRun(runId);
    await db
      .update(jobRuns)
      .set({
        status: sql`case when ${jobRuns.status} = 'cancelled' then 'cancelled' else 'done' end`,
        finishedAt: new Date(),
      })
      .where(and(eq(jobRuns.id, runId), inArray(jobRuns.status, UNFINISHED)));
    return "done";
  });
}

/** Marks a run that cannot go on (its retries are spent): unsent items skipped, the reason kept. */
export async function failRun(runId: string, message: string): Promise<void> {
  const db = await getDb();
  const stopped = "Not sent: the job stopped before this item.";
  // Never sent (pending, or claimed without `sent_at`): nothing happened to it.
  await db
    .update(jobItems)
    .set({ status: "skipped", message: stopped, finishedAt: new Date() })
    .where(
      and(
        eq(jobItems.jobId, runId),
        or(eq(jobItems.status, "pending"), and(eq(jobItems.status, "running"), isNull(jobItems.sentAt))),
      ),
    );
  // Sent, outcome never recorded nor read back.
  await db
    .update(jobItems)
    .set({ status: "unknown", message: READ_BACK_FAILED, finishedAt: new Date() })
    .where(and(eq(jobItems.jobId, runId), eq(jobItems.status, "running")));
  await recountRun(runId);
  await db
    .update(jobRuns)
    .set({ status: "failed", error: message.slice(0, 1000), finishedAt: new Date() })
    .where(and(eq(jobRuns.id, runId), inArray(jobRuns.status, ["queued", "running"])));
}
