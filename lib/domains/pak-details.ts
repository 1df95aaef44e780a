import "server-only";
import { getEnomClient } from "@/lib/enom";
import type { DomainEmail } from "@/lib/enom/types";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import type { CapacityGb } from "@/lib/validation/enom-rules";
import { createSnapshotCache, type SnapshotCache } from "./account-cache";
import { failsEveryRead, upstreamFailureKind, type UpstreamFailureKind } from "./upstream-failure";

/**
 * Pak details: what GetPOP3 says about a domain's paks that the account-wide GetPOPExpirations
 * does not (how many mailboxes each pak holds and has free, its quota, product type and
 * auto-renew; GetPOPExpirations carries only domain, pak and expiry: enom-api.md). One GetPOP3
 * per domain, so N domains with email cost N calls: each domain's answer is kept in the same kind
 * of shared copy as the account list (account-cache.ts), read by at most a few calls at a time,
 * the domains a page shows first, and dropped when the panel writes to that domain.
 *
 * The scale limit: an account with 10,000 domains with email needs 10,000 GetPOP3 calls to know
 * every pak's size. Pages never wait for all of them: they wait a few seconds, show what is read,
 * mark the rest "not loaded yet", and the reading goes on behind. (Issue 15 replaces this with a
 * PostgreSQL mirror of the account.)
 */

/** One pak as GetPOP3's `Paks/Pak` has it. */
export interface PakDetail {
  bundleId: number;
  qtyPurchased: number;
  qtyAvailable: number;
  quotaMb: number | null;
  capacityGb: CapacityGb | null;
  /** 38 a classic 10-pak, 2011 a Mailbox pak; null when eNom did not say. */
  prodType: number | null;
  autoRenew: boolean;
  /** ISO calendar date. */
  expires: string;
}

/** A domain's paks and its mailboxes' storage, as one GetPOP3 answered. */
export interface DomainPakDetails {
  domain: string;
  paks: PakDetail[];
  /** Mailboxes eNom listed. */
  mailboxes: number;
  /** Sum of the mailboxes' `quotaused`, MB; null when a mailbox did not report it. */
  storageUsedMb: number | null;
  /** Sum of the mailboxes' `quota`, MB; null when a mailbox did not report it. */
  storageQuotaMb: number | null;
}

/** What the panel knows of one domain's details right now. */
export type PakDetailsRead =
  | { state: "loaded"; details: DomainPakDetails; readAt: string; stale: boolean }
  /** Not read yet, or being read: shown as "not loaded yet", never as zero. */
  | { state: "not-loaded" }
  | { state: "failed"; failure: UpstreamFailureKind };

export type PakDetailsMap = ReadonlyMap<string, PakDetailsRead>;

/** GetPOP3's answer reduced to the details; pure. */
export function toDomainPakDetails(
  domain: string,
  email: Pick<DomainEmail, "paks" | "mailboxes">,
): DomainPakDetails {
  let used: number | null = 0;
  let quota: number | null = 0;
  for (const mailbox of email.mailboxes) {
    used = used === null || mailbox.quotaUsedMb === null ? null : used + mailbox.quotaUsedMb;
    quota = quota === null || mailbox.quotaMb === null ? null : quota + mailbox.quotaMb;
  }
  return {
    domain: domain.toLowerCase(),
    paks: email.paks.map((pak) => ({
      bundleId: pak.bundleId,
      qtyPurchased: pak.qtyPurchased,
      qtyAvailable: pak.qtyAvailable,
      quotaMb: pak.quotaMb,
      capacityGb: pak.capacityGb,
      prodType: pak.prodType,
      autoRenew: pak.autoRenew,
      expires: pak.expires.iso,
    })),
    mailboxes: email.mailboxes.length,
    storageUsedMb: used,
    storageQuotaMb: quota,
  };
}

/** The details of one pak of a domain, when that domain's details are read and list it. */
export function pakDetailOf(read: PakDetailsRead | undefined, bundleId: number): PakDetail | null {
  return read?.state === "loaded"
    ? (read.details.paks.find((pak) => pak.bundleId === bundleId) ?? null)
    : null;
}

// ── The reader ─────────────────────────────────────────────────────────────────────────────

