import "server-only";
import { NotFoundError } from "@/lib/auth/errors";
import type { SessionUser } from "@/lib/auth/session";
import { getDomainEmail } from "@/lib/domains/email";
import { isUpstreamFailure, readFailure } from "@/lib/domains/read-errors";
import type { DomainEmailView } from "@/lib/domains/types";
import { retailPricesFor } from "@/lib/pricing/customer-prices";
import { RENEW_BATCH_MAX } from "@/lib/validation/purchases";
import type { PurchaseWizardProps } from "./purchase-wizard";
import type { RenewWizardProps } from "./renew-wizard";
import {
  growModeFromSearch,
  pakFromSearch,
  purchaseChoicesFromSearch,
  renewItemsFromSearch,
  renewYearsFromSearch,
  type GrowthTarget,
  type RenewItem,
  type WizardSearchParams,
} from "./wizard-choices";

/**
 * What the wizard pages (staff and portal) read before rendering: the choices in the URL, the pak
 * being grown or renewed as the provider has it now, and the retail prices for estimates. Every
 * domain read checks this user's right to it; someone else's domain reads as "not found".
 */

export type WizardLoad<P> =
  | { ok: true; props: P }
  /** `empty`: the address names no pak at all (the page may offer a choice instead). */
  | { ok: false; title: string; message: string; empty?: boolean };

export async function loadPurchaseWizard(
  user: SessionUser,
  search: WizardSearchParams,
): Promise<WizardLoad<Omit<PurchaseWizardProps, "audience" | "basePath">>> {
  const initialChoices = purchaseChoicesFromSearch(search);
  // A customer's own prices (or, for staff, those of the customer the domain is assigned to).
  const prices = await retailPricesFor(user, initialChoices.domain || undefined);
  const mode = growModeFromSearch(search);
  const bundleId = pakFromSearch(search);
  if (!mode || bundleId === null || !initialChoices.domain)
    return { ok: true, props: { initialChoices, growth: null, prices } };

  const read = await readDomain(user, initialChoices.domain);
  if (!read.ok) return read;
  const pak = read.email.paks.find((candidate) => candidate.bundleId === bundleId);
  if (!pak)
    return {
      ok: false,
      title: "That pak was not found",
      message: `${read.email.domain} has no pak ${bundleId}. Open the domain to see its paks.`,
    };
  const growth: GrowthTarget = {
    mode,
    domain: read.email.domain,
    bundleId,
    capacityGb: pak.capacityGb,
    quotaMb: pak.quotaMb,
    purchased: pak.purchased,
    used: pak.used,
    expires: pak.expires,
  };
  return {
    ok: true,
    props: { initialChoices: { ...initialChoices, domain: read.email.domain }, growth, prices },
  };
}

export async function loadRenewWizard(
  user: SessionUser,
  search: WizardSearchParams,
): Promise<WizardLoad<Omit<RenewWizardProps, "audience" | "basePath">>> {
  const wanted = renewItemsFromSearch(search).slice(0, RENEW_BATCH_MAX);
  const years = renewYearsFromSearch(search);
  if (wanted.length === 0)
    return {
      ok: false,
      empty: true,
      title: "No pak to renew",
      // Customers have no expirations list: each pak's Renew is on its domain's page.
      message:
        user.role === "customer"
          ? "Choose a pak to renew: open one of your domains and use Renew on the pak."
          : "Choose a pak to renew from a domain's page or the expirations list.",
    };
  const domains = [...new Set(wanted.map((item) => item.domain))];
  const reads = await Promise.all(domains.map((domain) => readDomain(user, domain)));
  const byDomain = new Map<string, DomainEmailView>();
  const problems: string[] = [];
  reads.forEach((read, index) => {
    if (read.ok) byDomain.set(read.email.domain, read.email);
    else problems.push(`${domains[index]}: ${read.message}`);
  });
  const items: RenewItem[] = [];
  for (const { domain, bundleId } of wanted) {
    const email = byDomain.get(domain);
    if (!email) continue;
    const pak = email.paks.find((candidate) => candidate.bundleId === bundleId);
    if (!pak) {
      problems.push(`${domain} has no pak ${bundleId}.`);
      continue;
    }
    items.push({
      domain,
      bundleId,
      purchased: pak.purchased,
      used: pak.used,
      capacityGb: pak.capacityGb,
      quotaMb: pak.quotaMb,
      expires: pak.expires,
      autoRenew: pak.autoRenew,
    });
  }
  if (items.length === 0)
    return {
      ok: false,
      title: "No pak to renew",
      message: problems.join(" ") || "Those paks were not found.",
    };
  return { ok: true, props: { initialItems: items, initialYears: years, notices: problems } };
}

async function readDomain(
  user: SessionUser,
  domain: string,
): Promise<{ ok: true; email: DomainEmailView } | { ok: false; title: string; message: string }> {
  try {
    return { ok: true, email: await getDomainEmail(user, domain) };
  } catch (error) {
    const notFound = {
      ok: false as const,
      title: "That domain was not found",
      message: `${domain} is not one of your domains.`,
    };
    if (error instanceof NotFoundError) return notFound;
    if (!isUpstreamFailure(error)) {
      // A name the provider refuses to look up is as good as not found.
      if (readFailure(error, "the paks").status === 404) return notFound;
      throw error;
    }
    return {
      ok: false,
      title: "The paks could not be loaded",
      message: readFailure(error, "the paks").message,
    };
  }
}
