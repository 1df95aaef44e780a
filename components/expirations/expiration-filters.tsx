import { Download } from "lucide-react";
import { ListFilterForm, ListSearchField, PageSizeField } from "@/components/lists/list-filter-form";
import { buttonClasses } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import {
  DEFAULT_EXPIRATION_QUERY,
  EXPIRATION_FILTER_LABELS,
  EXPIRATION_FILTERS,
  EXPIRATION_PAGE_SIZES,
  expirationsExportHref,
  type ExpirationQuery,
} from "@/lib/expirations/list";

/**
 * The paks' search and filter (a GET form: see ListFilterForm); the CSV download takes the same
 * settings.
 */
export function ExpirationFilters({ query }: { query: ExpirationQuery }) {
  return (
    <ListFilterForm
      action="/expirations"
      label="Search and filter paks"
      order={query}
      defaultOrder={DEFAULT_EXPIRATION_QUERY}
      extraActions={
        <a
          href={expirationsExportHref(query)}
          download
          className={buttonClasses("secondary", "md", "sm:ml-auto")}
        >
          <Download aria-hidden="true" className="size-4" />
          Export CSV
        </a>
      }
    >
      <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)]">
        <ListSearchField value={query.q} hint="Part of a domain or customer name" />
        <SelectField label="Show" name="filter" defaultValue={query.filter ?? ""}>
          <option value="">Every pak</option>
          {EXPIRATION_FILTERS.map((filter) => (
            <option key={filter} value={filter}>
              {EXPIRATION_FILTER_LABELS[filter]}
            </option>
          ))}
        </SelectField>
        <PageSizeField label="Paks per page" sizes={EXPIRATION_PAGE_SIZES} value={query.pageSize} />
      </div>
    </ListFilterForm>
  );
}
