import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { expirationsHref, type ExpirationQuery } from "@/lib/expirations/list";

export function ExpirationsPagination({
  query,
  page,
  pageCount,
}: {
  query: ExpirationQuery;
  page: number;
  pageCount: number;
}) {
  if (pageCount <= 1) return null;
  const link = (target: number, label: string, rel?: "prev" | "next") =>
    target >= 1 && target <= pageCount ? (
      <Link
        href={expirationsHref(query, { page: target })}
        rel={rel}
        className={buttonClasses("secondary", "sm")}
      >
        {label}
      </Link>
    ) : (
      <span
        aria-disabled="true"
        className={buttonClasses("secondary", "sm", "pointer-events-none opacity-50")}
      >
        {label}
      </span>
    );
  return (
    <nav aria-label="Pages of the paks" className="mt-4 flex flex-wrap items-center gap-3">
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
