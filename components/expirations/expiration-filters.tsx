import Form from "next/form";
import Link from "next/link";
import { Download } from "lucide-react";
import { Button, buttonClasses } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import {
  DEFAULT_EXPIRATION_QUERY,
  EXPIRATION_FILTER_LABELS,
  EXPIRATION_FILTERS,
  EXPIRATION_PAGE_SIZES,
  SEARCH_MAX,
  expirationsExportHref,
  type ExpirationQuery,
} from "@/lib/expirations/list";

/**
 * Search and filter as a GET form: the view lives in the URL, so it can be bookmarked or shared,
 * and the CSV download takes the same settings.
 */
export function ExpirationFilters({ query }: { query: ExpirationQuery }) {
  return (
    <Form
      action="/expirations"
      role="search"
      aria-label="Search and filter paks"
      className="mb-4 rounded-lg border border-line bg-surface p-4"
    >
      <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)]">
        <TextField
          label="Search"
          name="q"
          type="search"
          maxLength={SEARCH_MAX}
          defaultValue={query.q}
          hint="Part of a domain or customer name"
        />
        <SelectField label="Show" name="filter" defaultValue={query.filter ?? ""}>
          <option value="">Every pak</option>
          {EXPIRATION_FILTERS.map((filter) => (
            <option key={filter} value={filter}>
              {EXPIRATION_FILTER_LABELS[filter]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Paks per page" name="size" defaultValue={String(query.pageSize)}>
          {EXPIRATION_PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </SelectField>
      </div>
      {query.sort !== DEFAULT_EXPIRATION_QUERY.sort ? (
        <input type="hidden" name="sort" value={query.sort} />
      ) : null}
      {query.dir !== DEFAULT_EXPIRATION_QUERY.dir ? (
        <input type="hidden" name="dir" value={query.dir} />
      ) : null}
      <div className="mt-4 flex flex-wrap gap-2">
        <Button type="submit">Apply</Button>
        <Link href="/expirations" className={buttonClasses("ghost")}>
          Clear
        </Link>
        <a
          href={expirationsExportHref(query)}
          download
          className={buttonClasses("secondary", "md", "sm:ml-auto")}
        >
          <Download aria-hidden="true" className="size-4" />
          Export CSV
        </a>
      </div>
    </Form>
  );
}
