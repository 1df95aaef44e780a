import { formatReadAt, plural } from "@/components/domains/format";

/**
 * "Showing 26–50 of 120 domains matching (300 in all). Read at …": which rows this page holds, of
 * how many, and how fresh they are.
 */
export function ListRange({
  page,
  pageSize,
  shown,
  total,
  noun,
  allTotal,
  readAtLabel = "Read at",
  readAt,
}: {
  page: number;
  pageSize: number;
  /** Rows on this page. */
  shown: number;
  /** Rows matching the search and filters. */
  total: number;
  /** What a row is, singular: "domain", "pak". */
  noun: string;
  /** Every row, when a search or filter narrows the list; omitted when nothing narrows it. */
  allTotal?: number;
  /** E.g. "Read from eNom at". */
  readAtLabel?: string;
  /** ISO instant of the read. */
  readAt: string;
}) {
  const first = (page - 1) * pageSize + 1;
  const last = first + shown - 1;
  return (
    <p className="mb-2 text-sm text-muted">
      Showing {first.toLocaleString("en-US")}–{last.toLocaleString("en-US")} of {plural(total, noun)}
      {allTotal !== undefined ? ` matching (${allTotal.toLocaleString("en-US")} in all)` : ""}. {readAtLabel}{" "}
      {formatReadAt(readAt)}.
    </p>
  );
}
