import "server-only";
import { NotFoundError, RuleError } from "@/lib/auth/errors";
import { describeEnomFailure } from "@/lib/actions/enom-outcome";
import { getEnomClient, type DomainEmail, type PopExpiration } from "@/lib/enom";
import { CAPACITIES_GB, type CapacityGb } from "@/lib/validation/enom-rules";
import { recordedShapeOf } from "./attempts";
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

async function readExpirations(): Promise<PopExpiration[]> {
  try {
    return (await getEnomClient().getPopExpirations()).paks;
  } catch (error) {
    readFailed(error);
  }
}

async function factsOf(pak: PopExpiration): Promise<PakFacts> {
  const recorded = await recordedShapeOf(pak.domainName, pak.bundleId);
  const knownCapacity = CAPACITIES_GB.find((gb) => gb === recorded.capacityGb) as CapacityGb | undefined;
  const shape = shapeOfQuota(pak.quotaMb, {
    capacityGb: knownCapacity ?? null,
    storageUnits: recorded.storageUnits,
  });
  if (!shape || pak.qtyPurchased === null)
    throw new RuleError(
      `The size of pak ${pak.bundleId} could not be read. Nothing was bought; please try again in a moment.`,
    );
  return {
    domain: pak.domainName,
    bundleId: pak.bundleId,
    qtyPurchased: pak.qtyPurchased,
    expires: pak.expires.iso,
    billingPeriod: pak.billingPeriod,
    prodType: pak.prodType,
    shape,
  };
}

/**
 * Each pak with what pricing needs (GetPOPExpirations, once for all of them). A pak that eNom
 * does not list under the domain given is "not found": a BundleID from the browser is only
 * trusted once eNom says it belongs to that domain.
 */
export async function readPakFacts(items: { domain: string; bundleId: number }[]): Promise<PakFacts[]> {
  const paks = await readExpirations();
  const byKey = new Map(paks.map((pak) => [`${pak.domainName.toLowerCase()}/${pak.bundleId}`, pak]));
  const found = items.map((item) => byKey.get(`${item.domain}/${item.bundleId}`));
  if (found.some((pak) => pak === undefined)) throw new NotFoundError("That pak");
  return Promise.all((found as PopExpiration[]).map(factsOf));
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
