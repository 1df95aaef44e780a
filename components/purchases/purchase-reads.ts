"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useDebouncedValue } from "@/components/use-debounced-value";
import type { FieldErrors } from "@/lib/actions/result";
import { purchaseQuoteQuery, renewalQuoteQuery } from "@/lib/purchases/quote-query";
import type {
  AttemptView,
  PurchaseDomainSearch,
  PurchaseReadResponse,
  PurchaseResultView,
  Quote,
} from "@/lib/purchases/types";
import { queryKeys } from "@/lib/query-keys";

/**
 * The purchase feature's reads in the browser: GET routes (app/api/purchases, app/api/quotes)
 * through React Query, never server actions, so they run alongside a submit instead of queueing
 * behind it.
 */

const OFFLINE = "The panel did not answer. Check your connection and try again.";

/** A read the server refused, with its message for the user and the fields it blames. */
export class PurchaseReadError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
  }
}

/** The fields a failed read blames (a quote refused for its quantity), if any. */
export const readFieldErrors = (error: Error | null): FieldErrors =>
  error instanceof PurchaseReadError ? error.fieldErrors : {};

async function read<T>(path: string): Promise<T> {
  let body: PurchaseReadResponse<T> | null;
  try {
    const response = await fetch(path, { cache: "no-store" });
    body = (await response.json().catch(() => null)) as PurchaseReadResponse<T> | null;
  } catch {
    body = null;
  }
  if (!body) throw new PurchaseReadError(OFFLINE);
  if (!body.ok) throw new PurchaseReadError(body.message, body.fieldErrors);
  return body.data;
}

/**
 * The exact price of the wizard's request, asked while `enabled` (the review step). Each set of
 * choices is its own query, so a price is never shown for other choices than those on screen;
 * it is asked again whenever the review step is entered (the balance may have moved).
 */
export function usePurchaseQuote(request: Record<string, unknown>, enabled: boolean) {
  const query = purchaseQuoteQuery(request);
  return useQuery({
    queryKey: queryKeys.purchaseQuote(query),
    queryFn: () => read<Quote>(`/api/quotes/purchase?${query}`),
    enabled,
    staleTime: 0,
    retry: false,
  });
}

export function useRenewalQuote(request: { items: unknown; years: unknown }, enabled: boolean) {
  const query = renewalQuoteQuery(request);
  return useQuery({
    queryKey: queryKeys.renewalQuote(query),
    queryFn: () => read<Quote>(`/api/quotes/renewal?${query}`),
    enabled,
    staleTime: 0,
    retry: false,
  });
}

/**
 * The purchase wizard's domain search: one request per pause in typing (the empty search at once),
 * the last matches kept on screen while the next load. `settled` is false while typing runs ahead.
 */
export function usePurchaseDomains(text: string) {
  const q = useDebouncedValue(text.trim(), text.trim() ? 250 : 0);
  const query = useQuery({
    queryKey: queryKeys.purchaseDomains(q),
    queryFn: () => read<PurchaseDomainSearch>(`/api/purchases/domains?${new URLSearchParams({ q })}`),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
    retry: false,
  });
  return { ...query, settled: q === text.trim() };
}

export const fetchPurchaseResult = (key: string): Promise<PurchaseResultView> =>
  read<PurchaseResultView>(`/api/purchases/${encodeURIComponent(key)}`);

/**
 * Reads again while any pak is still pending, at most `maxPolls` times (answers and failures
 * alike, so a panel that stops answering is not asked forever). Exported for tests.
 */
export function nextOrderPoll(
  state: { data: PurchaseResultView | undefined; dataUpdateCount: number; errorUpdateCount: number },
  pollMs: number,
  maxPolls: number,
): number | false {
  const pending = state.data?.attempts.some((attempt) => attempt.status === "pending") ?? false;
  return pending && state.dataUpdateCount + state.errorUpdateCount < maxPolls ? pollMs : false;
}

/**
 * A whole order as the result page shows it: one purchase, or every pak of a renewal, in one GET
 * (`/api/purchases/<key>`, a read: no audit row, no call to the provider), read again every
 * `pollMs` until every pak is settled. `enabled` is false when the page found nothing to follow.
 */
export function useOrderResult(
  key: string,
  initialData: PurchaseResultView,
  pollMs: number,
  maxPolls: number,
  enabled = true,
) {
  return useQuery({
    queryKey: queryKeys.purchaseResult(key),
    queryFn: () => fetchPurchaseResult(key),
    initialData,
    enabled,
    staleTime: pollMs,
    refetchInterval: (query) => nextOrderPoll(query.state, pollMs, maxPolls),
  });
}

/** A domain's recent purchases and renewals, newest first (GET /api/purchases?domain=…). */
export const fetchDomainOrders = (domain: string): Promise<AttemptView[]> =>
  read<AttemptView[]>(`/api/purchases?${new URLSearchParams({ domain })}`);

/**
 * A domain's orders while some are not confirmed: read again every `pollMs` while one is still
 * pending, at most `maxPolls` times. An unknown one is settled only by a check (its result page
 * makes it), so it alone does not keep the domain page asking.
 */
export function useDomainOrders(
  domain: string,
  initialData: AttemptView[],
  pollMs: number,
  maxPolls: number,
) {
  return useQuery({
    queryKey: queryKeys.domainOrders(domain),
    queryFn: () => fetchDomainOrders(domain),
    initialData,
    staleTime: pollMs,
    refetchInterval: (query) =>
      nextOrderPoll(
        {
          ...query.state,
          data: query.state.data ? { attempts: query.state.data, isBatch: false } : undefined,
        },
        pollMs,
        maxPolls,
      ),
  });
}
