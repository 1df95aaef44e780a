import type { IsoDate } from "../dates";
import type { EnomParams } from "../wire/params";
import type { ReplyField } from "../wire/reply";
import type { Account, World } from "../world";

/** What a command sees: the request, the world, the signed-in account and the clock. */
export interface CommandContext {
  params: EnomParams;
  world: World;
  account: Account;
  now: Date;
  today: IsoDate;
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
}

export interface EnomCommand {
  /** Upper case, as eNom echoes it in `Command`. */
  name: string;
  /** eNom's APIType for the command: `API.NET` for most, `API` for PurchaseServices (seeds/002). */
  apiType?: string;
  /** Sends indexed users (UserName1…): the `partial` fault applies. */
  batch?: boolean;
  run(context: CommandContext): CommandResult;
}
