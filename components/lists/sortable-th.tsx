import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import { Th } from "@/components/ui/table";
import type { SortDirection } from "@/lib/lists/url-settings";

/**
 * A column header of a server-sorted list: a link to the list in this column's order, a second
 * click reverses it, and `aria-sort` tells screen readers which column orders the rows.
 * Not a client component of its own: it renders where its table renders, server or browser.
 */
export function SortableTh<Sort extends string>({
  sort,
  current,
  hrefFor,
  firstDir = "asc",
  children,
}: {
  sort: Sort;
  /** The list's order now. */
  current: { sort: Sort; dir: SortDirection };
  /** The list's URL in this order (back to the first page). */
  hrefFor: (sort: Sort, dir: SortDirection) => string;
  /** The order of the first click: counts show the biggest first, names and dates A and the soonest. */
  firstDir?: SortDirection;
  children: string;
}) {
  const active = current.sort === sort;
  const dir = active ? (current.dir === "asc" ? "desc" : "asc") : firstDir;
  const Icon = !active ? ArrowUpDown : current.dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <Th aria-sort={active ? (current.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={hrefFor(sort, dir)} className="inline-flex items-center gap-1 hover:underline">
        {children}
        <Icon aria-hidden="true" className={active ? "size-3.5" : "size-3.5 text-muted"} />
      </Link>
    </Th>
  );
}
