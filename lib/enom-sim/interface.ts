import { MAX_SIZE } from "../validation/enom-rules";
import { COMMANDS } from "./commands";
import { isoDateOf } from "./dates";
import { documentedFailures, EnomError, enomErrors, failWith } from "./errors";
import type { EnomResponse } from "./wire/boiler";
import { responseFormatOf, type ResponseFormat } from "./wire/format";
import type { EnomParams } from "./wire/params";
import type { ReplyField } from "./wire/reply";
import type { World } from "./world";

/**
 * interface.asp: one request in, one answer out — the command's fields, eNom's errors, or both
 * (a batch that succeeded in part) — with no HTTP in sight. Every failure is an answer (HTTP 200,
 * ErrCount > 0), including an unknown command and an exception inside a command: a caller never
 * sees a stack trace.
 */
export interface InterfaceAnswer {
  /** Upper case as sent ("" when no command was sent). */
  command: string;
  format: ResponseFormat;
  apiType: string;
  fields: ReplyField[];
  errors: string[];
  responses: EnomResponse[];
  changed: boolean;
}

export interface InterfaceRequest {
  params: EnomParams;
  now: Date;
  failAfterFirst?: string;
  /** The 2014 password rule (the seeds' `Abcdefg1`, `resellpw`) instead of today's. */
  legacyPasswords?: boolean;
  /** The caller's address and, when set, the only addresses the account may call from. */
  access?: { clientIp: string; allowedIps: readonly string[] | null };
}

const DEFAULT_API_TYPE = "API.NET";

export function commandNameOf(params: EnomParams): string {
  return (params.get("command") ?? "").toUpperCase();
}

export function isBatchCommand(command: string): boolean {
  return COMMANDS.get(command)?.batch === true;
}

export function errorAnswer(
  params: EnomParams,
  errors: string[],
  responses: EnomResponse[] = [],
): InterfaceAnswer {
  const command = commandNameOf(params);
  return {
    command,
    format: responseFormatOf(params) ?? "text",
    apiType: COMMANDS.get(command)?.apiType ?? DEFAULT_API_TYPE,
    fields: [],
    errors,
    responses,
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
    if (error instanceof EnomError) return errorAnswer(params, error.messages, error.responses);
    onInternalError(error);
    return errorAnswer(params, [enomErrors.internal]);
  }
}

function runCommand(world: World, request: InterfaceRequest): InterfaceAnswer {
  const { params, now, failAfterFirst, access } = request;
  if (responseFormatOf(params) === null) throw new EnomError(enomErrors.badResponseType);
  const name = commandNameOf(params);
  if (name === "") throw new EnomError(enomErrors.noCommand);
  const command = COMMANDS.get(name);
  if (!command) throw new EnomError(enomErrors.unknownCommand);
  const uid = params.get("UID") ?? "";
  const pw = params.get("PW") ?? "";
  if (uid.length > MAX_SIZE.uid) throw new EnomError(enomErrors.tooLong("UID", MAX_SIZE.uid));
  // The table says 20, but API tokens replace the password and are longer (api-tokens.md).
  if (pw.length > MAX_SIZE.pw) throw new EnomError(enomErrors.tooLong("PW", MAX_SIZE.pw));
  const account = world.login(uid, pw);
  if (!account) failWith(documentedFailures.badLogin);
  if (access?.allowedIps && !access.allowedIps.includes(access.clientIp))
    failWith(documentedFailures.ipNotAllowed(access.clientIp));
  const result = command.run({
    params,
    world,
    account,
    now,
    today: isoDateOf(now),
    legacyPasswords: request.legacyPasswords ?? false,
    ...(failAfterFirst !== undefined ? { failAfterFirst } : {}),
  });
  return {
    ...errorAnswer(params, result.errors ?? [], result.responses ?? []),
    fields: result.fields,
    changed: result.changed,
  };
}
