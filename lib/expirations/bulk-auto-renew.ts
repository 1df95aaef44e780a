import { z } from "zod";
import { bundleIdSchema, domainNameSchema } from "@/lib/validation/paks";

/**
 * The bulk auto-renew action's input (lib/actions/auto-renew.ts) and its answer per pak: shared
 * by the expirations table (to check a selection before sending) and the server (always).
 */
export const BULK_AUTO_RENEW_MAX = 200;

export const bulkAutoRenewSchema = z.object({
  items: z
    .array(z.object({ domain: domainNameSchema, bundleId: bundleIdSchema }))
    .min(1, "Select at least one pak.")
    .max(BULK_AUTO_RENEW_MAX, `Select at most ${BULK_AUTO_RENEW_MAX} paks at a time.`)
    .refine(
      (items) => new Set(items.map((item) => `${item.domain}:${item.bundleId}`)).size === items.length,
      "Each pak may be listed once.",
    ),
  autoRenew: z.boolean("Choose on or off."),
});
export type BulkAutoRenewInput = z.infer<typeof bulkAutoRenewSchema>;

/** `ok`: eNom confirmed; `failed`: nothing changed; `unknown`: sent, but the answer was lost. */
export type BulkItemOutcome = "ok" | "failed" | "unknown";

export interface BulkAutoRenewItemResult {
  domain: string;
  bundleId: number;
  ok: boolean;
  outcome: BulkItemOutcome;
  message: string;
}

export interface BulkAutoRenewResult {
  autoRenew: boolean;
  results: BulkAutoRenewItemResult[];
}
