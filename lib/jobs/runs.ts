import "server-only";
import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { NotFoundError } from "@/lib/auth/errors";
import { isStaffRole } from "@/lib/auth/permissions";
import { sealSecret } from "@/lib/auth/secret-box";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { jobItems, jobRuns, type JobItemRow, type JobRunRow } from "@/lib/db/schema";
import { logger } from "@/lib/logger";
import { SEALED_SECRET_KEY } from "./handler";
import type { JobItemView, JobRunDetail, JobRunView } from "./model";

/**
 * The runs the activity view shows: one job_runs row per job with its progress, one job_items row
 * per item. Creating a run writes both in one transaction, then hands the run's id to pg-boss;
 * reading checks the caller inside (a customer sees only their own customer's runs).
 */

export interface RunActor {
  id: string | null;
  email: string;
  role: string;
}

export interface NewRunItem {
  label: string;
  input: Record<string, unknown>;
  /** A secret the item needs (a new password): sealed in the input, cleared when the item finishes. */
  secret?: string;
}

export interface NewRun {
  kind: string;
  title: string;
  /** Null for the panel's own schedule. */
  actor: RunActor | null;
  customerId: string | null;
  domain: string | null;
  items: readonly NewRunItem[];
}

/** Writes the run and its items; the caller enqueues it (`enqueueRun`). */
export async function insertRun(run: NewRun): Promise<JobRunRow> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(jobRuns)
      .values({
        kind: run.kind,
        title: run.title.slice(0, 300),
        actorId: run.actor?.id ?? null,
        actorEmail: run.actor?.email ?? null,
        actorRole: run.actor?.role ?? null,
        customerId: run.customerId,
        domain: run.domain,
        total: run.items.length,
      })
      .returning();
    if (!row) throw new Error("The job could not be recorded.");
    if (run.items.length)
      await tx.insert(jobItems).values(
        run.items.map((item, index) => ({
          jobId: row.id,
          seq: index + 1,
          label: item.label.slice(0, 300),
          input:
            item.secret === undefined
              ? item.input
              : { ...item.input, [SEALED_SECRET_KEY]: sealSecret(item.secret) },
        })),
      );
    return row;
  });
}

/**
 * Records the run and queues it. If the queue cannot be reached the run stays "queued" and the
 * engine's sweep (engine.ts) queues it again, so a started job is never lost.
 */
export async function createRun(run: NewRun): Promise<JobRunRow> {
  const row = await insertRun(run);
  try {
    const { enqueueRun } = await import("./engine");
    await enqueueRun(row.id);
  } catch (error) {
    logger.error(
      { err: error, runId: row.id },
      "a job was recorded but could not be queued; the sweep will queue it",
    );
  }
  return row;
}

