import { END_USER_IP_PATTERN, MAX_SIZE } from "../../validation/enom-rules";
import { EnomError, enomErrors } from "../errors";
import type { EnomParams } from "../wire/params";

/**
 * Reading parameters the way eNom's tables state them: required or optional, a maximum size,
 * permitted values compared without regard to case. Each failure is an eNom error naming the
 * parameter as the documents spell it.
 */
export function requiredParam(params: EnomParams, name: string, maxSize: number): string {
  const text = params.get(name);
  if (text === undefined || text === "") throw new EnomError(enomErrors.missing(name));
  if (text.length > maxSize) throw new EnomError(enomErrors.tooLong(name, maxSize));
  return text;
}

/** An optional parameter; an empty value is returned as "" (it can mean "none", e.g. ForwardTo1=). */
export function optionalParam(params: EnomParams, name: string, maxSize: number): string | undefined {
  const text = params.get(name);
  if (text === undefined) return undefined;
  if (text.length > maxSize) throw new EnomError(enomErrors.tooLong(name, maxSize));
  return text;
}

export function permittedParam<T extends string>(
  params: EnomParams,
  name: string,
  permitted: readonly T[],
  options: { fallback?: T; maxSize?: number } = {},
): T {
  const text = params.get(name);
  if (text === undefined || text === "") {
    if (options.fallback !== undefined) return options.fallback;
    throw new EnomError(enomErrors.missing(name));
  }
  if (options.maxSize !== undefined && text.length > options.maxSize)
    throw new EnomError(enomErrors.tooLong(name, options.maxSize));
  const found = permitted.find((candidate) => candidate.toLowerCase() === text.toLowerCase());
  if (found === undefined) throw new EnomError(enomErrors.notPermitted(name, permitted));
  return found;
}

export function wholeNumberParam(
  params: EnomParams,
  name: string,
  limits: { min: number; max: number; maxSize?: number; fallback?: number },
): number {
  const text = params.get(name);
  if (text === undefined || text === "") {
    if (limits.fallback !== undefined) return limits.fallback;
    throw new EnomError(enomErrors.missing(name));
  }
  if (limits.maxSize !== undefined && text.length > limits.maxSize)
    throw new EnomError(enomErrors.tooLong(name, limits.maxSize));
  const number = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(number) || number < limits.min || number > limits.max)
    throw new EnomError(enomErrors.notWholeNumber(name, limits.min, limits.max));
  return number;
}

/**
 * A pak id (BundleID, PakID, ProductID). The documents give 4, 10 and 3 characters for these,
 * but their own example BundleID 1004279 has 7: the simulator allows PakID's 10 for all three.
 */
export const PAK_ID_MAX_SIZE = MAX_SIZE.pakId;

export function pakIdParam(params: EnomParams, name: string): number {
  return wholeNumberParam(params, name, { min: 1, max: 9_999_999_999, maxSize: PAK_ID_MAX_SIZE });
}

/**
 * SLD and TLD. With a fallback suffix, `SLD1`/`TLD1` stand in when `SLD`/`TLD` are absent:
 * seeds/002 Step 3 sends SetUpPOP3User's domain that way.
 */
export function domainParams(params: EnomParams, fallbackSuffix = ""): { sld: string; tld: string } {
  const nameOf = (base: string) =>
    params.get(base) === undefined && fallbackSuffix !== "" && params.get(base + fallbackSuffix) !== undefined
      ? base + fallbackSuffix
      : base;
  return {
    sld: requiredParam(params, nameOf("SLD"), MAX_SIZE.sld),
    tld: requiredParam(params, nameOf("TLD"), MAX_SIZE.tld),
  };
}

/** EndUserIP: NNN.NNN.NNN.NNN, at most 15 characters, checked whenever it is sent. */
export function endUserIpParam(params: EnomParams, required: boolean): string | undefined {
  const ip = required
    ? requiredParam(params, "EndUserIP", MAX_SIZE.endUserIp)
    : optionalParam(params, "EndUserIP", MAX_SIZE.endUserIp);
  if (ip === undefined || (ip === "" && !required)) return undefined;
  if (!END_USER_IP_PATTERN.test(ip)) throw new EnomError(enomErrors.badEndUserIp);
  return ip;
}

const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F]/;

/** Free text (display names) must not carry control characters: they would break the Text format. */
export function freeTextParam(params: EnomParams, name: string, maxSize: number): string | undefined {
  const text = optionalParam(params, name, maxSize);
  if (text !== undefined && CONTROL_CHARACTERS.test(text))
    throw new EnomError(enomErrors.controlCharacters(name));
  return text;
}
