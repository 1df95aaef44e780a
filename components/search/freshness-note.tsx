import { formatReadAt, plural } from "@/components/domains/format";
import type { MirrorFreshness } from "@/lib/search/model";

/** How fresh the searched copy of the account is: results come from the mirror, not live. */
export function FreshnessNote({ freshness }: { freshness: MirrorFreshness | null }) {
  if (!freshness) return null;
  const { oldestReadAt, newestReadAt, unreadDomains } = freshness;
  const read =
    oldestReadAt && newestReadAt
      ? oldestReadAt === newestReadAt
        ? `Searched the copy of your account read ${formatReadAt(newestReadAt)}.`
        : `Searched the copy of your account read between ${formatReadAt(oldestReadAt)} and ${formatReadAt(newestReadAt)}.`
      : "The account has not been read yet, so there is nothing to search.";
  return (
    <p className="text-xs text-muted">
      {read}
      {unreadDomains > 0 && oldestReadAt
        ? ` The mailboxes of ${plural(unreadDomains, "domain")} are not read yet.`
        : ""}
    </p>
  );
}
