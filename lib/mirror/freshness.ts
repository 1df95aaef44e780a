import "server-only";
import { logger } from "@/lib/logger";
import type { MirrorStatus } from "./status";
import { lastCompletedSync, latestSync, runningSync } from "./queries";
import { keptUntilMirrorChanges } from "./version";
import { refreshDomain, runFullSync } from "./sync";

export type { MirrorStatus } from "./status";

/**
 * How the mirror stays fresh without a page ever waiting on eNom: a domain viewed whose read is
 * older than MIRROR_FRESH_MS (default a minute) is read again behind the view, once per domain at
 * a time in this process (two instances reading the same domain at once is harmless: each
 * rewrites it whole). The first start has no mirror yet: `ensureMirrorSynced` runs the full sync
 * once, behind the pages that ask for it.
 */

const DEFAULT_FRESH_MS = 60_000;

/**
 * How old a domain's read may be before a view reads it again behind the page (env
 * MIRROR_FRESH_MS, checked at start by lib/env.ts; read here on each call so a test can vary it).
 */
export function mirrorFreshMs(): number {
  const raw = process.env.MIRROR_FRESH_MS;
  if (raw === undefined || raw.trim() === "") return DEFAULT_FRESH_MS;
  const value = Number(raw);
  return Number.isInteger(value) && value >= 0 ? value : DEFAULT_FRESH_MS;
}

// On globalThis, so that every route bundle of this process shares one set of reads in flight.
const STATE = Symbol.for("mailpak.mirrorFreshness");
interface FreshnessState {
  refreshing: Map<string, Promise<void>>;
  /** Reads started by the panel's own writes, which a view of that domain waits for. */
  afterWrite: Map<string, Promise<void>>;
  sync?: Promise<void>;
  /** When the last first-start sync failed; it is tried again a minute later, not on every view. */
  syncFailedAt?: number;
}
type StateHolder = { [STATE]?: FreshnessState };

function state(): FreshnessState {
  const holder = globalThis as StateHolder;
  holder[STATE] ??= { refreshing: new Map(), afterWrite: new Map() };
  return holder[STATE];
}

/** Whether a read made at `readAt` is old enough to be read again. */
export function isStale(readAt: Date | null, now = new Date()): boolean {
  return !readAt || now.getTime() - readAt.getTime() >= mirrorFreshMs();
}

/**
 * Reads the domain again behind the caller (never awaited by a view). One read per domain at a
 * time: a second call while one runs shares it. Failures are recorded on the domain's row.
 */
export function refreshInBackground(domain: string): Promise<void> {
  const name = domain.toLowerCase();
  const { refreshing } = state();
  const running = refreshing.get(name);
  if (running) return running;
  const read = refreshDomain(name)
    .then(() => undefined)
    .catch(() => undefined)
    .finally(() => refreshing.delete(name));
  refreshing.set(name, read);
  return read;
}

/**
 * Notes the read a write of the panel started for `domain` (refresh.ts), so that a view of that
 * domain in this process waits for it and shows the write, not the read before it.
 */
export function trackWriteRefresh(domain: string, read: Promise<void>): Promise<void> {
  const { afterWrite } = state();
  afterWrite.set(domain, read);
  void read.finally(() => {
    if (afterWrite.get(domain) === read) afterWrite.delete(domain);
  });
  return read;
}

/** The read a write started for this domain and that is still under way, if any. */
export function writeRefreshOf(domain: string): Promise<void> | undefined {
  return state().afterWrite.get(domain);
}

/** Resolves when every background read started so far has ended (for tests and shutdown). */
export async function backgroundReadsSettled(): Promise<void> {
  const { refreshing, afterWrite, sync } = state();
  await Promise.all([...refreshing.values(), ...afterWrite.values(), sync]);
}

const SYNC_RETRY_MS = 60_000;

/**
 * Starts the first full sync when the mirror has never completed one (single-flight in this
 * process; another instance's sync under way is waited out, not doubled) and says where it is.
 * Never waits for the sync itself.
 */
export async function ensureMirrorSynced(now = new Date()): Promise<MirrorStatus> {
  // Kept until the mirror changes (a sync's rows are mirror tables too: lib/mirror/version).
  const done = await keptUntilMirrorChanges("sync:last-completed", lastCompletedSync);
  if (done?.finishedAt) return { state: "synced", syncedAt: done.finishedAt.toISOString() };
  const current = state();
  const running = await runningSync(now);
  if (running) return { state: "syncing", read: running.domainsRead, total: running.domainsListed };
  const failedRecently =
    current.syncFailedAt !== undefined && now.getTime() - current.syncFailedAt < SYNC_RETRY_MS;
  if (!current.sync && !failedRecently) {
    current.sync = runFullSync()
      .then(() => {
        current.syncFailedAt = undefined;
      })
      .catch((error: unknown) => {
        current.syncFailedAt = Date.now();
        logger.warn({ err: error }, "the first sync of the account mirror failed");
      })
      .finally(() => {
        current.sync = undefined;
      });
    return { state: "syncing", read: null, total: null };
  }
  if (current.sync) return { state: "syncing", read: null, total: null };
  const latest = await latestSync();
  return { state: "failed", error: latest?.error ?? "The account could not be read yet." };
}
