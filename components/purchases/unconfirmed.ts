import type { AttemptView } from "@/lib/purchases/types";

/**
 * Which of a domain's orders the provider has not confirmed yet, and which of those settled since
 * the page last looked: plain functions, so the domain page's notice is testable without a browser.
 */

export type OrderState = Pick<AttemptView, "key" | "status" | "summary" | "kind">;

/** Pending (the answer has not come) or unknown (the answer was lost): the paks may be about to change. */
export function unconfirmedOrders<T extends OrderState>(attempts: readonly T[]): T[] {
  return attempts.filter((attempt) => attempt.status === "pending" || attempt.status === "unknown");
}

/** The orders that were unconfirmed (`waiting`, by key) and have now settled, as they settled. */
export function settledSince<T extends OrderState>(
  waiting: ReadonlySet<string>,
  attempts: readonly T[],
): T[] {
  return attempts.filter(
    (attempt) => waiting.has(attempt.key) && attempt.status !== "pending" && attempt.status !== "unknown",
  );
}

/** One line of the notice for an order not confirmed yet, in the viewer's words for the provider. */
export function unconfirmedLine(attempt: OrderState): string {
  return attempt.status === "pending"
    ? `${attempt.summary}: sent, the answer has not arrived yet.`
    : `${attempt.summary}: the answer was lost. Nothing is ordered again until it is checked.`;
}

/** What the notice says when a waited-for order settles. */
export function settledLine(attempt: OrderState): string {
  if (attempt.status === "ok") return `${attempt.summary}: confirmed. The paks below show it.`;
  const what = attempt.kind === "renew" ? "renewed" : "bought";
  return `${attempt.summary}: it did not go through, and nothing was ${what}.`;
}
