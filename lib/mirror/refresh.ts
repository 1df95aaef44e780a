import "server-only";
import { logger } from "@/lib/logger";
import { trackWriteRefresh } from "./freshness";
import { markForReread } from "./queries";
import { refreshDomain } from "./sync";

/**
 * Reads these domains from eNom again and rewrites their rows in the account mirror; called right
 * after every write the panel makes, so the write is visible at once. Contract fixed by the lead;
 * the body is built with lib/mirror (issue 15).
 *
 * Never throws: the caller's write already succeeded (or its outcome is recorded), and a failed
 * read only means the mirror is older for that domain; the failure is logged and recorded on the
 * domain's row, and the next view reads it again.
 */
export async function refreshDomainsInMirror(domains: string | readonly string[]): Promise<void> {
  const names = [
    ...new Set((typeof domains === "string" ? [domains] : domains).map((d) => d.trim().toLowerCase())),
  ];
  await Promise.all(
    names.filter(Boolean).map((domain) =>
      trackWriteRefresh(
        domain,
        refreshDomain(domain).then(
          () => undefined,
          (error: unknown) =>
            logger.warn({ err: error, domain }, "the mirror could not be refreshed after a write"),
        ),
      ),
    ),
  );
}

/**
 * For callers that cannot wait for eNom (kept until every write awaits `refreshDomainsInMirror`):
 * the next view of these domains reads them from eNom before it answers. Nothing is sent to eNom
 * now; a view in this process waits for the mark to be written.
 */
export function markDomainsForReread(domains: string | readonly string[]): void {
  const names = [
    ...new Set((typeof domains === "string" ? [domains] : domains).map((d) => d.trim().toLowerCase())),
  ];
  const marking = markForReread(names.filter(Boolean)).catch((error: unknown) =>
    logger.warn({ err: error, domains: names }, "the mirror could not mark domains to be read again"),
  );
  for (const domain of names) trackWriteRefresh(domain, marking);
}
