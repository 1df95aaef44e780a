import "server-only";
import type { JobItemRow } from "@/lib/db/schema";
import {
  readBackRenewalItem,
  renewalItemInput,
  RENEW_JOB_KIND,
  sendRenewalItem,
  settleUnsentRenewals,
} from "@/lib/purchases/renewal-job";
import type { ItemOutcome, JobHandler } from "../handler";

/**
 * Renewing a selection of paks (`paks.renew`): one item per pak, one eNom order each, through
 * lib/purchases (renewal-job.ts), which records each pak's outcome on its purchase attempt and
 * in the audit log (`pak.renew`, with eNom's order id). The runner's own entry per item
 * (`pak.renew.job`) ties that outcome to the job.
 */

export { RENEW_JOB_KIND };

function pakOf(item: JobItemRow): string {
  const input = renewalItemInput(item);
  return input ? `pak ${input.bundleId} of ${input.pak.domain}` : item.label;
}

function summary(item: JobItemRow, outcome: ItemOutcome): string {
  const pak = pakOf(item);
  switch (outcome.status) {
    case "ok":
      return `Renewed ${pak} (job)`;
    case "failed":
      return `Could not renew ${pak} (job)`;
    case "skipped":
      return `Did not renew ${pak}: not sent (job)`;
    case "unknown":
      return `Could not confirm the renewal of ${pak} (job; it may have been renewed)`;
  }
}

export const renewPaksJob: JobHandler = {
  batchSize: 1,
  async send(_run, items) {
    const outcomes: ItemOutcome[] = [];
    for (const item of items) outcomes.push(await sendRenewalItem(item));
    return outcomes;
  },
  async readBack(_run, items) {
    const outcomes: ItemOutcome[] = [];
    for (const item of items) outcomes.push(await readBackRenewalItem(item));
    return outcomes;
  },
  audit: {
    action: "pak.renew.job",
    summary: (_run, item, outcome) => summary(item, outcome),
  },
  afterRun: (_run, items) => settleUnsentRenewals(items),
};
