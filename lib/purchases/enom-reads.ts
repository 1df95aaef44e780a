import "server-only";
import { NotFoundError, RuleError } from "@/lib/auth/errors";
import { describeEnomFailure } from "@/lib/actions/enom-outcome";
import { getEnomClient, type DomainEmail, type Pak } from "@/lib/enom";
import { CAPACITIES_GB, type CapacityGb } from "@/lib/validation/enom-rules";
import { recordedShapeOf } from "./attempts";
import { DOMAIN_READS_IN_FLIGHT, mapWithLimit } from "./map-with-limit";
import { shapeOfQuota } from "./pak-shape";
import type { BalanceReading, PakFacts } from "./quote";

/**
 * What the wizards read from eNom before quoting or buying. A failed read stops the wizard with
 * a plain message (nothing was bought); the balance is the exception: it only informs.
 */

function readFailed(error: unknown): never {
  const failure = describeEnomFailure(error);
  if (!failure) throw error;
  const said = failure.message.replace(/\s*Please try again in a moment\.?$/, "").trim();
  throw new RuleError(
    `${said}${/[.!?]$/.test(said) ? "" : "."} Nothing was bought; please try again in a moment.`,
  );
}

/** GetPOP3 of a domain: its paks now, the `before` of an attempt. */
export async function readDomainEmail(domain: string): Promise<DomainEmail> {
  try {
    return await getEnomClient().getPop3({ domain });
  } catch (error) {
    readFailed(error);
  }
}

/**
 * GetPOP3 after an order eNom accepted: what the order really did (several of eNom's answers say
 * little, and some effects are unknowns, docs/enom.md). Null when it cannot be read: the order
 * stands, and the message says the effect is not confirmed yet.
 */
export async function readBackDomain(domain: string): Promise<DomainEmail | null> {
  try {
    return await getEnomClient().getPop3({ domain });
  } catch (error) {
    if (!describeEnomFailure(error)) throw error;
    return null;
  }
}

async function factsOf(domain: string, pak: Pak): Promise<PakFacts> {
  const recorded = await recordedShapeOf(domain, pak.bundleId);
  const knownCapacity = CAPACITIES_GB.find((gb) => gb === recorded.capacityGb) as CapacityGb | undefined;
  const shape = shapeOfQuota(pak.quotaMb, {
    capacityGb: knownCapacity ?? null,
    storageUnits: recorded.storageUnits,
  });
  if (!shape)
    throw new RuleError(
      `The size of pak ${pak.bundleId} could not be read. Nothing was bought; please try again in a moment.`,
    );
  return {
    domain,
    bundleId: pak.bundleId,
    qtyPurchased: pak.qtyPurchased,
    expires: pak.expires.iso,
    billingPeriod: recorded.billingPeriod,
    prodType: pak.prodType,
    shape,
  };
}

/**
 * Each pak with what pricing and the renewal command need, from GetPOP3 of its domain (one read
 * per distinct domain, a few at a time): GetPOPExpirations carries no quantity, quota or product
 * type. A pak that eNom does not list under the domain given is "not found": a BundleID from the
 * browser is only trusted once eNom says it belongs to that domain.
 */
export async function readPakFacts(items: { domain: string; bundleId: number }[]): Promise<PakFacts[]> {
  const domains = [...new Set(items.map((item) => item.domain))];
  const reads = await mapWithLimit(domains, DOMAIN_READS_IN_FLIGHT, readDomainEmail);
  const paks = new Map<string, Pak>();
  domains.forEach((domain, index) => {
    for (const pak of reads[index]?.paks ?? []) paks.set(`${domain}/${pak.bundleId}`, pak);
  });
  const found = items.map((item) => ({
    domain: item.domain,
    pak: paks.get(`${item.domain}/${item.bundleId}`),
  }));
  const facts: PakFacts[] = [];
  for (const { domain, pak } of found) {
    if (!pak) throw new NotFoundError("That pak");
    facts.push(await factsOf(domain, pak));
  }
  return facts;
}

/** The balance eNom can debit now, or why it could not be read. */
export async function readBalance(): Promise<BalanceReading> {
  try {
    const balance = await getEnomClient().getBalance();
    return { cents: (balance.availableBalance ?? balance.balance).cents };
  } catch (error) {
    if (!describeEnomFailure(error)) throw error;
    return {
      problem:
        "The account balance could not be read just now, so it was not checked. eNom still refuses an order the balance cannot cover.",
    };
  }
}
