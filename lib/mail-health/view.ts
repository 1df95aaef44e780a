/**
 * What the browser gets of a domain's mail health and of its fix: plain data, no DNS answers
 * beyond what the screen shows. Safe for client components.
 */
import type { HostRecord, RecordToCopy } from "./fix-plan";
import type { CheckId, HealthStatus } from "./model";

export const CHECK_LABELS: Record<CheckId, string> = {
  mx: "Mail delivery (MX)",
  spf: "Allowed senders (SPF)",
  dkim: "Signature (DKIM)",
  dmarc: "Anti-spoofing policy (DMARC)",
  service: "Email service",
};

export const STATUS_LABELS: Record<HealthStatus, string> = {
  green: "Good",
  amber: "Needs attention",
  red: "Problem",
  unknown: "Could not check",
};

export interface MailHealthCheckView {
  id: CheckId;
  label: string;
  status: HealthStatus;
  sentence: string;
}

export interface MailHealthView {
  domain: string;
  /** Null until the domain has been checked once. */
  status: HealthStatus | null;
  checkedAt: string | null;
  checks: MailHealthCheckView[];
  /** Whether the provider hosts the domain's DNS (the fix is one click) or not (records to copy). */
  dnsAtProvider: boolean | null;
  /** The caller may check again / write the fix. */
  canCheck: boolean;
  canFix: boolean;
}

/** One host record as the fix dialog shows it. */
export interface RecordLine {
  name: string;
  type: string;
  value: string;
  mxPref?: number;
}

export type MailFixPreview =
  | {
      kind: "set-hosts";
      add: { record: RecordLine; reason: string }[];
      change: { before: RecordLine; after: RecordLine; reason: string }[];
      remove: { record: RecordLine; reason: string }[];
      /** Records the fix writes back unchanged (SetHosts replaces them all). */
      kept: RecordLine[];
      notes: string[];
      empty: boolean;
      /** The host records the preview was made from; the fix is refused if they change meanwhile. */
      fingerprint: string;
    }
  | { kind: "copy-records"; records: RecordToCopy[]; notes: string[]; empty: boolean }
  | { kind: "refused"; message: string; notes: string[] };

export function recordLine(record: HostRecord): RecordLine {
  return {
    name: record.name,
    type: record.type,
    value: record.address,
    ...(record.mxPref === undefined ? {} : { mxPref: record.mxPref }),
  };
}

export type MailHealthResponse = { ok: true; data: MailHealthView } | { ok: false; message: string };
export type MailFixPreviewResponse = { ok: true; data: MailFixPreview } | { ok: false; message: string };
