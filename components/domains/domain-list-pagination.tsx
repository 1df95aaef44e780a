import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { domainListHref, type DomainListQuery } from "@/lib/domains/domain-list";

export function DomainListPagination({
  query,
  page,
  pageCount,
}: {
  query: DomainListQuery;
  page: number;
  pageCount: number;
}) {
  if (pageCount <= 1) return null;
  const link = (target: number, label: string, rel?: "prev" | "next") =>
    target >= 1 && target <= pageCount ? (
      <Link
        href={domainListHref(query, { page: target })}
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
    <nav aria-label="Pages of the domain list" className="mt-4 flex flex-wrap items-center gap-3">
      {link(1, "First")}
      {link(page - 1, "Previous", "prev")}
      <span className="text-sm text-muted">
        Page {page} of {pageCount}
      </span>
      {link(page + 1, "Next", "next")}
      {link(pageCount, "Last")}
    </nav>
  );
}
