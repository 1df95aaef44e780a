import { RuleError } from "@/lib/auth/errors";
import { formatCalendarDate } from "@/lib/format";
import {
  mailboxesPrice,
  renewalPrice,
  storagePrice,
  type PriceList,
  type Prices,
} from "@/lib/pricing/price-list";
import type { PurchaseRequest } from "@/lib/validation/purchases";
import { MAILBOXES_PER_PACK, PROD_TYPE_MAILBOX, type BillingPeriod } from "@/lib/validation/enom-rules";
import { addTerm, renewedExpiry, termsLeft } from "./dates";
import type { PakShape } from "./pak-shape";
import { renewalOrderFor } from "./renewal-command";
import type { Quote } from "./types";

/**
 * What a purchase, growth or renewal costs, with eNom's rules for terms and expiries (pure: the
 * caller reads the paks and the price list). Cost is what eNom debits from the balance at the
 * reseller's cost prices; retail is what the reseller charges its customer.
 */

/** A pak as GetPOP3 lists it, reduced to what pricing and the renewal command need. */
export interface PakFacts {
  domain: string;
  bundleId: number;
  qtyPurchased: number;
  expires: string;
  /**
   * The billing period Mailpak bought the pak with (its own record). eNom's GetPOP3 and
   * GetPOPExpirations do not report one, so for a pak bought elsewhere it is null (priced yearly).
   */
  billingPeriod: BillingPeriod | null;
  /** GetPOP3's ProdType: 2011 Mailbox, 38 classic 10-pak; null when eNom sent none. */
  prodType: number | null;
  shape: PakShape;
}

export interface PricedLine {
  label: string;
  /** What a customer reads instead, when it differs (no word about the reseller's price list). */
  customerLabel?: string;
  costCents: number;
  retailCents: number;
}

