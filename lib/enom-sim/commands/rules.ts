import { passwordProblem } from "../../validation/enom-rules";
import { documentedFailures, EnomError, enomErrors, failWith, type Failure } from "../errors";
import { balanceAmount, orderAmount } from "../prices";
import { isExpired, type Account, type Domain, type Pak } from "../world";
import type { CommandContext } from "./context";
import { domainParams, pakIdParam, wholeNumberParam } from "./inputs";

/** The constraints eNom's documents list for most email commands, checked the same way everywhere. */

/** "The domain name must belong to this account." (316153, error-with-responses.xml) */
export function requireDomain(context: CommandContext, fallbackSuffix = ""): Domain {
  const { sld, tld } = domainParams(context.params, fallbackSuffix);
  const domain = context.world.domainOf(context.account, sld, tld);
  if (!domain) failWith(documentedFailures.domainNotFound);
  return domain;
}

/**
 * SLD and TLD, or DomainNameID instead: the SetPakRenew page's example names its domain only by
 * `DomainNameID=152533676`.
 */
export function requireDomainOrId(context: CommandContext): Domain {
  const sent = (name: string) => (context.params.get(name) ?? "") !== "";
  if (!sent("SLD") && !sent("TLD") && sent("DomainNameID")) {
    const id = wholeNumberParam(context.params, "DomainNameID", { min: 1, max: 9_999_999_999, maxSize: 10 });
    const domain = context.world.domainById(context.account, id);
    if (!domain) failWith(documentedFailures.domainNotFound);
    return domain;
  }
  return requireDomain(context);
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

/**
 * A mailbox password by eNom's current rule (lib/validation/enom-rules.ts), or the 2014 one under
 * the legacy switch. Containing the user name or the domain is eNom's error 48
 * (api-error-codes.md: "Contains check … not case-sensitive"); the legacy rule predates that check.
 */
export function passwordFailure(
  password: string,
  userName: string,
  domain: Domain,
  legacy: boolean,
): Failure | null {
  const shape = passwordProblem(password, { legacy });
  if (shape) return { message: enomErrors.badPassword(shape) };
  if (legacy) return null;
  const contains = passwordProblem(password, { userName, domain: `${domain.sld}.${domain.tld}` });
  return contains ? documentedFailures.passwordRejected : null;
}
