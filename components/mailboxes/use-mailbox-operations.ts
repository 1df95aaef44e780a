"use client";

import { useQueryClient } from "@tanstack/react-query";
import {
  createMailboxesAction,
  deleteMailboxesAction,
  removeMailboxForwardingAction,
  resetMailboxPasswordsAction,
  setMailboxAdminAction,
  setMailboxForwardingAction,
  startCreateMailboxesJobAction,
  startDeleteMailboxesJobAction,
  startResetPasswordsJobAction,
} from "@/lib/actions/mailboxes";
import type { DomainEmailView, DomainForwardingView, MailboxView, PakView } from "@/lib/domains/types";
import { queryKeys } from "@/lib/query-keys";
import { MAILBOX_BATCH_MAX } from "@/lib/validation/mailbox-rules";
import type { NewMailbox } from "@/lib/validation/mailboxes";
import { useMailboxWrites, type Activity } from "./use-mailbox-writes";

/**
 * Every change the grid makes, each as one write spec for `useMailboxWrites`: which action, what
 * the rows show meanwhile, and how the cached domain changes when eNom confirms.
 */

export interface CreateDraftRow extends NewMailbox {
  /** Why the row failed last time, shown beside it when the user fixes it. */
  error?: string;
}

function plural(count: number): string {
  return `${count} mailbox${count === 1 ? "" : "es"}`;
}

function withPakCounts(paks: PakView[], bundleOf: (bundleId: number) => number): PakView[] {
  return paks.map((pak) => {
    const change = bundleOf(pak.bundleId);
    if (!change) return pak;
    const used = Math.max(0, Math.min(pak.purchased, pak.used + change));
    return { ...pak, used, available: pak.purchased - used };
  });
}

function patchMailboxes(
  view: DomainEmailView,
  names: readonly { userName: string }[],
  patch: Partial<MailboxView>,
): DomainEmailView {
  const wanted = new Set(names.map((item) => item.userName.toLowerCase()));
  return {
    ...view,
    mailboxes: view.mailboxes.map((mailbox) =>
      wanted.has(mailbox.userName.toLowerCase()) ? { ...mailbox, ...patch } : mailbox,
    ),
  };
}

/** Lists longer than eNom takes at once are sent in parts (as a job on the server); the results say so. */
function partsNote(count: number): string {
  const parts = Math.ceil(count / MAILBOX_BATCH_MAX);
  return parts > 1
    ? ` (in ${parts} parts of at most ${MAILBOX_BATCH_MAX}: the email service takes no more at once)`
    : "";
}

/** Whose forwarding is changed: a mailbox, or a forwarding address without one. */
interface ForwardingSubject {
  userName: string;
  address: string;
  forwardOnly?: boolean;
}

