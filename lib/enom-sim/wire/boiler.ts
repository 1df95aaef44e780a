import { enomDateTime } from "../dates";
import { group, value, type ReplyField } from "./reply";

/**
 * The fields every eNom reply ends with, after the command's own (docs/enom.md, "The wire").
 * Values copied from the documents' samples of eNom's test system; only ExecTime, TrackingKey and
 * RequestDateTime vary per call.
 */
export const SERVER_NAME = "RESELLERTEST";

export interface BoilerFacts {
  command: string;
  apiType: string;
  errors: readonly string[];
  execSeconds: number;
  trackingKey: string;
  requestedAt: Date;
}

export function boilerFields(facts: BoilerFacts): ReplyField[] {
  const errors = facts.errors.map((message, index) => value(`Err${index + 1}`, message));
  return [
    value("Command", facts.command),
    value("APIType", facts.apiType),
    value("Language", "eng"),
    value("ErrCount", errors.length),
    ...(errors.length > 0 ? [group("errors", errors)] : []),
    value("ResponseCount", 0),
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
