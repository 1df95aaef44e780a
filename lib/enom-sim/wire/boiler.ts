import { enomDateTime } from "../dates";
import { node, value, type ReplyField } from "./reply";

/**
 * The fields every eNom reply ends with, after the command's own. Values copied from the
 * documents' samples of eNom's test system; only ExecTime, TrackingKey and RequestDateTime vary
 * per call.
 *
 * An error's `responses` follow `ResponseCount` as ../shared/enom-samples/error-with-responses.xml
 * shows: `<responses><response><Description/><ResponseNumber/><ResponseString/></response>`, in
 * Text `ResponseNumber1=` and `ResponseString1=` (../shared/enom-api.md, "The wire").
 */
export const SERVER_NAME = "RESELLERTEST";

/** One `responses/response`: eNom's number for an error and its words (api-error-codes.md). */
export interface EnomResponse {
  number?: number;
  text: string;
  description?: string;
}

export interface BoilerFacts {
  command: string;
  apiType: string;
  errors: readonly string[];
  responses: readonly EnomResponse[];
  execSeconds: number;
  trackingKey: string;
  requestedAt: Date;
}

export function responsesField(responses: readonly EnomResponse[]): ReplyField[] {
  if (responses.length === 0) return [];
  return [
    node(
      "responses",
      responses.map((response, index) =>
        node(
          "response",
          [
            ...(response.description !== undefined ? [value("Description", response.description)] : []),
            ...(response.number !== undefined ? [value("ResponseNumber", response.number)] : []),
            value("ResponseString", response.text),
          ],
          { textIndex: index + 1 },
        ),
      ),
    ),
  ];
}

export function boilerFields(facts: BoilerFacts): ReplyField[] {
  const errors = facts.errors.map((message, index) => value(`Err${index + 1}`, message));
  return [
    value("Command", facts.command),
    value("APIType", facts.apiType),
    value("Language", "eng"),
    value("ErrCount", errors.length),
    ...(errors.length > 0 ? [node("errors", errors)] : []),
    value("ResponseCount", facts.responses.length),
    ...responsesField(facts.responses),
    value("MinPeriod", 1),
    value("MaxPeriod", 10),
    value("Server", SERVER_NAME),
    value("Site", "eNom"),
    value("IsLockable", ""),
    value("IsRealTimeTLD", ""),
    value("TimeDifference", "+0.00"),
    value("ExecTime", facts.execSeconds.toFixed(3)),
    value("Done", "true"),
    value("TrackingKey", facts.trackingKey),
    value("RequestDateTime", enomDateTime(facts.requestedAt)),
  ];
}
