import type { DomainForwardingView } from "@/lib/domains/types";
import type { ForwardingTarget } from "./forwarding-dialog";

/** A forwarding address without a mailbox, with what the grid shows while a change is on its way. */
export interface ForwardOnlyRow extends ForwardingTarget {
  forwardOnly: true;
  forwardTo: string;
  active: boolean;
  /** "Saving…" while a change is sent; null otherwise. */
  pending: string | null;
}

/**
 * The forwards GetPOPForwarding lists for user names GetPOP3 has no mailbox for: SetPOPForwarding
 * serves "both our POP mail and our email forwarding services" (eNom's page), and eNom's own samples
 * show such a name (GetPOPForwarding's Jane.Doe, GetPOP3's dell and hp).
 */
export function forwardOnlyRows(
  domain: string,
  forwarding: DomainForwardingView | undefined,
  mailboxNames: ReadonlySet<string>,
  pendingOf: (userName: string) => string | null,
): ForwardOnlyRow[] {
  return (forwarding?.forwards ?? [])
    .filter((forward) => forward.forwardTo !== "" && !mailboxNames.has(forward.userName.toLowerCase()))
    .map((forward) => ({
      userName: forward.userName,
      address: `${forward.userName}@${domain}`,
      forwardTo: forward.forwardTo,
      active: forward.active,
      forwardOnly: true as const,
      forwarding: { state: "known" as const, forwardTo: forward.forwardTo, active: forward.active },
      pending: pendingOf(forward.userName),
    }))
    .sort((a, b) => a.address.localeCompare(b.address, "en", { sensitivity: "base" }));
}
