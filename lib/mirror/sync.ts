import "server-only";
import { describeUpstreamFailure } from "@/lib/domains/upstream-failure";
import { getEnomClient, type EnomClient } from "@/lib/enom";
import type { DomainEmail } from "@/lib/enom/types";
import { logger } from "@/lib/logger";
import {
  domainsWithEmail,
  markListed,
  markWithoutEmail,
  recordDomainReadError,
  removeUnlisted,
  replaceExpirations,
  startSyncRow,
  updateSyncRow,
  writeDomainRead,
  type DomainRead,
} from "./queries";

/**
 * Fills the account mirror from eNom. A full sync lists the account the way eNom's documents
 * allow for large accounts: GetDomains on both tabs, IOwn and IHost, at most 100 names a page
 * (docs/enom.md "GetDomains"; GetAllDomains "can time out for accounts with more than 200 domain
 * names"), and GetPOPExpirations, one call that lists every pak of the account (docs/enom.md
 * "GetPOPExpirations"), to know which domains have email. Only those are read one by one
 * (GetPOP3, GetPOPForwarding, GetCatchAll), a few at a time. Each domain is rewritten whole in
 * one transaction; a domain whose read fails keeps its old rows and records why.
 */

/** GetPOP3/GetPOPForwarding/GetCatchAll reads at a time during a full sync. */
export const SYNC_CONCURRENCY = 4;
/** How often (in domains read) a sync writes its progress for the "N of M" notice. */
const PROGRESS_EVERY = 10;

export interface SyncResult {
  generation: number;
  domainsListed: number;
  domainsRead: number;
  /** Domains whose read failed (they keep their old rows). */
  domainsFailed: number;
  domainsRemoved: number;
  enomCalls: number;
  durationMs: number;
}

/** Counts the eNom commands a sync sends, so mirror_syncs can say what a sync cost. */
function countingCalls(client: EnomClient) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    add(n: number) {
      calls += n;
    },
    client,
  };
}

/** A domain read failed: the words a user reads (never eNom's name: customers see it too). */
export function readErrorText(error: unknown): string {
  const failure = describeUpstreamFailure(error, "this domain's email", "The email service");
  return failure?.message ?? "Reading this domain failed on our side; it will be tried again.";
}

/** GetPOP3's answer as mirror rows; the passwords eNom sends never get this far (the parser drops them). */
function toRows(email: DomainEmail): Pick<DomainRead, "paks" | "mailboxes"> {
  const domain = `${email.domain.sld}.${email.domain.tld}`.toLowerCase();
  const mailboxes = new Map<string, DomainRead["mailboxes"][number]>();
  for (const mailbox of email.mailboxes) {
    // Kept as eNom spells it (it is what people typed); eNom compares names without case, so one
    // row per name in any case, and the address is lower-cased for search.
    const key = mailbox.userName.toLowerCase();
    mailboxes.set(key, {
      userName: mailbox.userName,
      address: `${key}@${domain}`,
      bundleId: mailbox.bundleId,
      isAdmin: mailbox.isAdmin,
      quotaMb: mailbox.quotaMb,
      quotaUsedMb: mailbox.quotaUsedMb === null ? null : Math.round(mailbox.quotaUsedMb),
      expires: mailbox.expires?.iso ?? null,
    });
  }
  const paks = new Map<number, DomainRead["paks"][number]>();
  for (const pak of email.paks)
    paks.set(pak.bundleId, {
      bundleId: pak.bundleId,
      capacityGb: pak.capacityGb,
      quotaMb: pak.quotaMb,
      purchased: pak.qtyPurchased,
      available: pak.qtyAvailable,
      expires: pak.expires.iso,
      autoRenew: pak.autoRenew,
      prodType: pak.prodType,
    });
  return { paks: [...paks.values()], mailboxes: [...mailboxes.values()] };
}

/**
 * Reads one domain from eNom and rewrites it in the mirror: GetPOP3, then (when it has a pak)
 * GetPOPForwarding and GetCatchAll. A failed GetPOP3 leaves the domain's rows as they were,
 * records the failure on its row and throws; a failed forwarding or catch-all read keeps the old
 * forwards or catch-all and records the failure, the paks and mailboxes are still rewritten.
 * Returns the number of eNom commands sent.
 */