/** A read GetPOP3 is used for five minutes, then for up to an hour while a new one loads behind it. */
export const PAK_DETAILS_TTL_MS = 5 * 60_000;
export const PAK_DETAILS_REFRESH_IN_BACKGROUND_MS = 55 * 60_000;
/** How long a page waits for the details of what it shows before showing the rest as not loaded. */
export const PAK_DETAILS_PAGE_WAIT_MS = 5_000;

export interface PakDetailsReader {
  /**
   * The details of these domains: each one read (or still fresh), at most `waitMs` waited for;
   * the ones not read by then are `not-loaded` and keep loading behind. Domains are read in the
   * order given, ahead of any older reads still waiting.
   */
  read(domains: Iterable<string>, options?: { waitMs?: number }): Promise<Map<string, PakDetailsRead>>;
  /** What is known of these domains now, without reading eNom. */
  peek(domains: Iterable<string>): Map<string, PakDetailsRead>;
  /** After a write: these domains' details (all, without a list) are read afresh next time. */
  invalidate(domains?: Iterable<string>): void;
}

export interface PakDetailsReaderOptions {
  /** GetPOP3 calls at a time. */
  concurrency: number;
  ttlMs?: number;
  refreshInBackgroundMs?: number;
  now?: () => number;
}

export function createPakDetailsReader(
  fetchDetails: (domain: string) => Promise<DomainPakDetails>,
  options: PakDetailsReaderOptions,
): PakDetailsReader {
  const queue = createReadQueue(options.concurrency);
  const caches = new Map<string, SnapshotCache<DomainPakDetails>>();
  /** The latest read of a domain failed and it has no copy to show (cleared by a success). */
  const failures = new Map<string, UpstreamFailureKind>();

  function cacheOf(domain: string): SnapshotCache<DomainPakDetails> {
    let cache = caches.get(domain);
    if (!cache) {
      cache = createSnapshotCache(
        () =>
          queue
            .run(domain, () => fetchDetails(domain))
            .then(
              (details) => {
                failures.delete(domain);
                return details;
              },
              (error: unknown) => {
                failures.set(domain, failureOf(domain, error));
                // eNom down or refusing the login: the reads still queued would fail the same way.
                if (failsEveryRead(error)) queue.giveUpWaiting(error);
                throw error;
              },
            ),
        {
          ttlMs: options.ttlMs ?? PAK_DETAILS_TTL_MS,
          refreshInBackgroundMs: options.refreshInBackgroundMs ?? PAK_DETAILS_REFRESH_IN_BACKGROUND_MS,
          now: options.now,
        },
      );
      caches.set(domain, cache);
    }
    return cache;
  }

  function known(domain: string): PakDetailsRead {
    const copy = caches.get(domain)?.peek();
    if (copy)
      return {
        state: "loaded",
        details: copy.value,
        readAt: copy.fetchedAt.toISOString(),
        stale: copy.stale,
      };
    const failure = failures.get(domain);
    return failure ? { state: "failed", failure } : { state: "not-loaded" };
  }

  return {
    async read(domains, { waitMs = PAK_DETAILS_PAGE_WAIT_MS } = {}) {
      const names = distinct(domains);
      const settled = new Map<string, PakDetailsRead>();
      const reads = names.map((name) =>
        cacheOf(name)
          .get()
          .then(
            (copy) => {
              settled.set(name, {
                state: "loaded",
                details: copy.value,
                readAt: copy.fetchedAt.toISOString(),
                stale: copy.stale,
              });
            },
            (error: unknown) => {
              const failure = failures.get(name) ?? upstreamFailureKind(error) ?? "not-understood";
              settled.set(name, { state: "failed", failure });
            },
          ),
      );
      queue.putFirst(names);
      await untilOrAfter(Promise.all(reads), waitMs);
      return new Map(names.map((name) => [name, settled.get(name) ?? known(name)]));
    },
    peek(domains) {
      return new Map(distinct(domains).map((name) => [name, known(name)]));
    },
    invalidate(domains) {
      const names = domains ? distinct(domains) : [...caches.keys()];
      for (const name of names) {
        caches.get(name)?.invalidate();
        failures.delete(name);
      }
    },
  };
}

