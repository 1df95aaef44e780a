import "server-only";
import type { z } from "zod";
import type { Envelope } from "../parse/envelope";
import type { ReplyRecord } from "../parse/reply";
import type { EnomParams } from "../types";

/**
 * One eNom command as Mailpak speaks it: its input schema, how the input becomes eNom's
 * parameters, and how eNom's reply becomes the app's type. `kind` decides retries and
 * single-flight: only reads are ever sent twice or shared.
 */
export type CommandSpec<Input extends z.ZodType, Result> = {
  /** eNom's name for it, as sent in `command=`. */
  command: string;
  kind: "read" | "write";
  input: Input;
  params: (input: z.output<Input>) => EnomParams;
  /** Throws (zod or ReplyFormatError) when the reply is not what eNom sends: the transport makes that EnomUnavailable. */
  read: (reply: ReplyRecord, envelope: Envelope, input: z.output<Input>) => Result;
  /**
   * A reply with ErrCount > 0 is an EnomError, except where this says the reply still carries a
   * result to read (a batch's counts beside its errors, seeds/001).
   */
  readsDespiteErrors?: (reply: ReplyRecord) => boolean;
  /**
   * The top-level fields eNom's page prints for this command's XML reply, for `checkReplyShape`
   * (the conformance check reports any that is missing).
   */
  documented: readonly string[];
};

export function defineCommand<Input extends z.ZodType, Result>(spec: CommandSpec<Input, Result>) {
  return spec;
}

/** `SLD` and `TLD`, first in every domain command. */
export function domainParams(domain: { sld: string; tld: string }): EnomParams {
  return { SLD: domain.sld, TLD: domain.tld };
}

/** `UserName1`, `Password1`, … : eNom's indexed lists, 1-based, omitting absent values. */
export function indexedParams<T>(
  items: readonly T[],
  fields: Record<string, (item: T) => string | undefined>,
): EnomParams {
  const params: EnomParams = {};
  items.forEach((item, i) => {
    for (const [name, pick] of Object.entries(fields)) {
      const value = pick(item);
      if (value !== undefined) params[`${name}${i + 1}`] = value;
    }
  });
  return params;
}

export const flagParam = (value: boolean) => (value ? "1" : "0");