export async function refreshDomain(domain: string, client: EnomClient = getEnomClient()): Promise<number> {
  const name = domain.trim().toLowerCase();
  const readAt = new Date();
  let email: DomainEmail;
  try {
    email = await client.getPop3({ domain: name });
  } catch (error) {
    logger.warn({ err: error, domain: name }, "reading a domain into the mirror failed");
    await recordDomainReadError(name, readErrorText(error), readAt);
    throw error;
  }
  const rows = toRows(email);
  let calls = 1;
  let forwards: DomainRead["forwards"] = null;
  let catchAll: DomainRead["catchAll"];
  let readError: string | null = null;
  if (rows.paks.length > 0) {
    calls += 2;
    const [forwarding, catchAllRead] = await Promise.allSettled([
      client.getPopForwarding({ domain: name }),
      client.getCatchAll({ domain: name }),
    ]);
    if (forwarding.status === "fulfilled") {
      const byUser = new Map(
        forwarding.value.forwards.map((forward) => [
          forward.userName.toLowerCase(),
          { userName: forward.userName, forwardTo: forward.forwardTo, active: forward.active },
        ]),
      );
      forwards = [...byUser.values()];
    } else {
      logger.warn({ err: forwarding.reason, domain: name }, "reading a domain's forwarding failed");
      readError = readErrorText(forwarding.reason);
    }
    if (catchAllRead.status === "fulfilled") catchAll = catchAllRead.value.catchAll;
    else {
      logger.warn({ err: catchAllRead.reason, domain: name }, "reading a domain's catch-all failed");
      readError ??= readErrorText(catchAllRead.reason);
    }
  }
  await writeDomainRead({ domain: name, readAt, ...rows, forwards, catchAll, readError });
  return calls;
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      if (item !== undefined) await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * One full sync of the account into the mirror, recorded in mirror_syncs (a new generation, its
 * counts and eNom calls). Idempotent: running it twice leaves the same mirror. Domains no longer
 * on the account are removed only when the listing was complete. Throws only when the account
 * cannot be listed at all (the error is recorded on the sync).
 */
export async function runFullSync(
  options: { client?: EnomClient; concurrency?: number } = {},
): Promise<SyncResult> {
  const started = Date.now();
  const counter = countingCalls(options.client ?? getEnomClient());
  const client = counter.client;
  const sync = await startSyncRow();
  const generation = sync.generation;
  try {
    // The client pages each tab 100 names at a time; a page is one command. A listing that fails
    // does not stop the sync: the other lists still say which domains have email, those domains
    // are read, and nothing is removed from the mirror on an incomplete listing.
    const [ownedRead, hostedRead, pakList] = await Promise.allSettled([
      client.getDomains({ tab: "IOwn" }),
      client.getDomains({ tab: "IHost" }),
      client.getPopExpirations(),
    ]);
    if (pakList.status === "rejected") throw pakList.reason;
    const listingFailure = [ownedRead, hostedRead].find((read) => read.status === "rejected");
    if (listingFailure?.status === "rejected")
      logger.warn(
        { err: listingFailure.reason, generation },
        "eNom's domain list could not be read; syncing the domains with email",
      );
    const unlisted = { domains: [], totalDomainCount: 0, truncated: true } as const;
    const owned = ownedRead.status === "fulfilled" ? ownedRead.value : unlisted;
    const hosted = hostedRead.status === "fulfilled" ? hostedRead.value : unlisted;
    const paks = pakList.value;
    for (const tab of [owned, hosted]) counter.add(Math.max(1, Math.ceil((tab.totalDomainCount ?? 0) / 100)));
    counter.add(1);
    const listedAt = new Date();
    const withPaks = new Set(paks.paks.map((pak) => pak.domainName.toLowerCase()));
    const listed = new Set([...owned.domains, ...hosted.domains].map((domain) => domain.name.toLowerCase()));
    // A pak names its domain even when the listing missed it (cut short, or registered a second ago).
    const onAccount = [...new Set([...listed, ...withPaks])].sort();
    const isOnAccount = new Set(onAccount);
    const hostedOnly = new Set(hosted.domains.map((domain) => domain.name.toLowerCase()));
    for (const domain of owned.domains) hostedOnly.delete(domain.name.toLowerCase());
    await markListed(onAccount, generation, listedAt, (domain) =>
      hostedOnly.has(domain) ? "DNSHosted" : listed.has(domain) ? "Registered" : null,
    );
    await replaceExpirations(
      paks.paks
        .map((pak) => ({
          domain: pak.domainName.toLowerCase(),
          bundleId: pak.bundleId,
          expires: pak.expires.iso,
          autoRenew: pak.autoRenew,
        }))
        .filter((pak) => isOnAccount.has(pak.domain)),
      listedAt,
    );
    const toRead = [...new Set([...withPaks, ...(await domainsWithEmail())])]
      .filter((domain) => isOnAccount.has(domain))
      .sort();
    const toReadSet = new Set(toRead);
    await markWithoutEmail(
      onAccount.filter((domain) => !toReadSet.has(domain)),
      listedAt,
    );
    await updateSyncRow(generation, { domainsListed: onAccount.length, domainsRead: 0 });

    let read = 0;
    let failed = 0;
    await eachLimited(toRead, options.concurrency ?? SYNC_CONCURRENCY, async (domain) => {
      try {
        counter.add(await refreshDomain(domain, client));
      } catch {
        counter.add(1);
        failed += 1;
      }
      read += 1;
      if (read % PROGRESS_EVERY === 0) await updateSyncRow(generation, { domainsRead: read });
    });

    const complete = !owned.truncated && !hosted.truncated;
    const removed = complete ? await removeUnlisted(generation, sync.startedAt) : 0;
    if (!complete)
      logger.warn({ generation }, "eNom's domain list was cut short; no domain was removed from the mirror");
    await updateSyncRow(generation, {
      finishedAt: new Date(),
      domainsRead: read,
      enomCalls: counter.calls,
      // A listing that failed was logged above; the domains with email are all read, so the
      // mirror is usable, and the next sync lists again.
      error: null,
    });
    const result: SyncResult = {
      generation,
      domainsListed: onAccount.length,
      domainsRead: read,
      domainsFailed: failed,
      domainsRemoved: removed,
      enomCalls: counter.calls,
      durationMs: Date.now() - started,
    };
    logger.info(result, "the account mirror was synced from eNom");
    return result;
  } catch (error) {
    logger.warn({ err: error, generation }, "the account mirror could not be synced from eNom");
    await updateSyncRow(generation, {
      finishedAt: new Date(),
      enomCalls: counter.calls,
      error: readErrorText(error),
    });
    throw error;
  }
}
