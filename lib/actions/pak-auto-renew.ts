import "server-only";
import { getEnomClient, type Pak } from "@/lib/enom";
import type { BulkItemOutcome } from "@/lib/expirations/bulk-auto-renew";
import type { BoundAudit } from "./builder";
import { describeEnomFailure } from "./enom-outcome";

/**
 * One pak's auto-renew change (SetPakRenew), the one server path of the domain page's switch and
 * the expirations page's switch and selection (lib/actions/paks.ts, lib/actions/auto-renew.ts).
 * Not a "use server" file: nothing here may be called from the browser. The caller has checked
 * the domain and the permission, and read the pak from eNom (GetPOP3) just before, which proves
 * it belongs to the domain and gives its state now; it reads the domain into the mirror after.
 */

export interface PakAutoRenewOutcome {
  outcome: BulkItemOutcome;
  /** For the person who clicked. */
  message: string;
}

export function autoRenewWord(autoRenew: boolean): "on" | "off" {
  return autoRenew ? "on" : "off";
}

/**
 * Sends the change once and audits its true outcome, with eNom's TrackingKey and words. A failure
 * that is not eNom's (our own fault) is thrown: the caller decides what the user reads.
 * `details` is added to the audit entry's details (the selection marks its entries `bulk`).
 */
export async function setPakAutoRenew(
  audit: BoundAudit,
  domain: string,
  pak: Pick<Pak, "bundleId" | "autoRenew" | "expires">,
  autoRenew: boolean,
  details: Record<string, unknown> = {},
): Promise<PakAutoRenewOutcome> {
  const state = autoRenewWord(autoRenew);
  const where = { domain, pakId: String(pak.bundleId) };
  try {
    const result = await getEnomClient().setPakRenew({ domain, bundleId: pak.bundleId, autoRenew });
    await audit({
      outcome: "ok",
      summary: `Turned auto-renew ${state} for pak ${pak.bundleId} of ${domain}`,
      ...where,
      details: { from: pak.autoRenew, to: autoRenew, expires: pak.expires.iso, ...details },
      enom: { trackingKey: result.trackingKey },
    });
    return { outcome: "ok", message: `Auto-renew is ${state} for pak ${pak.bundleId}.` };
  } catch (error) {
    const failure = describeEnomFailure(error);
    if (!failure) throw error;
    const summary = `Could not turn auto-renew ${state} for pak ${pak.bundleId} of ${domain}`;
    await audit({
      outcome: failure.outcome,
      summary: failure.outcome === "unknown" ? `${summary} (not confirmed; it may have been made)` : summary,
      ...where,
      details: { from: pak.autoRenew, to: autoRenew, ...details },
      enom: { trackingKey: failure.trackingKey, error: failure.enomError },
    });
    return { outcome: failure.outcome === "unknown" ? "unknown" : "failed", message: failure.message };
  }
}
