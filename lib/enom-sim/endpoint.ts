import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { redactedParams } from "./calls";
import { documentedFailures, enomErrors } from "./errors";
import { DEFAULT_FAULT_MESSAGE, faultDelayMs, IIS_500_PAGE, truncatedBody, type Fault } from "./faults";
import { readBody, sendPlain, sleep } from "./http-io";
import { answerRequest, commandNameOf, errorAnswer, isBatchCommand, type InterfaceAnswer } from "./interface";
import type { Simulator } from "./simulator";
import { boilerFields } from "./wire/boiler";
import { CONTENT_TYPES, render, responseFormatOf, type ResponseFormat } from "./wire/format";
import { EnomParams } from "./wire/params";

/**
 * The HTTP side of interface.asp: read the parameters, apply an armed fault, answer, save before
 * replying when the world changed, log the call.
 */
export async function serveInterface(
  simulator: Simulator,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<void> {
  const receivedAt = performance.now();
  const method = request.method ?? "GET";
  const body = method === "POST" && isFormBody(request) ? await readBody(request) : "";
  const params = EnomParams.parse(url.search.slice(1), body);
  const command = commandNameOf(params);
  const format = responseFormatOf(params) ?? "text";
  const fault = simulator.faults.take(command);
  const logCall = (errCount: number) =>
    simulator.calls.record(
      {
        command,
        method,
        format,
        params: redactedParams(params),
        errCount,
        ...(fault ? { fault: fault.mode } : {}),
      },
      simulator.now(),
    );

  if (fault?.mode === "hang") {
    // Never answered: the client's own timeout (or the socket closing) ends it.
    logCall(0);
    return;
  }
  const delay = simulator.baselineLatencyMs + (fault?.mode === "latency" ? faultDelayMs(fault) : 0);
  if (delay > 0) await sleep(delay);
  if (simulator.closed) return;
  // A client that gave up while eNom was still working does not stop the work: like an ASP page,
  // the command runs to the end and only its answer goes nowhere. This is how a write can be made
  // although the client saw a timeout.
  const clientGone = request.socket.destroyed;
  if (clientGone && (fault?.mode === "reset" || fault?.mode === "http500" || fault?.mode === "malformed")) {
    logCall(0);
    return;
  }

  if (fault?.mode === "reset") {
    logCall(0);
    request.socket.resetAndDestroy();
    return;
  }
  if (fault?.mode === "http500") {
    logCall(0);
    sendPlain(response, 500, IIS_500_PAGE, "text/html; charset=utf-8");
    return;
  }
  if (fault?.mode === "malformed") {
    logCall(0);
    sendPlain(
      response,
      200,
      truncatedBody(renderAnswer(errorAnswer(params, []), format, receivedAt, simulator.now())),
      CONTENT_TYPES[format],
    );
    return;
  }

  const answer = answerWithFault(simulator, params, fault, clientAddress(request));
  if (answer.changed) {
    try {
      simulator.save();
    } catch (error) {
      process.stderr.write(`eNom simulator: could not save its state: ${String(error)}\n`);
      logCall(1);
      sendPlain(
        response,
        200,
        renderAnswer(errorAnswer(params, [enomErrors.internal]), format, receivedAt, simulator.now()),
        CONTENT_TYPES[format],
      );
      return;
    }
  }
  logCall(answer.errors.length);
  if (clientGone) return;
  if (fault?.mode === "commit-then-drop") {
    // The change is made and saved; the client only sees the connection die.
    request.socket.resetAndDestroy();
    return;
  }
  sendPlain(response, 200, renderAnswer(answer, format, receivedAt, simulator.now()), CONTENT_TYPES[format]);
}

function answerWithFault(
  simulator: Simulator,
  params: EnomParams,
  fault: Fault | undefined,
  clientIp: string,
): InterfaceAnswer {
  const message = fault?.message ?? DEFAULT_FAULT_MESSAGE;
  if (fault?.mode === "error") return errorAnswer(params, [message]);
  // eNom's transient email errors (api-error-codes.md): 20 "Try again later", 25 "Failed to
  // obtain provisioning lock"; nothing is done.
  if (fault?.mode === "try-again-later") {
    const { message: text, response } = documentedFailures.tryAgainLater;
    return errorAnswer(params, [text], [response]);
  }
  if (fault?.mode === "provisioning-lock") {
    const { message: text, response } = documentedFailures.provisioningLock;
    return errorAnswer(params, [text], [response]);
  }
  if (fault?.mode === "partial" && !isBatchCommand(commandNameOf(params)))
    return errorAnswer(params, [message]);
  return answerRequest(
    simulator.world,
    {
      params,
      now: simulator.now(),
      legacyPasswords: simulator.legacyPasswords,
      access: { clientIp, allowedIps: simulator.allowedIps },
      ...(fault?.mode === "partial" ? { failAfterFirst: message } : {}),
    },
    (error) =>
      process.stderr.write(
        `eNom simulator: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      ),
  );
}

export function renderAnswer(
  answer: InterfaceAnswer,
  format: ResponseFormat,
  receivedAt: number,
  now: Date,
): string {
  const boiler = boilerFields({
    command: answer.command,
    apiType: answer.apiType,
    errors: answer.errors,
    responses: answer.responses,
    execSeconds: (performance.now() - receivedAt) / 1000,
    trackingKey: randomUUID(),
    requestedAt: now,
  });
  return render(format, [...answer.fields, ...boiler], { error: answer.errors.length > 0 });
}

/** The caller's IPv4 address as eNom's error names it (`::ffff:` dropped). */
export function clientAddress(request: IncomingMessage): string {
  const address = request.socket.remoteAddress ?? "";
  return address.startsWith("::ffff:") ? address.slice("::ffff:".length) : address;
}

/** Like ASP's Request.Form: a form-encoded body (or one sent without a content type) is read. */
function isFormBody(request: IncomingMessage): boolean {
  const type = request.headers["content-type"];
  return type === undefined || type.toLowerCase().startsWith("application/x-www-form-urlencoded");
}
