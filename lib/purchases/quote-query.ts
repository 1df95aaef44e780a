import { z } from "zod";
import { RENEW_BATCH_MAX } from "@/lib/validation/purchases";

/**
 * How the wizards' requests travel in the query string of the quote GET routes (no server imports:
 * the browser writes these, the routes read them). A renewal's paks are `items=a.com:12,b.org:34`,
 * as on the renew page's own address. The wizards send their choices as they are; the routes
 * check them with the same schemas as the actions.
 */

export function purchaseQuoteQuery(request: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(request))
    if (value !== undefined && value !== null) params.set(name, String(value));
  return params.toString();
}

export function renewalQuoteQuery(request: { items: unknown; years: unknown }): string {
  const items = Array.isArray(request.items) ? (request.items as unknown[]) : [];
  const pak = (item: unknown) =>
    typeof item === "object" && item !== null && "domain" in item && "bundleId" in item
      ? `${String(item.domain)}:${String(item.bundleId)}`
      : "";
  return new URLSearchParams({
    items: items.map(pak).filter(Boolean).join(","),
    years: String(request.years ?? ""),
  }).toString();
}

/** `items=a.com:12,b.org:34&years=2` as a renew request, for `renewRequestSchema` to check. */
export const renewalQuoteParams = z
  .object({
    items: z
      .string()
      .max(RENEW_BATCH_MAX * 270)
      .default(""),
    years: z.string().default(""),
  })
  .transform(({ items, years }): { items: { domain: string; bundleId: unknown }[]; years: unknown } => ({
    items: items
      .split(",")
      .filter(Boolean)
      .map((item) => {
        const at = item.lastIndexOf(":");
        return at < 0
          ? { domain: item, bundleId: "" }
          : { domain: item.slice(0, at), bundleId: item.slice(at + 1) };
      }),
    years,
  }));
