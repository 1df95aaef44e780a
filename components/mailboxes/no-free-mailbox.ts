import type { DomainCapabilities, PakView } from "@/lib/domains/types";
import { formatCalendarDate } from "@/lib/format";
import { PROD_TYPE_MAILBOX } from "@/lib/validation/enom-rules";
import { isPakExpired, pakName, paksWithRoom, todayIso } from "./paks";

/**
 * Why no mailbox can be added to a domain now, and what the viewer can do about it: the grid's
 * notice and the create dialog say the same. An expired pak with free places is said to be
 * expired (never "no free mailbox"), with a way to renew it when the viewer may renew, or who to
 * ask when not. Plain functions, testable without a browser.
 */
export type NoFreeMailbox =
  | { kind: "no-pak" }
  /** Only expired paks have free places: renewing one of them makes room. Newest expiry first. */
  | {
      kind: "expired";
      paks: Pick<PakView, "bundleId" | "capacityGb" | "expires" | "available">[];
      onlyPak: boolean;
    }
  /** Every pak is full; `growable` is a current pak that takes more mailboxes, if any. */
  | { kind: "full"; growable: number | null };

export function noFreeMailboxReason(paks: readonly PakView[], today = todayIso()): NoFreeMailbox | null {
  if (paks.length === 0) return { kind: "no-pak" };
  if (paksWithRoom(paks, today).length > 0) return null;
  const expiredWithRoom = paks
    .filter((pak) => isPakExpired(pak, today) && pak.available > 0)
    .sort((a, b) => b.expires.localeCompare(a.expires) || a.bundleId - b.bundleId);
  if (expiredWithRoom.length > 0)
    return {
      kind: "expired",
      paks: expiredWithRoom.map(({ bundleId, capacityGb, expires, available }) => ({
        bundleId,
        capacityGb,
        expires,
        available,
      })),
      onlyPak: paks.length === 1,
    };
  // Only a Mailbox pak takes more mailboxes (as the pak card's "Add mailboxes"; see takesMoreMailboxes).
  const growable = paks.find(
    (pak) => !isPakExpired(pak, today) && (pak.prodType === null || pak.prodType === PROD_TYPE_MAILBOX),
  );
  return { kind: "full", growable: growable?.bundleId ?? null };
}

export type NoticeAllowances = Pick<
  DomainCapabilities,
  "renew" | "purchase" | "manageMailboxes" | "basePath" | "serviceName"
>;

export interface NoFreeMailboxNotice {
  /** One or two sentences for the viewer. */
  text: string;
  /** The way out, when the viewer may take it: renew, buy, add mailboxes. */
  link: { href: string; label: string } | null;
}

const portalOf = (allowed: NoticeAllowances) => allowed.basePath === "/portal";

function renewHref(domain: string, bundleIds: readonly number[], basePath: string): string {
  const [only] = bundleIds;
  if (bundleIds.length === 1 && only !== undefined)
    return `${basePath}/renew?domain=${encodeURIComponent(domain)}&pak=${only}`;
  const items = bundleIds.map((bundleId) => `${domain}:${bundleId}`).join(",");
  return `${basePath}/renew?${new URLSearchParams({ items })}`;
}

/** The words and the link for a reason, as this viewer may act on it. */
export function noFreeMailboxNotice(
  reason: NoFreeMailbox,
  domain: string,
  allowed: NoticeAllowances,
): NoFreeMailboxNotice {
  const portal = portalOf(allowed);
  switch (reason.kind) {
    case "no-pak":
      return allowed.purchase
        ? {
            text: "This domain has no email pak yet, so mailboxes cannot be added: buy one first.",
            link: {
              href: `${allowed.basePath}/purchase?domain=${encodeURIComponent(domain)}`,
              label: "Buy email",
            },
          }
        : {
            text: `This domain has no email pak yet, so mailboxes cannot be added${portal ? ": ask your provider for one." : "."}`,
            link: null,
          };
    case "expired": {
      const single = reason.paks.length === 1 ? reason.paks[0] : undefined;
      const subject = single
        ? reason.onlyPak
          ? "This domain's pak"
          : `${pakName(single)}, the only pak with free places,`
        : "The paks with free places";
      const when = single
        ? `expired on ${formatCalendarDate({ iso: single.expires })}`
        : `expired (${reason.paks
            .map((pak) => `${pakName(pak)} on ${formatCalendarDate({ iso: pak.expires })}`)
            .join(", ")})`;
      const it = single ? "it" : "one of them";
      if (allowed.renew)
        return {
          text: `${subject} ${when}: renew ${it} to add mailboxes.`,
          link: {
            href: renewHref(
              domain,
              reason.paks.map((pak) => pak.bundleId),
              allowed.basePath,
            ),
            label: single ? `Renew ${pakName(single)}` : "Renew them",
          },
        };
      return {
        text: portal
          ? `${subject} ${when}: ask your provider to renew ${it} to add mailboxes.`
          : `${subject} ${when}: ${it} must be renewed before mailboxes can be added.`,
        link: null,
      };
    }
    case "full": {
      const remedies: string[] = [];
      if (allowed.purchase)
        remedies.push(reason.growable !== null ? "add mailboxes to a pak" : "buy a new pak");
      if (allowed.manageMailboxes) remedies.push("delete a mailbox that is no longer needed");
      const text =
        remedies.length > 0
          ? `Every pak of this domain is full: ${remedies.join(", or ")}.`
          : `Every pak of this domain is full${portal ? ": ask your provider for more mailboxes." : "."}`;
      const base = `${allowed.basePath}/purchase?domain=${encodeURIComponent(domain)}`;
      return {
        text,
        link: allowed.purchase
          ? reason.growable !== null
            ? { href: `${base}&pak=${reason.growable}&grow=mailboxes`, label: "Add mailboxes to a pak" }
            : { href: base, label: "Buy a new pak" }
          : null,
      };
    }
  }
}
