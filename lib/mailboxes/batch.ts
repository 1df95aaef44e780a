import "server-only";
import { describeEnomFailure } from "@/lib/actions/enom-outcome";
import {
  getEnomClient,
  isEnomError,
  isEnomUnavailable,
  type DomainEmail,
  type MailboxBatch,
} from "@/lib/enom";
import { MAILBOX_BATCH_MAX, type MailboxOutcome, type MailboxResult } from "@/lib/validation/mailbox-rules";
import { inServiceWords } from "@/lib/white-label";

/**
 * The mailbox grid's eNom write logic, shared by the server actions (one list, sent at once) and
 * the jobs (lists longer than one eNom call): batches of at most 99 per call, eNom's per-mailbox
 * answers in the user's words, and settling open outcomes by reading the domain back (GetPOP3).
 */

export type Mailbox = DomainEmail["mailboxes"][number];

export function isExpired(expiresIso: string, now = new Date()): boolean {
  return expiresIso < now.toISOString().slice(0, 10);
}

/** Looks mailboxes up by name as eNom does: case-insensitively. */
export function mailboxIndex(email: DomainEmail): Map<string, Mailbox> {
  return new Map(email.mailboxes.map((mailbox) => [mailbox.userName.toLowerCase(), mailbox]));
}

/** Whether the mailbox's pak has expired: its pak's date, or the mailbox's own when the pak is not listed. */
export function inExpiredPak(email: DomainEmail, mailbox: Mailbox): boolean {
  const pak = email.paks.find((candidate) => candidate.bundleId === mailbox.bundleId);
  const expires = pak?.expires.iso ?? mailbox.expires?.iso ?? null;
  return expires !== null && isExpired(expires);
}

// ── Sending a batch, 99 mailboxes per call ───────────────────────────────────────────────

/** eNom's error 48 (api-error-codes.md), which the client maps to this code. */
export function isPasswordRejected(error: unknown): boolean {
  return isEnomError(error) && (error as { code?: unknown }).code === "password-rejected";
}

export const PASSWORD_REJECTED =
  "The email service refused the password: it contains the mailbox name, the domain or other account information. Choose another.";

/** eNom's per-mailbox reasons in the user's words; the audit keeps eNom's own text. */
export function reasonForUser(reason: string, action: string): string {
  if (/^Invalid Item specified/i.test(reason) && action === "mailbox.create")
    return "A mailbox with this name already exists on this domain.";
  if (/^Email account .* not found/i.test(reason)) return "This mailbox no longer exists.";
  if (/^eNom gave no reason$/i.test(reason)) return "The email service gave no reason.";
  if (/password rejected/i.test(reason)) return PASSWORD_REJECTED;
  return inServiceWords(reason);
}

export const UNCONFIRMED =
  "The email service did not confirm this, so it may or may not have been done. The list now shows the current state; check it before trying again.";
export const UNNAMED =
  "The email service reported that part of this list failed without saying which mailboxes";

/** UNNAMED with eNom's own words, when its answer carried any. */
export function unnamedFailure(said: string | null): string {
  return said
    ? `The email service said “${said}” for part of this list without saying which mailboxes`
    : UNNAMED;
}
export const PASSWORD_UNKNOWN =
  "The email service did not confirm this password change, so it may or may not have been done, and a password cannot be read back to check. Set a new one again to be sure.";
export const NOT_SENT = "Not sent: the email service stopped answering before this part of the list.";
export const GONE = "This mailbox no longer exists.";

/**
 * Why a mailbox's outcome is open: eNom answered but did not name it among the done or the
 * failed (`unnamed`: it has finished, so what it shows now is the outcome), or the answer was
 * lost (`lost`: eNom may still be working, so only a change already visible settles it).
 */
export type OpenCause = "unnamed" | "lost";

export interface SentBatch {
  results: MailboxResult[];
  requests: number;
  /** eNom's own words per mailbox and per call, for the audit log only. */
  enomReasons: Map<string, string>;
  trackingKeys: string[];
  /** Mailboxes whose outcome eNom left open, by lower-cased name. */
  open: Map<string, OpenCause>;
  /** eNom's words (in the user's terms) that came with an open outcome, by lower-cased name. */
  said: Map<string, string>;
  /** Mailboxes settled by reading the domain again. */
  settled: string[];
}

/**
 * Sends the list in calls of at most 99 (one call for up to 99 mailboxes). When eNom stops
 * answering, the rest is not sent: a lost answer has to be looked at before anything more goes.
 */
