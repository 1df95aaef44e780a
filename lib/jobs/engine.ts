import "server-only";
import { getEnv } from "@/lib/env";
import { desc, isNotNull } from "drizzle-orm";
import PgBoss from "pg-boss";
import { getDatabaseHandle, getDb } from "@/lib/db";
import { mirrorSyncs } from "@/lib/db/schema";
import { logger } from "@/lib/logger";
import { failRun, runJob } from "./runner";
import { createRun, listUnfinishedRunIds, recordFinishedRun } from "./runs";
import { isRunLocked } from "./runner";
import { REMINDER_SCHEDULE } from "@/lib/reminders/schedule";
import { MAIL_HEALTH_SCHEDULE } from "@/lib/mail-health/recheck";
import { MIRROR_SYNC_KIND } from "./kinds/scheduled";

/**
 * The job engine: pg-boss 10 in the app's own PostgreSQL (schema `pgboss`), one instance per
 * process. A job run's id goes on the `job-runs` queue; whichever worker of whichever panel
 * instance fetches it runs it (runner.ts keeps it to one runner per run even if pg-boss hands it
 * out twice). A worker that dies leaves its pg-boss job active until it expires and is retried;
 * the sweep (at start and every minute) queues at once any unfinished run nobody holds.
 */

export const JOB_SCHEMA = "pgboss";
export const RUN_QUEUE = "job-runs";
const SWEEP_QUEUE = "job-runs-sweep";
const REMINDERS_QUEUE = "reminders-send";
const MIRROR_SYNC_QUEUE = "mirror-sync";
const STORAGE_ALERTS_QUEUE = "storage-alerts-send";
const MAIL_HEALTH_QUEUE = "mail-health-check";
/** One attempt of one webhook delivery (lib/webhooks/deliver.ts); retries are queued by it. */
export const WEBHOOK_QUEUE = "webhook-deliveries";
const WEBHOOK_SWEEP_QUEUE = "webhook-deliveries-sweep";
/** A pending delivery this overdue lost its queued job (a crash, a failed queueing): queued again. */
const WEBHOOK_OVERDUE_MS = 30_000;

/** Workers per instance taking job runs: two long imports can run side by side. */
const RUN_WORKERS = 2;
/** A full sync is due at start when the last one finished longer ago than this. */
const SYNC_MAX_AGE_MS = 24 * 60 * 60 * 1000;

interface RunJobData {
  runId: string;
}

interface WebhookJobData {
  deliveryId: string;
}

export interface JobEngine {
  boss: PgBoss;
  /** Whether this instance runs jobs (or only queues them). */
  working: boolean;
  stop(): Promise<void>;
}

/** The app's database as a connection string (embedded PostgreSQL or DATABASE_URL). */
async function databaseUrl(): Promise<string> {
  return (await getDatabaseHandle()).url;
}

async function createQueues(boss: PgBoss): Promise<void> {
  // A run holds its items' progress in job_runs; pg-boss only has to hand it out again if a
  // worker died. Long enough for a 100-pak renewal at eNom's 5 s a write.
  await boss.createQueue(RUN_QUEUE, {
    name: RUN_QUEUE,
    retryLimit: 5,
    retryDelay: 30,
    retryBackoff: true,
    expireInSeconds: 60 * 60,
  });
  // The delivery row holds the attempts and the backoff; pg-boss only wakes it up, and tries
  // again if the panel itself failed (the claim keeps a delivery to one sender).
  await boss.createQueue(WEBHOOK_QUEUE, {
    name: WEBHOOK_QUEUE,
    retryLimit: 3,
    retryDelay: 10,
    expireInSeconds: 2 * 60,
  });
  // At most one queued and one running per schedule, however many instances ask.
  for (const name of [
    SWEEP_QUEUE,
    REMINDERS_QUEUE,
    MIRROR_SYNC_QUEUE,
    STORAGE_ALERTS_QUEUE,
    MAIL_HEALTH_QUEUE,
    WEBHOOK_SWEEP_QUEUE,
  ])
    await boss.createQueue(name, {
      name,
      policy: "stately",
      retryLimit: 2,
      retryDelay: 60,
      expireInSeconds: 2 * 60 * 60,
    });
}

