"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useRef, type MouseEvent } from "react";
import { Drawer } from "@/components/ui/drawer";
import type { AuditListRow } from "@/lib/audit";
import { AuditCards } from "./audit-cards";
import { AuditEntryDetails } from "./audit-entry-details";
import { actionLabel, formatUtc } from "./audit-model";
import { AuditTable } from "./audit-table";

/**
 * The page of audit entries with its details drawer. The open entry is in the URL (`?entry=42`,
 * beside the filters and the page), so a reload, the Back button and a shared link show it again.
 * Opening one changes only the URL (history.pushState, which Next.js's router follows), so the
 * drawer opens at once without asking the server; Back, Escape or Close shut it.
 */
export function AuditLog({
  path,
  query,
  entries,
  linked,
}: {
  /** The page's path, e.g. `/audit`. */
  path: string;
  /** The filters and page as a query string (`?outcome=failed&before=120`), without `entry`. */
  query: string;
  entries: AuditListRow[];
  /** The entry the URL names when it is not on this page (a shared link to an older one). */
  linked: AuditListRow | null;
}) {
  const searchParams = useSearchParams();
  const openId = Number(searchParams.get("entry")) || undefined;
  const open = entries.find((entry) => entry.id === openId) ?? (linked?.id === openId ? linked : undefined);
  // Whether this page pushed the history entry that opened the drawer: then closing goes Back.
  const pushed = useRef(false);

  const hrefOf = useCallback(
    (id: number) => {
      const params = new URLSearchParams(query);
      params.set("entry", String(id));
      return `${path}?${params.toString()}`;
    },
    [path, query],
  );

  const onOpen = useCallback(
    (event: MouseEvent<HTMLElement>, id: number) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      pushed.current = true;
      window.history.pushState(null, "", hrefOf(id));
    },
    [hrefOf],
  );

  const onClose = useCallback(() => {
    // The <dialog> reports its own closing too; only the first report changes the URL.
    if (!new URLSearchParams(window.location.search).has("entry")) return;
    if (pushed.current) {
      pushed.current = false;
      window.history.back();
    } else {
      window.history.replaceState(null, "", `${path}${query}`);
    }
  }, [path, query]);

  const links = { hrefOf, onOpen, openId };
  return (
    <>
      {entries.length ? (
        <>
          <div className="hidden xl:block">
            <AuditTable entries={entries} {...links} />
          </div>
          <div className="xl:hidden">
            <AuditCards entries={entries} {...links} />
          </div>
        </>
      ) : null}
      <Drawer
        open={Boolean(open)}
        onClose={onClose}
        title={open ? actionLabel(open.action) : "Audit entry"}
        description={open ? `Entry #${open.id}, ${formatUtc(open.at)} UTC` : undefined}
      >
        {open ? <AuditEntryDetails entry={open} /> : null}
      </Drawer>
    </>
  );
}