/** What to show for a failed read; anything but eNom's own failures (a bug, a name the client refuses) is logged. */
function failureOf(domain: string, error: unknown): UpstreamFailureKind {
  const kind = upstreamFailureKind(error);
  if (kind) return kind;
  logger.warn({ err: error, domain }, "reading a domain's pak details failed");
  return "not-understood";
}

function distinct(domains: Iterable<string>): string[] {
  return [...new Set([...domains].map((domain) => domain.toLowerCase()))];
}

/** Resolves when `work` settles or after `ms`, whichever is first; never rejects. */
function untilOrAfter(work: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref?.();
    work.then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      () => {
        clearTimeout(timer);
        resolve();
      },
    );
  });
}

interface Waiting {
  key: string;
  start: () => void;
  reject: (error: unknown) => void;
  done: boolean;
}

/**
 * At most `concurrency` reads at a time. Waiting reads are kept in batches, the newest batch
 * served first (a page's own domains go ahead of a long read of the whole account), each batch
 * in its own order.
 */
function createReadQueue(concurrency: number) {
  let active = 0;
  const waiting = new Map<string, Waiting[]>();
  const batches: { entries: Waiting[]; next: number }[] = [{ entries: [], next: 0 }];
  const givenUp = new WeakSet<object>();

  function take(): Waiting | undefined {
    for (let index = batches.length - 1; index >= 0; index -= 1) {
      const batch = batches[index];
      if (!batch) continue;
      while (batch.next < batch.entries.length) {
        const entry = batch.entries[batch.next];
        batch.next += 1;
        if (entry && !entry.done) return entry;
      }
      if (index > 0) batches.splice(index, 1);
      else batches[0] = { entries: [], next: 0 };
    }
    return undefined;
  }

  function pump(): void {
    while (active < concurrency) {
      const entry = take();
      if (!entry) return;
      entry.done = true;
      const list = waiting.get(entry.key)?.filter((other) => other !== entry) ?? [];
      if (list.length) waiting.set(entry.key, list);
      else waiting.delete(entry.key);
      entry.start();
    }
  }

  return {
    run<T>(key: string, task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const entry: Waiting = {
          key,
          done: false,
          reject,
          start: () => {
            active += 1;
            task()
              .then(resolve, reject)
              .finally(() => {
                active -= 1;
                pump();
              });
          },
        };
        waiting.set(key, [...(waiting.get(key) ?? []), entry]);
        batches[0]?.entries.push(entry);
        pump();
      });
    },
    /** These keys' waiting reads go first, in this order. */
    putFirst(keys: readonly string[]): void {
      const entries = keys.flatMap((key) => waiting.get(key) ?? []);
      if (!entries.length) return;
      // The same entry may now sit in two batches; whichever is reached first starts it.
      batches.push({ entries, next: 0 });
    },
    /** Every waiting read fails with `error` at once (it would only wait out the same failure). */
    giveUpWaiting(error: unknown): void {
      // The reads given up fail with this same error; they must not give up the next ones too.
      if (typeof error === "object" && error !== null) {
        if (givenUp.has(error)) return;
        givenUp.add(error);
      }
      for (const list of waiting.values())
        for (const entry of list) {
          entry.done = true;
          entry.reject(error);
        }
      waiting.clear();
      batches.splice(0, batches.length, { entries: [], next: 0 });
    },
  };
}

// ── The app's reader ───────────────────────────────────────────────────────────────────────

async function fetchFromEnom(domain: string): Promise<DomainPakDetails> {
  return toDomainPakDetails(domain, await getEnomClient().getPop3({ domain }));
}

// On globalThis, like the account copy, so every route bundle of this process shares it.
const READER = Symbol.for("mailpak.pakDetails");
type ReaderHolder = { [READER]?: PakDetailsReader };

/**
 * The panel's one pak details reader. Half the client's connection cap, so the domain pages' own
 * reads and the panel's writes still get through while a whole account is being read.
 */
export function pakDetailsReader(): PakDetailsReader {
  const holder = globalThis as ReaderHolder;
  if (!holder[READER]) {
    const concurrency = Math.max(1, Math.floor(getEnv().ENOM_MAX_CONCURRENCY / 2));
    holder[READER] = createPakDetailsReader(fetchFromEnom, { concurrency });
  }
  return holder[READER];
}
