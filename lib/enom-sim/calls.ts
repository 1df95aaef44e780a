import type { FaultMode } from "./faults";
import type { ResponseFormat } from "./wire/format";
import type { EnomParams } from "./wire/params";

/**
 * The call log and counters behind /_sim/calls and /_sim/counters: what a client really sent,
 * so a test can assert "one purchase, not two". Credentials, mailbox passwords and card data
 * never enter it.
 */
export interface CallRecord {
  seq: number;
  at: string;
  command: string;
  method: string;
  format: ResponseFormat;
  params: Record<string, string>;
  errCount: number;
  fault?: FaultMode;
}

const SECRET_PARAMETER = /^(uid|pw|password\d*|creditcardnumber|cvv2)$/i;
export const REDACTED = "[redacted]";

/** The newest calls kept; older ones drop off so a long benchmark cannot exhaust memory. */
export const CALL_LOG_LIMIT = 10_000;

export function redactedParams(params: EnomParams): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [name, value] of params.sent) {
    const text = SECRET_PARAMETER.test(name) ? REDACTED : value;
    shown[name] = name in shown && !SECRET_PARAMETER.test(name) ? `${shown[name]}, ${text}` : text;
  }
  return shown;
}

export class CallLog {
  private records: CallRecord[] = [];
  private nextSeq = 1;
  private total = 0;
  private byCommand = new Map<string, number>();

  record(call: Omit<CallRecord, "seq" | "at">, at: Date): CallRecord {
    const record: CallRecord = { seq: this.nextSeq++, at: at.toISOString(), ...call };
    this.records.push(record);
    if (this.records.length > CALL_LOG_LIMIT) this.records.splice(0, this.records.length - CALL_LOG_LIMIT);
    this.total++;
    this.byCommand.set(call.command, (this.byCommand.get(call.command) ?? 0) + 1);
    return record;
  }

  list(filter: { command?: string; since?: number } = {}): CallRecord[] {
    const command = filter.command?.toUpperCase();
    const since = filter.since ?? 0;
    return this.records.filter(
      (record) => record.seq > since && (command === undefined || record.command === command),
    );
  }

  /** Sequence numbers keep growing after a clear, so `since` never sees an old number again. */
  clearLog(): void {
    this.records = [];
  }

  counters(): { total: number; byCommand: Record<string, number> } {
    return { total: this.total, byCommand: Object.fromEntries(this.byCommand) };
  }

  clearCounters(): void {
    this.total = 0;
    this.byCommand = new Map();
  }
}