/**
 * A started pg-boss on `url`. `working`: also its maintenance (expiry of dead workers' jobs) and
 * cron; the workers themselves are added by `startWorkers`. Tests make several to act as
 * several panel instances.
 */
export async function createJobEngine(options: { url: string; working: boolean }): Promise<JobEngine> {
  const boss = new PgBoss({
    connectionString: options.url,
    schema: JOB_SCHEMA,
    max: 4,
    application_name: "mailpak-jobs",
    supervise: options.working,
    schedule: options.working,
  });
  boss.on("error", (error) => logger.warn({ err: error }, "job engine: a database call failed"));
  await boss.start();
  await createQueues(boss);
  return {
    boss,
    working: options.working,
    stop: () => boss.stop({ graceful: true, timeout: 30_000, wait: true }),
  };
}

/** Takes runs off the queue and runs them; gives up a run after pg-boss's last retry. */
export async function startWorkers(
  engine: JobEngine,
  options: { pollingIntervalSeconds?: number; schedules?: boolean } = {},
): Promise<void> {
  const { boss } = engine;
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  for (let worker = 0; worker < RUN_WORKERS; worker++)
    await boss.work<RunJobData>(
      RUN_QUEUE,
      { pollingIntervalSeconds, batchSize: 1, includeMetadata: true },
      async (jobs) => {
        for (const job of jobs) {
          const { runId } = job.data;
          try {
            await runJob(runId);
          } catch (error) {
            logger.error(
              { err: error, runId, retry: job.retryCount },
              "a job run failed; pg-boss retries it",
            );
            if (job.retryCount >= job.retryLimit) {
              await failRun(
                runId,
                "The job stopped on an error in the panel and was given up after several tries.",
              );
              return;
            }
            throw error;
          }
        }
      },
    );
  await boss.work(SWEEP_QUEUE, { pollingIntervalSeconds }, () => sweep(engine));
  await boss.work(REMINDERS_QUEUE, { pollingIntervalSeconds }, () => sendReminders());
  await boss.work(MIRROR_SYNC_QUEUE, { pollingIntervalSeconds }, () => queueMirrorSync());
  await boss.work(STORAGE_ALERTS_QUEUE, { pollingIntervalSeconds }, () => sendStorageAlerts());
  await boss.work(MAIL_HEALTH_QUEUE, { pollingIntervalSeconds }, () => recheckMailHealth());
  // Receivers wait on these: polled at least every second, several attempts side by side (a slow
  // receiver holds one for up to 10 s).
  const enqueue = (ids: string[], startAfter?: Date) => queueWebhookDeliveries(boss, ids, startAfter);
  await boss.work<WebhookJobData>(
    WEBHOOK_QUEUE,
    { pollingIntervalSeconds: Math.min(pollingIntervalSeconds, 1), batchSize: 10 },
    async (jobs) => {
      const { attemptDelivery } = await import("@/lib/webhooks/deliver");
      await Promise.all(jobs.map((job) => attemptDelivery(job.data.deliveryId, enqueue)));
    },
  );
  await boss.work(WEBHOOK_SWEEP_QUEUE, { pollingIntervalSeconds }, () => sweepWebhookDeliveries(engine));
  if (options.schedules === false) return;
  await boss.schedule(SWEEP_QUEUE, "* * * * *", {}, { tz: "UTC" });
  await boss.schedule(REMINDERS_QUEUE, REMINDER_SCHEDULE, {}, { tz: "UTC" });
  await boss.schedule(MIRROR_SYNC_QUEUE, "30 2 * * *", {}, { tz: "UTC" });
  // Storage alerts read the mirror in one pass on a schedule, never inside a mirror write (which
  // should not wait on a mail server); each alert is claimed in the database before its email.
  await boss.schedule(STORAGE_ALERTS_QUEUE, getEnv().STORAGE_ALERT_SCHEDULE, {}, { tz: "UTC" });
  await boss.schedule(MAIL_HEALTH_QUEUE, MAIL_HEALTH_SCHEDULE, {}, { tz: "UTC" });
  await boss.schedule(WEBHOOK_SWEEP_QUEUE, "* * * * *", {}, { tz: "UTC" });
  // At start: resume what a stopped instance left, send the reminders a minute later (a restart
  // loop does not hammer eNom) and the storage alerts a minute after that, and sync the mirror if
  // it has not been for a day.
  await boss.send(SWEEP_QUEUE, {});
  await boss.send(WEBHOOK_SWEEP_QUEUE, {});
  await boss.send(REMINDERS_QUEUE, {}, { startAfter: 60 });
  await boss.send(STORAGE_ALERTS_QUEUE, {}, { startAfter: 120 });
  await boss.send(MAIL_HEALTH_QUEUE, {}, { startAfter: 180 });
  if (await syncIsDue()) await boss.send(MIRROR_SYNC_QUEUE, {});
}

