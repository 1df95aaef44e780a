import type { IsoDate } from "../dates";
import type { EnomResponse } from "../wire/boiler";
import type { EnomParams } from "../wire/params";
import type { ReplyField } from "../wire/reply";
import type { Account, World } from "../world";

/** What a command sees: the request, the world, the signed-in account, the clock and the switches. */
export interface CommandContext {
  params: EnomParams;
  world: World;
  account: Account;
  now: Date;
  today: IsoDate;
  /** The 2014 password rule instead of today's, to replay the seeds' examples verbatim. */
  legacyPasswords: boolean;
  /**
   * Set by the `partial` fault: a batch command lets its first user through and fails every
   * other one with this reason.
   */
  failAfterFirst?: string;
}

export interface CommandResult {
  /** The command's own fields, before the boiler. */
  fields: ReplyField[];
  /** True when the world changed and must be saved before the reply goes out. */
  changed: boolean;
  /**
   * Errors next to the fields: a batch that succeeded in part answers its counts and ErrCount > 0
   * together, as seeds/001's HTML and Text samples show (`AccountsCreated=1`, `ErrCount=1`).
   */
  errors?: string[];
  responses?: EnomResponse[];
}

export interface EnomCommand {
  /** Upper case, as eNom echoes it in `Command`. */
  name: string;
  /** eNom's APIType for the command: `API.NET` for most, `API` where a sample shows it. */
  apiType?: string;
  /** Sends indexed users (UserName1…): the `partial` fault applies. */
  batch?: boolean;
  run(context: CommandContext): CommandResult;
}
