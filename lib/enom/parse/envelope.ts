import "server-only";
import { parseEnomDateTime, type EnomDateTime } from "../dates";
import type { EnomResponse } from "../errors";
import { ReplyFormatError, scalar, type ReplyFormat, type ReplyRecord } from "./reply";

/**
 * The fields every eNom reply carries, read the same way whatever the format. `Done` and
 * `ErrCount` are required: eNom says Done "indicates this entire response has reached you", so a
 * reply without them is incomplete, whatever else it says.
 */
export type Envelope = {
  /** `Command` as eNom echoed it (upper case), or null when absent. */
  command: string | null;
  errCount: number;
  /** Err1..ErrN, from `<errors><ErrN>` (XML) or top-level `ErrN` (Text, HTML, older XML). */
  errors: string[];
  /**
   * `responses/response/{ResponseNumber, ResponseString, Description}` (XML) or
   * `ResponseNumber1`, `ResponseString1` (Text): eNom's numbers for what went wrong.
   */
  responses: EnomResponse[];
  trackingKey: string | null;
  requestDateTime: EnomDateTime | null;
  /** The format the reply came in (the client asks for XML). */
  format: ReplyFormat;
};

const ERR_NAME = /^err(\d{1,4})$/;

function collectErrors(from: ReplyRecord, into: Map<number, string>): void {
  for (const [name, value] of Object.entries(from)) {
    const match = ERR_NAME.exec(name);
    if (!match) continue;
    const index = Number(match[1]);
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string" && first.trim() !== "" && !into.has(index)) into.set(index, first.trim());
  }
}

const text = (value: unknown): string | null => {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" && first.trim() !== "" ? first.trim() : null;
};

function response(number: unknown, words: unknown, description: unknown): EnomResponse | null {
  const numberText = text(number);
  const result: EnomResponse = {
    number: numberText !== null && /^\d{1,9}$/.test(numberText) ? Number(numberText) : null,
    text: text(words),
    description: text(description),
  };
  return result.number === null && result.text === null && result.description === null ? null : result;
}

/** `<responses><response>…</response>…</responses>` and the Text form `ResponseNumber1=…`. */
function collectResponses(reply: ReplyRecord): EnomResponse[] {
  const found: EnomResponse[] = [];
  const containers = reply.responses;
  for (const container of Array.isArray(containers)
    ? containers
    : containers === undefined
      ? []
      : [containers]) {
    if (typeof container !== "object" || Array.isArray(container)) continue;
    const items = container.response;
    for (const item of Array.isArray(items) ? items : items === undefined ? [] : [items]) {
      if (typeof item !== "object" || Array.isArray(item)) continue;
      const one = response(item.responsenumber, item.responsestring, item.description);
      if (one) found.push(one);
    }
  }
  for (let index = 1; index <= 99; index += 1) {
    const one = response(
      reply[`responsenumber${index}`],
      reply[`responsestring${index}`],
      reply[`description${index}`],
    );
    if (!one) break;
    found.push(one);
  }
  return found;
}

/** Reads the envelope; throws ReplyFormatError when `Done` or `ErrCount` is missing or wrong. */
export function readEnvelope(reply: ReplyRecord, format: ReplyFormat = "xml"): Envelope {
  // The documents' samples print `<Done>>true</Done>`: the text of Done is `>true`.
  const done = scalar(reply, "done")?.trim().replace(/^>+/, "").trim().toLowerCase();
  if (done === undefined) throw new ReplyFormatError("incomplete", "no Done");
  if (done !== "true") throw new ReplyFormatError("incomplete", "Done is not true");

  const errCountText = scalar(reply, "errcount")?.trim();
  if (errCountText === undefined) throw new ReplyFormatError("incomplete", "no ErrCount");
  if (!/^\d{1,4}$/.test(errCountText)) throw new ReplyFormatError("unparseable", "ErrCount is not a count");
  const errCount = Number(errCountText);

  const found = new Map<number, string>();
  const nested = reply.errors;
  for (const group of Array.isArray(nested) ? nested : nested === undefined ? [] : [nested])
    if (typeof group === "object" && !Array.isArray(group)) collectErrors(group, found);
  collectErrors(reply, found);
  const errors = [...found.entries()].sort(([a], [b]) => a - b).map(([, text]) => text);

  // A GUID never holds whitespace; the documents print some split across a line break.
  const trackingKey = scalar(reply, "trackingkey")?.replace(/\s+/g, "") || null;
  const requestDateTimeText = scalar(reply, "requestdatetime");
  return {
    command: scalar(reply, "command")?.trim() || null,
    errCount,
    errors: errCount > 0 ? errors : [],
    responses: collectResponses(reply),
    trackingKey,
    requestDateTime: requestDateTimeText ? parseEnomDateTime(requestDateTimeText) : null,
    format,
  };
}
