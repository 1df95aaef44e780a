"use server";

import { NotFoundError } from "@/lib/auth/errors";
import { requireDomainAccess, requirePermission } from "@/lib/auth/guards";
import { refreshDomainsInMirror } from "@/lib/mirror/refresh";
import { getEnomClient, type Pak } from "@/lib/enom";
import {
  bulkAutoRenewSchema,
  type BulkAutoRenewItemResult,
  type BulkAutoRenewResult,
} from "@/lib/expirations/bulk-auto-renew";
import { logger } from "@/lib/logger";
import { DOMAIN_READS_IN_FLIGHT, mapWithLimit } from "@/lib/purchases/map-with-limit";
import { userAction, type BoundAudit } from "./builder";
import { describeEnomFailure } from "./enom-outcome";
import { autoRenewWord, setPakAutoRenew } from "./pak-auto-renew";
import type { ActionResult } from "./result";

/**
 * Auto-renew on or off for many paks at once (the expirations dashboard's selection). eNom has no
 * bulk form of SetPakRenew, so each pak is its own call and its own audit entry with eNom's
 * TrackingKey and true outcome; the answer lists every pak's result. Before anything is sent:
 * the caller must reach every domain (one that is not theirs makes the whole batch "not found"),
 * and GetPOP3 of each domain (one read per distinct domain, a few at a time) proves each pak
 * belongs to the domain it was sent with and gives its auto-renew now: GetPOPExpirations does
 * not carry auto-renew in its documented XML form (../shared/enom-api.md). Each change goes the
 * same way as one pak's switch (./pak-auto-renew.ts).
 */

const ACTION = "pak.autoRenew";
/** SetPakRenew calls in flight at once: quick for a full selection, gentle on eNom. */
const IN_FLIGHT = 4;

type Item = { domain: string; bundleId: number };

export const setAutoRenewBulkAction = userAction(
  // The permission comes after every domain is checked, as for one domain (domainAction).
  { name: ACTION, schema: bulkAutoRenewSchema },
  async ({ items, autoRenew }, { user, audit }): Promise<ActionResult<BulkAutoRenewResult>> => {
    const state = autoRenewWord(autoRenew);
    const checked: Item[] = [];
    const reachable = new Map<string, string>();
    for (const item of items) {
      try {
        // One check per domain, however many of its paks are selected.
        const domain = reachable.get(item.domain) ?? (await requireDomainAccess(user, item.domain));
        reachable.set(item.domain, domain);
        checked.push({ domain, bundleId: item.bundleId });
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        await auditRefusal(audit, item, error.message);
        return { ok: false, message: error.message };
      }
    }
    requirePermission(user, "paks.autoRenew");

    const domains = [...new Set(checked.map((item) => item.domain))];
    const reads = await mapWithLimit(domains, DOMAIN_READS_IN_FLIGHT, async (domain) => {
      try {
        return { domain, ok: true as const, paks: (await getEnomClient().getPop3({ domain })).paks };
      } catch (error) {
        const failure = describeEnomFailure(error);
        if (!failure) throw error;
        const mine = checked.filter((item) => item.domain === domain);
        await audit({
          outcome: "failed",
          summary: `Could not read the paks of ${domain} to turn auto-renew ${state} for ${plural(mine.length)}; nothing was changed`,
          domain,
          details: { paks: mine.map(label), to: autoRenew, bulk: true },
          enom: { trackingKey: failure.trackingKey, error: failure.enomError },
        });
        return {
          domain,
          ok: false as const,
          message: `${failure.message.replace(/\.$/, "")}. Nothing was changed.`,
        };
      }
    });
    const failedRead = reads.find((read) => !read.ok);
    // Not one domain could be read: nothing can be done, and the batch says so as a whole.
    if (failedRead && !failedRead.ok && reads.every((read) => !read.ok))
      return { ok: false, message: failedRead.message };
    const unread = new Map(reads.flatMap((read) => (read.ok ? [] : [[read.domain, read.message] as const])));
    const current = new Map(
      reads.flatMap((read) =>
        read.ok
          ? read.paks.map((pak) => [label({ domain: read.domain, bundleId: pak.bundleId }), pak] as const)
          : [],
      ),
    );

    const touched = new Set<string>();
    const results = await mapWithLimit(checked, IN_FLIGHT, async (item): Promise<BulkAutoRenewItemResult> => {
      const notRead = unread.get(item.domain);
      if (notRead !== undefined) return { ...item, ok: false, outcome: "failed", message: notRead };
      const pak = current.get(label(item));
      if (!pak) {
        await auditRefusal(audit, item, "That pak was not found.");
        return {
          ...item,
          ok: false,
          outcome: "failed",
          message: "That pak was not found under this domain.",
        };
      }
      if (pak.autoRenew === autoRenew)
        return { ...item, ok: true, outcome: "ok", message: `Auto-renew was already ${state}.` };
      touched.add(item.domain);
      return setOne(audit, item, pak, autoRenew);
    });

    // Whatever eNom answered, the mirror may now be wrong: read those domains again now.
    if (touched.size > 0) await refreshDomainsInMirror([...touched]);
    return { ok: true, data: { autoRenew, results }, message: summarise(results, state) };
  },
);

/** One pak of the selection, by the same path as one pak's switch; its audit entry says `bulk`. */
async function setOne(
  audit: BoundAudit,
  item: Item,
  pak: Pak,
  autoRenew: boolean,
): Promise<BulkAutoRenewItemResult> {
  try {
    const { outcome, message } = await setPakAutoRenew(audit, item.domain, pak, autoRenew, { bulk: true });
    return outcome === "ok"
      ? { ...item, ok: true, outcome, message: `Auto-renew is now ${autoRenewWord(autoRenew)}.` }
      : { ...item, ok: false, outcome, message };
  } catch (error) {
    // Our own fault, after the call may have gone out: the pak must be looked at.
    const reference = crypto.randomUUID().slice(0, 8);
    logger.error({ err: error, action: ACTION, reference }, "bulk auto-renew failed on one pak");
    return {
      ...item,
      ok: false,
      outcome: "unknown",
      message: `Something went wrong on our side; check this pak before trying again. (Reference ${reference})`,
    };
  }
}

/** A refused pak is recorded with what it aimed at, so probing shows in the audit log. */
async function auditRefusal(audit: BoundAudit, item: Item, reason: string): Promise<void> {
  await audit({
    outcome: "failed",
    summary: `Refused: ${reason}`,
    domain: item.domain.slice(0, 255),
    pakId: String(item.bundleId),
    details: { refused: true, bulk: true },
  });
}

function summarise(results: readonly BulkAutoRenewItemResult[], state: string): string {
  const done = results.filter((result) => result.ok).length;
  const failed = results.filter((result) => result.outcome === "failed").length;
  const unknown = results.filter((result) => result.outcome === "unknown").length;
  const parts = [`Auto-renew is ${state} for ${plural(done)}`];
  if (failed) parts.push(`${plural(failed)} could not be changed`);
  if (unknown) parts.push(`${plural(unknown)} not confirmed (check them before trying again)`);
  return `${parts.join("; ")}.`;
}

function label(item: Item): string {
  return `${item.domain.toLowerCase()}:${item.bundleId}`;
}

function plural(n: number): string {
  return `${n} ${n === 1 ? "pak" : "paks"}`;
}