export interface Priced {
  lines: PricedLine[];
  costCents: number;
  retailCents: number;
  expiries: Quote["expiries"];
  newPakExpires: string | null;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export function termLabel(unit: BillingPeriod, terms: number): string {
  return plural(terms, unit, `${unit}s`);
}

function priced(lines: PricedLine[], rest: Omit<Priced, "lines" | "costCents" | "retailCents">): Priced {
  return {
    lines,
    costCents: lines.reduce((sum, line) => sum + line.costCents, 0),
    retailCents: lines.reduce((sum, line) => sum + line.retailCents, 0),
    ...rest,
  };
}

function both(list: PriceList, price: (prices: Prices) => number) {
  return { costCents: price(list.cost), retailCents: price(list.retail) };
}

/** Growth needs a running Mailbox pak (eNom refuses the rest): said before asking, in plain words. */
function requireGrowable(pak: PakFacts, today: string, what: "mailboxes" | "storage"): void {
  if (pak.expires < today)
    throw new RuleError(`Pak ${pak.bundleId} expired on ${pak.expires}. Renew it first, then add ${what}.`);
  if (what === "mailboxes" && pak.prodType !== null && pak.prodType !== PROD_TYPE_MAILBOX)
    throw new RuleError(
      `Pak ${pak.bundleId} is a classic pak: mailboxes cannot be added to it. Buy a new pak instead.`,
    );
}

export function mailboxCountOf(request: Extract<PurchaseRequest, { kind: "purchase" }>): number {
  return request.quantityUnit === "packs" ? request.quantity * MAILBOXES_PER_PACK : request.quantity;
}

/** Prices a new pak or growth of `pak` (the pak is required for growth). */
export function pricePurchase(
  list: PriceList,
  request: PurchaseRequest,
  pak: PakFacts | null,
  today: string,
): Priced {
  if (request.kind === "purchase") {
    const mailboxes = mailboxCountOf(request);
    const term = {
      capacityGb: request.capacityGb,
      billingPeriod: request.billingPeriod,
      mailboxes,
      terms: request.terms,
    };
    return priced(
      [
        {
          label: `${plural(mailboxes, "mailbox", "mailboxes")}, ${request.capacityGb} GB each, ${termLabel(request.billingPeriod, request.terms)}`,
          ...both(list, (prices) => mailboxesPrice(prices, term)),
        },
      ],
      { expiries: [], newPakExpires: addTerm(today, request.billingPeriod, request.terms) },
    );
  }
  if (!pak || pak.bundleId !== request.bundleId) throw new Error("pricing growth needs its pak");
  return priceGrowth(list, request, pak, today);
}

/**
 * More mailboxes or storage in a running pak, until its expiry (which does not move). What eNom
 * charges for the part of a term left is NOT documented: no eNom page or seed says whether an
 * addition is co-termed, prorated or charged full terms (docs/enom.md, "What growth costs";
 * `npm run enom:check -- --write` asks eNom's test system: unknown `growth-charge`). So the
 * price list is applied as before, for the whole terms up to the expiry, and a quote whose terms
 * reach past the expiry says so plainly: staff read that eNom's charge for part of a term is not
 * documented; customers read what they pay and until when.
 */
function priceGrowth(
  list: PriceList,
  request: Exclude<PurchaseRequest, { kind: "purchase" }>,
  pak: PakFacts,
  today: string,
): Priced {
  const unit = pak.billingPeriod ?? "year";
  requireGrowable(pak, today, request.kind === "add-mailboxes" ? "mailboxes" : "storage");
  const terms = termsLeft(pak.expires, unit, today);
  const charge = growthCharge(pak, unit, terms, today);
  const expiries = [{ domain: pak.domain, bundleId: pak.bundleId, from: pak.expires, to: pak.expires }];
  const line = (what: string, price: (prices: Prices) => number): PricedLine => ({
    label: `${what}, ${charge.staff}`,
    customerLabel: `${what}, ${charge.customer}`,
    ...both(list, price),
  });
  if (request.kind === "add-mailboxes") {
    const lines: PricedLine[] = [
      line(
        `${plural(request.quantity, "more mailbox", "more mailboxes")}, ${pak.shape.capacityGb} GB each`,
        (prices) =>
          mailboxesPrice(prices, {
            capacityGb: pak.shape.capacityGb,
            billingPeriod: unit,
            mailboxes: request.quantity,
            terms,
          }),
      ),
    ];
    // The pak's extra storage comes with every new mailbox, and eNom charges for it.
    if (pak.shape.storageUnits > 0)
      lines.push(
        line(`The pak's extra storage (${pak.shape.storageUnits} × 512 MB) for the new mailboxes`, (prices) =>
          storagePrice(prices, {
            units: pak.shape.storageUnits,
            mailboxes: request.quantity,
            billingPeriod: unit,
            terms,
          }),
        ),
      );
    return priced(lines, { expiries, newPakExpires: null });
  }
  return priced(
    [
      line(
        `${request.units} × 512 MB more for each of ${plural(pak.qtyPurchased, "mailbox", "mailboxes")}`,
        (prices) =>
          storagePrice(prices, {
            units: request.units,
            mailboxes: pak.qtyPurchased,
            billingPeriod: unit,
            terms,
          }),
      ),
    ],
    { expiries, newPakExpires: null },
  );
}

/** Whether whole terms from today end exactly at the pak's expiry: only then is no part of a term charged. */
export function growthCoversPartOfATerm(expires: string, unit: BillingPeriod, today: string): boolean {
  return addTerm(today, unit, termsLeft(expires, unit, today)) !== expires;
}

/** "until …" with what is charged, for staff (the open question named) and for customers. */
function growthCharge(
  pak: PakFacts,
  unit: BillingPeriod,
  terms: number,
  today: string,
): { staff: string; customer: string } {
  const until = formatCalendarDate({ iso: pak.expires });
  const period = termLabel(unit, terms);
  // Said in the quote: eNom charges by the pak's own billing period, which it does not report.
  const assumed =
    pak.billingPeriod === null ? "; priced by the year, as the pak's billing period is not known" : "";
  if (!growthCoversPartOfATerm(pak.expires, unit, today))
    return { staff: `until ${until} (${period}${assumed})`, customer: `until ${until} (${period})` };
  const full = terms === 1 ? "a full term" : "full terms";
  return {
    staff: `until ${until}? The email service's charge for part of a term is not documented; your price list charges ${full} (${period}${assumed})`,
    customer: `until ${until}, charged as ${terms === 1 ? `a full ${unit}` : `${terms} full ${unit}s`}`,
  };
}

/**
 * Renewing paks for `years`: every mailbox and the extra storage, for each term of the command
 * that renews the pak (renewal-command.ts: a year for a classic pak, the pak's billing period for
 * a Mailbox pak). Throws RuleError for a pak that cannot be renewed so. `list` may be one price
 * list or each domain's (a selection across customers, each at its own retail prices).
 */
export function priceRenewal(
  list: PriceList | ((domain: string) => PriceList),
  paks: PakFacts[],
  years: number,
  today: string,
): Priced {
  const listOf = typeof list === "function" ? list : () => list;
  const renewals = paks.map((pak) => ({ pak, order: renewalOrderFor(pak, years) }));
  const lines = renewals.map(({ pak, order }) => {
    const term = {
      capacityGb: pak.shape.capacityGb,
      billingPeriod: order.unit,
      mailboxes: pak.qtyPurchased,
      terms: order.terms,
      storageUnits: pak.shape.storageUnits,
    };
    const storage = pak.shape.storageUnits > 0 ? ` + ${pak.shape.storageUnits} × 512 MB` : "";
    const contents = `${plural(pak.qtyPurchased, "mailbox", "mailboxes")}, ${pak.shape.capacityGb} GB${storage}, ${termLabel(order.unit, order.terms)}`;
    return {
      label: `Pak ${pak.bundleId} of ${pak.domain}: ${contents}`,
      // Customers never read eNom's BundleID.
      customerLabel: `${pak.domain}: ${contents}`,
      ...both(listOf(pak.domain), (prices) => renewalPrice(prices, term)),
    };
  });
  return priced(lines, {
    expiries: renewals.map(({ pak, order }) => ({
      domain: pak.domain,
      bundleId: pak.bundleId,
      from: pak.expires,
      to: renewedExpiry(pak.expires, today, order.terms, order.unit),
    })),
    newPakExpires: null,
  });
}

export type BalanceReading = { cents: number } | { problem: string };

/**
 * The quote a viewer may see. Staff see cost and the balance; a customer sees retail prices only
 * (`balance` is ignored for them).
 */
export function quoteFor(priced: Priced, staff: boolean, balance: BalanceReading | null): Quote {
  if (!staff)
    return {
      lines: priced.lines.map((line) => ({
        label: line.customerLabel ?? line.label,
        retailCents: line.retailCents,
        costCents: null,
      })),
      retailCents: priced.retailCents,
      costCents: null,
      balanceCents: null,
      balanceAfterCents: null,
      sufficient: true,
      expiries: priced.expiries,
      balanceProblem: null,
      newPakExpires: priced.newPakExpires,
    };
  const balanceCents = balance && "cents" in balance ? balance.cents : null;
  return {
    lines: priced.lines.map(({ label, retailCents, costCents }) => ({ label, retailCents, costCents })),
    retailCents: priced.retailCents,
    costCents: priced.costCents,
    balanceCents,
    balanceAfterCents: balanceCents === null ? null : balanceCents - priced.costCents,
    sufficient: balanceCents === null || balanceCents >= priced.costCents,
    expiries: priced.expiries,
    balanceProblem: balance && "problem" in balance ? balance.problem : null,
    newPakExpires: priced.newPakExpires,
  };
}

export function dollars(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}$${Math.floor(abs / 100).toLocaleString("en-US")}.${String(abs % 100).padStart(2, "0")}`;
}
