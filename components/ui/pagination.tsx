import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

/** First / previous / next / last links of a server-paged list; each page is its own URL. */
export function Pagination({
  label,
  page,
  pageCount,
  hrefFor,
}: {
  /** Names the navigation landmark, e.g. "Pages of the domain list". */
  label: string;
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  const link = (target: number, text: string, rel?: "prev" | "next") =>
    target >= 1 && target <= pageCount ? (
      <Link href={hrefFor(target)} rel={rel} className={buttonClasses("secondary", "sm")}>
        {text}
      </Link>
    ) : (
      <span
        aria-disabled="true"
        className={buttonClasses("secondary", "sm", "pointer-events-none opacity-50")}
      >
        {text}
      </span>
    );
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap items-center gap-3">
      {link(1, "First")}
      {link(page - 1, "Previous", "prev")}
      <span className="text-sm text-muted">
        Page {page.toLocaleString("en-US")} of {pageCount.toLocaleString("en-US")}
      </span>
      {link(page + 1, "Next", "next")}
      {link(pageCount, "Last")}
    </nav>
  );
}
