"use server";

import { recordAudit } from "@/lib/audit";
import { NotFoundError } from "@/lib/auth/errors";
import { requireDomainAccess, requirePermission } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/session";
import { invalidateAccountOverview } from "@/lib/domains/account-overview";
import { getEnomClient, type PopExpiration } from "@/lib/enom";
import {
  bulkAutoRenewSchema,
  type BulkAutoRenewItemResult,
  type BulkAutoRenewResult,
} from "@/lib/expirations/bulk-auto-renew";
import { logger } from "@/lib/logger";
import { describeEnomFailure } from "./enom-outcome";
import { actorOf } from "./logins";
import type { ActionResult } from "./result";
import { runAction } from "./safe-action";

/**
 * Auto-renew on or off for many paks at once (the expirations dashboard's selection). eNom has no
 * bulk form of SetPakRenew, so each pak is its own call and its own audit entry with eNom's
 * TrackingKey and true outcome; the answer lists every pak's result. Before anything is sent:
 * the caller must reach every domain (one that is not theirs makes the whole batch "not found"),
 * and one fresh GetPOPExpirations read proves each pak belongs to the domain it was sent with.
 */

const ACTION = "pak.autoRenew";
/** SetPakRenew calls in flight at once: quick for a full selection, gentle on eNom. */
const IN_FLIGHT = 4;

type Item = { domain: string; bundleId: number };

export async function setAutoRenewBulkAction(input: unknown): Promise<ActionResult<BulkAutoRenewResult>> {
  return runAction(
    { name: ACTION, schema: bulkAutoRenewSchema },
    input,
    async ({ items, autoRenew }, user): Promise<ActionResult<BulkAutoRenewResult>> => {
      const state = autoRenew ? "on" : "off";
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
          await auditRefusal(user, item, error.message);
          return { ok: false, message: error.message };
        }
      }
      requirePermission(user, "paks.autoRenew");

      let paks: readonly PopExpiration[];
      try {
        paks = (await getEnomClient().getPopExpirations()).paks;
      } catch (error) {
        const failure = describeEnomFailure(error);
        if (!failure) throw error;
        await recordAudit({
          actor: actorOf(user),
          action: ACTION,
          outcome: "failed",
          summary: `Could not read the paks to turn auto-renew ${state} for ${plural(checked.length)}; nothing was changed`,
          details: { paks: checked.map(label), to: autoRenew },
          enom: { trackingKey: failure.trackingKey, error: failure.enomError },
        });
        return { ok: false, message: `${failure.message.replace(/\.$/, "")}. Nothing was changed.` };
      }
      const current = new Map(
        paks.map((pak) => [label({ domain: pak.domainName, bundleId: pak.bundleId }), pak]),
      );

      let sent = false;
      const results = await mapWithLimit(
        checked,
        IN_FLIGHT,
        async (item): Promise<BulkAutoRenewItemResult> => {
          const pak = current.get(label(item));
          if (!pak) {
            await auditRefusal(user, item, "That pak was not found.");
            return {
              ...item,
              ok: false,
              outcome: "failed",
              message: "That pak was not found under this domain.",
            };
          }
          if (pak.autoRenew === autoRenew)
            return { ...item, ok: true, outcome: "ok", message: `Auto-renew was already ${state}.` };
          sent = true;
          return setOne(user, item, pak, autoRenew);
        },
      );

      // Whatever eNom answered, the account copy may now be wrong: read it again next time.
      if (sent) invalidateAccountOverview();
      return { ok: true, data: { autoRenew, results }, message: summarise(results, state) };
    },
  );
}

async function setOne(
  user: SessionUser,
  item: Item,
  pak: PopExpiration,
  autoRenew: boolean,
): Promise<BulkAutoRenewItemResult> {
  const state = autoRenew ? "on" : "off";
  const where = { domain: item.domain, pakId: String(item.bundleId) };
  try {
    const result = await getEnomClient().setPakRenew({ ...item, autoRenew });
    await recordAudit({
      actor: actorOf(user),
      action: ACTION,
      outcome: "ok",
      summary: `Turned auto-renew ${state} for pak ${item.bundleId} of ${item.domain}`,
      ...where,
      details: { from: pak.autoRenew, to: autoRenew, expires: pak.expires.iso, bulk: true },
      enom: { trackingKey: result.trackingKey },
    });
    return { ...item, ok: true, outcome: "ok", message: `Auto-renew is now ${state}.` };
  } catch (error) {
    const failure = describeEnomFailure(error);
    if (!failure) {
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
    const summary = `Could not turn auto-renew ${state} for pak ${item.bundleId} of ${item.domain}`;
    await recordAudit({
      actor: actorOf(user),
      action: ACTION,
      outcome: failure.outcome,
      summary: failure.outcome === "unknown" ? `${summary} (not confirmed; it may have been made)` : summary,
      ...where,
      details: { from: pak.autoRenew, to: autoRenew, bulk: true },
      enom: { trackingKey: failure.trackingKey, error: failure.enomError },
    });
    return {
      ...item,
      ok: false,
      outcome: failure.outcome === "unknown" ? "unknown" : "failed",
      message: failure.message,
    };
  }
}

/** A refused pak is recorded with what it aimed at, so probing shows in the audit log. */
async function auditRefusal(user: SessionUser, item: Item, reason: string): Promise<void> {
  await recordAudit({
    actor: actorOf(user),
    action: ACTION,
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

/** Runs `work` on every item with at most `limit` at once; results keep the items' order. */
async function mapWithLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
