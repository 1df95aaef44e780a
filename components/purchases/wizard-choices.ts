import {
  BILLING_PERIODS,
  CAPACITIES_GB,
  QUANTITY_UNITS,
  TERM_MAX,
  TERM_MIN,
  type BillingPeriod,
  type CapacityGb,
  type QuantityUnit,
  RENEW_YEARS_MAX,
} from "@/lib/validation/enom-rules";
import type { PurchaseRequest, RenewRequest } from "@/lib/validation/purchases";

/**
 * What the wizards remember between steps, and how it travels in a URL (so "Change and try again"
 * and a refresh come back to the same choices). Plain functions: used by pages and by the browser.
 */

export type GrowMode = "mailboxes" | "storage";
type SearchValue = string | string[] | undefined;
export type WizardSearchParams = Record<string, SearchValue>;

export interface PurchaseChoices {
  domain: string;
  quantityUnit: QuantityUnit;
  /** As typed, so a half-typed number is kept; checked with the schema on "Continue". */
  quantity: string;
  capacityGb: CapacityGb;
  billingPeriod: BillingPeriod;
  terms: number;
  /** Growth: mailboxes to add, or 512 MB units of storage to add. */
  growthAmount: string;
}

/** The pak a growth wizard adds to, as read from the provider when the page loaded. */
export interface GrowthTarget {
  mode: GrowMode;
  domain: string;
  bundleId: number;
  capacityGb: number | null;
  quotaMb: number | null;
  purchased: number;
  used: number;
  /** ISO calendar date. */
  expires: string;
}

/** One pak offered for renewal, as read when the page loaded. */
export interface RenewItem {
  domain: string;
  bundleId: number;
  purchased: number;
  used: number;
  capacityGb: number | null;
  quotaMb: number | null;
  expires: string;
  autoRenew: boolean;
}

export const DEFAULT_PURCHASE_CHOICES: PurchaseChoices = {
  domain: "",
  quantityUnit: "packs",
  quantity: "1",
  capacityGb: 1,
  billingPeriod: "year",
  terms: 1,
  growthAmount: "1",
};

const first = (value: SearchValue): string | undefined => (Array.isArray(value) ? value[0] : value);

function wholeIn(value: string | undefined, min: number, max: number): number | null {
  if (value === undefined || !/^\d{1,4}$/.test(value)) return null;
  const number = Number(value);
  return number >= min && number <= max ? number : null;
}

function oneOf<T extends string | number>(values: readonly T[], raw: string | undefined): T | null {
  return values.find((value) => String(value) === raw) ?? null;
}

/** The purchase wizard's choices from its URL; anything unreadable falls back to the default. */
export function purchaseChoicesFromSearch(search: WizardSearchParams): PurchaseChoices {
  const defaults = DEFAULT_PURCHASE_CHOICES;
  const quantity = first(search.qty);
  const growthAmount = first(search.add);
  return {
    domain: (first(search.domain) ?? "").trim().toLowerCase().slice(0, 253),
    quantityUnit: oneOf(QUANTITY_UNITS, first(search.unit)) ?? defaults.quantityUnit,
    quantity: quantity && /^\d{1,4}$/.test(quantity) ? quantity : defaults.quantity,
    capacityGb: oneOf(CAPACITIES_GB, first(search.gb)) ?? defaults.capacityGb,
    billingPeriod: oneOf(BILLING_PERIODS, first(search.period)) ?? defaults.billingPeriod,
    terms: wholeIn(first(search.terms), TERM_MIN, TERM_MAX) ?? defaults.terms,
    growthAmount: growthAmount && /^\d{1,4}$/.test(growthAmount) ? growthAmount : defaults.growthAmount,
  };
}

export function growModeFromSearch(search: WizardSearchParams): GrowMode | null {
  return oneOf(["mailboxes", "storage"] as const, first(search.grow));
}

export function pakFromSearch(search: WizardSearchParams): number | null {
  const raw = first(search.pak);
  return raw && /^\d{1,10}$/.test(raw) ? Number(raw) : null;
}

/** The wizard's URL for these choices, e.g. to come back after a failure. */
export function purchaseWizardHref(
  basePath: string,
  choices: PurchaseChoices,
  growth: { mode: GrowMode; bundleId: number } | null,
): string {
  const params = new URLSearchParams();
  if (choices.domain) params.set("domain", choices.domain);
  if (growth) {
    params.set("pak", String(growth.bundleId));
    params.set("grow", growth.mode);
    params.set("add", choices.growthAmount);
  } else {
    params.set("unit", choices.quantityUnit);
    params.set("qty", choices.quantity);
    params.set("gb", String(choices.capacityGb));
    params.set("period", choices.billingPeriod);
    params.set("terms", String(choices.terms));
  }
  return `${basePath}/purchase?${params}`;
}

/** The request the actions take, from the choices (unchecked: the schema checks it). */
export function purchaseRequestOf(
  choices: PurchaseChoices,
  growth: GrowthTarget | null,
): Record<keyof PurchaseRequest | string, unknown> {
  if (growth?.mode === "mailboxes")
    return {
      kind: "add-mailboxes",
      domain: growth.domain,
      bundleId: growth.bundleId,
      quantity: choices.growthAmount,
    };
  if (growth?.mode === "storage")
    return {
      kind: "add-storage",
      domain: growth.domain,
      bundleId: growth.bundleId,
      units: choices.growthAmount,
    };
  return {
    kind: "purchase",
    domain: choices.domain,
    quantityUnit: choices.quantityUnit,
    quantity: choices.quantity,
    capacityGb: choices.capacityGb,
    billingPeriod: choices.billingPeriod,
    terms: choices.terms,
  };
}

/** `?items=a.com:12,b.org:34` (the expirations page) or `?domain=a.com&pak=12` (a pak's card). */
export function renewItemsFromSearch(search: WizardSearchParams): { domain: string; bundleId: number }[] {
  const items: { domain: string; bundleId: number }[] = [];
  const seen = new Set<string>();
  const add = (domain: string, bundle: string) => {
    const name = domain.trim().toLowerCase();
    if (!name || !/^\d{1,10}$/.test(bundle.trim())) return;
    const key = `${name}:${Number(bundle)}`;
    if (seen.has(key)) return;
    seen.add(key);
    items.push({ domain: name, bundleId: Number(bundle) });
  };
  const list = first(search.items);
  if (list)
    for (const entry of list.split(",")) {
      const at = entry.lastIndexOf(":");
      if (at > 0) add(entry.slice(0, at), entry.slice(at + 1));
    }
  const domain = first(search.domain);
  const pak = first(search.pak);
  if (domain && pak) add(domain, pak);
  return items;
}

export function renewYearsFromSearch(search: WizardSearchParams): number {
  return wholeIn(first(search.years), 1, RENEW_YEARS_MAX) ?? 1;
}

export function renewWizardHref(
  basePath: string,
  items: readonly { domain: string; bundleId: number }[],
  years: number,
): string {
  const params = new URLSearchParams({
    items: items.map((item) => `${item.domain}:${item.bundleId}`).join(","),
    years: String(years),
  });
  return `${basePath}/renew?${params}`;
}

export function renewRequestOf(
  items: readonly { domain: string; bundleId: number }[],
  years: number,
): Record<keyof RenewRequest, unknown> {
  return { items: items.map(({ domain, bundleId }) => ({ domain, bundleId })), years };
}
