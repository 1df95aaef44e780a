import { EnomError, enomErrors } from "../errors";
import { balanceAmount, orderAmount } from "../prices";
import { isExpired, type Account, type Domain, type Pak } from "../world";
import type { CommandContext } from "./context";
import { domainParams, pakIdParam } from "./inputs";

/** The constraints eNom's documents list for most email commands, checked the same way everywhere. */

/** "The domain name must belong to this account." */
export function requireDomain(context: CommandContext, fallbackSuffix = ""): Domain {
  const { sld, tld } = domainParams(context.params, fallbackSuffix);
  const domain = context.world.domainOf(context.account, sld, tld);
  if (!domain) throw new EnomError(enomErrors.domainNotFound);
  return domain;
}

/** "POP Email is available for domain names that are registered with us or use our DNS Hosting." */
export function requireEmailAvailable(domain: Domain): void {
  if (domain.status !== "Registered" && domain.status !== "DNSHosted")
    throw new EnomError(enomErrors.emailNotAvailable);
}

/** "The POP pak bundle ID must belong to this domain." */
export function requirePak(domain: Domain, bundleId: number): Pak {
  const pak = domain.paks.find((candidate) => candidate.bundleId === bundleId);
  if (!pak) throw new EnomError(enomErrors.bundleNotFound(bundleId));
  return pak;
}

export function requirePakParam(context: CommandContext, domain: Domain, name: string): Pak {
  return requirePak(domain, pakIdParam(context.params, name));
}

export function requireActivePak(pak: Pak, today: string): void {
  if (isExpired(pak, today)) throw new EnomError(enomErrors.pakExpired(pak.bundleId));
}

/** "This command is available for reseller accounts only." */
export function requireReseller(account: Account): void {
  if (account.kind !== "reseller") throw new EnomError(enomErrors.resellerOnly);
}

/** Checked before anything changes, so a refused order leaves the world as it was. */
export function requireFunds(account: Account, cents: number): void {
  if (account.balanceCents < cents)
    throw new EnomError(
      enomErrors.insufficientFunds(`$${orderAmount(cents)}`, `$${balanceAmount(account.balanceCents)}`),
    );
}