export function useMailboxOperations(
  domain: string,
  options: {
    onFixCreate: (bundleId: number, rows: CreateDraftRow[]) => void;
    /** Opens the forwarding dialog again with what was typed. */
    onFixForwarding: (userName: string, draft: { forwardTo: string; keepCopy: boolean }) => void;
  },
) {
  const writes = useMailboxWrites(domain);
  const queryClient = useQueryClient();
  const forwardingKey = queryKeys.domainForwarding(domain);
  // The aliases panel reads eNom's domain forwarding, which may hold the same forward-only names.
  const aliasesKey = queryKeys.domainAliases(domain);

  /** The cached forwards with one mailbox's forward replaced (or removed), until they are read again. */
  function patchForward(userName: string, forward: { forwardTo: string; active: boolean } | null) {
    queryClient.setQueryData<DomainForwardingView>(forwardingKey, (current) => {
      if (!current) return current;
      const others = current.forwards.filter(
        (entry) => entry.userName.toLowerCase() !== userName.toLowerCase(),
      );
      return { ...current, forwards: forward ? [...others, { userName, ...forward }] : others };
    });
  }

  // ModifyPOP3 names no pak (modify-pop-3.md): one call covers a selection across paks.
  function setAdmin(mailboxes: readonly MailboxView[], isAdmin: boolean) {
    if (mailboxes.length === 0) return;
    const role = isAdmin ? "an administrator" : "a regular user";
    const before = isAdmin ? "a regular user" : "an administrator";
    return writes.run({
      title:
        mailboxes.length === 1
          ? `Make ${mailboxes[0]?.address} ${role}`
          : `Make ${plural(mailboxes.length)} ${isAdmin ? "administrators" : "regular users"}${partsNote(mailboxes.length)}`,
      items: mailboxes.map((mailbox) => ({ userName: mailbox.userName })),
      pendingLabel: "Saving…",
      patch: { isAdmin },
      listKey: "userNames",
      send: (chunk) =>
        setMailboxAdminAction({ domain, userNames: chunk.map((item) => item.userName), isAdmin }),
      apply: (current, done) => patchMailboxes(current, done, { isAdmin }),
      wording: { done: isAdmin ? "Made administrator:" : "Made regular user:" },
      failedOne: (address, reason) => `Could not make ${address} ${role}: ${reason} It is still ${before}.`,
    });
  }

  function resetPasswords(items: { userName: string; password: string }[], showPasswords: () => boolean) {
    if (items.length === 0) return Promise.resolve([]);
    return writes.run({
      title:
        items.length === 1
          ? `New password for ${items[0]?.userName}@${domain}`
          : `New passwords for ${plural(items.length)}${partsNote(items.length)}`,
      items,
      pendingLabel: "Setting password…",
      listKey: "items",
      send: (chunk) => resetMailboxPasswordsAction({ domain, items: chunk }),
      startJob: (all) => startResetPasswordsJobAction({ domain, items: all }),
      wording: { done: "New password set for" },
      failedOne: (address, reason) =>
        `Could not set the new password of ${address}: ${reason} The old one still works.`,
      showPasswords,
    });
  }

  function deleteMailboxes(mailboxes: readonly MailboxView[]) {
    if (mailboxes.length === 0) return;
    const pakOf = new Map(mailboxes.map((mailbox) => [mailbox.userName.toLowerCase(), mailbox.bundleId]));
    return writes.run({
      title:
        mailboxes.length === 1
          ? `Delete ${mailboxes[0]?.address}`
          : `Delete ${plural(mailboxes.length)}${partsNote(mailboxes.length)}`,
      items: mailboxes.map((mailbox) => ({ userName: mailbox.userName })),
      pendingLabel: "Deleting…",
      listKey: "userNames",
      send: (chunk) => deleteMailboxesAction({ domain, userNames: chunk.map((item) => item.userName) }),
      startJob: (all) =>
        startDeleteMailboxesJobAction({ domain, userNames: all.map((item) => item.userName) }),
      apply: (current, done) => {
        const gone = new Set(done.map((item) => item.userName.toLowerCase()));
        const freed = new Map<number, number>();
        for (const item of done) {
          const bundleId = pakOf.get(item.userName.toLowerCase());
          if (bundleId) freed.set(bundleId, (freed.get(bundleId) ?? 0) + 1);
        }
        return {
          ...current,
          mailboxes: current.mailboxes.filter((mailbox) => !gone.has(mailbox.userName.toLowerCase())),
          paks: withPakCounts(current.paks, (bundleId) => -(freed.get(bundleId) ?? 0)),
        };
      },
      wording: { done: "Deleted" },
      failedOne: (address, reason) => `Could not delete ${address}: ${reason} It is still there.`,
    });
  }

  /**
   * Forwarding: SetPOPForwarding, which the action reads back. The grid's copy of the forwards is
   * patched with what was confirmed, then read again either way. `mailbox` is a mailbox of the
   * grid or a forwarding address without one (`forwardOnly`).
   */
  async function setForwarding(
    mailbox: ForwardingSubject,
    forwardTo: string,
    keepCopy: boolean,
    current: string | null,
  ) {
    const rows = await writes.run({
      title: `Forward ${mailbox.address}`,
      items: [{ userName: mailbox.userName }],
      pendingLabel: "Saving…",
      listKey: "userName",
      send: () => setMailboxForwardingAction({ domain, userName: mailbox.userName, forwardTo, keepCopy }),
      wording: { done: "Changed forwarding of" },
      failedOne: (address, reason) =>
        `Could not change the forwarding of ${address}: ${reason} ${
          current ? `It still forwards to ${current}.` : "It still does not forward."
        }`,
      retry: () => ({
        label: "Edit the forwarding again",
        run: () => options.onFixForwarding(mailbox.userName, { forwardTo, keepCopy }),
      }),
      refresh: [forwardingKey, aliasesKey],
    });
    if (rows[0]?.state === "ok") patchForward(mailbox.userName, { forwardTo, active: true });
    return rows;
  }

  async function removeForwarding(mailbox: ForwardingSubject, current: string) {
    const rows = await writes.run({
      title: mailbox.forwardOnly ? `Remove ${mailbox.address}` : `Stop forwarding ${mailbox.address}`,
      items: [{ userName: mailbox.userName }],
      pendingLabel: "Saving…",
      listKey: "userName",
      send: () => removeMailboxForwardingAction({ domain, userName: mailbox.userName }),
      wording: { done: mailbox.forwardOnly ? "Removed" : "Stopped forwarding of" },
      failedOne: (address, reason) =>
        `Could not ${mailbox.forwardOnly ? "remove" : "stop the forwarding of"} ${address}: ${reason} It still forwards to ${current}.`,
      refresh: [forwardingKey, aliasesKey],
    });
    if (rows[0]?.state === "ok") patchForward(mailbox.userName, null);
    return rows;
  }

  function createMailboxes(bundleId: number, mailboxes: NewMailbox[], source?: string) {
    const ghosts: MailboxView[] = mailboxes.map((mailbox) => ({
      userName: mailbox.userName,
      address: `${mailbox.userName}@${domain}`,
      displayName: mailbox.displayName,
      bundleId,
      isAdmin: mailbox.isAdmin,
      quotaMb: null,
      quotaUsedMb: null,
      expires: null,
    }));
    const what = mailboxes.length === 1 ? `${mailboxes[0]?.userName}@${domain}` : plural(mailboxes.length);
    return writes.run({
      title: `${source ? `Import ${what} from ${source}` : `Create ${what}`}${partsNote(mailboxes.length)}`,
      items: mailboxes,
      pendingLabel: "Creating…",
      ghosts,
      listKey: "mailboxes",
      send: (chunk) => createMailboxesAction({ domain, bundleId, mailboxes: chunk }),
      startJob: (all) => startCreateMailboxesJobAction({ domain, bundleId, mailboxes: all }),
      apply: (current, done) => {
        const made = new Set(done.map((item) => item.userName.toLowerCase()));
        return {
          ...current,
          mailboxes: [
            ...current.mailboxes,
            ...ghosts.filter((ghost) => made.has(ghost.userName.toLowerCase())),
          ],
          paks: withPakCounts(current.paks, (id) => (id === bundleId ? done.length : 0)),
        };
      },
      wording: { done: "Created" },
      failedOne: (address, reason) => `Could not create ${address}: ${reason}`,
      // The passwords were typed or generated here and exist nowhere else: shown once with the results.
      showPasswords: () => true,
      retry: (failed, messages): Activity["retry"] => ({
        label: `Fix the ${plural(failed.length)} that failed`,
        run: () =>
          options.onFixCreate(
            bundleId,
            failed.map((mailbox) => ({ ...mailbox, error: messages.get(mailbox.userName.toLowerCase()) })),
          ),
      }),
    });
  }

  return {
    ...writes,
    toggleAdmin: (mailbox: MailboxView) => setAdmin([mailbox], !mailbox.isAdmin),
    setAdmin,
    resetPasswords,
    deleteMailboxes,
    setForwarding,
    removeForwarding,
    createMailboxes,
  };
}
