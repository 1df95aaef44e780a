/** One email as the templates write it and the transport sends it. */
export interface MailContent {
  subject: string;
  /** The plain-text part: every email is readable without HTML. */
  text: string;
  html: string;
}

export interface MailMessage extends MailContent {
  to: string[];
  /** Extra headers, e.g. `Auto-Submitted` on reminders. */
  headers?: Record<string, string>;
  /** Which template wrote it, for logs (never the content). */
  template: string;
  /** The display name in From; the address comes from MAIL_FROM. */
  fromName?: string;
}

/** What the capture transport writes as `<timestamp>-<id>.json` (the demo and e2e tests read it). */
export interface CapturedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}
