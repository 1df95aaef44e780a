import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import type { DomainEmail } from "@/lib/enom";
import { REFUSED_KEY } from "@/lib/jobs/handler";
import { MAILBOX_JOB_KINDS } from "@/lib/jobs/kinds/mailboxes";
import { createRun, type NewRunItem } from "@/lib/jobs/runs";
import { deleteBlocker, type NewMailbox } from "@/lib/validation/mailboxes";
import { GONE, inExpiredPak, isExpired, mailboxIndex } from "./batch";

/**
 * Starts the grid's long lists as jobs (more than one eNom call: lib/jobs/model.ts JOB_THRESHOLD).
 * The same checks as the actions are made here, against the domain as eNom has it now (`email`,
 * read by the caller): a mailbox that cannot take the change becomes an item already refused, so
 * the job's result lists every mailbox asked for. Whole refusals come back as `{ refused }`.
 */

export type JobStart = { runId: string } | { refused: string };

const TAKEN = "A mailbox with this name already exists on this domain.";

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : word.endsWith("x") ? "es" : "s"}`;
}

function runOwner(user: SessionUser) {
  return {
    actor: { id: user.id, email: user.email, role: user.role },
    // A customer's runs are theirs to follow; staff runs stay with staff.
    customerId: user.role === "customer" ? user.customerId : null,
  };
}

export async function startCreateMailboxesJob(
  user: SessionUser,
  domain: string,
  email: DomainEmail,
  bundleId: number,
  mailboxes: readonly NewMailbox[],
  source?: string,
): Promise<JobStart> {
  const pak = email.paks.find((candidate) => candidate.bundleId === bundleId);
  if (!pak) return { refused: "That pak was not found." };
  if (isExpired(pak.expires.iso))
    return { refused: `Pak ${pak.bundleId} has expired; renew it before adding mailboxes.` };
  const existing = mailboxIndex(email);
  const toCreate = mailboxes.filter((mailbox) => !existing.has(mailbox.userName.toLowerCase()));
  if (toCreate.length === 0) return { refused: "Every name is already taken on this domain." };
  if (toCreate.length > pak.qtyAvailable)
    return {
      refused: `Pak ${pak.bundleId} has ${pak.qtyAvailable === 0 ? "no free mailbox" : plural(pak.qtyAvailable, "free mailbox")}, and ${toCreate.length} were asked for. Remove some, or add mailboxes to the pak first.`,
    };
  const items: NewRunItem[] = mailboxes.map((mailbox) => {
    const label = `${mailbox.userName}@${domain}`;
    const input = {
      userName: mailbox.userName,
      bundleId,
      isAdmin: mailbox.isAdmin,
      displayName: mailbox.displayName,
    };
    return existing.has(mailbox.userName.toLowerCase())
      ? { label, input: { ...input, [REFUSED_KEY]: TAKEN } }
      : { label, input, secret: mailbox.password };
  });
  const run = await createRun({
    kind: MAILBOX_JOB_KINDS.create,
    title: `${source ? `Import ${plural(mailboxes.length, "mailbox")} from ${source}` : `Create ${plural(mailboxes.length, "mailbox")}`} in pak ${bundleId} of ${domain}`,
    domain,
    items,
    ...runOwner(user),
  });
  return { runId: run.id };
}

export async function startResetPasswordsJob(
  user: SessionUser,
  domain: string,
  email: DomainEmail,
  resets: readonly { userName: string; password: string }[],
): Promise<JobStart> {
  const existing = mailboxIndex(email);
  const items: NewRunItem[] = resets.map((reset) => {
    const label = `${reset.userName}@${domain}`;
    return existing.has(reset.userName.toLowerCase())
      ? { label, input: { userName: reset.userName }, secret: reset.password }
      : { label, input: { userName: reset.userName, [REFUSED_KEY]: GONE } };
  });
  const run = await createRun({
    kind: MAILBOX_JOB_KINDS.resetPasswords,
    title: `New passwords for ${plural(resets.length, "mailbox")} of ${domain}`,
    domain,
    items,
    ...runOwner(user),
  });
  return { runId: run.id };
}

export async function startDeleteMailboxesJob(
  user: SessionUser,
  domain: string,
  email: DomainEmail,
  userNames: readonly string[],
): Promise<JobStart> {
  const existing = mailboxIndex(email);
  const items: NewRunItem[] = userNames.map((userName) => {
    const mailbox = existing.get(userName.toLowerCase());
    const reason = mailbox ? deleteBlocker(mailbox.userName, inExpiredPak(email, mailbox)) : GONE;
    const input = { userName, bundleId: mailbox?.bundleId ?? null };
    return { label: `${userName}@${domain}`, input: reason ? { ...input, [REFUSED_KEY]: reason } : input };
  });
  const run = await createRun({
    kind: MAILBOX_JOB_KINDS.delete,
    title: `Delete ${plural(userNames.length, "mailbox")} from ${domain}`,
    domain,
    items,
    ...runOwner(user),
  });
  return { runId: run.id };
}
