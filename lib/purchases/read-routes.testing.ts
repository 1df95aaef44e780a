/**
 * For tests: the purchase feature's GET routes called the way the browser calls them, each
 * answering its JSON body (and the HTTP status beside it). Not imported by the app.
 */
import { GET as getPurchase } from "@/app/api/purchases/[key]/route";
import { GET as getDomainSearch } from "@/app/api/purchases/domains/route";
import { GET as getPurchaseList } from "@/app/api/purchases/route";
import { GET as getPurchaseQuote } from "@/app/api/quotes/purchase/route";
import { GET as getRenewalQuote } from "@/app/api/quotes/renewal/route";
import { purchaseQuoteQuery, renewalQuoteQuery } from "./quote-query";
import type {
  AttemptView,
  PurchaseDomainSearch,
  PurchaseReadResponse,
  PurchaseResultView,
  Quote,
} from "./types";

const ORIGIN = "http://panel.test";

export interface Answer<T> {
  status: number;
  body: PurchaseReadResponse<T>;
}

async function answerOf<T>(response: Promise<Response>): Promise<Answer<T>> {
  const settled = await response;
  return { status: settled.status, body: (await settled.json()) as PurchaseReadResponse<T> };
}

const noContext = { params: Promise.resolve({}) };

export const quotePurchaseRoute = (request: Record<string, unknown>) =>
  answerOf<Quote>(
    getPurchaseQuote(new Request(`${ORIGIN}/api/quotes/purchase?${purchaseQuoteQuery(request)}`), noContext),
  );

export const quoteRenewalRoute = (request: { items: unknown; years: unknown }) =>
  answerOf<Quote>(
    getRenewalQuote(new Request(`${ORIGIN}/api/quotes/renewal?${renewalQuoteQuery(request)}`), noContext),
  );

export const readPurchaseRoute = (key: string) =>
  answerOf<PurchaseResultView>(
    getPurchase(new Request(`${ORIGIN}/api/purchases/${encodeURIComponent(key)}`), {
      params: Promise.resolve({ key }),
    }),
  );

export const listPurchasesRoute = (domain: string) =>
  answerOf<AttemptView[]>(
    getPurchaseList(new Request(`${ORIGIN}/api/purchases?${new URLSearchParams({ domain })}`), noContext),
  );

export const searchPurchaseDomainsRoute = (q: string) =>
  answerOf<PurchaseDomainSearch>(
    getDomainSearch(new Request(`${ORIGIN}/api/purchases/domains?${new URLSearchParams({ q })}`), noContext),
  );

/** The old action-shaped reads, for tests written against them: just the body. */
export const quotePurchase = async (request: Record<string, unknown>) =>
  (await quotePurchaseRoute(request)).body;
export const quoteRenewal = async (request: { items: unknown; years: unknown }) =>
  (await quoteRenewalRoute(request)).body;

/** One attempt by its key, as the result page's poll reads it. */
export async function readAttempt(key: string): Promise<PurchaseReadResponse<AttemptView>> {
  const { body } = await readPurchaseRoute(key);
  if (!body.ok) return body;
  const [attempt] = body.data.attempts;
  return body.data.isBatch || !attempt
    ? { ok: false, message: "That purchase is a renewal batch." }
    : { ok: true, data: attempt };
}
