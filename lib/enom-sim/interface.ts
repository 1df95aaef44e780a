import { MAX_SIZE } from "../validation/enom-rules";
import { COMMANDS } from "./commands";
import { isoDateOf } from "./dates";
import { EnomError, enomErrors } from "./errors";
import { responseFormatOf, type ResponseFormat } from "./wire/format";
import type { EnomParams } from "./wire/params";
import type { ReplyField } from "./wire/reply";
import type { World } from "./world";

/**
 * interface.asp: one request in, one answer out — the command's fields or eNom's errors — with
 * no HTTP in sight. Every failure is an answer (HTTP 200, ErrCount > 0), including an unknown
 * command and an exception inside a command: a caller never sees a stack trace.
 */
export interface InterfaceAnswer {
  /** Upper case as sent ("" when no command was sent). */
  command: string;
  format: ResponseFormat;
  apiType: string;
  fields: ReplyField[];
  errors: string[];
  changed: boolean;
}

export interface InterfaceRequest {
  params: EnomParams;
  now: Date;
  failAfterFirst?: string;
}

const DEFAULT_API_TYPE = "API.NET";

export function commandNameOf(params: EnomParams): string {
  return (params.get("command") ?? "").toUpperCase();
}

export function isBatchCommand(command: string): boolean {
  return COMMANDS.get(command)?.batch === true;
}

export function errorAnswer(params: EnomParams, errors: string[]): InterfaceAnswer {
  const command = commandNameOf(params);
  return {
    command,
    format: responseFormatOf(params) ?? "text",
    apiType: COMMANDS.get(command)?.apiType ?? DEFAULT_API_TYPE,
    fields: [],
    errors,
    changed: false,
  };
}

export function answerRequest(
  world: World,
  request: InterfaceRequest,
  onInternalError: (error: unknown) => void,
): InterfaceAnswer {
  const { params } = request;
  try {
    return runCommand(world, request);
  } catch (error) {
    if (error instanceof EnomError) return errorAnswer(params, error.messages);
    onInternalError(error);
    return errorAnswer(params, [enomErrors.internal]);
  }
}

function runCommand(world: World, { params, now, failAfterFirst }: InterfaceRequest): InterfaceAnswer {
  if (responseFormatOf(params) === null) throw new EnomError(enomErrors.badResponseType);
  const name = commandNameOf(params);
  if (name === "") throw new EnomError(enomErrors.noCommand);
  const command = COMMANDS.get(name);
  if (!command) throw new EnomError(enomErrors.unknownCommand);
  const uid = params.get("UID") ?? "";
  const pw = params.get("PW") ?? "";
  if (uid.length > MAX_SIZE.uid) throw new EnomError(enomErrors.tooLong("UID", MAX_SIZE.uid));
  if (pw.length > MAX_SIZE.pw) throw new EnomError(enomErrors.tooLong("PW", MAX_SIZE.pw));
  const account = world.login(uid, pw);
  if (!account) throw new EnomError(enomErrors.badLogin);
  const result = command.run({ params, world, account, now, today: isoDateOf(now), failAfterFirst });
  return { ...errorAnswer(params, []), fields: result.fields, changed: result.changed };
}