/**
 * Queues every unfinished run that no worker holds (its worker died, or its queueing failed).
 * A run queued twice is harmless: the second worker finds it held or finished.
 */
export async function sweep(engine: JobEngine): Promise<number> {
  let queued = 0;
  for (const runId of await listUnfinishedRunIds({ olderThanMs: 30_000 })) {
    if (await isRunLocked(runId)) continue;
    await engine.boss.send(RUN_QUEUE, { runId } satisfies RunJobData);
    queued += 1;
  }
  if (queued) logger.info({ queued }, "job engine: resumed unfinished runs");
  return queued;
}

/**
 * Queues the webhook deliveries that are due but lost their queued job (a worker died mid-send
 * and its lease ran out, or queueing failed after the event was recorded).
 */
export async function sweepWebhookDeliveries(engine: JobEngine): Promise<number> {
  const { listOverdueDeliveryIds } = await import("@/lib/webhooks/queries");
  const ids = await listOverdueDeliveryIds(WEBHOOK_OVERDUE_MS, 1000);
  await queueWebhookDeliveries(engine.boss, ids);
  if (ids.length) logger.info({ queued: ids.length }, "job engine: queued overdue webhook deliveries");
  return ids.length;
}

async function queueWebhookDeliveries(
  boss: PgBoss,
  ids: readonly string[],
  startAfter?: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await boss.insert(
    ids.map((deliveryId) => ({
      name: WEBHOOK_QUEUE,
      data: { deliveryId } satisfies WebhookJobData,
      ...(startAfter ? { startAfter } : {}),
    })),
  );
}

async function sendReminders(): Promise<void> {
  // Webhook receivers hear of paks expiring and expired whatever the emails do.
  try {
    const { announcePakExpiries } = await import("@/lib/webhooks/sources");
    await announcePakExpiries();
  } catch (error) {
    logger.warn({ err: error }, "webhooks: the pak expiry events could not be announced");
  }
  const { sendRenewalReminders } = await import("@/lib/reminders/send-reminders");
  const result = await sendRenewalReminders();
  if (!result.sent && !result.failed) return;
  logger.info(result, "renewal reminders sent");
  await recordFinishedRun({
    kind: "reminders.send",
    title: `Renewal reminders: ${result.sent} sent${result.failed ? `, ${result.failed} failed` : ""}`,
    succeeded: result.sent,
    failed: result.failed,
  });
}

async function sendStorageAlerts(): Promise<void> {
  const { sendStorageAlerts: send } = await import("@/lib/storage-alerts/send-alerts");
  const result = await send();
  if (!result.sent && !result.failed) return;
  logger.info(result, "storage alerts sent");
  await recordFinishedRun({
    kind: "storage-alerts.send",
    title: `Storage alerts: ${result.sent} sent${result.failed ? `, ${result.failed} failed` : ""}`,
    succeeded: result.sent,
    failed: result.failed,
  });
}