function viewOf(row: JobRunRow): JobRunView {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    status: row.status,
    startedBy: row.actorEmail ?? "Scheduled",
    domain: row.domain,
    total: row.total,
    succeeded: row.succeeded,
    failed: row.failed,
    unknown: row.unknown,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

function itemViewOf(row: JobItemRow): JobItemView {
  return { seq: row.seq, label: row.label, status: row.status, message: row.message };
}

function mayRead(user: SessionUser, run: JobRunRow): boolean {
  if (isStaffRole(user.role)) return true;
  return user.role === "customer" && user.customerId !== null && run.customerId === user.customerId;
}

/** Newest first: every run for staff, their own customer's runs for a customer. */
export async function listRuns(user: SessionUser, options: { limit?: number } = {}): Promise<JobRunView[]> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const db = await getDb();
  if (isStaffRole(user.role)) {
    const rows = await db.select().from(jobRuns).orderBy(desc(jobRuns.createdAt)).limit(limit);
    return rows.map(viewOf);
  }
  if (user.role !== "customer" || !user.customerId) return [];
  const rows = await db
    .select()
    .from(jobRuns)
    .where(eq(jobRuns.customerId, user.customerId))
    .orderBy(desc(jobRuns.createdAt))
    .limit(limit);
  return rows.map(viewOf);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One run with its items; someone else's run is "not found", as one that does not exist. */
export async function getRun(user: SessionUser, id: string): Promise<JobRunDetail> {
  if (!UUID.test(id)) throw new NotFoundError("That job");
  const db = await getDb();
  const [run] = await db.select().from(jobRuns).where(eq(jobRuns.id, id)).limit(1);
  if (!run || !mayRead(user, run)) throw new NotFoundError("That job");
  const items = await db.select().from(jobItems).where(eq(jobItems.jobId, id)).orderBy(asc(jobItems.seq));
  return { ...viewOf(run), items: items.map(itemViewOf) };
}

/** Runs not finished and older than `olderThanMs` (a fresh one is still on its way to a worker). */
export async function listUnfinishedRunIds(options: { olderThanMs: number }): Promise<string[]> {
  const db = await getDb();
  const before = new Date(Date.now() - options.olderThanMs);
  const rows = await db
    .select({ id: jobRuns.id })
    .from(jobRuns)
    .where(
      and(
        // A cancelled run still settling an item a dead worker had sent is unfinished too.
        inArray(jobRuns.status, ["queued", "running", "cancelled"]),
        isNull(jobRuns.finishedAt),
        lt(jobRuns.createdAt, before),
      ),
    )
    .orderBy(asc(jobRuns.createdAt))
    .limit(500);
  return rows.map((row) => row.id);
}

/** A scheduled pass that ran outside the runner (the reminders), for the activity view. */
export async function recordFinishedRun(run: {
  kind: string;
  title: string;
  succeeded: number;
  failed: number;
}): Promise<void> {
  const db = await getDb();
  const now = new Date();
  await db.insert(jobRuns).values({
    kind: run.kind,
    title: run.title.slice(0, 300),
    status: "done",
    total: run.succeeded + run.failed,
    succeeded: run.succeeded,
    failed: run.failed,
    startedAt: now,
    finishedAt: now,
  });
}

/** The run as stored, for a caller who may see it (someone else's is "not found"). */
export async function getRunRow(user: SessionUser, id: string): Promise<JobRunRow> {
  if (!UUID.test(id)) throw new NotFoundError("That job");
  const db = await getDb();
  const [run] = await db.select().from(jobRuns).where(eq(jobRuns.id, id)).limit(1);
  if (!run || !mayRead(user, run)) throw new NotFoundError("That job");
  return run;
}

export type CancelResult =
  { state: "cancelled"; skipped: number; stillSending: number } | { state: "already-finished" };

/**
 * Cancels a queued or running run: its items not yet sent are finished "skipped" (never sent);
 * items already sent to eNom are left to finish, and the run is finished by its worker (or, if
 * none holds it, at once). The claims in runner.ts make this safe against a worker sending at
 * the same moment: an item gets `sent_at` only while still claimed, and is skipped only without.
 * The caller checks who may cancel (lib/actions/jobs.ts).
 */
export async function cancelRun(runId: string, by: string): Promise<CancelResult> {
  const db = await getDb();
  const [run] = await db
    .update(jobRuns)
    .set({ status: "cancelled" })
    .where(and(eq(jobRuns.id, runId), inArray(jobRuns.status, ["queued", "running"])))
    .returning();
  if (!run) return { state: "already-finished" };
  const skipped = await db
    .update(jobItems)
    .set({
      status: "skipped",
      message: `Not sent: the job was cancelled by ${by}.`.slice(0, 1000),
      finishedAt: new Date(),
      input: sql`${jobItems.input} - ${SEALED_SECRET_KEY}`,
    })
    .where(
      and(
        eq(jobItems.jobId, runId),
        or(eq(jobItems.status, "pending"), and(eq(jobItems.status, "running"), isNull(jobItems.sentAt))),
      ),
    )
    .returning({ seq: jobItems.seq });
  const sending = await db
    .select({ seq: jobItems.seq })
    .from(jobItems)
    .where(and(eq(jobItems.jobId, runId), eq(jobItems.status, "running")));
  const { recountRun, isRunLocked } = await import("./runner");
  await recountRun(runId);
  // Nobody holds it and nothing is in flight: it is finished now. Otherwise its worker (or, for a
  // dead worker's sent items, the sweep's resume) finishes it after settling what was sent.
  if (sending.length === 0 && !(await isRunLocked(runId)))
    await db
      .update(jobRuns)
      .set({ finishedAt: new Date() })
      .where(and(eq(jobRuns.id, runId), isNull(jobRuns.finishedAt)));
  return { state: "cancelled", skipped: skipped.length, stillSending: sending.length };
}
