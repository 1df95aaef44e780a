import "server-only";
import type { JobHandler } from "../handler";

export const MIRROR_SYNC_KIND = "mirror.sync";

/**
 * The full sync of the account mirror (lib/mirror/sync.ts) as a one-item run. It only reads eNom,
 * so a sync cut short by a dead worker is simply run again.
 */
async function fullSync() {
  const { runFullSync } = await import("@/lib/mirror/sync");
  const result = await runFullSync();
  const failed = result.domainsFailed
    ? `, ${result.domainsFailed} could not be read (they keep their last rows)`
    : "";
  return {
    status: "ok" as const,
    message: `${result.domainsListed} domains listed, ${result.domainsRead} read${failed}.`,
  };
}

export const mirrorSyncJob: JobHandler = {
  batchSize: 1,
  send: async (_run, items) => (items.length ? [await fullSync()] : []),
  readBack: async (_run, items) => (items.length ? [await fullSync()] : []),
  audit: {
    action: "mirror.sync",
    summary: (_run, _item, outcome) =>
      outcome.status === "ok"
        ? `Full sync of the account: ${outcome.message}`
        : "The full sync of the account failed",
  },
};