async function recheckMailHealth(): Promise<void> {
  const { recheckMailHealth: recheck } = await import("@/lib/mail-health/recheck");
  const result = await recheck();
  if (!result.checked && !result.failed) return;
  logger.info(result, "mail delivery checked");
  await recordFinishedRun({
    kind: "mail-health.check",
    title: `Mail delivery checked: ${result.checked} domains${result.changed ? `, ${result.changed} changed` : ""}${result.failed ? `, ${result.failed} could not be checked` : ""}`,
    succeeded: result.checked,
    failed: result.failed,
  });
}

async function syncIsDue(): Promise<boolean> {
  const db = await getDb();
  const [last] = await db
    .select({ finishedAt: mirrorSyncs.finishedAt })
    .from(mirrorSyncs)
    .where(isNotNull(mirrorSyncs.finishedAt))
    .orderBy(desc(mirrorSyncs.finishedAt))
    .limit(1);
  return !last?.finishedAt || Date.now() - last.finishedAt.getTime() > SYNC_MAX_AGE_MS;
}

/** The nightly (and first) full sync, as a run the activity view shows. */
async function queueMirrorSync(): Promise<void> {
  await createRun({
    kind: MIRROR_SYNC_KIND,
    title: "Full sync of the account from the email service",
    actor: null,
    customerId: null,
    domain: null,
    items: [{ label: "Every domain of the account", input: {} }],
  });
}

// ── The process's own engine ─────────────────────────────────────────────────────────────────

const globalForJobs = globalThis as unknown as {
  mailpakJobEngine?: Promise<JobEngine>;
  mailpakJobWorkers?: Promise<void>;
};

/** This process's engine; started on first use (to queue only, unless `startJobWorkers` ran). */
export function getJobEngine(): Promise<JobEngine> {
  globalForJobs.mailpakJobEngine ??= (async () =>
    createJobEngine({ url: await databaseUrl(), working: false }))();
  return globalForJobs.mailpakJobEngine;
}

/** Queues webhook deliveries recorded by lib/webhooks (each attempt claims its row first). */
export async function enqueueWebhookDeliveries(ids: readonly string[], startAfter?: Date): Promise<void> {
  const engine = await getJobEngine();
  await queueWebhookDeliveries(engine.boss, ids, startAfter);
}

/** Puts a run on the queue. */
export async function enqueueRun(runId: string): Promise<void> {
  const engine = await getJobEngine();
  await engine.boss.send(RUN_QUEUE, { runId } satisfies RunJobData);
}

/**
 * Starts this process's workers and schedules (from lib/startup.ts; not under NODE_ENV=test
 * unless a test calls it). Stopped gracefully on SIGTERM: running items finish, then it stops.
 */
export function startJobWorkers(options: { pollingIntervalSeconds?: number } = {}): Promise<void> {
  globalForJobs.mailpakJobWorkers ??= (async () => {
    globalForJobs.mailpakJobEngine ??= (async () =>
      createJobEngine({ url: await databaseUrl(), working: true }))();
    const engine = await globalForJobs.mailpakJobEngine;
    await startWorkers(engine, { ...options, schedules: engine.working });
    process.once("SIGTERM", () => {
      void stopJobEngine()
        .catch((error: unknown) => logger.warn({ err: error }, "job engine: stopping failed"))
        .finally(() => {
          // If nothing else handles SIGTERM (Next's server does), end as Node would without this.
          if (process.listenerCount("SIGTERM") === 0) process.kill(process.pid, "SIGTERM");
        });
    });
  })();
  return globalForJobs.mailpakJobWorkers;
}

export async function stopJobEngine(): Promise<void> {
  const engine = globalForJobs.mailpakJobEngine;
  globalForJobs.mailpakJobEngine = undefined;
  globalForJobs.mailpakJobWorkers = undefined;
  if (engine) await (await engine).stop();
}