export async function sendInBatches<T>(
  items: readonly T[],
  nameOf: (item: T) => string,
  action: string,
  send: (chunk: T[]) => Promise<MailboxBatch>,
): Promise<SentBatch> {
  const outcome = new Map<string, MailboxResult>();
  const sent: SentBatch = {
    results: [],
    requests: 0,
    enomReasons: new Map(),
    trackingKeys: [],
    open: new Map(),
    said: new Map(),
    settled: [],
  };
  const set = (name: string, result: Omit<MailboxResult, "userName">) =>
    outcome.set(name.toLowerCase(), { userName: name, ...result });
  let stopped = false;
  for (let start = 0; start < items.length; start += MAILBOX_BATCH_MAX) {
    const chunk = items.slice(start, start + MAILBOX_BATCH_MAX);
    const names = chunk.map(nameOf);
    if (stopped) {
      for (const name of names) set(name, { outcome: "failed", message: NOT_SENT });
      continue;
    }
    sent.requests += 1;
    try {
      const batch = await send(chunk);
      if (batch.trackingKey) sent.trackingKeys.push(batch.trackingKey);
      for (const name of batch.succeeded) set(name, { outcome: "ok", message: null });
      for (const failure of batch.failed) {
        set(failure.userName, { outcome: "failed", message: reasonForUser(failure.reason, action) });
        sent.enomReasons.set(failure.userName.toLowerCase(), failure.reason);
      }
      // eNom repeats one text per failed user (seeds/001): each is said once.
      const errors = [...new Set(batch.enomErrors.map((error) => error.trim()).filter(Boolean))];
      const said = errors.length ? inServiceWords(errors.join(" ")) : null;
      for (const name of batch.unknown) {
        set(name, { outcome: "unknown", message: `${unnamedFailure(said)}. ${UNCONFIRMED}` });
        sent.open.set(name.toLowerCase(), "unnamed");
        if (said) sent.said.set(name.toLowerCase(), said);
        sent.enomReasons.set(
          name.toLowerCase(),
          errors.join(" | ") || "eNom's counts named no outcome for this mailbox",
        );
      }
    } catch (error) {
      const failure = describeEnomFailure(error);
      if (!failure) throw error;
      if (failure.trackingKey) sent.trackingKeys.push(failure.trackingKey);
      const lost = failure.outcome === "unknown";
      // A whole refusal by eNom names one reason (the first user's) for everyone in the call.
      const message = lost ? UNCONFIRMED : isPasswordRejected(error) ? PASSWORD_REJECTED : failure.message;
      for (const name of names) {
        set(name, { outcome: lost ? "unknown" : "failed", message });
        sent.enomReasons.set(name.toLowerCase(), failure.enomError);
        if (lost) sent.open.set(name.toLowerCase(), "lost");
      }
      if (isEnomUnavailable(error)) stopped = true;
    }
  }
  sent.results = items.map((item) => {
    const name = nameOf(item);
    const result = outcome.get(name.toLowerCase());
    if (result) return result;
    // eNom's answer did not mention it at all: as open as a lost answer.
    sent.open.set(name.toLowerCase(), "unnamed");
    return { userName: name, outcome: "unknown", message: UNCONFIRMED };
  });
  return sent;
}

/** What a mailbox's state after the change says about an open outcome; null: it does not tell. */
export type Verdict = { outcome: MailboxOutcome; message: string | null } | null;
export type Judge = (after: Mailbox | undefined, cause: OpenCause, said: string | null) => Verdict;

/**
 * Reads the domain once (GetPOP3) and settles every open outcome that eNom's state now shows.
 * If the read fails, they stay unknown: the grid reads again and shows what is true.
 */
export async function settleByReadBack(
  domain: string,
  sent: SentBatch,
  judge: Judge,
  read: (domain: string) => Promise<DomainEmail> = (name) => getEnomClient().getPop3({ domain: name }),
): Promise<void> {
  const open = sent.results.filter(
    (result) => result.outcome === "unknown" && sent.open.has(result.userName.toLowerCase()),
  );
  if (open.length === 0) return;
  let email: DomainEmail;
  try {
    email = await read(domain);
  } catch (error) {
    if (!describeEnomFailure(error)) throw error;
    return;
  }
  const index = mailboxIndex(email);
  for (const result of open) {
    const key = result.userName.toLowerCase();
    const verdict = judge(index.get(key), sent.open.get(key) ?? "lost", sent.said.get(key) ?? null);
    if (!verdict) continue;
    result.outcome = verdict.outcome;
    result.message = verdict.message;
    sent.open.delete(key);
    sent.settled.push(result.userName);
  }
}
