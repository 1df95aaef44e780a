import "server-only";
import { getBalance, getDomainsPage } from "./commands/account";
import type { CommandSpec } from "./commands/command";
import { getDomainForwarding, setDomainForwarding } from "./commands/domain-forwarding";
import { getCatchAll, getPopForwarding, setCatchAll, setPopForwarding } from "./commands/forwarding";
import { getDns, getHosts, getMailHosts, setHosts } from "./commands/hosts";
import { deletePop3Users, modifyPop3Users, setUpPop3Users } from "./commands/mailboxes";
import {
  deleteAllPopPaks,
  deletePopPak,
  getPop3,
  getPopExpirations,
  renewPopBundle,
  setPakRenew,
} from "./commands/paks";
import { purchasePopBundle, purchaseServices } from "./commands/purchase";
import { EnomError, type EnomErrorCode, type EnomResponse } from "./errors";
import { readEnvelope } from "./parse/envelope";
import { parseReply } from "./parse/format";
import { ReplyFormatError, type ReplyFormat } from "./parse/reply";

/**
 * A raw reply held against what eNom documents for its command, with the client's own readers:
 * "matches" means the client reads it (lists agree with their counts, every value converts) and
 * every top-level field eNom's page prints for the command is there. For `npm run enom:check`,
 * which saves the raw replies (client option `onRawReply`) and reports each command.
 */
export type ReplyShapeCheck =
  | { command: string; outcome: "matches"; format: ReplyFormat }
  | {
      command: string;
      outcome: "enom-error";
      format: ReplyFormat;
      errors: readonly string[];
      responses: readonly EnomResponse[];
      code: EnomErrorCode | null;
    }
  | { command: string; outcome: "differs"; format: ReplyFormat | null; problems: string[] };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one table of differently typed specs
type AnySpec = CommandSpec<any, unknown>;

const SPECS: readonly AnySpec[] = [
  getPop3,
  setPakRenew,
  deletePopPak,
  deleteAllPopPaks,
  renewPopBundle,
  getPopExpirations,
  setUpPop3Users,
  modifyPop3Users,
  deletePop3Users,
  getCatchAll,
  setCatchAll,
  getPopForwarding,
  setPopForwarding,
  purchaseServices,
  purchasePopBundle,
  getDomainsPage,
  getBalance,
  getHosts,
  setHosts,
  getMailHosts,
  getDns,
  getDomainForwarding,
  setDomainForwarding,
];

/** The commands the client speaks, by eNom's name (`GetPOP3`, `SetUpPOP3User`, …). */
export const CHECKED_COMMANDS: readonly string[] = SPECS.map((spec) => spec.command);

/**
 * Checks `body` (any of eNom's three formats) as a reply to `command`. `input` is what the client
 * was called with for that request (the same object: `{ domain, users: […] }`, GetDomains `{ tab,
 * start, display }`); it is needed where the reply is read against the request (the names of a
 * batch, the domain of GetPOP3). Throws when the command is not one the client speaks or the
 * input is not valid for it.
 */
export function checkReplyShape(command: string, body: string, input: object = {}): ReplyShapeCheck {
  const spec = SPECS.find((s) => s.command.toLowerCase() === command.toLowerCase());
  if (!spec) throw new Error(`Mailpak's client does not speak ${command}.`);
  const parsedInput = spec.input.safeParse(input);
  if (!parsedInput.success) throw new Error(`Not an input for ${spec.command}: ${parsedInput.error.message}`);

  let format: ReplyFormat | null = null;
  try {
    const parsed = parseReply(body);
    format = parsed.format;
    const envelope = readEnvelope(parsed.reply, parsed.format);
    const problems: string[] = [];
    if (envelope.command !== null && envelope.command.toLowerCase() !== spec.command.toLowerCase())
      problems.push(`a reply to ${envelope.command}`);
    if (envelope.errCount > 0 && !spec.readsDespiteErrors?.(parsed.reply)) {
      const error = new EnomError({
        command: spec.command,
        errors: envelope.errors,
        responses: envelope.responses,
        trackingKey: envelope.trackingKey,
      });
      return {
        command: spec.command,
        outcome: "enom-error",
        format,
        errors: error.errors,
        responses: error.responses,
        code: error.code,
      };
    }
    if (format === "xml")
      for (const field of spec.documented)
        if (!Object.hasOwn(parsed.reply, field.toLowerCase())) problems.push(`no <${field}>`);
    try {
      spec.read(parsed.reply, envelope, parsedInput.data);
    } catch (error) {
      problems.push(error instanceof ReplyFormatError ? error.message : "fields not as eNom documents them");
    }
    return problems.length === 0
      ? { command: spec.command, outcome: "matches", format }
      : { command: spec.command, outcome: "differs", format, problems };
  } catch (error) {
    const problem = error instanceof ReplyFormatError ? `${error.reason}: ${error.message}` : String(error);
    return { command: spec.command, outcome: "differs", format, problems: [problem] };
  }
}
